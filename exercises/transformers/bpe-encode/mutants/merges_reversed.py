"""Applies the merges from the last learned to the first."""


def bpe_encode(text, merges):
    ids = list(text.encode("utf-8"))
    for i in reversed(range(len(merges))):
        ids = merge_pair(ids, tuple(merges[i]), 256 + i)  # noqa: F821 (the reference defines merge_pair)
    return ids
