"""Lets an id repeated within one list earn from every position."""


def rrf_scores(rankings, k=60):
    scores = {}
    for ranked in rankings:
        for rank, item in enumerate(ranked, start=1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return scores
