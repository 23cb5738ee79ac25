"""Evaluate the service on the golden set and gate on thresholds (the regression test CI runs).

The golden set (``eval/golden.jsonl``) holds versioned cases: ``id``, ``version``, ``question``, the
``answer`` a person wrote, and the ``source`` document that holds it (``null`` for a question the documents
cannot answer, which the service must decline). ``eval/thresholds.json`` holds the lowest score each metric
may reach; ``python -m rag_service eval`` exits 1 when any metric falls below its threshold.
"""

from __future__ import annotations

import json
from pathlib import Path

from rag_service.answer import answer
from rag_service.config import HERE, Settings
from rag_service.retrieve import Index
from rag_service.text import token_f1

GOLDEN = HERE / "eval" / "golden.jsonl"
THRESHOLDS = HERE / "eval" / "thresholds.json"


def load_golden(path: Path = GOLDEN) -> list[dict]:
    cases = [json.loads(line) for line in Path(path).read_text(encoding="utf-8").splitlines() if line.strip()]
    ids = [c["id"] for c in cases]
    if len(ids) != len(set(ids)):
        raise ValueError("golden set case ids must be unique")
    return cases


def evaluate(index: Index, generator, settings: Settings, cases: list[dict]) -> dict:
    """Per-case rows and the averages: recall@k, MRR, answer F1, citation accuracy, refusal accuracy."""
    rows = []
    for case in cases:
        result = answer(case["question"], index, generator, settings)
        sources = [p.source for p in result.retrieved]
        if case["source"] is None:
            rows.append({"id": case["id"], "answerable": False, "correct_refusal": result.refused})
            continue
        rank = sources.index(case["source"]) + 1 if case["source"] in sources else None
        rows.append({
            "id": case["id"], "answerable": True,
            "recall_at_k": float(rank is not None), "reciprocal_rank": 1 / rank if rank else 0.0,
            "answer_f1": 0.0 if result.refused else token_f1(result.text.replace("[1]", ""), case["answer"]),
            "cited_right_source": float(any(c.source == case["source"] for c in result.citations)),
            "has_citation": float(bool(result.citations)),
        })
    answerable = [r for r in rows if r["answerable"]]
    unanswerable = [r for r in rows if not r["answerable"]]

    def mean(key: str, subset: list[dict]) -> float:
        return sum(r[key] for r in subset) / len(subset) if subset else 1.0

    metrics = {
        "recall_at_k": mean("recall_at_k", answerable),
        "mrr": mean("reciprocal_rank", answerable),
        "answer_f1": mean("answer_f1", answerable),
        "citation_accuracy": mean("cited_right_source", answerable),
        "answered_with_citation": mean("has_citation", answerable),
        "refusal_accuracy": (sum(r["correct_refusal"] for r in unanswerable) / len(unanswerable)
                             if unanswerable else 1.0),
    }
    return {"cases": len(rows), "metrics": metrics, "rows": rows}


def gate(metrics: dict, thresholds: dict) -> list[str]:
    """The metrics below their thresholds, as messages; empty when the run passes."""
    return [f"{name} = {metrics[name]:.3f} is below the threshold {low:.3f}"
            for name, low in sorted(thresholds.items()) if metrics[name] < low]
