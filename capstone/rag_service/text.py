"""Text helpers shared by ingestion, answering and evaluation: words, sentences, chunks, token F1."""

from __future__ import annotations

import re
from collections import Counter

WORD = re.compile(r"[a-z0-9]+(?:'[a-z]+)?")
SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9\"'(])")
STOPWORDS = frozenset({
    "a", "an", "and", "are", "as", "at", "be", "by", "can", "do", "does", "for", "from", "how", "i", "if", "in",
    "is", "it", "its", "of", "on", "or", "our", "should", "the", "this", "to", "what", "when", "where", "which",
    "who", "why", "will", "with", "you", "your", "we", "much", "many", "there", "their", "they", "than", "that",
})


def words(text: str) -> list[str]:
    """Lower-case word tokens."""
    return WORD.findall(text.lower())


def content_words(text: str) -> list[str]:
    """Word tokens without stop words."""
    return [w for w in words(text) if w not in STOPWORDS]


def sentences(text: str) -> list[str]:
    """Split a passage into sentences (good enough for prose; a library such as pysbd does better)."""
    return [s.strip() for s in SENTENCE_END.split(" ".join(text.split())) if s.strip()]


def chunk_document(text: str, max_words: int) -> list[str]:
    """Paragraph-aware chunks of at most ``max_words`` words; a heading stays with the paragraph after it."""
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n\s*\n", text) if p.strip()]
    chunks: list[str] = []
    current: list[str] = []
    for paragraph in paragraphs:
        if paragraph.startswith("#"):
            if current:
                chunks.append(" ".join(current))
            current = [paragraph.lstrip("#").strip() + "."]
            continue
        for sentence in sentences(paragraph):
            if current and len(" ".join(current).split()) + len(sentence.split()) > max_words:
                chunks.append(" ".join(current))
                current = []
            current.append(sentence)
    if current:
        chunks.append(" ".join(current))
    return chunks


def token_f1(prediction: str, reference: str) -> float:
    """SQuAD-style token F1 between two strings (0 when either is empty)."""
    pred, ref = words(prediction), words(reference)
    common = sum((Counter(pred) & Counter(ref)).values())
    if not pred or not ref or common == 0:
        return 0.0
    precision, recall = common / len(pred), common / len(ref)
    return 2 * precision * recall / (precision + recall)
