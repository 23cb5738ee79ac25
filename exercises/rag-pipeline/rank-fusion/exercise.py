# %% [markdown]
# A hybrid retriever runs a lexical search (BM25) and a dense search, and must merge the two ranked lists.
# Their scores cannot be added: a BM25 score of 7 and a cosine of 0.4 are on unrelated scales.
# **Reciprocal rank fusion** (RRF) uses ranks only. An item at rank r (counting from 1, the best) in a list
# earns 1 / (k + r) from that list, and its fused score is the sum over the lists; an item missing from a
# list earns nothing from it. The constant k, 60 in the paper that introduced RRF, flattens the curve, so
# being near the top of both lists beats being first in one and absent from the other.
#
# Write two functions. `rankings` is a list of ranked lists of chunk ids (strings), best first; the lists
# may have different lengths, and some may be empty.
#
# 1. `rrf_scores(rankings, k=60)` returns a `dict` mapping every id that appears in any list to its fused
#    score (a `float`). A buggy retriever may repeat an id within one list: only its first (best) position
#    in that list counts.
# 2. `fuse(rankings, k=60, top_n=10)` returns the `top_n` ids with the highest fused scores as a list of
#    strings, best first (fewer if there are fewer ids). Break ties by id in ascending string order, so the
#    result never depends on the order in which you happened to meet the ids.

# %%
def rrf_scores(rankings, k=60):
    """Fused reciprocal-rank score of every id in the ranked lists (rank 1 is the best)."""
    ### BEGIN SOLUTION
    scores = {}
    for ranked in rankings:
        seen = set()
        for rank, item in enumerate(ranked, start=1):
            if item in seen:
                continue
            seen.add(item)
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores
    ### END SOLUTION


def fuse(rankings, k=60, top_n=10):
    """The top_n ids by fused score, best first; ties broken by id."""
    ### BEGIN SOLUTION
    scores = rrf_scores(rankings, k)
    return sorted(scores, key=lambda item: (-scores[item], item))[:top_n]
    ### END SOLUTION


# %% [markdown]
# Chunk `c7` is first for BM25 but missing from the dense list; `c2` is third in both lists.

# %%
bm25_ranking = ["c7", "c1", "c2", "c9"]
dense_ranking = ["c4", "c3", "c2", "c1"]
print(rrf_scores([bm25_ranking, dense_ranking]))
print(fuse([bm25_ranking, dense_ranking], top_n=3))

# %% [markdown] tags=["solution"]
# `enumerate(ranked, start=1)` gives ranks from 1, and the `seen` set of each list skips a repeated id, so
# it earns only from its best position. Sorting by the key `(-score, id)` puts high scores first and, among
# equal scores, ids in ascending order; a plain `sorted(..., reverse=True)` on the scores would break ties
# by the order of first appearance instead. In the example, `c2` (third in both lists, 2/63 ≈ 0.0317) and
# `c1` (second and fourth, 1/62 + 1/64 ≈ 0.0318) both beat `c7`, which is first in one list only
# (1/61 ≈ 0.0164). With k = 0 instead, `c7` would score 1 and win outright: the constant is what makes
# agreement between retrievers count.
