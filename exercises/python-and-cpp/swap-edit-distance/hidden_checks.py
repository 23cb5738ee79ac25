"""Hidden checks for python-and-cpp.swap-edit-distance (instructors only; never shipped to students)."""

import functools
import random

from coursegrader.helpers import INT_TYPES, expect_int, fail


def _osa_recursive(a, b):
    """OSA distance by memoised recursion on suffixes, independent of the reference solution's loops."""

    @functools.cache
    def dist(x, y):
        if not x or not y:
            return len(x) + len(y)
        options = [dist(x[1:], y) + 1, dist(x, y[1:]) + 1, dist(x[1:], y[1:]) + (x[0] != y[0])]
        if len(x) > 1 and len(y) > 1 and x[0] == y[1] and x[1] == y[0]:
            options.append(dist(x[2:], y[2:]) + 1)
        return min(options)

    return dist(a, b)


def check_matches_reference_on_random_strings(osa_distance):
    """Matches an independent OSA implementation on 300 random pairs over a three-letter alphabet."""
    rng = random.Random(17)
    for _ in range(300):
        a = "".join(rng.choice("abc") for _ in range(rng.randint(0, 8)))
        b = "".join(rng.choice("abc") for _ in range(rng.randint(0, 8)))
        expect_int(osa_distance(a, b), _osa_recursive(a, b), what=f"osa_distance({a!r}, {b!r})")


def _as_pairs(value, what):
    if type(value) is not list:
        fail(f"{what} did not return a list.")
    out = []
    for item in value:
        if type(item) is not tuple or len(item) != 2 or any(type(k) not in INT_TYPES for k in item):
            fail(f"{what} contains something other than (int, int) tuples.")
        out.append((int(item[0]), int(item[1])))
    return out


def check_duplicate_pairs_edge_cases(duplicate_pairs):
    """Two empty strings are duplicates, a pair exactly at the threshold is kept, and no match gives []."""
    records = ["", "", "a", "ab", "ba", "abcd", "abcdef", "bacdfe"]
    cases = [
        (records, 0.0, [(0, 1)]),
        (records, 0.5, [(0, 1), (2, 3), (2, 4), (3, 4), (3, 5), (5, 6), (5, 7), (6, 7)]),
        (["alpha", "omega", "delta"], 0.2, []),
    ]
    for strings, threshold, expected in cases:
        what = f"duplicate_pairs({strings}, {threshold})"
        got = _as_pairs(duplicate_pairs(list(strings), threshold), what)
        if got != expected:
            fail(f"{what} is {got}, expected {expected}.")
