"""From retrieved passages to an answer with citations.

Three generators share one contract: given the question and the retrieved passages, return the answer text
and the passages it rests on. The service refuses (no answer, no citations) when retrieval found nothing
relevant: no passage scores ``min_score`` or more, or, for the quoting generators, no sentence of the relevant
passages shares ``min_overlap`` content words with the question. The second rule matters with a small learned
embedder, whose similarity for an off-topic question can be as high as for an answerable one. It never
returns an answer without at least one citation.

- ``extractive``: the sentence of the retrieved passages that shares the most content words with the
  question, quoted. No model; the baseline every other generator must beat.
- ``course-lm``: the course's tiny GPT-2 model. It is far too small to write reliable prose, so it is used
  for what it can do: among the best extractive candidates it picks the sentence whose likelihood rises most
  when the question is put in front of it (pointwise mutual information). The answer is still a quote, so it
  is faithful to the documents by construction.
- ``openai``: any OpenAI-compatible server (vLLM, llama.cpp, the course's own ``coursemodels.serving``, a
  hosted API) writes a free-text answer and cites passages as ``[1]``, ``[2]``; an answer with no valid
  citation marker is refused. Use it when you have a real model.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

import numpy as np

from rag_service.config import Settings
from rag_service.retrieve import Index, Passage
from rag_service.text import content_words, sentences

REFUSAL = "I could not find this in the documents."


@dataclass(frozen=True)
class Citation:
    source: str
    chunk: int
    quote: str
    score: float


@dataclass
class Answer:
    question: str
    text: str
    citations: list[Citation]
    retrieved: list[Passage] = field(default_factory=list)

    @property
    def refused(self) -> bool:
        return not self.citations

    def to_dict(self) -> dict:
        return {
            "question": self.question, "answer": self.text, "refused": self.refused,
            "citations": [c.__dict__ for c in self.citations],
            "retrieved": [{"source": p.source, "chunk": p.chunk, "score": round(p.score, 6)} for p in self.retrieved],
        }


def candidates(question: str, passages: list[Passage]) -> list[tuple[float, str, Passage]]:
    """Every sentence of the passages with a lexical score (overlap with the question, weighted by retrieval)."""
    asked = set(content_words(question))
    out = []
    for passage in passages:
        for sentence in sentences(passage.text):
            said = set(content_words(sentence))
            overlap = len(asked & said) / (len(asked) or 1)
            out.append((overlap + 0.5 * passage.score, sentence, passage))
    out.sort(key=lambda c: -c[0])      # stable: ties keep retrieval order
    return out


class ExtractiveGenerator:
    name = "extractive"

    def choose(self, question: str, options: list[tuple[float, str, Passage]]) -> tuple[str, Passage]:
        _, sentence, passage = options[0]
        return sentence, passage


class CourseLMGenerator:
    """The course LM re-ranks the top extractive candidates by how much the question raises their likelihood."""

    name = "course-lm"

    def __init__(self, lm_path: str, shortlist: int = 3):
        import torch
        from transformers import AutoModelForCausalLM, AutoTokenizer

        from rag_service.models import resolve_model

        path = resolve_model(lm_path)
        self.torch = torch
        self.tokenizer = AutoTokenizer.from_pretrained(path)
        self.model = AutoModelForCausalLM.from_pretrained(path).eval()
        self.shortlist = shortlist

    def _mean_logprob(self, prefix: str, continuation: str) -> float:
        torch = self.torch
        prefix_ids = self.tokenizer(prefix)["input_ids"]
        cont_ids = self.tokenizer(" " + continuation)["input_ids"][:48]
        if not prefix_ids or not cont_ids:
            return 0.0
        limit = getattr(self.model.config, "n_positions", 1024) - len(cont_ids)
        ids = torch.tensor([(prefix_ids[-limit:] if limit > 0 else []) + cont_ids])
        with torch.no_grad():
            logits = self.model(ids).logits[0, :-1].float()
        logprobs = torch.log_softmax(logits, dim=-1)
        targets = ids[0, 1:]
        picked = logprobs[torch.arange(len(targets)), targets][-len(cont_ids):]
        return float(picked.mean())

    def pmi(self, question: str, sentence: str) -> float:
        return (self._mean_logprob(f"Question: {question}\nAnswer:", sentence)
                - self._mean_logprob("Answer:", sentence))

    def choose(self, question: str, options: list[tuple[float, str, Passage]]) -> tuple[str, Passage]:
        top = options[: self.shortlist]
        best = top[0][0]
        top = [o for o in top if o[0] >= best - 0.25] or top[:1]   # the LM only breaks near-ties
        scores = [self.pmi(question, sentence) for _, sentence, _ in top]
        _, sentence, passage = top[int(np.argmax(scores))]
        return sentence, passage


class OpenAIGenerator:
    """An OpenAI-compatible chat model writes the answer and cites passages by number."""

    name = "openai"
    MARKER = re.compile(r"\[(\d+)\]")

    def __init__(self, base_url: str, model: str):
        from openai import OpenAI

        self.client = OpenAI(base_url=base_url, api_key="not-needed-locally", timeout=30.0, max_retries=2)
        self.model = model

    def write(self, question: str, passages: list[Passage]) -> tuple[str, list[Passage]]:
        context = "\n".join(f"[{i}] {p.text}" for i, p in enumerate(passages, 1))
        reply = self.client.chat.completions.create(
            model=self.model, temperature=0, max_tokens=200,
            messages=[{"role": "system", "content": "Answer only from the numbered passages and cite them as [n]. "
                       "If they do not contain the answer, say you do not know."},
                      {"role": "user", "content": f"{context}\n\nQuestion: {question}"}])
        text = reply.choices[0].message.content or ""
        cited = [passages[int(n) - 1] for n in dict.fromkeys(self.MARKER.findall(text)) if 1 <= int(n) <= len(passages)]
        return text.strip(), cited


def make_generator(settings: Settings):
    if settings.generator == "extractive":
        return ExtractiveGenerator()
    if settings.generator == "course-lm":
        return CourseLMGenerator(settings.lm_path)
    if settings.generator == "openai":
        return OpenAIGenerator(settings.openai_base_url, settings.openai_model)
    raise ValueError(f"RAG_GENERATOR must be extractive, course-lm or openai, not {settings.generator!r}")


def answer(question: str, index: Index, generator, settings: Settings) -> Answer:
    """Retrieve, refuse when nothing relevant was found, else answer with at least one citation."""
    question = " ".join(str(question).split())
    retrieved = index.search(question, settings.top_k) if question else []
    relevant = [p for p in retrieved if p.score >= settings.min_score]
    if not relevant:
        return Answer(question, REFUSAL, [], retrieved)
    if isinstance(generator, OpenAIGenerator):
        text, cited = generator.write(question, relevant)
        if not cited:
            return Answer(question, REFUSAL, [], retrieved)
        return Answer(question, text, [Citation(p.source, p.chunk, p.text, p.score) for p in cited], retrieved)
    asked = set(content_words(question))
    options = [o for o in candidates(question, relevant)
               if len(asked & set(content_words(o[1]))) >= settings.min_overlap]
    if not options:          # no retrieved sentence says anything about the question's words: nothing to quote
        return Answer(question, REFUSAL, [], retrieved)
    sentence, passage = generator.choose(question, options)
    citation = Citation(passage.source, passage.chunk, sentence, passage.score)
    return Answer(question, f"{sentence} [1]", [citation], retrieved)
