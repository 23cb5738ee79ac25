# %% [markdown]
# A byte-pair-encoding (BPE) tokenizer turns text into the integers a language model reads, and turns the
# model's integers back into text. Its vocabulary starts with the 256 byte values, so any string can be
# encoded, and grows by *merges*: training found the most frequent neighbouring pair of tokens, gave it a new
# id, and repeated. Here the merges are given as a list of pairs `merges`; merge number `i` (counting from 0)
# turned the pair `merges[i]` into the new token `256 + i`. A later merge may use a token made by an earlier
# one. Write three functions:
#
# 1. `merge_pair(ids, pair, new_id)` returns a **new** list in which every occurrence of `pair` (two
#    neighbouring ids) is replaced by `new_id`, scanning left to right; an id used by one match is not reused
#    by the next, so `merge_pair([5, 5, 5], (5, 5), 9)` is `[9, 5]`. Leave the caller's list as it was.
# 2. `bpe_encode(text, merges)` starts from the UTF-8 bytes of `text` (`list(text.encode("utf-8"))`, one int
#    from 0 to 255 per byte: "é" is two bytes, "🙂" four) and applies the merges **in the order they were
#    learned**, each over the whole sequence, returning a list of ints.
# 3. `bpe_decode(ids, merges)` returns the text. Give every token its bytes (token `b < 256` is
#    `bytes([b])`; token `256 + i` is the bytes of the two tokens of `merges[i]`, joined), join the bytes of
#    all the tokens, and only then decode with `.decode("utf-8")`. A single token may hold half of a
#    character, so decoding token by token can fail even when the whole sequence is valid.
#
# Every text must come back exactly: `bpe_decode(bpe_encode(text, merges), merges) == text`.

# %%
def merge_pair(ids, pair, new_id):
    """A new list with each non-overlapping occurrence of `pair` in `ids` (left to right) replaced by `new_id`."""
    ### BEGIN SOLUTION
    out, i = [], 0
    while i < len(ids):
        if i + 1 < len(ids) and ids[i] == pair[0] and ids[i + 1] == pair[1]:
            out.append(new_id)
            i += 2
        else:
            out.append(ids[i])
            i += 1
    return out
    ### END SOLUTION


def bpe_encode(text, merges):
    """Token ids of `text`: its UTF-8 bytes with merges[i] -> 256 + i applied in order."""
    ### BEGIN SOLUTION
    ids = list(text.encode("utf-8"))
    for i, pair in enumerate(merges):
        ids = merge_pair(ids, tuple(pair), 256 + i)
    return ids
    ### END SOLUTION


def bpe_decode(ids, merges):
    """The text that the token ids `ids` stand for."""
    ### BEGIN SOLUTION
    vocab = [bytes([b]) for b in range(256)]
    for a, b in merges:
        vocab.append(vocab[a] + vocab[b])
    return b"".join(vocab[i] for i in ids).decode("utf-8")
    ### END SOLUTION


# %% [markdown]
# Try a few merges by hand: 116, 104 and 101 are the bytes of "t", "h" and "e", so the first two merges make
# "th" (256) and then "the" (257).

# %%
merges = [(116, 104), (256, 101), (32, 257)]
print(merge_pair([5, 5, 5, 1, 5, 5], (5, 5), 9))
ids = bpe_encode("the theme of the thesis", merges)
print(ids)
print(repr(bpe_decode(ids, merges)))
print(repr(bpe_decode(bpe_encode("Naïve café 🙂", merges), merges)))

# %% [markdown] tags=["instructor"]
# Notes for instructors. `merge_pair` is the notebook's function; the point of writing it is the
# non-overlapping left-to-right scan (`i += 2` after a match) and the final element, which a loop over
# `range(len(ids) - 1)` silently drops. Applying each merge to the whole sequence in learned order gives the
# same tokens as the notebook's `encode_chunk`, which repeatedly applies the lowest-numbered merge present
# (a merge can only create pairs involving its own new token, whose merges come later), so both are
# accepted; the hidden check compares with that faster formulation on merges trained from generated text.
# Common wrong answers, each caught: applying the merges from last to first (check_merges_in_learned_order),
# `ord(c)` per character instead of UTF-8 bytes (ids above 255 collide with merge ids; check_round_trip),
# decoding each token separately (the test merges include a token that ends in the middle of "ï"), building
# the vocabulary as `chr(b)` strings (gives "Ã¯" for "ï"), and a `merge_pair` that edits the caller's list.
# Worth discussing: why byte-level BPE never needs an "unknown" token, and why training pre-splits text into
# words (notebook 11's `PATTERN`) so that merges never cross a word boundary; here they may.
