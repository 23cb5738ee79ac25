"""Does not check the parameters: a too-large overlap gives no windows instead of an error."""


def chunk_spans(n, size, overlap):
    spans, step = [], size - overlap
    for start in range(0, n, step):
        stop = min(start + size, n)
        spans.append((start, stop))
        if stop == n:
            break
    return spans
