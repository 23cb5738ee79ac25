"""Tests only one half of the swap condition (a[i-1] == b[j-2]), so some non-swaps cost 1."""


def osa_distance(a, b):
    before_previous = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i]
        for j in range(1, len(b) + 1):
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2]:
                best = min(best, before_previous[j - 2] + 1)
            current.append(best)
        before_previous, previous = previous, current
    return previous[-1]
