"""Hidden checks for rag-pipeline.overlapping-chunks (instructors only; never shipped to students)."""

from coursegrader.helpers import expect_list_of_str, fail


def check_short_texts_and_exact_spans(chunk_spans, chunk_text):
    """Empty and short texts, and exact spans for a few cases (no hard-coded answers)."""
    cases = {
        (0, 5, 1): [],
        (3, 5, 1): [(0, 3)],
        (5, 5, 1): [(0, 5)],
        (6, 5, 1): [(0, 5), (4, 6)],
        (9, 5, 1): [(0, 5), (4, 9)],
        (10, 5, 1): [(0, 5), (4, 9), (8, 10)],
        (1, 1, 0): [(0, 1)],
        (4, 1, 0): [(0, 1), (1, 2), (2, 3), (3, 4)],
        (17, 6, 3): [(0, 6), (3, 9), (6, 12), (9, 15), (12, 17)],
    }
    for (n, size, overlap), want in cases.items():
        got = chunk_spans(n, size, overlap)
        if type(got) is not list or [tuple(int(x) for x in span) for span in got] != want:
            fail(f"chunk_spans({n}, {size}, {overlap}) should be {want}.")
    if expect_list_of_str(chunk_text("", 4, 1), what="chunk_text('', 4, 1)"):
        fail("chunk_text('', 4, 1) should be an empty list.")
    chunks = expect_list_of_str(chunk_text("αβγδεζη", 3, 1), what="chunk_text on Greek letters")
    if chunks != ["αβγ", "γδε", "εζη"]:
        fail(f"chunk_text('αβγδεζη', 3, 1) is {chunks}, expected ['αβγ', 'γδε', 'εζη'].")
