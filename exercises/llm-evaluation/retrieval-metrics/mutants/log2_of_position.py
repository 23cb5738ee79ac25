"""Discounts by log2(position) instead of log2(position + 1), so the first document divides by zero or 1."""
import math


def ndcg_at_k(ranked, relevance, k):
    dcg = sum(relevance.get(d, 0) / math.log2(p + 1 if p == 1 else p) for p, d in enumerate(ranked[:k], 1))
    ideal_grades = sorted(relevance.values(), reverse=True)[:k]
    ideal = sum(g / math.log2(p + 1 if p == 1 else p) for p, g in enumerate(ideal_grades, 1))
    return float(dcg / ideal) if ideal > 0 else 0.0
