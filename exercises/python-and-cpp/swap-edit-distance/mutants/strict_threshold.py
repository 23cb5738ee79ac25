"""Keeps pairs strictly below the threshold, dropping those exactly on it."""


def duplicate_pairs(records, threshold):
    pairs = []
    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            longer = max(len(records[i]), len(records[j]))
            normalised = osa_distance(records[i], records[j]) / longer if longer else 0.0  # noqa: F821 (the reference defines it)
            if normalised < threshold:
                pairs.append((i, j))
    return pairs
