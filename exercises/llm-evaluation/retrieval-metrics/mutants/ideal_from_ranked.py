"""Normalises by the DCG of the retrieved order sorted, not of all relevant grades: misses unretrieved ones."""
import math


def ndcg_at_k(ranked, relevance, k):
    grades = [relevance.get(d, 0) for d in ranked[:k]]
    dcg = sum(g / math.log2(p + 1) for p, g in enumerate(grades, 1))
    ideal = sum(g / math.log2(p + 1) for p, g in enumerate(sorted(grades, reverse=True), 1))
    return float(dcg / ideal) if ideal > 0 else 0.0
