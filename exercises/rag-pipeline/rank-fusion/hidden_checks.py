"""Hidden checks for rag-pipeline.rank-fusion (instructors only; never shipped to students)."""

import random

from coursegrader.helpers import expect_list_of_str, expect_number, fail


def check_repeats_empty_lists_and_many_items(rrf_scores, fuse):
    """A repeated id counts once per list, empty lists are fine, and 3 random lists of 40 ids fuse right."""
    scores = rrf_scores([["p", "q", "p"], [], ["q"]])
    if type(scores) is not dict or sorted(map(str, scores)) != ["p", "q"]:
        fail("rrf_scores([['p', 'q', 'p'], [], ['q']]) should have exactly the ids 'p' and 'q'.")
    expect_number(scores["p"], 1 / 61, what="the score of 'p', repeated at ranks 1 and 3", rtol=1e-9)
    expect_number(scores["q"], 1 / 62 + 1 / 61, what="the score of 'q'", rtol=1e-9)
    if expect_list_of_str(fuse([[], []]), what="fuse([[], []])"):
        fail("fuse([[], []]) should be an empty list.")
    gen = random.Random(5)
    pool = [f"chunk-{i}" for i in range(60)]
    rankings = [gen.sample(pool, 40) for _ in range(3)]
    total = {}
    for one_list in rankings:
        for position, chunk in enumerate(one_list):
            total[chunk] = total.get(chunk, 0.0) + 1.0 / (61 + position)
    best = sorted(total.items(), key=lambda pair: (-pair[1], pair[0]))
    want = [item for item, _ in best[:7]]
    got = expect_list_of_str(fuse(rankings, top_n=7), what="fuse(3 random lists, top_n=7)")
    if got != want:
        fail(f"fuse(3 random lists of 40, top_n=7) is {got}, expected {want}.")
