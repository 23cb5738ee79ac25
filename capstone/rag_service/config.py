"""Settings, read from environment variables (12-factor style), with defaults that work from this folder."""

from __future__ import annotations

import os
from dataclasses import dataclass, fields
from pathlib import Path

HERE = Path(__file__).resolve().parent.parent


@dataclass(frozen=True)
class Settings:
    """Everything the service can be told. Each field ``x`` is read from the variable ``RAG_X``."""

    docs_dir: Path = HERE / "docs"            # the folder of .md / .txt documents to answer from
    index_dir: Path = HERE / ".index"         # where ingestion writes chunks, vectors and its manifest
    embedder: str = "course-embedder"         # "hashing", "course-embedder", or a SentenceTransformer folder
    generator: str = "course-lm"              # "extractive", "course-lm", or "openai" (any compatible server)
    top_k: int = 3                            # passages retrieved per question
    min_score: float = 0.15                   # below this best retrieval score the service declines to answer
    min_overlap: int = 1                      # a quoted sentence must share this many content words with the question
    chunk_words: int = 80                     # maximum words per chunk
    lm_path: str = "course-lm"                # a causal LM folder, or a name that coursemodels.path() knows
    openai_base_url: str = "http://127.0.0.1:8001/v1"
    openai_model: str = "course-lm"
    host: str = "127.0.0.1"
    port: int = 8000

    @classmethod
    def from_env(cls, environ: dict[str, str] | None = None, **overrides: object) -> Settings:
        """Read ``RAG_*`` variables; a bad value raises ``ValueError`` naming the variable."""
        env = os.environ if environ is None else environ
        values: dict[str, object] = {}
        for f in fields(cls):
            name = f"RAG_{f.name.upper()}"
            if name not in env:
                continue
            raw = env[name]
            kind = type(f.default)
            try:
                values[f.name] = Path(raw) if isinstance(f.default, Path) else kind(raw)
            except ValueError:
                raise ValueError(f"{name}={raw!r} is not a valid {kind.__name__}") from None
        values.update(overrides)
        settings = cls(**values)
        if settings.top_k < 1:
            raise ValueError(f"RAG_TOP_K must be at least 1, got {settings.top_k}")
        if settings.min_overlap < 0:
            raise ValueError(f"RAG_MIN_OVERLAP must be at least 0, got {settings.min_overlap}")
        if settings.chunk_words < 10:
            raise ValueError(f"RAG_CHUNK_WORDS must be at least 10, got {settings.chunk_words}")
        return settings
