"""Sorts by score only, so ties keep the order in which the ids were first met."""
# ruff: noqa: F821 (the reference solution, which runs first, defines these names)


def fuse(rankings, k=60, top_n=10):
    scores = rrf_scores(rankings, k)
    return sorted(scores, key=scores.get, reverse=True)[:top_n]
