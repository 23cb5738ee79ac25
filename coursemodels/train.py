"""Train the course models on text the course owns, and write them into this package.

    python -m coursemodels.train lm          # coursemodels/course-lm: GPT-2-architecture causal LM + BPE tokenizer
    python -m coursemodels.train embedder    # coursemodels/course-embedder: static sentence embedder (needs course-lm)
    python -m coursemodels.train all         # both (what `make models` runs)

The training text is the book's Markdown prose (book/**/*.md, code blocks removed), the notebooks' markdown
cells and the careerdata tables rendered as sentences. It is split into paragraphs; a paragraph is held out
when the first 8 hex digits of its sha256 are 0 modulo 10, so the split does not move when text is added
elsewhere. Everything is seeded and torch runs on a fixed number of threads, so a rerun on the same text
and library versions gives the same numbers. Each model folder gets a training.json (script version,
seed, sha256 of the training text, config, loss curves, baseline, command) and a model card README.md.
"""

from __future__ import annotations

import argparse
import csv
import hashlib
import json
import math
import re
import sys
import time
from pathlib import Path
from types import SimpleNamespace

import numpy as np

SCRIPT_VERSION = "1.0"
ROOT = Path(__file__).resolve().parent.parent
HERE = Path(__file__).resolve().parent
EOT = "<|endoftext|>"
PAD = "<|pad|>"
LICENCE = "CC BY 4.0, like the course prose"

LM_DEFAULTS = {
    "vocab_size": 2048,
    "n_positions": 256,
    "n_embd": 128,
    "n_layer": 4,
    "n_head": 4,
    "dropout": 0.1,
    "block_size": 128,
    "batch_size": 16,
    "steps": 2400,
    "lr": 3e-3,
    "warmup": 50,
    "weight_decay": 0.1,
    "eval_every": 100,
}


# --------------------------------------------------------------------------------------------- text


def _drop_code(text: str) -> str:
    """Remove fenced code (``` python, {code-cell}, bare fences); keep the text inside MyST directive
    fences such as ```{note} (fence lines themselves dropped). Nested fences are tracked with a stack."""
    stack: list[tuple[str, bool]] = []
    kept = []
    for line in text.splitlines():
        m = re.match(r"^\s*(`{3,}|~{3,})\s*(\S*)", line)
        if m:
            fence, info = m.groups()
            if not info and stack and stack[-1][0] == fence:
                stack.pop()
            else:
                stack.append((fence, not info.startswith("{") or info.startswith("{code-cell")))
            continue
        if not any(code for _, code in stack):
            kept.append(line)
    return "\n".join(kept)


def _markdown_paragraphs(text: str) -> list[str]:
    """Prose paragraphs of a Markdown/MyST text: front matter, code blocks, HTML comments, tables,
    images and MyST directive fences removed; whitespace inside a paragraph collapsed."""
    text = re.sub(r"\A---\n.*?\n---\n", "", text, flags=re.S)  # YAML front matter
    text = re.sub(r"<!--.*?-->", "", text, flags=re.S)
    text = _drop_code(text)
    out = []
    for block in re.split(r"\n\s*\n", text):
        lines = [ln for ln in block.splitlines() if ln.strip()]
        lines = [ln for ln in lines if not re.match(r"^\s*(\||:::|```|~~~|!\[|<|:[a-z-]+:\s)", ln)]
        para = " ".join(ln.strip() for ln in lines)
        para = re.sub(r"\s+", " ", para).strip()
        if len(para) >= 20:
            out.append(para)
    return out


def _money(x: str) -> str:
    return f"${int(float(x)):,}"


def _rows(table: str) -> list[SimpleNamespace]:
    """Rows of careerdata/data/<table>.csv read with the csv module (plain strings), so the text does not
    depend on the package's dtype handling."""
    with (ROOT / "careerdata" / "data" / f"{table}.csv").open(encoding="utf-8", newline="") as f:
        return [SimpleNamespace(**row) for row in csv.DictReader(f)]


def careerdata_sentences() -> list[str]:
    """The careerdata tables rendered as plain sentences, each naming its source."""
    out: list[str] = []
    for r in _rows("salary_bands"):
        top = f"{_money(r.salary_high_usd)} or more" if r.open_upper.lower() == "true" else _money(r.salary_high_usd)
        years = (f"{r.experience_min_years} to {r.experience_max_years} years" if r.experience_max_years
                 else f"{r.experience_min_years} or more years")
        out.append(f"The {r.level} salary band ({r.title}, {years} of experience) runs from "
                   f"{_money(r.salary_low_usd)} to {top} per year (source {r.source_id}).")
    for r in _rows("role_comparison"):
        out.append(f"On {r.factor.lower()}, a prompt engineer rates {r.prompt_engineer} and an AI engineer rates "
                   f"{r.ai_engineer} (source {r.source_id}).")
    for r in _rows("career_ratings"):
        out.append(f"The career guide rates AI engineering {r.score} out of {r.out_of} for "
                   f"{r.dimension.lower()} (source {r.source_id}).")
    for r in _rows("skill_areas"):
        out.append(f"The skill area {r.name} covers: {r.description} (source {r.source_id}).")
    for r in _rows("applications"):
        out.append(f"{r.application} is an AI application in {r.industry.lower()}, taught in the "
                   f"{r.roadmap_topic} topic (source {r.source_id}).")
    for r in _rows("backgrounds"):
        out.append(f"{r.background} is a common background for AI engineers ({r.kind}; source {r.source_id}).")
    for r in _rows("adjacent_occupations"):
        out.append(f"For {r.occupation} (SOC {r.soc_code}), the {r.figure.replace('_', ' ')} was "
                   f"{r.value} {r.unit} in {r.reference_period} (source {r.source_id}).")
    for r in _rows("roadmap"):
        out.append(f"Topic {r.number} of the roadmap, {r.title}, is in the {r.stage} stage and takes about "
                   f"{r.hours} hours. {r.summary} (source {r.source_id}).")
    for r in _rows("sources"):
        out.append(f"The source {r.source_id} is {r.title}, published by {r.publisher}; it is an {r.kind}.")
    return out


def course_paragraphs() -> list[str]:
    """All training paragraphs in a fixed order (book files sorted, then notebooks sorted, then careerdata),
    duplicates removed (first occurrence kept)."""
    import nbformat

    paras: list[str] = []
    for md in sorted((ROOT / "book").rglob("*.md")):
        paras += _markdown_paragraphs(md.read_text(encoding="utf-8"))
    for nb_path in sorted((ROOT / "notebooks").glob("*.ipynb")):
        nb = nbformat.read(nb_path, as_version=4)
        for cell in nb.cells:
            if cell.cell_type == "markdown":
                paras += _markdown_paragraphs(cell.source)
    paras += careerdata_sentences()
    return list(dict.fromkeys(paras))


def is_held_out(paragraph: str) -> bool:
    return int(hashlib.sha256(paragraph.encode("utf-8")).hexdigest()[:8], 16) % 10 == 0


def split_text() -> tuple[list[str], list[str], str]:
    """(train paragraphs, held-out paragraphs, sha256 of the full training text)."""
    paras = course_paragraphs()
    digest = hashlib.sha256("\n\n".join(paras).encode("utf-8")).hexdigest()
    train = [p for p in paras if not is_held_out(p)]
    held = [p for p in paras if is_held_out(p)]
    return train, held, digest


# --------------------------------------------------------------------------------------------- LM


def train_tokenizer(paragraphs: list[str], vocab_size: int):
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    trainer = trainers.BpeTrainer(
        vocab_size=vocab_size, min_frequency=2, special_tokens=[EOT, PAD],
        initial_alphabet=pre_tokenizers.ByteLevel.alphabet(), show_progress=False,
    )
    tok.train_from_iterator(paragraphs, trainer=trainer)
    return tok


def token_stream(tok, paragraphs: list[str]) -> np.ndarray:
    eot = tok.token_to_id(EOT)
    ids: list[int] = []
    for enc in tok.encode_batch(paragraphs):
        ids += [*enc.ids, eot]
    return np.asarray(ids, dtype=np.int64)


def bigram_loss(train_ids: np.ndarray, windows: np.ndarray, vocab: int) -> tuple[float, float]:
    """Held-out loss (nats/token) of an add-alpha bigram model fitted on train_ids, on the same targets the
    LM is scored on (positions 1..L of each window). alpha is picked on the held-out set itself, which
    favours the baseline. Returns (loss, alpha)."""
    counts = np.zeros((vocab, vocab))
    np.add.at(counts, (train_ids[:-1], train_ids[1:]), 1.0)
    prev, nxt = windows[:, :-1].ravel(), windows[:, 1:].ravel()
    best = (math.inf, 0.0)
    for alpha in (0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1.0):
        probs = (counts[prev, nxt] + alpha) / (counts[prev].sum(axis=1) + alpha * vocab)
        best = min(best, (float(-np.log(probs).mean()), alpha))
    return best


def train_lm(args: argparse.Namespace) -> dict:
    import torch
    from transformers import GPT2Config, GPT2LMHeadModel, PreTrainedTokenizerFast

    torch.set_num_threads(args.threads)
    torch.manual_seed(args.seed)
    rng = np.random.default_rng(args.seed)
    cfg = {k: getattr(args, k) for k in LM_DEFAULTS}
    t0 = time.perf_counter()

    train_p, held_p, digest = split_text()
    tok = train_tokenizer(train_p, cfg["vocab_size"])
    train_ids, held_ids = token_stream(tok, train_p), token_stream(tok, held_p)
    L = cfg["block_size"]
    n_win = (len(held_ids) - 1) // L
    held_windows = np.stack([held_ids[i * L : i * L + L + 1] for i in range(n_win)])
    bigram, alpha = bigram_loss(train_ids, held_windows, tok.get_vocab_size())
    print(f"text sha256 {digest[:12]}: {len(train_p)} train / {len(held_p)} held-out paragraphs, "
          f"{len(train_ids)} / {len(held_ids)} tokens; bigram held-out loss {bigram:.3f} (alpha {alpha})")

    config = GPT2Config(
        vocab_size=tok.get_vocab_size(), n_positions=cfg["n_positions"], n_embd=cfg["n_embd"],
        n_layer=cfg["n_layer"], n_head=cfg["n_head"], resid_pdrop=cfg["dropout"], embd_pdrop=cfg["dropout"],
        attn_pdrop=cfg["dropout"], bos_token_id=tok.token_to_id(EOT), eos_token_id=tok.token_to_id(EOT),
        pad_token_id=tok.token_to_id(PAD), tie_word_embeddings=True,
    )
    model = GPT2LMHeadModel(config)
    n_params = sum(p.numel() for p in model.parameters())
    decay = [p for n, p in model.named_parameters() if p.dim() >= 2]
    no_decay = [p for n, p in model.named_parameters() if p.dim() < 2]
    opt = torch.optim.AdamW([{"params": decay, "weight_decay": cfg["weight_decay"]},
                             {"params": no_decay, "weight_decay": 0.0}], lr=cfg["lr"], betas=(0.9, 0.95))

    def lr_at(step: int) -> float:
        if step < cfg["warmup"]:
            return cfg["lr"] * (step + 1) / cfg["warmup"]
        frac = (step - cfg["warmup"]) / max(1, cfg["steps"] - cfg["warmup"])
        return cfg["lr"] * (0.1 + 0.9 * 0.5 * (1 + math.cos(math.pi * frac)))

    held_t = torch.from_numpy(held_windows)

    @torch.no_grad()
    def held_out_loss() -> float:
        model.eval()
        losses = [model(held_t[i : i + 64], labels=held_t[i : i + 64]).loss.item() * len(held_t[i : i + 64])
                  for i in range(0, len(held_t), 64)]
        model.train()
        return sum(losses) / len(held_t)

    curve_train, curve_held = [], []
    best = (math.inf, -1, None)
    running = []
    model.train()
    for step in range(cfg["steps"] + 1):
        if step % cfg["eval_every"] == 0 or step == cfg["steps"]:
            h = held_out_loss()
            tr = float(np.mean(running)) if running else float("nan")
            curve_held.append([step, round(h, 5)])
            if running:
                curve_train.append([step, round(tr, 5)])
            running = []
            if h < best[0]:
                best = (h, step, {k: v.detach().clone() for k, v in model.state_dict().items()})
            print(f"step {step:5d}  train {tr:.3f}  held-out {h:.3f}  ({time.perf_counter() - t0:.0f} s)", flush=True)
            if step == cfg["steps"]:
                break
        starts = rng.integers(0, len(train_ids) - L - 1, size=cfg["batch_size"])
        batch = torch.from_numpy(np.stack([train_ids[s : s + L + 1] for s in starts]))
        for g in opt.param_groups:
            g["lr"] = lr_at(step)
        loss = model(batch, labels=batch).loss
        opt.zero_grad(set_to_none=True)
        loss.backward()
        torch.nn.utils.clip_grad_norm_(model.parameters(), 1.0)
        opt.step()
        running.append(loss.item())

    model.load_state_dict(best[2])
    model.eval()
    out = Path(args.out) if args.out else HERE / "course-lm"
    out.mkdir(parents=True, exist_ok=True)
    model.save_pretrained(out, safe_serialization=True)
    hf_tok = PreTrainedTokenizerFast(tokenizer_object=tok, bos_token=EOT, eos_token=EOT, unk_token=EOT,
                                     pad_token=PAD, model_max_length=cfg["n_positions"])
    hf_tok.save_pretrained(out)
    (out / "heldout.txt").write_text("\n\n".join(held_p) + "\n", encoding="utf-8")

    record = {
        **record_header("course-lm", "lm", Path(__file__), args),
        "data": {
            "sha256": digest,
            "sources": ["book/**/*.md (prose, code blocks removed)", "notebooks/*.ipynb (markdown cells)",
                        "careerdata tables rendered as sentences"],
            "paragraphs_train": len(train_p), "paragraphs_held_out": len(held_p),
            "tokens_train": len(train_ids), "tokens_held_out_scored": int(held_windows[:, 1:].size),
            "split": "paragraph held out when int(sha256(paragraph)[:8], 16) % 10 == 0",
            "held_out_text": "heldout.txt",
        },
        "config": cfg,
        "n_parameters": int(n_params),
        "loss_units": "nats per token (mean cross-entropy)",
        "curves": {"train": curve_train, "held_out": curve_held},
        "best_step": best[1],
        "best_held_out_loss": round(best[0], 5),
        "last_held_out_loss": curve_held[-1][1],
        "bigram_baseline": {"held_out_loss": round(bigram, 5), "alpha": alpha,
                            "note": "add-alpha bigram fitted on the training tokens; alpha chosen on the "
                                    "held-out set (favours the baseline)"},
        "train_seconds": round(time.perf_counter() - t0, 1),
    }
    (out / "training.json").write_text(json.dumps(record, indent=1) + "\n", encoding="utf-8")
    (out / "README.md").write_text(_lm_card(record), encoding="utf-8")
    print(f"best held-out loss {best[0]:.3f} at step {best[1]} (bigram {bigram:.3f}); wrote {out}")
    return record


def record_header(model: str, which: str, script: Path, args: argparse.Namespace) -> dict:
    """The opening of a model's training.json: what trained it, with which seed, threads and libraries."""
    return {
        "model": model,
        "script": f"coursemodels/{script.name}",
        "script_version": SCRIPT_VERSION,
        "script_sha256": hashlib.sha256(script.read_bytes()).hexdigest(),
        "command": f"python -m coursemodels.train {which} --seed {args.seed} --threads {args.threads}",
        "seed": args.seed,
        "threads": args.threads,
        "libraries": _versions(),
    }


def _versions() -> dict:
    import tokenizers
    import torch
    import transformers

    return {"python": sys.version.split()[0], "numpy": np.__version__, "torch": torch.__version__,
            "transformers": transformers.__version__, "tokenizers": tokenizers.__version__}


def _bar_note(r: dict) -> str:
    """A plain warning for the card when the model misses the quality bar (held-out loss under the bigram's)."""
    gap = r["best_held_out_loss"] - r["bigram_baseline"]["held_out_loss"]
    if gap < -0.1:
        return ""
    where = "the last" if r["best_step"] == r["config"]["steps"] else f"step {r['best_step']}"
    return (f"\n\n**This model misses the course's quality bar**: its held-out loss is {gap:+.2f} nats per token "
            f"against the bigram baseline. The best checkpoint is {where}, so it is under-trained rather than "
            "over-fitted; a longer schedule is needed.")


def _lm_card(r: dict) -> str:
    c = r["config"]
    bigram_loss = r["bigram_baseline"]["held_out_loss"]
    return f"""---
license: cc-by-4.0
library_name: transformers
pipeline_tag: text-generation
tags: [gpt2, course, tiny]
---

# course-lm

A tiny GPT-2-architecture causal language model ({r["n_parameters"]:,} parameters) with a byte-level BPE
tokenizer ({c["vocab_size"]} tokens), trained from scratch on the AI engineer course's own text. It exists so
the notebooks can use the real Hugging Face stack (`from_pretrained`, `generate`, `peft`, quantisation,
serving) offline. It writes course-flavoured text, not correct answers: do not rely on what it says.

```python
import coursemodels
from transformers import AutoModelForCausalLM, AutoTokenizer
model = AutoModelForCausalLM.from_pretrained(coursemodels.path("course-lm"))
tokenizer = AutoTokenizer.from_pretrained(coursemodels.path("course-lm"))
```

## Quality

| held-out text, nats per token | loss |
|---|---|
| this model (best checkpoint, step {r["best_step"]} of {c["steps"]}) | {r["best_held_out_loss"]:.3f} |
| add-alpha bigram on the same tokens (alpha = {r["bigram_baseline"]["alpha"]}, tuned on held-out) | {bigram_loss:.3f} |
| this model at the last step | {r["last_held_out_loss"]:.3f} |

The checkpoint kept is the one with the lowest held-out loss. Loss curves are in `training.json`.{_bar_note(r)}

## Training data

{r["data"]["paragraphs_train"]} training paragraphs ({r["data"]["tokens_train"]:,} tokens) of the course's book
prose, notebook markdown and careerdata tables rendered as sentences; {r["data"]["paragraphs_held_out"]}
paragraphs held out ({r["data"]["split"]}), saved in `heldout.txt`.
sha256 of the training text: `{r["data"]["sha256"]}`.

## Training

Command (from the repository root; `make models` retrains both course models):

```
{r["command"]}
```

Script `{r["script"]}` version {r["script_version"]}, seed {r["seed"]}, {r["threads"]} torch thread(s),
{r["train_seconds"]} s on the machine that trained it. Config: {json.dumps(c)}.
Libraries: {json.dumps(r["libraries"])}.

## Licence

{LICENCE}.
"""


# --------------------------------------------------------------------------------------------- main


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("which", choices=["lm", "embedder", "all"])
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--threads", type=int, default=1, help="torch threads (pinned for reproducibility)")
    parser.add_argument("--out", default=None, help="output folder (default: the package's own folder)")
    for k, v in LM_DEFAULTS.items():
        parser.add_argument(f"--{k.replace('_', '-')}", dest=k, type=type(v), default=v)
    args = parser.parse_args(argv)
    if args.which in ("lm", "all"):
        train_lm(args)
    if args.which in ("embedder", "all"):
        from coursemodels.train_embedder import train_embedder

        train_embedder(args)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
