"""Lists every pair twice, as (i, j) and (j, i)."""


def duplicate_pairs(records, threshold):
    pairs = []
    for i in range(len(records)):
        for j in range(len(records)):
            longer = max(len(records[i]), len(records[j]))
            if i != j and (osa_distance(records[i], records[j]) / longer if longer else 0.0) <= threshold:  # noqa: F821 (the reference defines it)
                pairs.append((i, j))
    return pairs
