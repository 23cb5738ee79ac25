"""Public checks for rag-pipeline.overlapping-chunks (students see these)."""

from coursegrader.helpers import INT_TYPES, expect_list_of_str, expect_raises, fail

CASES = [(10, 4, 2), (11, 4, 2), (100, 30, 10), (7, 7, 0), (50, 10, 0), (23, 5, 4), (61, 12, 11)]


def _spans(chunk_spans, n, size, overlap):
    label = f"chunk_spans({n}, {size}, {overlap})"
    spans = chunk_spans(n, size, overlap)
    if type(spans) is not list:
        fail(f"{label} returned {type(spans).__name__}, expected a list of (start, stop) tuples.")
    out = []
    for i, span in enumerate(spans):
        if type(span) is not tuple or len(span) != 2 or any(type(x) not in INT_TYPES for x in span):
            fail(f"{label}[{i}] should be a tuple of two integers (start, stop).")
        out.append((int(span[0]), int(span[1])))
    return out, label


def check_spans_cover_and_overlap(chunk_spans):
    """Windows start at 0, advance by size - overlap, are size long (the last may be shorter), end at n."""
    for n, size, overlap in CASES:
        spans, label = _spans(chunk_spans, n, size, overlap)
        if not spans or spans[0][0] != 0:
            fail(f"{label} should start with a window at 0, got {spans[:2]}.")
        if spans[-1][1] != n:
            fail(f"{label} ends at {spans[-1][1]}, but the last window must reach the end ({n}): "
                 "every character must be in some chunk.")
        for i, (start, stop) in enumerate(spans):
            if not 0 <= start < stop <= n:
                fail(f"{label} has the window {(start, stop)}, which is empty or outside the text.")
            if stop - start != size and stop != n:
                fail(f"{label} has the window {(start, stop)} of length {stop - start}; only a window "
                     f"cut short at the end may be shorter than {size}.")
            if i > 0 and start - spans[i - 1][0] != size - overlap:
                fail(f"In {label}, {spans[i - 1]} is followed by {(start, stop)}: each window should start "
                     f"size - overlap = {size - overlap} after the previous one.")
        if any(stop == n for _, stop in spans[:-1]):
            fail(f"{label} = {spans}: a window after the first one that reaches the end adds nothing "
                 "new; stop there.")


def check_chunk_text_example(chunk_text):
    """'abcdefghij' with size 4 and overlap 2 gives 'abcd', 'cdef', 'efgh', 'ghij'; chunks rebuild the text."""
    chunks = expect_list_of_str(chunk_text("abcdefghij", 4, 2), what="chunk_text('abcdefghij', 4, 2)")
    if chunks != ["abcd", "cdef", "efgh", "ghij"]:
        fail(f"chunk_text('abcdefghij', 4, 2) is {chunks}, expected ['abcd', 'cdef', 'efgh', 'ghij'].")
    text = "Retrieval-augmented generation answers from passages it has retrieved."
    chunks = expect_list_of_str(chunk_text(text, 16, 5), what="chunk_text(text, 16, 5)")
    rebuilt = chunks[0] + "".join(chunk[5:] for chunk in chunks[1:]) if chunks else ""
    if rebuilt != text:
        fail("The first chunk plus every later chunk without its first 5 characters does not give the "
             f"text back: {rebuilt!r}.")


def check_bad_parameters(chunk_spans):
    """overlap >= size, a negative overlap and size 0 raise ValueError."""
    for size, overlap in [(4, 4), (4, 6), (4, -1), (0, 0)]:
        expect_raises(ValueError, chunk_spans, 20, size, overlap, what=f"chunk_spans(20, {size}, {overlap})",
                      hint="Check 'size >= 1 and 0 <= overlap < size' before making any window.")
