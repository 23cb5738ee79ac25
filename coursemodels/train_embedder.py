"""Train coursemodels/course-embedder: a static sentence embedder (sentence-transformers' StaticEmbedding).

A text's embedding is the mean of one trained vector per token of the course tokenizer (the course-lm
byte-level BPE), normalised to unit length. Training has two stages, both on the course's own training
paragraphs (the held-out paragraphs of course-lm's split are never used):

1. Initialisation by LSA over tokens. Token t's vector starts as idf(t) times its row of the leading
   right singular vectors of the (sublinear) TF-IDF matrix of the training paragraphs. The mean of these
   vectors over a text's tokens is, up to length, the LSA embedding of its TF-IDF vector, so the untrained
   model already is a TF-IDF + LSA embedder over course tokens.
2. Contrastive training with the inverse cloze task: one sentence of a paragraph (up to three different ones
   per paragraph and epoch) is the query, the rest of the paragraph is its positive, and the other
   paragraphs of the batch are the negatives (in-batch softmax, both directions). A tenth of the training
   paragraphs (chosen by hash) is kept aside for validation; the epoch with the best validation MRR is the
   one saved.

Evaluation: the same task on the HELD-OUT paragraphs (never trained on): each query sentence must find its
paragraph among all held-out paragraphs. Baselines are notebook 09's methods fitted on the same text:
TF-IDF + LSA on words, and TF-IDF + LSA on character n-grams, each at its best k on this very test (which
favours them). Deterministic: seeded, torch and BLAS pinned to ``--threads`` threads. Run with
``python -m coursemodels.train embedder`` (after ``lm``, whose tokenizer it uses).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
from pathlib import Path

import numpy as np

from coursemodels.train import HERE, LICENCE, record_header, split_text

EMB_CONFIG = {"dimension": 384, "epochs": 10, "queries_per_paragraph": 3, "batch_size": 128, "lr": 0.002,
              "temperature": 0.1, "min_chars": 80,
              "validation": "training paragraph set aside when int(sha256(paragraph)[:8], 16) % 10 == 1"}
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*(\[$0-9])")


def ict_pairs(paragraphs: list[str], rng: np.random.Generator, min_chars: int,
              per_paragraph: int = 1) -> list[tuple[str, str]]:
    """(query sentence, rest of paragraph) for every paragraph with at least two sentences: `per_paragraph`
    different query sentences of each (all of them when it has fewer), drawn with rng."""
    out = []
    for p in paragraphs:
        if len(p) < min_chars:
            continue
        sents = SENT.split(p)
        if len(sents) < 2:
            continue
        if per_paragraph == 1:
            picks = [int(rng.integers(len(sents)))]
        else:
            picks = (range(len(sents)) if len(sents) <= per_paragraph
                     else sorted(rng.choice(len(sents), per_paragraph, replace=False).tolist()))
        out += [(sents[i], " ".join(sents[:i] + sents[i + 1 :])) for i in picks]
    return out


def ranks(sims: np.ndarray) -> np.ndarray:
    """Rank of document i for query i (1 = first); ties count against the query."""
    return 1 + ((sims >= np.diag(sims)[:, None]).sum(axis=1) - 1)


def paired_bootstrap(rr_a: np.ndarray, rr_b: np.ndarray, seed: int, n: int = 2000) -> dict:
    """Mean of rr_a - rr_b (per-query reciprocal ranks) with a 95% percentile interval over queries
    resampled with replacement, and the share of resamples in which a is not better than b."""
    gen = np.random.default_rng(seed)
    idx = gen.integers(0, len(rr_a), size=(n, len(rr_a)))
    diffs = (rr_a[idx] - rr_b[idx]).mean(axis=1)
    return {"mrr_difference": round(float(np.mean(rr_a - rr_b)), 4),
            "ci95": [round(float(np.quantile(diffs, 0.025)), 4), round(float(np.quantile(diffs, 0.975)), 4)],
            "share_of_resamples_not_better": round(float(np.mean(diffs <= 0)), 4), "resamples": n}


def rank_metrics(sims: np.ndarray) -> dict:
    """Query i's relevant document is document i. Ties count against the query (rank = 1 + number of
    documents scoring at least as high, other than i)."""
    rank = ranks(sims)
    return {"recall@1": float(np.mean(rank == 1)), "recall@5": float(np.mean(rank <= 5)),
            "mrr": float(np.mean(1.0 / rank)), "n_queries": len(rank)}


def lsa_baselines(train_docs: list[str], queries: list[str], docs: list[str]) -> tuple[dict, dict]:
    """Metrics of each baseline, and the per-query reciprocal ranks of each LSA baseline at its best k."""
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    out, rr = {}, {}
    for name, vec in [("tfidf-words-lsa", TfidfVectorizer()),
                      ("tfidf-char-ngrams-lsa", TfidfVectorizer(analyzer="char_wb", ngram_range=(3, 5),
                                                                 sublinear_tf=True))]:
        vec.fit(train_docs + docs)
        xq, xd = vec.transform(queries), vec.transform(docs)
        best = None
        for k in (40, 100, 200):
            svd = TruncatedSVD(n_components=k, algorithm="arpack", random_state=0).fit(vec.transform(train_docs + docs))
            zq, zd = svd.transform(xq), svd.transform(xd)
            zq /= np.linalg.norm(zq, axis=1, keepdims=True) + 1e-12
            zd /= np.linalg.norm(zd, axis=1, keepdims=True) + 1e-12
            m = rank_metrics(zq @ zd.T) | {"k": k}
            if best is None or m["mrr"] > best["mrr"]:
                best, rr[name] = m, 1.0 / ranks(zq @ zd.T)
        out[name] = best
        out[name.replace("-lsa", "") + "-no-lsa"] = rank_metrics((xq @ xd.T).toarray())
    return out, rr


def is_validation(paragraph: str) -> bool:
    return int(hashlib.sha256(paragraph.encode("utf-8")).hexdigest()[:8], 16) % 10 == 1


def lsa_token_vectors(tok, paragraphs: list[str], k: int) -> np.ndarray:
    """(vocab, k) initial token vectors: idf(t) * V_k[t], from the SVD of the sublinear TF-IDF matrix of the
    paragraphs over the tokenizer's tokens (rows scaled to unit length). The mean of a text's token vectors
    is then proportional to the LSA projection of its (linear-tf) TF-IDF vector."""
    vocab = tok.get_vocab_size()
    counts = np.zeros((len(paragraphs), vocab))
    for i, enc in enumerate(tok.encode_batch(paragraphs)):
        np.add.at(counts[i], enc.ids, 1.0)
    df = (counts > 0).sum(axis=0)
    idf = np.log((1 + len(paragraphs)) / (1 + df)) + 1
    x = np.log1p(counts) * idf
    x /= np.linalg.norm(x, axis=1, keepdims=True) + 1e-12
    _, _, vt = np.linalg.svd(x, full_matrices=False)
    return (idf[:, None] * vt[:k].T).astype(np.float32)


def train_embedder(args: argparse.Namespace) -> dict:
    import torch
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, StaticEmbedding
    from threadpoolctl import threadpool_limits
    from tokenizers import Tokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    threadpool_limits(args.threads)  # the SVD and the baselines' BLAS calls, as torch
    rng = np.random.default_rng(args.seed)
    cfg = dict(EMB_CONFIG)
    t0 = time.perf_counter()
    lm_dir = HERE / "course-lm"
    tok = Tokenizer.from_file(str(lm_dir / "tokenizer.json"))
    lm_record = json.loads((lm_dir / "training.json").read_text(encoding="utf-8"))
    train_p, held_p, digest = split_text()
    if digest != lm_record["data"]["sha256"]:
        print("note: the course text changed since course-lm was trained (its tokenizer is still used; the "
              "held-out split is by paragraph hash, so no held-out paragraph was ever trained on)")
    fit_p = [p for p in train_p if not is_validation(p)]
    val_p = [p for p in train_p if is_validation(p)]

    init = torch.from_numpy(lsa_token_vectors(tok, fit_p, cfg["dimension"]))
    bag = torch.nn.EmbeddingBag(init.shape[0], init.shape[1], mode="mean")
    with torch.no_grad():
        bag.weight.copy_(init)
    opt = torch.optim.Adam(bag.parameters(), lr=cfg["lr"])

    def embed(texts: list[str]) -> torch.Tensor:
        ids = [e.ids or [0] for e in tok.encode_batch(texts)]
        offsets = torch.tensor([0] + [len(x) for x in ids[:-1]]).cumsum(0)
        flat = torch.tensor([i for x in ids for i in x])
        return torch.nn.functional.normalize(bag(flat, offsets), dim=-1)

    val_pairs = ict_pairs(val_p, np.random.default_rng(args.seed + 2), cfg["min_chars"])

    @torch.no_grad()
    def val_mrr() -> float:
        return rank_metrics((embed([p[0] for p in val_pairs]) @ embed([p[1] for p in val_pairs]).T).numpy())["mrr"]

    losses, val_curve = [], [[0, round(val_mrr(), 4)]]
    best = (val_curve[0][1], 0, bag.weight.detach().clone())
    for epoch in range(1, cfg["epochs"] + 1):
        pairs = ict_pairs(fit_p, rng, cfg["min_chars"], cfg["queries_per_paragraph"])
        order = rng.permutation(len(pairs))
        for s in range(0, len(order), cfg["batch_size"]):
            batch = [pairs[i] for i in order[s : s + cfg["batch_size"]]]
            q, d = embed([b[0] for b in batch]), embed([b[1] for b in batch])
            logits = q @ d.T / cfg["temperature"]
            labels = torch.arange(len(batch))
            loss = (torch.nn.functional.cross_entropy(logits, labels)
                    + torch.nn.functional.cross_entropy(logits.T, labels)) / 2
            opt.zero_grad()
            loss.backward()
            opt.step()
            losses.append(loss.item())
        val_curve.append([epoch, round(val_mrr(), 4)])
        print(f"epoch {epoch:3d}  loss {np.mean(losses[-10:]):.3f}  validation MRR {val_curve[-1][1]:.4f}", flush=True)
        if val_curve[-1][1] > best[0]:
            best = (val_curve[-1][1], epoch, bag.weight.detach().clone())

    weights = best[2]
    out = Path(args.out) if args.out else HERE / "course-embedder"
    out.mkdir(parents=True, exist_ok=True)
    model = SentenceTransformer(modules=[StaticEmbedding(tok, embedding_weights=weights), Normalize()],
                                device="cpu")
    model.save(str(out))

    # Evaluation on held-out paragraphs, with the saved model reloaded the way the notebooks load it.
    eval_pairs = ict_pairs(held_p, np.random.default_rng(args.seed + 1), cfg["min_chars"])
    queries, docs = [p[0] for p in eval_pairs], [p[1] for p in eval_pairs]
    reloaded = SentenceTransformer(str(out), device="cpu")
    zq = reloaded.encode(queries, convert_to_numpy=True)
    zd = reloaded.encode(docs, convert_to_numpy=True)
    ours = rank_metrics(zq @ zd.T)
    with torch.no_grad():
        bag.weight.copy_(init)
        untrained = rank_metrics((embed(queries) @ embed(docs).T).numpy())
    baselines, baseline_rr = lsa_baselines(train_p, queries, docs)
    best_lsa = max(("tfidf-words-lsa", "tfidf-char-ngrams-lsa"), key=lambda n: baselines[n]["mrr"])
    ours_rr = 1.0 / ranks(zq @ zd.T)
    versus = {name: paired_bootstrap(ours_rr, rr, args.seed) for name, rr in baseline_rr.items()}
    (out / "retrieval_eval.json").write_text(
        json.dumps({"task": "inverse cloze on held-out course paragraphs: the query is one sentence, the "
                            "relevant document is the rest of its paragraph, among all held-out documents",
                    "queries": queries, "documents": docs}, indent=1) + "\n", encoding="utf-8")
    record = {
        **record_header("course-embedder", "embedder", Path(__file__), args),
        "data": {"sha256": digest, "split": lm_record["data"]["split"],
                 "tokenizer": "course-lm (tokenizer.json copied into this folder)",
                 "tokenizer_sha256": hashlib.sha256((lm_dir / "tokenizer.json").read_bytes()).hexdigest(),
                 "course_lm_text_sha256": lm_record["data"]["sha256"],
                 "init": f"LSA over course-lm tokens, k = {cfg['dimension']}, fitted on the training paragraphs",
                 "paragraphs_train": len(fit_p), "paragraphs_validation": len(val_p),
                 "paragraphs_held_out": len(held_p),
                 "train_pairs_per_epoch": len(ict_pairs(fit_p, np.random.default_rng(0), cfg["min_chars"],
                                                        cfg["queries_per_paragraph"])),
                 "validation_pairs": len(val_pairs)},
        "config": cfg,
        "embedding_dimension": int(weights.shape[1]),
        "vocab_size": int(weights.shape[0]),
        "loss_curve": [[i, round(v, 4)] for i, v in enumerate(losses) if i % 10 == 0 or i == len(losses) - 1],
        "validation_mrr_curve": val_curve,
        "best_epoch": best[1],
        "best_validation_mrr": best[0],
        "evaluation": {"file": "retrieval_eval.json", "course-embedder": ours,
                       "LSA initialisation (before contrastive training)": untrained, **baselines,
                       "best_lsa_baseline": best_lsa,
                       "mrr_gain_over_best_lsa": round(ours["mrr"] - baselines[best_lsa]["mrr"], 4),
                       "recall@1_gain_over_best_lsa": round(ours["recall@1"] - baselines[best_lsa]["recall@1"], 4),
                       "paired_bootstrap_vs_lsa": versus},
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    (out / "training.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    (out / "README.md").write_text(_card(record), encoding="utf-8")
    print(json.dumps(record["evaluation"], indent=1, default=str)[:3000])
    return record


def _boot_resamples(ev: dict) -> int:
    return next(iter(ev["paired_bootstrap_vs_lsa"].values()))["resamples"]


def _boot_rows(ev: dict) -> str:
    return "\n".join(f"| {name} | {b['mrr_difference']:+.3f} | [{b['ci95'][0]:+.3f}, {b['ci95'][1]:+.3f}] | "
                     f"{b['share_of_resamples_not_better']:.1%} |" for name, b in ev["paired_bootstrap_vs_lsa"].items())


def _card(r: dict) -> str:
    ev = r["evaluation"]
    rows = "\n".join(
        f"| {name}{' (best k = ' + str(m['k']) + ')' if 'k' in m else ''} | {m['recall@1']:.3f} | "
        f"{m['recall@5']:.3f} | {m['mrr']:.3f} |"
        for name, m in ev.items() if isinstance(m, dict) and "mrr" in m
    )
    return f"""---
license: cc-by-4.0
library_name: sentence-transformers
pipeline_tag: sentence-similarity
tags: [static-embeddings, course, tiny]
---

# course-embedder

A static sentence embedder ({r["vocab_size"]} token vectors of dimension {r["embedding_dimension"]}): a text's
embedding is the normalised mean of its tokens' vectors, with the course-lm byte-level BPE tokenizer. The
vectors start as TF-IDF + LSA over those tokens (so the untrained model is an LSA embedder) and are then
trained contrastively (inverse cloze task, in-batch negatives) on the course's training paragraphs; the
epoch with the best MRR on a validation tenth of the training paragraphs is kept (epoch {r["best_epoch"]}
of {r["config"]["epochs"]}). It is tiny and fast, and it knows only the course's vocabulary: it is a
stand-in for a real sentence-transformer, not a replacement.

```python
import coursemodels
from sentence_transformers import SentenceTransformer
embedder = SentenceTransformer(str(coursemodels.path("course-embedder")), device="cpu")
vectors = embedder.encode(["How do I resume a crashed training run?"])
```

## Retrieval on held-out course text

{ev["course-embedder"]["n_queries"]} queries: one sentence of a held-out paragraph (never trained on) must find
the rest of its paragraph among all {ev["course-embedder"]["n_queries"]} held-out documents
(`retrieval_eval.json`). The baselines are fitted on the course text: word TF-IDF + LSA (notebook 09's
method) and character n-gram TF-IDF + LSA (notebook 10's embedder), each at the k that does best on this
test (which favours them), and the same TF-IDF without LSA.

| method | recall@1 | recall@5 | MRR |
|---|---|---|---|
{rows}

Against the best LSA baseline ({ev["best_lsa_baseline"]}): MRR {ev["mrr_gain_over_best_lsa"]:+.3f},
recall@1 {ev["recall@1_gain_over_best_lsa"]:+.3f}. With only {ev["course-embedder"]["n_queries"]} queries the
margins are uncertain; a paired bootstrap over the queries ({_boot_resamples(ev)} resamples) gives these
95% intervals for the MRR difference (this model minus the baseline):

| baseline | MRR difference | 95% interval | resamples where this model is not better |
|---|---|---|---|
{_boot_rows(ev)}

An interval that contains 0 means that this small test cannot tell the two apart with 95% confidence, so
the honest summary is: ahead of both LSA baselines on this test, by the margins above, and not more than
that. Character n-gram TF-IDF + LSA (notebook 10's embedder) is a strong baseline on a task whose queries
share words with their documents.

The sha256 of the training text is recorded for this model ({r["data"]["sha256"][:12]}...) and for
course-lm's ({r["data"]["course_lm_text_sha256"][:12]}...); they differ when the course text changed
between the two trainings. Both use the same split rule by paragraph hash, so no held-out paragraph has
been trained on by either.

## Training

Command (from the repository root, after course-lm; `make models` retrains both):

```
{r["command"]}
```

Script `{r["script"]}` version {r["script_version"]}, seed {r["seed"]}; training text sha256
`{r["data"]["sha256"]}` (split by the same rule as course-lm). Config: {json.dumps(r["config"])}.
{r["train_seconds"]} s. Libraries: {json.dumps(r["libraries"])}.

## Licence

{LICENCE}.
"""
