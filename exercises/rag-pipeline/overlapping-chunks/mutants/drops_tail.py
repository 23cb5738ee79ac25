"""Only full-size windows: the last characters are lost when the windows do not end exactly at n."""


def chunk_spans(n, size, overlap):
    if size < 1 or overlap < 0 or overlap >= size:
        raise ValueError("bad parameters")
    return [(start, start + size) for start in range(0, max(n - size + 1, 1), size - overlap) if n]
