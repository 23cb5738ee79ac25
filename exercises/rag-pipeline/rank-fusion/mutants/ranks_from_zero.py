"""Counts ranks from 0, so the best item earns 1 / k instead of 1 / (k + 1)."""


def rrf_scores(rankings, k=60):
    scores = {}
    for ranked in rankings:
        seen = set()
        for rank, item in enumerate(ranked):
            if item not in seen:
                seen.add(item)
                scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores
