"""The shipped course models (coursemodels/): they match their training records, load offline and work.

Retraining is not tested here (`make models` does it, minutes of CPU); the training text is not re-hashed
either, because it changes whenever the book's prose does. What is checked is that each committed model is
the one its training record and model card describe, and that it loads with no network (the test suite
runs under the offline socket guard, so any hub access fails loudly).
"""

from __future__ import annotations

import json
import re

import pytest
from course_paths import ROOT

import coursemodels

PACKAGE = ROOT / "coursemodels"
MAX_BYTES = 25 * 2**20


def test_path_lists_the_models_and_rejects_unknown_names():
    assert {"course-lm", "course-embedder"} <= set(coursemodels.available())
    assert coursemodels.path("course-lm") == PACKAGE / "course-lm"
    with pytest.raises(ValueError, match="course-lm"):
        coursemodels.path("no-such-model")


def test_total_size_within_budget():
    files = [p for p in PACKAGE.rglob("*") if p.is_file() and "__pycache__" not in p.parts]
    total = sum(p.stat().st_size for p in files)
    assert total <= MAX_BYTES, f"coursemodels/ holds {total / 2**20:.1f} MiB, over the 25 MiB budget"


@pytest.mark.parametrize("name", ["course-lm", "course-embedder"])
def test_record_and_card_agree(name):
    record = coursemodels.training_record(name)
    card = (coursemodels.path(name) / "README.md").read_text(encoding="utf-8")
    assert record["data"]["sha256"] in card, "the model card does not name the training text's hash"
    assert re.fullmatch(r"[0-9a-f]{64}", record["data"]["sha256"])
    assert record["command"] in card, "the model card does not give the training command"
    assert "CC BY 4.0" in card
    assert record["seed"] == 0


def test_embedder_uses_the_lm_tokenizer_and_its_split():
    """The embedder's token ids are course-lm's: it ships a byte-identical copy of course-lm's tokenizer, and
    its record names that tokenizer's hash. Both split the text by the same paragraph-hash rule, so no
    paragraph held out by one was trained on by the other, even when the text changed between trainings."""
    import hashlib

    record = coursemodels.training_record("course-embedder")
    lm_tokenizer = (coursemodels.path("course-lm") / "tokenizer.json").read_bytes()
    assert (coursemodels.path("course-embedder") / "tokenizer.json").read_bytes() == lm_tokenizer
    assert record["data"]["tokenizer_sha256"] == hashlib.sha256(lm_tokenizer).hexdigest()
    assert record["data"]["split"] == coursemodels.training_record("course-lm")["data"]["split"]
    assert record["data"]["course_lm_text_sha256"] == coursemodels.training_record("course-lm")["data"]["sha256"]


def test_lm_config_matches_its_record_and_keeps_the_best_checkpoint():
    record = coursemodels.training_record("course-lm")
    config = json.loads((coursemodels.path("course-lm") / "config.json").read_text(encoding="utf-8"))
    cfg = record["config"]
    assert config["model_type"] == "gpt2"
    for key in ("vocab_size", "n_positions", "n_embd", "n_layer", "n_head"):
        assert config[key] == cfg[key], f"config.json {key}={config[key]} but training.json says {cfg[key]}"
    best = min(loss for _, loss in record["curves"]["held_out"])
    assert record["best_held_out_loss"] == pytest.approx(best, abs=1e-4), "the kept checkpoint is not the best"
    assert next(s for s, loss in record["curves"]["held_out"] if loss == best) == record["best_step"]


def test_lm_beats_the_bigram_baseline_on_held_out_text():
    record = coursemodels.training_record("course-lm")
    assert record["best_held_out_loss"] < record["bigram_baseline"]["held_out_loss"] - 0.1


def test_lm_loads_offline_and_generates_deterministically():
    torch = pytest.importorskip("torch")
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch.set_num_threads(1)
    path = coursemodels.path("course-lm")
    model = AutoModelForCausalLM.from_pretrained(path, local_files_only=True).eval()
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    record = coursemodels.training_record("course-lm")
    assert sum(p.numel() for p in model.parameters()) == record["n_parameters"]
    assert next(model.parameters()).dtype == torch.float32
    text = "The junior salary band runs from"
    assert tok.decode(tok(text)["input_ids"]) == text
    assert tok.eos_token is not None and tok.pad_token is not None
    ids = tok(text, return_tensors="pt")
    outs = [model.generate(**ids, max_new_tokens=8, do_sample=False, pad_token_id=tok.pad_token_id)
            for _ in range(2)]
    assert torch.equal(outs[0], outs[1])
    assert outs[0].shape[1] == ids["input_ids"].shape[1] + 8 or tok.eos_token_id in outs[0][0].tolist()


def test_lm_held_out_loss_reproduces_the_record():
    torch = pytest.importorskip("torch")
    from transformers import AutoModelForCausalLM, AutoTokenizer

    torch.set_num_threads(1)
    path = coursemodels.path("course-lm")
    record = coursemodels.training_record("course-lm")
    model = AutoModelForCausalLM.from_pretrained(path, local_files_only=True).eval()
    tok = AutoTokenizer.from_pretrained(path, local_files_only=True)
    paragraphs = (path / "heldout.txt").read_text(encoding="utf-8").rstrip("\n").split("\n\n")
    ids = [i for p in paragraphs for i in [*tok(p)["input_ids"], tok.eos_token_id]]
    block = record["config"]["block_size"]
    windows = torch.tensor([ids[i * block : i * block + block + 1] for i in range((len(ids) - 1) // block)])
    with torch.no_grad():
        loss = float(model(windows, labels=windows).loss)
    assert loss == pytest.approx(record["best_held_out_loss"], abs=2e-3)


def test_embedder_loads_offline_and_embeds():
    torch = pytest.importorskip("torch")
    from safetensors.torch import load_file
    from sentence_transformers import SentenceTransformer
    from tokenizers import Tokenizer

    torch.set_num_threads(1)
    record = coursemodels.training_record("course-embedder")
    path = coursemodels.path("course-embedder")
    model = SentenceTransformer(str(path), device="cpu", local_files_only=True)
    texts = ["How do I resume a crashed training run?", "LoRA adapters"]
    vectors = model.encode(texts, convert_to_numpy=True)
    assert vectors.shape == (2, record["embedding_dimension"])
    assert abs(float((vectors[0] ** 2).sum()) - 1.0) < 1e-5
    # A static embedder: the normalised mean of the text's token vectors, nothing else.
    weights = next(iter(load_file(str(path / "model.safetensors")).values()))
    assert tuple(weights.shape) == (record["vocab_size"], record["embedding_dimension"])
    tok = Tokenizer.from_file(str(path / "tokenizer.json"))
    by_hand = torch.nn.functional.normalize(torch.stack([weights[tok.encode(t).ids].mean(0) for t in texts]), dim=-1)
    assert float((by_hand - torch.from_numpy(vectors)).abs().max()) < 1e-5
    assert float(vectors[0] @ vectors[0]) > float(vectors[0] @ vectors[1])


def test_embedder_beats_the_lsa_baselines_on_held_out_text():
    record = coursemodels.training_record("course-embedder")
    ev = record["evaluation"]
    eval_set = json.loads((coursemodels.path("course-embedder") / ev["file"]).read_text(encoding="utf-8"))
    assert len(eval_set["queries"]) == len(eval_set["documents"]) == ev["course-embedder"]["n_queries"] >= 50
    for baseline in ("tfidf-words-lsa", "tfidf-char-ngrams-lsa"):
        assert ev["course-embedder"]["mrr"] > ev[baseline]["mrr"], f"the embedder does not beat {baseline}"
        boot = ev["paired_bootstrap_vs_lsa"][baseline]
        assert boot["mrr_difference"] == pytest.approx(ev["course-embedder"]["mrr"] - ev[baseline]["mrr"], abs=1e-3)
    assert ev["course-embedder"]["mrr"] > ev["LSA initialisation (before contrastive training)"]["mrr"], \
        "contrastive training did not improve on its own LSA initialisation"
    card = (coursemodels.path("course-embedder") / "README.md").read_text(encoding="utf-8")
    assert f"{ev['mrr_gain_over_best_lsa']:+.3f}" in card, "the model card does not report the margin over LSA"
    assert record["best_validation_mrr"] == max(m for _, m in record["validation_mrr_curve"])
