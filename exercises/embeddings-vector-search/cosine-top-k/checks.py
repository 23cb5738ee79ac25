"""Public checks for embeddings-vector-search.cosine-top-k (students see these)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def _brute_force(queries, corpus, k):
    """Cosine similarities one pair at a time, then a full sort of each row (slow and clearly right)."""
    queries = np.asarray(queries, dtype=np.float64)
    corpus = np.asarray(corpus, dtype=np.float64)
    sims = np.zeros((len(queries), len(corpus)))
    for i, q in enumerate(queries):
        for j, x in enumerate(corpus):
            denominator = np.linalg.norm(q) * np.linalg.norm(x)
            sims[i, j] = q @ x / denominator if denominator > 0 else 0.0
    order = np.argsort(-sims, axis=1, kind="stable")[:, :k]
    return order, np.take_along_axis(sims, order, axis=1)


def _result(top_k_cosine, queries, corpus, k, label):
    result = top_k_cosine(queries, corpus, k)
    if type(result) is not tuple or len(result) != 2:
        fail(f"{label} should return a tuple (indices, similarities), got {type(result).__name__}.")
    return result


def _expect_similarities(sim, want, what, hint):
    """Check the values regardless of order first (so the hint fits the mistake), then the order."""
    if type(sim) is np.ndarray and sim.shape == want.shape and sim.dtype.kind == "f":
        expect_array(-np.sort(-sim.astype(np.float64), axis=1), want, what=f"{what}, sorted", rtol=1e-5,
                     atol=1e-6, hint=hint)
    expect_array(sim, want, what=what, rtol=1e-5, atol=1e-6,
                 hint="The values are right but not in order: put the most similar row first in each row.")


def check_matches_full_sort(top_k_cosine):
    """For 6 queries and 50 stored vectors (float32), the top 5 match a brute-force full sort."""
    rng = np.random.default_rng(2)
    corpus = rng.normal(size=(50, 8)).astype(np.float32)
    queries = rng.normal(size=(6, 8)).astype(np.float32)
    want_idx, want_sim = _brute_force(queries, corpus, 5)
    idx, sim = _result(top_k_cosine, queries, corpus, 5, "top_k_cosine(queries, corpus, 5)")
    _expect_similarities(sim, want_sim, "the similarities of top_k_cosine(queries, corpus, 5)",
                         "Scale both inputs' rows to unit length (in float64), then one matrix product.")
    expect_array(idx, want_idx, what="the indices of top_k_cosine(queries, corpus, 5)", kind="i",
                 hint="Partition -sims (the largest first), then sort the k candidates of each row.")


def check_most_similar_first(top_k_cosine):
    """On the small example, k = 3 gives rows 1, 2, 0 (cosines 1, 0.707, 0), and every row is sorted."""
    corpus = np.array([[0.0, 3.0], [2.0, 0.0], [1.0, 1.0], [-1.0, 0.0]])
    idx, sim = _result(top_k_cosine, np.array([[1.0, 0.0]]), corpus, 3, "top_k_cosine on the example")
    expect_array(idx, np.array([[1, 2, 0]]), what="the indices on the example", kind="i",
                 hint="np.argpartition leaves the k candidates in no particular order: sort them afterwards.")
    expect_array(sim, np.array([[1.0, np.sqrt(0.5), 0.0]]), what="the similarities on the example",
                 rtol=1e-6, atol=1e-9)
    rng = np.random.default_rng(4)
    idx, sim = _result(top_k_cosine, rng.normal(size=(10, 4)), rng.normal(size=(30, 4)), 7,
                       "top_k_cosine on 10 random queries")
    if np.any(np.diff(np.asarray(sim, dtype=np.float64), axis=1) > 1e-12):
        fail("Some row of similarities is not in decreasing order: put the most similar row first.")


def check_scale_does_not_matter(top_k_cosine):
    """Stretching stored vectors by 1000 or 0.001 changes nothing, and the inputs are left unchanged."""
    rng = np.random.default_rng(6)
    corpus = rng.normal(size=(40, 5))
    queries = rng.normal(size=(4, 5))
    want_idx, want_sim = _brute_force(queries, corpus, 4)
    stretched = corpus * np.where(np.arange(40) % 2 == 0, 1000.0, 0.001)[:, None]
    before_q, before_c = queries.copy(), stretched.copy()
    idx, sim = _result(top_k_cosine, queries, stretched, 4, "top_k_cosine on stretched vectors")
    if not (np.array_equal(queries, before_q) and np.array_equal(stretched, before_c)):
        fail("top_k_cosine changed the arrays it was given: normalise copies (x = x / n, not x /= n).")
    _expect_similarities(sim, want_sim, "the similarities on stretched vectors",
                         "Cosine similarity ignores length: divide each row by its norm before the product.")
    expect_array(idx, want_idx, what="the indices on stretched vectors", kind="i",
                 hint="A dot product favours long vectors; the cosine does not.")
