"""Public checks for rag-pipeline.rank-fusion (students see these)."""

from coursegrader.helpers import describe, expect_list_of_str, expect_number, fail


def _expect_scores(value, expected, what, hint=""):
    if type(value) is not dict:
        fail(f"{what} returned {describe(value)}, expected a dict from id to score.")
    keys = sorted(str(key) for key in value if type(key) is str)
    if len(keys) != len(value) or keys != sorted(expected):
        fail(f"{what} has the ids {sorted(map(str, value))}, expected {sorted(expected)}: every id that "
             "appears in some list, once.")
    for key, want in expected.items():
        expect_number(value[key], want, what=f"{what}[{key!r}]", rtol=1e-9, hint=hint)


def check_scores_by_hand(rrf_scores):
    """The example's scores: c1 = 1/62 + 1/64, c2 = 2/63, c7 = c4 = 1/61, and so on (ranks start at 1)."""
    rankings = [["c7", "c1", "c2", "c9"], ["c4", "c3", "c2", "c1"]]
    expected = {"c7": 1 / 61, "c1": 1 / 62 + 1 / 64, "c2": 2 / 63, "c9": 1 / 64, "c4": 1 / 61, "c3": 1 / 62}
    _expect_scores(rrf_scores(rankings), expected, what="rrf_scores(the example)",
                   hint="An item at rank r (from 1) earns 1 / (k + r) from a list; add over the lists.")
    _expect_scores(rrf_scores(rankings, k=10), {key: _with_k(key, 10) for key in expected},
                   what="rrf_scores(the example, k=10)", hint="Use the k you are given.")


def _with_k(key, k):
    ranks = {"c7": [1], "c1": [2, 4], "c2": [3, 3], "c9": [4], "c4": [1], "c3": [2]}[key]
    return sum(1 / (k + r) for r in ranks)


def check_fused_order(fuse):
    """Third in both lists beats first in one (k = 60); with k = 0 it does not."""
    rankings = [["a", "b", "c"], ["d", "e", "c"]]
    order = expect_list_of_str(fuse(rankings), what="fuse(rankings)")
    if order != ["c", "a", "d", "b", "e"]:
        fail(f"fuse([['a', 'b', 'c'], ['d', 'e', 'c']]) is {order}, expected ['c', 'a', 'd', 'b', 'e']: c "
             "scores 2/63, more than a or d (1/61 each, tied, so by id).")
    order = expect_list_of_str(fuse(rankings, k=0), what="fuse(rankings, k=0)")
    if order != ["a", "d", "c", "b", "e"]:
        fail(f"fuse(rankings, k=0) is {order}, expected ['a', 'd', 'c', 'b', 'e']: pass k on to the scores.")


def check_ties_and_top_n(fuse):
    """Equal scores are ordered by id, and top_n cuts the list (or returns all ids when there are fewer)."""
    rankings = [["b", "a"], ["a", "b"]]
    order = expect_list_of_str(fuse(rankings), what="fuse([['b', 'a'], ['a', 'b']])")
    if order != ["a", "b"]:
        fail(f"fuse([['b', 'a'], ['a', 'b']]) is {order}: a and b tie, so the smaller id, 'a', comes first.")
    ids = [f"doc{i:02d}" for i in range(15)]
    order = expect_list_of_str(fuse([ids, ids[::-1][:5]], top_n=3), what="fuse(two lists, top_n=3)")
    if len(order) != 3:
        fail(f"fuse(..., top_n=3) returned {len(order)} ids, expected 3.")
    order = expect_list_of_str(fuse([["x"], ["y"]], top_n=10), what="fuse([['x'], ['y']], top_n=10)")
    if order != ["x", "y"]:
        fail(f"fuse([['x'], ['y']], top_n=10) is {order}, expected ['x', 'y']: all ids when there are fewer.")
