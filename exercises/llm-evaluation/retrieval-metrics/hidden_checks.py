"""Hidden checks for llm-evaluation.retrieval-metrics (instructors only)."""

import math

from coursegrader.helpers import expect_number


def _ndcg(ranked, relevance, k):
    dcg = sum(relevance.get(d, 0) / math.log2(i + 2) for i, d in enumerate(ranked[:k]))
    ideal = sum(g / math.log2(i + 2) for i, g in enumerate(sorted(relevance.values(), reverse=True)[:k]))
    return dcg / ideal if ideal else 0.0


def check_ndcg_values(ndcg_at_k):
    """Exact nDCG values with three grades, cut-offs shorter and longer than the list."""
    relevance = {"p": 3, "q": 2, "r": 1, "s": 1}
    for ranked, k in [(["q", "x", "p", "r"], 4), (["s", "r", "q", "p"], 2), (["x", "p"], 5), (["r", "x", "y", "q"], 3)]:
        expect_number(ndcg_at_k(list(ranked), dict(relevance), k), _ndcg(ranked, relevance, k), rtol=1e-9,
                      what=f"ndcg_at_k({ranked}, {relevance}, {k})")
