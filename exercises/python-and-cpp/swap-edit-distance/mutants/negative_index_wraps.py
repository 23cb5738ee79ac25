"""Guards the swap with i > 1 only: at j = 1, b[j - 2] is b[-1], and Python silently wraps to the end."""


def osa_distance(a, b):
    before_previous = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i]
        for j in range(1, len(b) + 1):
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before_previous[j - 2] + 1)
            current.append(best)
        before_previous, previous = previous, current
    return previous[-1]
