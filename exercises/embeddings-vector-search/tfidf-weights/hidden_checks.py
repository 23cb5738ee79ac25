"""Hidden checks for embeddings-vector-search.tfidf-weights (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def check_random_counts_and_empty_rows(fit_idf, tfidf):
    """On random float counts with empty rows: scikit-learn's values, zero rows stay zero, input unchanged."""
    rng = np.random.default_rng(21)
    counts = rng.poisson(0.4, size=(25, 40)).astype(np.float64)
    counts[[3, 17]] = 0.0
    before = counts.copy()
    n = len(counts)
    df = np.count_nonzero(counts, axis=0)
    idf = np.log((n + 1.0) / (df + 1.0)) + 1.0
    expect_array(fit_idf(counts), idf, what="fit_idf on 25 random documents", rtol=1e-9)
    weighted = counts * idf
    lengths = np.sqrt(np.einsum("ij,ij->i", weighted, weighted))[:, None]
    expected = np.divide(weighted, lengths, out=np.zeros_like(weighted), where=lengths > 0)
    expect_array(tfidf(counts, idf), expected, what="tfidf on 25 random documents with two empty rows",
                 rtol=1e-9, atol=1e-12)
    if not np.array_equal(counts, before):
        fail("fit_idf or tfidf changed the counts it was given.")
