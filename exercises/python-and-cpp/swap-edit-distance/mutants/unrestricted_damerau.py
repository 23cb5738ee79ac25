"""Unrestricted Damerau-Levenshtein (edits between swapped characters allowed): 'ca' to 'abc' comes out 2."""


def osa_distance(a, b):
    last_row = {}
    infinity = len(a) + len(b)
    d = [[infinity] * (len(b) + 2)] + [[infinity] + [0] * (len(b) + 1) for _ in range(len(a) + 1)]
    for i in range(len(a) + 1):
        d[i + 1][1] = i
    for j in range(len(b) + 1):
        d[1][j + 1] = j
    for i in range(1, len(a) + 1):
        last_match_column = 0
        for j in range(1, len(b) + 1):
            k, col = last_row.get(b[j - 1], 0), last_match_column
            cost = 1
            if a[i - 1] == b[j - 1]:
                cost, last_match_column = 0, j
            d[i + 1][j + 1] = min(d[i][j] + cost, d[i + 1][j] + 1, d[i][j + 1] + 1,
                                  d[k][col] + (i - k - 1) + 1 + (j - col - 1))
        last_row[a[i - 1]] = i
    return d[len(a) + 1][len(b) + 1]
