"""Unit tests: text helpers, settings, the embedder, ingestion (idempotent, resumable) and answering."""

from __future__ import annotations

import dataclasses
import json

import numpy as np
import pytest
from rag_service.answer import REFUSAL, answer
from rag_service.config import Settings
from rag_service.embed import HashingEmbedder
from rag_service.ingest import ingest, list_documents, load_manifest
from rag_service.retrieve import Index
from rag_service.text import chunk_document, token_f1


def test_token_f1_counts_shared_words() -> None:
    precision, recall = 1.0, 4 / 7
    expected = 2 * precision * recall / (precision + recall)
    assert token_f1("kept for 30 days", "Request logs are kept for 30 days.") == pytest.approx(expected)
    assert token_f1("", "anything") == 0.0
    assert token_f1("The same words", "the same WORDS") == 1.0


def test_chunks_respect_the_word_limit_and_keep_every_sentence() -> None:
    text = "# Title\n\n" + " ".join(f"Sentence number {i} is here." for i in range(40))
    chunks = chunk_document(text, max_words=30)
    assert all(len(c.split()) <= 30 for c in chunks)
    assert " ".join(chunks).count("Sentence number") == 40
    assert chunks[0].startswith("Title.")


def test_settings_come_from_the_environment_and_bad_values_are_named() -> None:
    s = Settings.from_env({"RAG_TOP_K": "5", "RAG_EMBEDDER": "hashing", "RAG_DOCS_DIR": "/tmp/x"})
    assert (s.top_k, s.embedder, str(s.docs_dir)) == (5, "hashing", "/tmp/x")
    with pytest.raises(ValueError, match="RAG_TOP_K"):
        Settings.from_env({"RAG_TOP_K": "many"})
    with pytest.raises(ValueError, match="RAG_TOP_K"):
        Settings.from_env({"RAG_TOP_K": "0"})


def test_hashing_embedder_is_unit_length_and_deterministic() -> None:
    a, b = HashingEmbedder(256), HashingEmbedder(256)
    va, vb = a.encode(["rate limits per minute", ""]), b.encode(["rate limits per minute", ""])
    assert np.array_equal(va, vb)
    assert np.isclose(np.linalg.norm(va[0]), 1.0) and not va[1].any()


def test_ingestion_is_idempotent_and_follows_changes(settings, embedder, docs_copy, tmp_path) -> None:
    local = dataclasses.replace(settings, docs_dir=docs_copy, index_dir=tmp_path / "index")
    first = ingest(local, embedder)
    assert len(first.added) == len(list_documents(docs_copy)) and first.embedded_chunks > 0
    second = ingest(local, embedder)
    assert not second.changed and second.embedded_chunks == 0
    (docs_copy / "pricing.md").write_text("# Pricing\n\nEverything is free now.\n", encoding="utf-8")
    (docs_copy / "incidents.md").unlink()
    third = ingest(local, embedder)
    assert third.updated == ["pricing.md"] and third.removed == ["incidents.md"] and not third.added
    manifest = load_manifest(local.index_dir)
    assert set(manifest["documents"]) == set(list_documents(docs_copy))
    assert len(list((local.index_dir / "chunks").glob("*.npz"))) == len(manifest["documents"])


def test_an_interrupted_ingestion_resumes_to_the_same_index(settings, embedder, docs_copy, tmp_path) -> None:
    whole = dataclasses.replace(settings, docs_dir=docs_copy, index_dir=tmp_path / "whole")
    ingest(whole, embedder)
    crashed = dataclasses.replace(whole, index_dir=tmp_path / "crashed")
    done: list[str] = []

    def crash_after_two(relpath: str) -> None:
        done.append(relpath)
        if len(done) == 2:
            raise KeyboardInterrupt("simulated crash")

    with pytest.raises(KeyboardInterrupt):
        ingest(crashed, embedder, on_document=crash_after_two)
    assert len(load_manifest(crashed.index_dir)["documents"]) == 2
    resumed = ingest(crashed, embedder)
    assert len(resumed.unchanged) == 2 and len(resumed.added) == len(list_documents(docs_copy)) - 2
    assert load_manifest(crashed.index_dir) == load_manifest(whole.index_dir)
    a, b = Index(whole.index_dir, embedder), Index(crashed.index_dir, embedder)
    assert a.passages == b.passages and np.array_equal(a.vectors, b.vectors)


def test_answers_cite_a_passage_that_contains_the_quote(settings, index, generator) -> None:
    result = answer("How long are request logs kept?", index, generator, settings)
    assert not result.refused and result.citations
    cited = result.citations[0]
    assert cited.source == "data-retention.md"
    passage = next(p for p in index.passages if (p.source, p.chunk) == (cited.source, cited.chunk))
    assert cited.quote in passage.text and cited.quote in result.text
    assert "30 days" in result.text
    assert json.loads(json.dumps(result.to_dict()))["citations"][0]["source"] == "data-retention.md"


def test_each_refusal_rule_works_on_its_own(settings, index, generator) -> None:
    question = "Who won the football world cup in 1954?"
    no_threshold = dataclasses.replace(settings, min_score=-1.0)
    assert answer(question, index, generator, no_threshold).refused, "the word-overlap rule let it through"
    neither = dataclasses.replace(no_threshold, min_overlap=0)
    assert not answer(question, index, generator, neither).refused
    off_topic_with_a_shared_word = "Which team won the football world cup in 1954?"
    if settings.embedder.startswith("hashing"):       # a lexical embedder scores it low: the threshold refuses it
        only_threshold = dataclasses.replace(settings, min_overlap=0)
        assert answer(off_topic_with_a_shared_word, index, generator, only_threshold).refused
    with pytest.raises(ValueError, match="RAG_MIN_OVERLAP"):
        Settings.from_env({"RAG_MIN_OVERLAP": "-1"})


def test_off_topic_questions_are_refused_without_citations(settings, index, generator) -> None:
    for question in ["Who won the football world cup in 1954?", "   "]:
        result = answer(question, index, generator, settings)
        assert result.refused and result.text == REFUSAL and result.citations == []
