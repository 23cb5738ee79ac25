# %% [markdown]
# Before a RAG pipeline can embed a document it cuts it into chunks small enough to embed well and to fit
# in a prompt. The simplest chunker uses fixed-size windows; an *overlap* between neighbouring windows makes
# sure that a sentence cut at one boundary appears whole in the next window. The notebook did this over
# words; here you do it over characters, and pin down the details that chunkers often get wrong at the end
# of the text.
#
# Write two functions:
#
# 1. `chunk_spans(n, size, overlap)` returns the windows over a text of `n` characters as a list of
#    `(start, stop)` tuples of integers (Python slice bounds, so the window is `text[start:stop]`):
#    - the first window starts at 0, and each next window starts `size - overlap` characters after the
#      previous one, so neighbouring windows share exactly `overlap` characters;
#    - every window is `size` characters long, except that a window is cut short at `n`;
#    - the last window is the **first** one that reaches the end (`stop == n`): no window after it, since it
#      would hold only characters that are already indexed;
#    - an empty text (`n == 0`) has no windows.
#
#    Raise `ValueError` unless `size >= 1` and `0 <= overlap < size` (with `overlap >= size` the windows
#    would never advance).
# 2. `chunk_text(text, size, overlap)` returns the list of chunk strings, one per window of
#    `chunk_spans(len(text), size, overlap)`.
#
# For example, 10 characters with `size=4, overlap=2` give `(0, 4), (2, 6), (4, 8), (6, 10)`, and 11
# characters give one more, `(8, 11)`, which is shorter.

# %%
def chunk_spans(n, size, overlap):
    """(start, stop) of fixed-size windows over n characters, each starting size - overlap after the last."""
    ### BEGIN SOLUTION
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError(f"need size >= 1 and 0 <= overlap < size, got size={size}, overlap={overlap}")
    spans, start = [], 0
    while start < n:
        stop = min(start + size, n)
        spans.append((start, stop))
        if stop == n:
            break
        start += size - overlap
    return spans
    ### END SOLUTION


def chunk_text(text, size, overlap):
    """The chunks of text, one per window of chunk_spans."""
    ### BEGIN SOLUTION
    return [text[start:stop] for start, stop in chunk_spans(len(text), size, overlap)]
    ### END SOLUTION


# %%
print(chunk_spans(10, 4, 2))
print(chunk_spans(11, 4, 2))
print(chunk_text("Retrieval finds passages; generation writes the answer.", 20, 5))

# %% [markdown] tags=["solution"]
# A `while` loop states the stopping rule directly: emit the window, and stop as soon as it reaches the
# end. `range(0, n, size - overlap)` is the tempting one-liner, but it also yields starts whose windows lie
# entirely inside the previous one (for 10 characters, size 4 and overlap 2 it adds `(8, 10)`), while
# `range(0, n - size + 1, step)` leaves the last characters out when the windows do not end exactly at `n`.
# The parameter check comes first, so a bad `overlap` raises at once instead of looping for ever. Because
# neighbours share exactly `overlap` characters, the text can be rebuilt as the first chunk plus every
# later chunk without its first `overlap` characters, a handy test for any chunker.
