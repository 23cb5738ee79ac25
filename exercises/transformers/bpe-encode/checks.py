"""Public checks for transformers.bpe-encode (students see these)."""

import numpy as np

from coursegrader.helpers import describe, expect_str, fail

# Merges for the checks, as (left, right): merge i makes token 256 + i. The comments spell the new token.
MERGES = [
    (116, 104),  # 256: "th"
    (256, 101),  # 257: "the"
    (32, 257),  # 258: " the"
    (97, 116),  # 259: "at"
    (97, 195),  # 260: "a" + the first byte of "ï" (half a character)
    (195, 169),  # 261: "é" (both of its bytes)
    (99, 97),  # 262: "ca"
    (262, 102),  # 263: "caf"
    (263, 261),  # 264: "café"
]


def _ints(value, what):
    """A plain list of Python ints copied from the student's list of ints."""
    if type(value) is not list:
        fail(f"{what} returned {describe(value)}, expected a list of ints.")
    items = []
    for i, item in enumerate(value):
        if type(item) not in (int, np.int64, np.int32):
            fail(f"{what}[{i}] is {describe(item)}, expected an int.")
        items.append(int(item))
    return items


def _expect_ids(value, expected, what, hint=""):
    got = _ints(value, what)
    if got != expected:
        fail(f"{what} is {got}, expected {expected}." + (f" {hint}" if hint else ""))


def _decode(bpe_decode, ids, what):
    """Call bpe_decode, turning a UnicodeDecodeError into advice."""
    try:
        return bpe_decode(ids, MERGES)
    except UnicodeDecodeError:
        fail(f"{what} raised UnicodeDecodeError: a single token may hold part of a character, so join the bytes of"
             " all the tokens first and decode once.")


def check_merge_pair_examples(merge_pair):
    """merge_pair replaces each pair left to right without reusing an id, and keeps every other id."""
    hint = "Scan left to right; after a match skip both ids (i += 2), and do not drop the last id."
    _expect_ids(merge_pair([1, 2, 3, 1, 2], (1, 2), 9), [9, 3, 9], "merge_pair([1, 2, 3, 1, 2], (1, 2), 9)", hint)
    _expect_ids(merge_pair([5, 5, 5], (5, 5), 9), [9, 5], "merge_pair([5, 5, 5], (5, 5), 9)", hint)
    _expect_ids(merge_pair([5, 5, 5, 5], (5, 5), 9), [9, 9], "merge_pair([5, 5, 5, 5], (5, 5), 9)", hint)
    _expect_ids(merge_pair([2, 1, 3, 4], (1, 2), 9), [2, 1, 3, 4], "merge_pair([2, 1, 3, 4], (1, 2), 9)",
                "The order inside a pair matters: (1, 2) is not (2, 1).")
    _expect_ids(merge_pair([7], (7, 7), 9), [7], "merge_pair([7], (7, 7), 9)", hint)
    _expect_ids(merge_pair([], (1, 2), 9), [], "merge_pair([], (1, 2), 9)")


def check_merges_in_learned_order(bpe_encode):
    """bpe_encode starts from UTF-8 bytes and applies the merges in the order of the list."""
    _expect_ids(bpe_encode("", MERGES), [], "bpe_encode('', merges)")
    _expect_ids(bpe_encode("abc", []), [97, 98, 99], "bpe_encode('abc', [])",
                "With no merges, the tokens are the UTF-8 bytes: list(text.encode('utf-8')).")
    _expect_ids(bpe_encode("the cat", MERGES), [257, 32, 99, 259], "bpe_encode('the cat', merges)",
                "Merge 259 ('at') comes before merge 262 ('ca'), so 'cat' becomes [99, 259]; later merges can use"
                " tokens made by earlier ones ('th' then 'the').")
    _expect_ids(bpe_encode("aaaaa", [(97, 97), (256, 256)]), [257, 97], "bpe_encode('aaaaa', [(97, 97), (256, 256)])",
                "The first merge gives [256, 256, 97]; the second then merges the two 256s.")


def check_round_trip(bpe_encode, bpe_decode):
    """decode(encode(text)) gives text back, for accented, Japanese and emoji text too, and ids stay in range."""
    texts = ["the cat sat on the mat", "Naïve café — 東京 🙂 tokenizers!", "", "  tabs\tand\nnewlines  ",
             "aaaaaaa", "the the the"]
    for text in texts:
        ids = _ints(bpe_encode(text, MERGES), f"bpe_encode({text!r}, merges)")
        bad = [i for i in ids if not 0 <= i < 256 + len(MERGES)]
        if bad:
            fail(f"bpe_encode({text!r}, merges) contains ids {bad[:3]} outside 0..{255 + len(MERGES)}: start from"
                 " the UTF-8 bytes of the text (text.encode('utf-8')), not from ord() of each character.")
        expect_str(_decode(bpe_decode, ids, f"bpe_decode(bpe_encode({text!r}))"), text,
                   what=f"bpe_decode(bpe_encode({text!r}))",
                   hint="The tokens must keep every byte of the text (test merge_pair first), and bpe_decode joins"
                        " the bytes of all the tokens before one .decode('utf-8').")
    n_bytes = len(b"the the the")
    n_tokens = len(_ints(bpe_encode("the the the", MERGES), "bpe_encode('the the the', merges)"))
    if n_tokens >= n_bytes:
        fail(f"bpe_encode('the the the', merges) has {n_tokens} tokens for {n_bytes} bytes: the merges were not"
             " applied.")


def check_decode_known_tokens(bpe_decode):
    """Known tokens decode to known text, including a token that holds half of the character 'ï'."""
    expect_str(bpe_decode([84, 104, 101], MERGES), "The", what="bpe_decode([84, 104, 101], merges)",
               hint="A token below 256 is the single byte bytes([id]).")
    expect_str(bpe_decode([257, 32, 99, 259], MERGES), "the cat", what="bpe_decode([257, 32, 99, 259], merges)",
               hint="Token 256 + i is the bytes of the two tokens of merges[i] joined, found recursively or by"
                    " building the table in order.")
    expect_str(_decode(bpe_decode, [78, 260, 175, 118, 101], "bpe_decode([78, 260, 175, 118, 101], merges)"), "Naïve",
               what="bpe_decode([78, 260, 175, 118, 101], merges)",
               hint="Token 260 ends with the first byte of 'ï' and token 175 is its second byte: join all the bytes,"
                    " then decode once.")
    expect_str(bpe_decode([264], MERGES), "café", what="bpe_decode([264], merges)",
               hint="Decode bytes with .decode('utf-8'), not with chr() per byte.")
