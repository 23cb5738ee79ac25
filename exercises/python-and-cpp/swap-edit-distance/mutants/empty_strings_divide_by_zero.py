"""Divides by the longer length without a guard: two empty records raise ZeroDivisionError."""


def duplicate_pairs(records, threshold):
    return [(i, j) for i in range(len(records)) for j in range(i + 1, len(records))
            if osa_distance(records[i], records[j]) / max(len(records[i]), len(records[j])) <= threshold]  # noqa: F821 (the reference defines it)
