"""Public checks for python-and-cpp.swap-edit-distance (students see these)."""

import random

from coursegrader.helpers import INT_TYPES, describe, expect_int, fail

KNOWN = {
    ("teh", "the"): (1, "A swap of two adjacent characters costs 1."),
    ("ab", "ba"): (1, "A swap of two adjacent characters costs 1."),
    ("abcdef", "badcfe"): (3, "Three separate swaps cost 3."),
    ("kitten", "sitting"): (3, "Without swaps the answer is the Levenshtein distance."),
    ("", "abc"): (3, "From the empty string, every character is an insertion."),
    ("abc", ""): (3, "To the empty string, every character is a deletion."),
    ("", ""): (0, "Two empty strings are identical."),
    ("müller", "mülelr"): (1, "Compare characters, not bytes: 'ü' is one character."),
    ("converse", "conserve"): (2, "A swap must be of adjacent characters; these are two substitutions."),
    ("ca", "abc"): (3, "OSA never edits between two swapped characters: the 2 belongs to another distance."),
}


def _levenshtein(a, b):
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, start=1):
        current = [i]
        for j, char_b in enumerate(b, start=1):
            current.append(min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b)))
        previous = current
    return previous[-1]


def _distance(osa_distance, a, b):
    value = osa_distance(a, b)
    if type(value) not in INT_TYPES:
        fail(f"osa_distance({a!r}, {b!r}) returned {describe(value)}, expected an int.")
    return int(value)


def _pairs(value, what):
    """The student's list of (i, j) pairs as plain tuples of ints, after checking every type."""
    if type(value) is not list:
        fail(f"{what} returned {describe(value)}, expected a list of (i, j) tuples.")
    out = []
    for item in value:
        if type(item) is not tuple or len(item) != 2 or any(type(k) not in INT_TYPES for k in item):
            fail(f"{what} contains {describe(item)}, expected tuples (i, j) of two ints.")
        out.append((int(item[0]), int(item[1])))
    return out


def check_known_distances(osa_distance):
    """Known distances: swaps cost 1, plain edits as in Levenshtein, empty strings, and 'ca' to 'abc' is 3."""
    for (a, b), (expected, hint) in KNOWN.items():
        expect_int(osa_distance(a, b), expected, what=f"osa_distance({a!r}, {b!r})", hint=hint)


def check_distance_properties(osa_distance):
    """On 40 random pairs: an int, symmetric, 0 only if equal, within [length gap, Levenshtein], 1 per swap."""
    rng = random.Random(5)
    for _ in range(40):
        a = "".join(rng.choice("abcü ") for _ in range(rng.randint(0, 9)))
        b = "".join(rng.choice("abcü ") for _ in range(rng.randint(0, 9)))
        d = _distance(osa_distance, a, b)
        if d != _distance(osa_distance, b, a):
            fail(f"osa_distance({a!r}, {b!r}) differs from osa_distance({b!r}, {a!r}): it must be symmetric.")
        if (d == 0) != (a == b):
            fail(f"osa_distance({a!r}, {b!r}) is {d}: the distance is 0 exactly when the strings are equal.")
        if not abs(len(a) - len(b)) <= d <= _levenshtein(a, b):
            fail(f"osa_distance({a!r}, {b!r}) is {d}, outside [{abs(len(a) - len(b))}, {_levenshtein(a, b)}]:"
                 " at least the length difference, and never more than the Levenshtein distance.")
        if len(a) >= 2:
            k = rng.randrange(len(a) - 1)
            swapped = a[:k] + a[k + 1] + a[k] + a[k + 2:]
            if _distance(osa_distance, a, swapped) > 1:
                fail(f"osa_distance({a!r}, {swapped!r}) is more than 1, but one swap turns one into the other.")


def check_duplicate_pairs_on_records(duplicate_pairs):
    """On seven records, the flagged pairs at thresholds 0.1 and 0.4 are right, as sorted (i, j) with i < j."""
    records = ["anna berg, graz", "anna breg, graz", "ana berg, graz", "omar nagy, porto", "omar nagy, prto",
               "lea costa, lyon", "lea costa"]
    for threshold, expected in [(0.1, [(0, 1), (0, 2), (3, 4)]),
                                (0.4, [(0, 1), (0, 2), (1, 2), (3, 4), (5, 6)])]:
        what = f"duplicate_pairs(records, {threshold})"
        got = _pairs(duplicate_pairs(list(records), threshold), what)
        if got != expected:
            fail(f"{what} is {got}, expected {expected}. Divide each distance by the longer record's length,"
                 " keep pairs at most the threshold (6 edits over 15 characters is exactly 0.4), and list each"
                 " pair once, with i < j, in increasing order.")
