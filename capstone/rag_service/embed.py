"""Embedders: text to unit-length float32 vectors. Each has an ``id`` that the index records."""

from __future__ import annotations

import hashlib
from itertools import pairwise
from typing import Protocol

import numpy as np

from rag_service.text import content_words


class Embedder(Protocol):
    id: str

    def encode(self, texts: list[str]) -> np.ndarray: ...


class HashingEmbedder:
    """Feature hashing of words and word pairs, sublinear counts, L2-normalised. No model, no training.

    Lexical: it matches words, not meanings. Deterministic across machines (blake2b, not Python's hash()).
    """

    def __init__(self, dim: int = 2048):
        self.dim = dim
        self.id = f"hashing-{dim}"

    def _index(self, feature: str) -> tuple[int, float]:
        digest = hashlib.blake2b(feature.encode(), digest_size=8).digest()
        value = int.from_bytes(digest, "little")
        return value % self.dim, (1.0 if (value >> 63) & 1 else -1.0)

    def encode(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), self.dim), dtype=np.float32)
        for row, text in enumerate(texts):
            tokens = content_words(text)
            features = tokens + [f"{a} {b}" for a, b in pairwise(tokens)]
            counts: dict[tuple[int, float], int] = {}
            for feature in features:
                key = self._index(feature)
                counts[key] = counts.get(key, 0) + 1
            for (column, sign), count in counts.items():
                out[row, column] += sign * (1.0 + np.log(count))
        norms = np.linalg.norm(out, axis=1, keepdims=True)
        return out / np.where(norms == 0, 1.0, norms)


class SentenceTransformerEmbedder:
    """A sentence-transformers model from a folder (the course embedder by default)."""

    def __init__(self, name_or_path: str):
        from sentence_transformers import SentenceTransformer

        from rag_service.models import resolve_model

        path = resolve_model(name_or_path)
        self.model = SentenceTransformer(str(path), device="cpu")
        self.id = f"st-{path.name}"

    def encode(self, texts: list[str]) -> np.ndarray:
        vectors = self.model.encode(texts, batch_size=32, normalize_embeddings=True, convert_to_numpy=True,
                                    show_progress_bar=False)
        return np.asarray(vectors, dtype=np.float32)


def make_embedder(spec: str) -> Embedder:
    """``hashing`` or ``hashing-<dim>``, else a SentenceTransformer folder or course model name."""
    if spec == "hashing" or spec.startswith("hashing-"):
        return HashingEmbedder(int(spec.split("-", 1)[1]) if "-" in spec else 2048)
    return SentenceTransformerEmbedder(spec)
