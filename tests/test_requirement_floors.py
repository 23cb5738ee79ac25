"""requirements.txt promises no less than the notebooks use.

Each row names an API the course calls and the first release of its package that has it. The test checks
both sides: the lower bound in requirements.txt is at least that release (so `pip install` of the oldest
allowed version cannot hand a learner a notebook that fails), and the API really exists in the installed
environment (so the row is not stale). Add a row when a notebook starts using something new.
"""

from __future__ import annotations

import importlib
import inspect

import pytest
from course_paths import ROOT
from packaging.requirements import Requirement
from packaging.version import Version

# (distribution, module, attribute path, keyword the call needs or None, first release that has it)
FLOORS = [
    ("numpy", "numpy", "trapezoid", None, "2.0"),
    ("scikit-learn", "sklearn.model_selection", "TunedThresholdClassifierCV", None, "1.5"),
    ("scikit-learn", "sklearn.ensemble", "HistGradientBoostingClassifier", None, "1.0"),
    ("scipy", "scipy.stats", "bootstrap", "rng", "1.15"),
    ("pandas", "pandas", "CategoricalDtype", None, "2.1"),
    ("torch", "torch.func", "grad", None, "2.0"),
    ("torch", "torch.profiler", "profile", None, "2.0"),
    ("transformers", "transformers", "GPT2LMHeadModel", None, "4.46"),
    ("peft", "peft", "LoraConfig", None, "0.13"),
    ("sentence-transformers", "sentence_transformers", "SentenceTransformer", None, "3.3"),
    ("faiss-cpu", "faiss", "IndexHNSWFlat", None, "1.8"),
    ("pydantic", "pydantic", "BaseModel.model_json_schema", None, "2.0"),
    ("openai", "openai", "OpenAI", "base_url", "1.0"),
    ("mcp", "mcp", "ClientSession", None, "1.2"),
    ("onnxruntime", "onnxruntime", "InferenceSession", None, "1.19"),
]


def lower_bounds() -> dict[str, Version]:
    bounds = {}
    for line in (ROOT / "requirements.txt").read_text(encoding="utf-8").splitlines():
        line = line.split("#", 1)[0].strip()
        if not line or line.startswith("-"):
            continue
        requirement = Requirement(line)
        floors = [Version(s.version) for s in requirement.specifier if s.operator in (">=", "==", "~=")]
        if floors:
            bounds[requirement.name.lower()] = max(floors)
    return bounds


@pytest.mark.parametrize(("dist", "module", "attribute", "keyword", "first"), FLOORS,
                         ids=[f"{row[1]}.{row[2]}" for row in FLOORS])
def test_lower_bound_covers_the_api_the_notebooks_call(dist: str, module: str, attribute: str,
                                                        keyword: str | None, first: str) -> None:
    bounds = lower_bounds()
    assert dist in bounds, f"requirements.txt has no lower bound for {dist}"
    assert bounds[dist] >= Version(first), (
        f"requirements.txt allows {dist} {bounds[dist]}, but {module}.{attribute} needs {dist} >= {first}: "
        f"raise the bound to {dist}>={first}")
    target = importlib.import_module(module)
    for part in attribute.split("."):
        target = getattr(target, part)
    if keyword:
        assert keyword in inspect.signature(target).parameters, f"{module}.{attribute} takes no {keyword}="
