"""Top-k retrieval over the ingested index by cosine similarity (vectors are unit length)."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import numpy as np

from rag_service.embed import Embedder
from rag_service.ingest import load_manifest


@dataclass(frozen=True)
class Passage:
    source: str      # the document's path relative to the document folder
    chunk: int       # the chunk's number within the document
    text: str
    score: float = 0.0


class Index:
    """All chunks in memory: fine up to a few hundred thousand chunks; past that use FAISS or a vector DB."""

    def __init__(self, index_dir: Path, embedder: Embedder):
        manifest = load_manifest(index_dir)
        if manifest["documents"] and manifest["embedder"] != embedder.id:
            raise RuntimeError(f"the index was built with {manifest['embedder']!r}, not {embedder.id!r}: "
                               "run ingestion again")
        self.embedder = embedder
        self.passages: list[Passage] = []
        blocks = []
        for relpath in sorted(manifest["documents"]):
            with np.load(Path(index_dir) / manifest["documents"][relpath]["file"]) as data:
                texts, vectors = data["texts"], data["vectors"]
            self.passages += [Passage(relpath, i, str(t)) for i, t in enumerate(texts)]
            if len(texts):
                blocks.append(vectors)
        self.vectors = np.vstack(blocks) if blocks else np.zeros((0, 1), dtype=np.float32)

    def __len__(self) -> int:
        return len(self.passages)

    def search(self, question: str, k: int) -> list[Passage]:
        if not self.passages:
            return []
        scores = self.vectors @ self.embedder.encode([question])[0]
        k = min(k, len(scores))
        top = np.argpartition(-scores, k - 1)[:k]
        top = top[np.lexsort((top, -scores[top]))]          # by score, ties by position: deterministic
        return [Passage(self.passages[i].source, self.passages[i].chunk, self.passages[i].text, float(scores[i]))
                for i in top]
