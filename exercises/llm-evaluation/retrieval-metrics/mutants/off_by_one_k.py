"""Looks at the first k-1 documents (an off-by-one slice)."""


def recall_at_k(ranked, relevance, k):
    relevant = {d for d, g in relevance.items() if g > 0}
    return len(relevant & set(ranked[: k - 1])) / len(relevant) if relevant else 0.0
