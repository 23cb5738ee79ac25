"""Hidden checks for transformers.bpe-encode (instructors only; never shipped to students)."""

from collections import Counter
from itertools import pairwise

import numpy as np

from coursegrader.helpers import describe, expect_str, fail

WORDS = ["token", "tokens", "the", "model", "attention", "reads", "café", "naïve", "東京", "🙂", "merge", "pair",
         "a", "an", "and", "train"]


def _text(rng, n_words):
    return " ".join(WORDS[int(i)] for i in rng.integers(0, len(WORDS), n_words))


def _merge(ids, pair, new_id):
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and (ids[i], ids[i + 1]) == pair:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out


def _train(text, n_merges):
    """Plain BPE training on one byte sequence (merges may cross spaces)."""
    ids, merges = list(text.encode("utf-8")), []
    for step in range(n_merges):
        pairs = Counter(pairwise(ids))
        if not pairs:
            break
        best = max(pairs, key=pairs.get)
        merges.append(best)
        ids = _merge(ids, best, 256 + step)
    return merges


def _encode_lowest_rank_first(text, merges):
    """The notebook's formulation: repeatedly apply the earliest-learned merge present."""
    rank = {pair: i for i, pair in enumerate(merges)}
    ids = list(text.encode("utf-8"))
    while len(ids) > 1:
        pair = min(pairwise(ids), key=lambda p: rank.get(p, len(merges)))
        if pair not in rank:
            break
        ids = _merge(ids, pair, 256 + rank[pair])
    return ids


def _ints(value, what):
    if type(value) is not list or any(type(item) not in (int, np.int64, np.int32) for item in value):
        fail(f"{what} returned {describe(value)}, expected a list of ints.")
    return [int(item) for item in value]


def check_matches_a_trained_tokenizer(bpe_encode, bpe_decode):
    """With 60 merges trained on generated text, new text encodes as a trained tokenizer does and round-trips."""
    rng = np.random.default_rng(31)
    merges = _train(_text(rng, 300), 60)
    for _ in range(3):
        text = _text(rng, 25)
        got = _ints(bpe_encode(text, [tuple(m) for m in merges]), "bpe_encode on generated text")
        want = _encode_lowest_rank_first(text, merges)
        if got != want:
            first = next(i for i, (a, b) in enumerate(zip([*got, -1], [*want, -1], strict=False)) if a != b)
            fail(f"bpe_encode({text[:30]!r}..., 60 trained merges) gives {len(got)} tokens, expected {len(want)};"
                 f" first difference at position {first}.")
        expect_str(bpe_decode(got, merges), text, what="bpe_decode(bpe_encode(generated text))")


def check_inputs_unchanged(merge_pair, bpe_encode):
    """merge_pair and bpe_encode leave the caller's list of ids and list of merges as they were."""
    ids = [3, 4, 3, 4, 5]
    merge_pair(ids, (3, 4), 300)
    if ids != [3, 4, 3, 4, 5]:
        fail(f"merge_pair changed the list it was given to {ids}: build and return a new list.")
    merges = [(104, 105), (256, 33)]
    bpe_encode("hi! hi!", merges)
    if merges != [(104, 105), (256, 33)]:
        fail("bpe_encode changed the list of merges it was given.")
