"""Averages an id's reciprocal ranks over the lists that contain it, instead of summing them."""


def rrf_scores(rankings, k=60):
    sums, counts = {}, {}
    for ranked in rankings:
        seen = set()
        for rank, item in enumerate(ranked, start=1):
            if item not in seen:
                seen.add(item)
                sums[item] = sums.get(item, 0.0) + 1.0 / (k + rank)
                counts[item] = counts.get(item, 0) + 1
    return {item: sums[item] / counts[item] for item in sums}
