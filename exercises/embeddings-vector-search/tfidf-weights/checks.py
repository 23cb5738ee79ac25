"""Public checks for embeddings-vector-search.tfidf-weights (students see these)."""

import math

import numpy as np

from coursegrader.helpers import expect_array, fail

# Three documents over four terms. Term 0 is in every document, term 1 in one (three times), term 2 in
# two, and term 3 in none (a vocabulary fixed in advance can contain such a term).
COUNTS = np.array([[2, 3, 1, 0], [1, 0, 0, 0], [4, 0, 2, 0]])
# n = 3 and df = (3, 1, 2, 0), so idf = ln(4 / (1 + df)) + 1.
IDF = np.array([1.0, math.log(2.0) + 1.0, math.log(4.0 / 3.0) + 1.0, math.log(4.0) + 1.0])


def check_idf_small_corpus(fit_idf):
    """On 3 documents with df = (3, 1, 2, 0), the idf is ln(4 / (1 + df)) + 1 for each term."""
    expect_array(fit_idf(COUNTS.copy()), IDF, what="fit_idf(counts)", rtol=1e-9,
                 hint="df counts the documents that contain a term (counts > 0), not its occurrences; "
                      "use the natural log, np.log.")


def check_tfidf_small_corpus(tfidf):
    """With the idf above, the rows match hand-computed values and have unit length."""
    a, b, c = IDF[0], IDF[1], IDF[2]
    raw = np.array([[2 * a, 3 * b, c, 0.0], [a, 0.0, 0.0, 0.0], [4 * a, 0.0, 2 * c, 0.0]])
    expected = raw / np.sqrt((raw**2).sum(axis=1, keepdims=True))
    result = expect_array(tfidf(COUNTS.copy(), IDF.copy()), expected, what="tfidf(counts, idf)", rtol=1e-9,
                          hint="Multiply each column by its idf, then divide each *row* by its Euclidean "
                               "norm.")
    lengths = np.linalg.norm(result, axis=1)
    if not np.allclose(lengths, 1.0):
        fail(f"The rows of tfidf(counts, idf) have lengths {lengths.round(4).tolist()}, expected 1 each.")


def check_query_uses_corpus_idf(tfidf):
    """A one-row query is weighted with the idf it is given (fitted on the corpus), not refitted on itself."""
    query = np.array([[1, 1, 0, 1]])
    raw = np.array([[IDF[0], IDF[1], 0.0, IDF[3]]])
    expected = raw / np.linalg.norm(raw)
    expect_array(tfidf(query.copy(), IDF.copy()), expected, what="tfidf(query, corpus_idf)", rtol=1e-9,
                 hint="Use the idf argument as it is: refitting it on one query makes every weight equal.")
