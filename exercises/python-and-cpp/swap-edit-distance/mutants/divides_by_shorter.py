"""Normalises by the shorter record's length, which flags too few pairs (and fails on empty strings)."""


def duplicate_pairs(records, threshold):
    pairs = []
    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            shorter = min(len(records[i]), len(records[j]))
            if osa_distance(records[i], records[j]) / shorter <= threshold:  # noqa: F821 (the reference defines it)
                pairs.append((i, j))
    return pairs
