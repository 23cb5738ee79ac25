"""Hidden checks for embeddings-vector-search.cosine-top-k (instructors only; never shipped to students)."""

import numpy as np

from coursegrader.helpers import expect_array, fail


def check_edges_k_and_zero_vectors(top_k_cosine):
    """k = n and k > n return every row sorted; zero rows give similarity 0, never nan; k = 1 works."""
    rng = np.random.default_rng(12)
    corpus = rng.normal(size=(6, 3))
    corpus[4] = 0.0
    queries = rng.normal(size=(3, 3))
    queries[1] = 0.0
    unit = corpus / np.where(np.linalg.norm(corpus, axis=1, keepdims=True) == 0, 1.0,
                             np.linalg.norm(corpus, axis=1, keepdims=True))
    qunit = queries / np.where(np.linalg.norm(queries, axis=1, keepdims=True) == 0, 1.0,
                               np.linalg.norm(queries, axis=1, keepdims=True))
    sims = qunit @ unit.T
    for k in (6, 9):
        result = top_k_cosine(queries, corpus, k)
        if type(result) is not tuple or len(result) != 2:
            fail(f"top_k_cosine(queries, corpus, {k}) should return a tuple (indices, similarities).")
        idx, sim = result
        want_sim = -np.sort(-sims, axis=1)
        expect_array(sim, want_sim, what=f"the similarities for k = {k} with 6 stored rows", rtol=1e-6,
                     atol=1e-9)
        if type(idx) is not np.ndarray or idx.shape != (3, 6) or idx.dtype.kind not in "iu":
            fail(f"the indices for k = {k} with 6 stored rows should be an integer array of shape (3, 6).")
        for i in (0, 2):  # the zero query ties everywhere, so only its similarities are checked
            expect_array(np.take_along_axis(sims, idx, axis=1)[i], want_sim[i],
                         what=f"the similarities of the returned rows for query {i}", rtol=1e-6, atol=1e-9)
            if sorted(int(j) for j in idx[i]) != list(range(6)):
                fail(f"for k = {k} the indices of query {i} are not the 6 corpus rows once each.")
    idx, sim = top_k_cosine(queries[[0]], corpus, 1)
    expect_array(sim, sims[[0]].max(axis=1, keepdims=True), what="the similarity for k = 1", rtol=1e-6)
    expect_array(idx, sims[[0]].argmax(axis=1)[:, None], what="the index for k = 1", kind="i")
