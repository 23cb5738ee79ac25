"""fuse does not pass k on, so the scores always use 60."""
# ruff: noqa: F821 (the reference solution, which runs first, defines these names)


def fuse(rankings, k=60, top_n=10):
    scores = rrf_scores(rankings)
    return sorted(scores, key=lambda item: (-scores[item], item))[:top_n]
