"""Advances by size instead of size - overlap, so neighbouring windows do not overlap."""


def chunk_spans(n, size, overlap):
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError("bad parameters")
    return [(start, min(start + size, n)) for start in range(0, n, size)]
