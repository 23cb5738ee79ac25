"""Train coursemodels/course-embedder: a static sentence embedder (sentence-transformers' StaticEmbedding).

A text's embedding is the mean of one trained vector per token of the course tokenizer (the course-lm
byte-level BPE), normalised to unit length. The vectors start from course-lm's input embeddings and are
trained contrastively on the course's own training paragraphs with the inverse cloze task: one sentence of
a paragraph is the query, the rest of the paragraph is its positive, and the other paragraphs of the batch
are the negatives (in-batch softmax, both directions).

Evaluation: the same task on the HELD-OUT paragraphs (never trained on): each query sentence must find its
paragraph among all held-out paragraphs. Baselines are notebook 09's methods fitted on the same text:
TF-IDF + LSA on words, and TF-IDF + LSA on character n-grams, each at its best k on this very test (which
favours them). Run with ``python -m coursemodels.train embedder`` (after ``lm``).
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import time
from pathlib import Path

import numpy as np

from coursemodels.train import HERE, LICENCE, SCRIPT_VERSION, _versions, split_text

EMB_CONFIG = {"epochs": 40, "batch_size": 128, "lr": 0.02, "temperature": 0.05, "min_chars": 80}
SENT = re.compile(r"(?<=[.!?])\s+(?=[A-Z`*(\[$0-9])")


def ict_pairs(paragraphs: list[str], rng: np.random.Generator, min_chars: int) -> list[tuple[str, str]]:
    """(query sentence, rest of paragraph) for every paragraph with at least two sentences."""
    out = []
    for p in paragraphs:
        if len(p) < min_chars:
            continue
        sents = SENT.split(p)
        if len(sents) < 2:
            continue
        i = int(rng.integers(len(sents)))
        out.append((sents[i], " ".join(sents[:i] + sents[i + 1 :])))
    return out


def rank_metrics(sims: np.ndarray) -> dict:
    """Query i's relevant document is document i. Ties count against the query (rank = 1 + number of
    documents scoring at least as high, other than i)."""
    target = np.diag(sims)[:, None]
    rank = 1 + ((sims >= target).sum(axis=1) - 1)
    return {"recall@1": float(np.mean(rank == 1)), "recall@5": float(np.mean(rank <= 5)),
            "mrr": float(np.mean(1.0 / rank)), "n_queries": len(rank)}


def lsa_baselines(train_docs: list[str], queries: list[str], docs: list[str]) -> dict:
    from sklearn.decomposition import TruncatedSVD
    from sklearn.feature_extraction.text import TfidfVectorizer

    out = {}
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
                best = m
        out[name] = best
        out[name.replace("-lsa", "") + "-no-lsa"] = rank_metrics((xq @ xd.T).toarray())
    return out


def train_embedder(args: argparse.Namespace) -> dict:
    import torch
    from safetensors.torch import load_file
    from sentence_transformers import SentenceTransformer
    from sentence_transformers.sentence_transformer.modules import Normalize, StaticEmbedding
    from tokenizers import Tokenizer

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    cfg = dict(EMB_CONFIG)
    t0 = time.perf_counter()
    lm_dir = HERE / "course-lm"
    tok = Tokenizer.from_file(str(lm_dir / "tokenizer.json"))
    lm_record = json.loads((lm_dir / "training.json").read_text(encoding="utf-8"))
    train_p, held_p, digest = split_text()
    if digest != lm_record["data"]["sha256"]:
        print("note: the course text changed since course-lm was trained; retrain both (`make models`)")
    wte = load_file(str(lm_dir / "model.safetensors"))["transformer.wte.weight"].clone()

    bag = torch.nn.EmbeddingBag(wte.shape[0], wte.shape[1], mode="mean")
    with torch.no_grad():
        bag.weight.copy_(wte)
    opt = torch.optim.Adam(bag.parameters(), lr=cfg["lr"])

    def embed(texts: list[str]) -> torch.Tensor:
        ids = [e.ids or [0] for e in tok.encode_batch(texts)]
        offsets = torch.tensor([0] + [len(x) for x in ids[:-1]]).cumsum(0)
        flat = torch.tensor([i for x in ids for i in x])
        return torch.nn.functional.normalize(bag(flat, offsets), dim=-1)

    losses = []
    for _epoch in range(cfg["epochs"]):
        pairs = ict_pairs(train_p, rng, cfg["min_chars"])
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

    weights = bag.weight.detach().clone()
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
        init_bag = torch.nn.EmbeddingBag.from_pretrained(wte, mode="mean")
        bag = init_bag
        untrained = rank_metrics((embed(queries) @ embed(docs).T).numpy())
    baselines = lsa_baselines(train_p, queries, docs)
    best_lsa = max(("tfidf-words-lsa", "tfidf-char-ngrams-lsa"), key=lambda n: baselines[n]["mrr"])
    (out / "retrieval_eval.json").write_text(
        json.dumps({"task": "inverse cloze on held-out course paragraphs: the query is one sentence, the "
                            "relevant document is the rest of its paragraph, among all held-out documents",
                    "queries": queries, "documents": docs}, indent=1) + "\n", encoding="utf-8")
    record = {
        "model": "course-embedder",
        "script": "coursemodels/train_embedder.py",
        "script_version": SCRIPT_VERSION,
        "script_sha256": hashlib.sha256(Path(__file__).read_bytes()).hexdigest(),
        "command": f"python -m coursemodels.train embedder --seed {args.seed} --threads {args.threads}",
        "seed": args.seed,
        "threads": args.threads,
        "libraries": _versions(),
        "data": {"sha256": digest, "tokenizer": "course-lm", "init": "course-lm input embeddings (wte)",
                 "train_pairs_per_epoch": len(ict_pairs(train_p, np.random.default_rng(0), cfg["min_chars"]))},
        "config": cfg,
        "embedding_dimension": int(weights.shape[1]),
        "vocab_size": int(weights.shape[0]),
        "loss_curve": [[i, round(v, 4)] for i, v in enumerate(losses) if i % 10 == 0 or i == len(losses) - 1],
        "evaluation": {"file": "retrieval_eval.json", "course-embedder": ours,
                       "course-lm input embeddings, untrained": untrained, **baselines,
                       "best_lsa_baseline": best_lsa,
                       "mrr_gain_over_best_lsa": round(ours["mrr"] - baselines[best_lsa]["mrr"], 4),
                       "recall@1_gain_over_best_lsa": round(ours["recall@1"] - baselines[best_lsa]["recall@1"], 4)},
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    (out / "training.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    (out / "README.md").write_text(_card(record), encoding="utf-8")
    print(json.dumps(record["evaluation"] | {}, indent=1, default=str)[:3000])
    return record


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
vectors start from course-lm's input embeddings and are trained contrastively (inverse cloze task, in-batch
negatives) on the course's training paragraphs. It is tiny and fast, and it knows only the course's
vocabulary: it is a stand-in for a real sentence-transformer, not a replacement.

```python
import coursemodels
from sentence_transformers import SentenceTransformer
embedder = SentenceTransformer(str(coursemodels.path("course-embedder")), device="cpu")
vectors = embedder.encode(["How do I resume a crashed training run?"])
```

## Retrieval on held-out course text

{ev["course-embedder"]["n_queries"]} queries: one sentence of a held-out paragraph (never trained on) must find
the rest of its paragraph among all {ev["course-embedder"]["n_queries"]} held-out documents
(`retrieval_eval.json`). The LSA baselines are notebook 09's methods fitted on the course text, at the k
that does best on this test (which favours them).

| method | recall@1 | recall@5 | MRR |
|---|---|---|---|
{rows}

Against the best LSA baseline ({ev["best_lsa_baseline"]}): MRR {ev["mrr_gain_over_best_lsa"]:+.3f},
recall@1 {ev["recall@1_gain_over_best_lsa"]:+.3f}. Plain TF-IDF without LSA is listed too: on a task whose
queries copy words from their documents it is a strong baseline, and the table says honestly where it stands.

## Training

Command (from the repository root, after course-lm; `make models` retrains both):

```
{r["command"]}
```

Script `{r["script"]}` version {r["script_version"]}, seed {r["seed"]}; training text sha256
`{r["data"]["sha256"]}` (the same text and split as course-lm). Config: {json.dumps(r["config"])}.
{r["train_seconds"]} s. Libraries: {json.dumps(r["libraries"])}.

## Licence

{LICENCE}.
"""
