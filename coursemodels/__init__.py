"""coursemodels: the tiny models the course trains on its own text and ships with the repository.

Each model is a folder in Hugging Face format inside this package, so it loads with no network::

    >>> import coursemodels
    >>> coursemodels.available()
    ['course-embedder', 'course-lm']
    >>> from transformers import AutoModelForCausalLM, AutoTokenizer
    >>> lm = AutoModelForCausalLM.from_pretrained(coursemodels.path("course-lm"))       # doctest: +SKIP
    >>> tok = AutoTokenizer.from_pretrained(coursemodels.path("course-lm"))             # doctest: +SKIP
    >>> from sentence_transformers import SentenceTransformer
    >>> embedder = SentenceTransformer(str(coursemodels.path("course-embedder")))      # doctest: +SKIP

Each folder holds a model card (README.md) and training.json: how it was trained (``make models`` runs
``python -m coursemodels.train``), the sha256 of its training text, its loss curves and its baseline.
Nothing is downloaded, and importing this package imports neither torch nor transformers.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

__all__ = ["available", "path", "training_record"]

_HERE = Path(__file__).resolve().parent


def available() -> list[str]:
    """Names of the shipped models (folders holding a config.json or modules.json), sorted."""
    return sorted(p.name for p in _HERE.iterdir()
                  if p.is_dir() and ((p / "config.json").exists() or (p / "modules.json").exists()))


def path(name: str) -> Path:
    """Folder of the shipped model ``name``; pass it to ``from_pretrained`` (or ``str()`` of it to
    ``SentenceTransformer``). An unknown name raises ``ValueError`` listing the available ones."""
    names = available()
    if name not in names:
        raise ValueError(f"no course model named {name!r}; available: {', '.join(names) or '(none built yet)'}")
    return _HERE / name


def training_record(name: str) -> dict[str, Any]:
    """The training record (training.json) of model ``name``: seed, data hash, config, loss curves."""
    return json.loads((path(name) / "training.json").read_text(encoding="utf-8"))
