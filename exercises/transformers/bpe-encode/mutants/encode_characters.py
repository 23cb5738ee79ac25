"""Starts from ord() of each character instead of the UTF-8 bytes."""


def bpe_encode(text, merges):
    ids = [ord(c) for c in text]
    for i, pair in enumerate(merges):
        ids = merge_pair(ids, tuple(pair), 256 + i)  # noqa: F821 (the reference defines merge_pair)
    return ids
