# %% [markdown]
# The notebook found that Levenshtein distance charges two edits for the most common typo of all, two
# adjacent letters typed in the wrong order ("teh" for "the"), and that this hurts the recall of
# de-duplication. The fix is one more case in the same dynamic programme. With `D[i][j]` the distance
# between the first `i` characters of `a` and the first `j` characters of `b`, the Levenshtein recurrence
# takes the minimum of deleting, inserting and matching or substituting. Add a fourth candidate:
#
# - when `i ≥ 2`, `j ≥ 2`, `a[i-1] == b[j-2]` and `a[i-2] == b[j-1]` (the last two characters appear
#   swapped), the two can be fixed by one swap: `D[i-2][j-2] + 1`.
#
# This is the *optimal string alignment* (OSA) distance: a swap costs 1, and no substring is edited again
# after it was swapped. So `osa_distance("ab", "ba")` is 1, but `osa_distance("ca", "abc")` is 3, not 2: the
# 2 would need swapping "ca" to "ac" and then inserting "b" between the swapped letters. (The unrestricted
# Damerau-Levenshtein distance allows that and says 2; it is not what is asked here.)
#
# Write two functions in plain Python (the loop is a recurrence, which NumPy cannot vectorise well):
#
# 1. `osa_distance(a, b)` returns the OSA distance between two strings as an `int`. The recurrence reaches
#    back two rows, so keep three rows (or the whole table: the strings here are short).
# 2. `duplicate_pairs(records, threshold)` returns the list of all pairs `(i, j)` with `i < j`, in
#    increasing order, whose normalised distance `osa_distance(records[i], records[j]) / max(len(records[i]),
#    len(records[j]))` is at most `threshold`. Two empty strings are identical: their normalised distance
#    is 0, not a division by zero.

# %%
def osa_distance(a, b):
    """Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1."""
    ### BEGIN SOLUTION
    before_previous = None
    previous = list(range(len(b) + 1))
    for i in range(1, len(a) + 1):
        current = [i]
        for j in range(1, len(b) + 1):
            best = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] != b[j - 1]))
            if i > 1 and j > 1 and a[i - 1] == b[j - 2] and a[i - 2] == b[j - 1]:
                best = min(best, before_previous[j - 2] + 1)
            current.append(best)
        before_previous, previous = previous, current
    return previous[-1]
    ### END SOLUTION


def duplicate_pairs(records, threshold):
    """Pairs (i, j), i < j, whose OSA distance divided by the longer record's length is at most threshold."""
    ### BEGIN SOLUTION
    pairs = []
    for i in range(len(records)):
        for j in range(i + 1, len(records)):
            longer = max(len(records[i]), len(records[j]))
            distance = osa_distance(records[i], records[j])
            normalised = distance / longer if longer else 0.0
            if normalised <= threshold:
                pairs.append((i, j))
    return pairs
    ### END SOLUTION


# %% [markdown]
# A few pairs to check by hand, then a small set of records with typos.

# %%
for a, b in [("teh", "the"), ("kitten", "sitting"), ("ca", "abc"), ("", "abc")]:
    print(f"osa_distance({a!r}, {b!r}) = {osa_distance(a, b)}")

records = ["anna berg, graz", "anna breg, graz", "ana berg, graz", "omar nagy, porto", "omar nagy, prto",
           "lea costa, lyon"]
print(duplicate_pairs(records, 0.1))

# %% [markdown] tags=["solution"]
# The swap case reads two rows back, so the loop keeps `before_previous` next to `previous` and shifts both
# at the end of each row; on the first row the swap condition (`i > 1`) is false, so `None` is never read.
# The condition compares characters across the two strings (`a[i-1]` with `b[j-2]` and `a[i-2]` with
# `b[j-1]`), and the candidate jumps diagonally by two: the two swapped characters are consumed together,
# which is what stops a later edit from landing between them. In `duplicate_pairs` the `if longer` guard
# covers two empty strings, and `<=` keeps a pair that sits exactly on the threshold. The double loop does
# n(n - 1)/2 distance calls: exactly the kind of work the notebook moves into C++ in one call.
