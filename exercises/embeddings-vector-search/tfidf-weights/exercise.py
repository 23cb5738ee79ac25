# %% [markdown]
# TF-IDF is still the first embedding to try for text search, and the lexical half of most hybrid
# retrievers. The notebook built it on top of a count matrix and matched scikit-learn's `TfidfVectorizer`
# to rounding error. Here you write the weighting step alone, starting from the counts.
#
# `counts` is a NumPy array of shape `(n_docs, n_terms)`: `counts[i, t]` is how often term `t` occurs in
# document `i` (non-negative integers, possibly stored as floats). With `n` documents, of which `df(t)`
# contain term `t` at least once, scikit-learn's default (`smooth_idf=True`) is
#
# `idf(t) = ln((1 + n) / (1 + df(t))) + 1`,
#
# with the natural logarithm `ln`. The ones inside the fraction act as if one extra document contained every
# term, so a term that no document contains still gets a finite weight; the `+ 1` outside keeps a term that
# occurs in every document from being weighted to zero.
#
# Write two functions:
#
# 1. `fit_idf(counts)` returns the idf of every term, a `float64` array of shape `(n_terms,)`. Note that
#    `df` counts *documents*, not occurrences: a term used five times in one document has df 1.
# 2. `tfidf(counts, idf)` returns the TF-IDF matrix of the documents in `counts` (same shape, `float64`):
#    each count times its term's idf, then each row scaled to unit Euclidean length (scikit-learn's
#    `norm="l2"`), so that the dot product of two rows is their cosine similarity. A row of zeros (a
#    document with no known term) stays all zeros, never `nan`.
#
# `idf` is an argument of `tfidf` on purpose: the idf is fitted once on the corpus, and queries and new
# documents are weighted with that same idf, so use the `idf` you are given. Leave `counts` unchanged.

# %%
import numpy as np


def fit_idf(counts):
    """Smoothed inverse document frequency of each term (column) of a document-term count matrix."""
    ### BEGIN SOLUTION
    counts = np.asarray(counts, dtype=np.float64)
    n_docs = counts.shape[0]
    df = (counts > 0).sum(axis=0)
    return np.log((1.0 + n_docs) / (1.0 + df)) + 1.0
    ### END SOLUTION


def tfidf(counts, idf):
    """Counts weighted by idf, each row scaled to unit Euclidean length (all-zero rows stay zero)."""
    ### BEGIN SOLUTION
    weighted = np.asarray(counts, dtype=np.float64) * np.asarray(idf, dtype=np.float64)
    norms = np.linalg.norm(weighted, axis=1, keepdims=True)
    return weighted / np.where(norms == 0, 1.0, norms)
    ### END SOLUTION


# %% [markdown]
# Three short documents over the vocabulary `["model", "quantisation", "retrieval"]`: "model" occurs in
# every document, so it gets the smallest idf (exactly 1); the rarer terms weigh more.

# %%
corpus_counts = np.array([[2, 1, 0], [1, 0, 3], [1, 0, 1]])
corpus_idf = fit_idf(corpus_counts)
print("idf:", corpus_idf.round(4))
print(tfidf(corpus_counts, corpus_idf).round(4))
print("query 'quantisation model':", tfidf(np.array([[1, 1, 0]]), corpus_idf).round(4))

# %% [markdown] tags=["solution"]
# `counts > 0` marks where a term occurs, and summing that boolean matrix down the columns counts
# documents, not occurrences. Multiplying the `(n, V)` counts by the `(V,)` idf broadcasts the weight of
# each term along its column. Each row is then divided by its own norm (`axis=1`, `keepdims=True` keeps a
# column to broadcast against); replacing a zero norm by 1 leaves empty rows at zero. If scikit-learn is
# installed, `TfidfTransformer().fit(counts)` gives the same `idf_`, and its `transform` the same rows.
