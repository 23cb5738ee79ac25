"""Public checks for llm-evaluation.retrieval-metrics (students see these)."""

from coursegrader.helpers import expect_number, fail

RELEVANCE = {"a": 2, "b": 1, "z": 0}


def check_recall_at_k(recall_at_k):
    """recall@k counts the relevant documents in the top k: 1/2 at k=1 and 1 at k=3 for ["b", "x", "a"]."""
    ranked = ["b", "x", "a"]
    expect_number(recall_at_k(ranked, RELEVANCE, 1), 0.5, what="recall_at_k(['b', 'x', 'a'], {a: 2, b: 1}, 1)")
    expect_number(recall_at_k(ranked, RELEVANCE, 2), 0.5, what="recall_at_k(..., k=2)",
                  hint="Look at the first k documents only: ranked[:k].")
    expect_number(recall_at_k(ranked, RELEVANCE, 3), 1.0, what="recall_at_k(..., k=3)")
    expect_number(recall_at_k(ranked, RELEVANCE, 10), 1.0, what="recall_at_k(..., k=10), k beyond the list")
    expect_number(recall_at_k(["z", "q"], RELEVANCE, 2), 0.0, what="recall_at_k(['z', 'q'], ...)",
                  hint="A document with grade 0 is not relevant.")


def check_reciprocal_rank(reciprocal_rank):
    """The first relevant document at position 3 gives 1/3; none relevant gives 0.0."""
    expect_number(reciprocal_rank(["x", "z", "b", "a"], RELEVANCE), 1 / 3, what="reciprocal_rank(['x', 'z', 'b', 'a'])",
                  hint="Positions count from 1, and 'z' has grade 0.")
    expect_number(reciprocal_rank(["a"], RELEVANCE), 1.0, what="reciprocal_rank(['a'])")
    expect_number(reciprocal_rank(["x", "y"], RELEVANCE), 0.0, what="reciprocal_rank(['x', 'y'])")


def check_ndcg_properties(ndcg_at_k):
    """nDCG is 1 for the ideal order, lower when the best document is second, 0 with nothing relevant."""
    expect_number(ndcg_at_k(["a", "b", "x"], RELEVANCE, 3), 1.0, what="ndcg_at_k for the ideal order",
                  hint="Divide by the DCG of the grades sorted from highest.")
    for ranked in (["b", "a", "x"], ["b", "x"]):
        value = expect_number(ndcg_at_k(ranked, RELEVANCE, 3), 0.5, what=f"ndcg_at_k({ranked})", rtol=1.0, atol=1.0)
        if not 0 < value < 1:
            fail(f"ndcg_at_k({ranked}, ...) is {value:.3g}; it should be between 0 and 1, because the most "
                 "relevant document 'a' is not first. The ideal DCG uses every grade in relevance, sorted.")
    expect_number(ndcg_at_k(["x", "y"], RELEVANCE, 2), 0.0, what="ndcg_at_k with nothing relevant retrieved")
    expect_number(ndcg_at_k(["a", "x"], {"x": 0}, 2), 0.0, what="ndcg_at_k when no document is relevant at all")
