"""Treats every document listed in relevance as relevant, including grade 0."""


def reciprocal_rank(ranked, relevance):
    for position, doc in enumerate(ranked, start=1):
        if doc in relevance:
            return 1.0 / position
    return 0.0


def recall_at_k(ranked, relevance, k):
    return len(set(relevance) & set(ranked[:k])) / len(relevance) if relevance else 0.0
