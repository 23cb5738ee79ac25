"""Ingestion: documents in, chunks and vectors out; idempotent and resumable.

Layout of the index folder::

    manifest.json          {"embedder": id, "chunk_words": n, "documents": {relpath: {"sha256", "file", "chunks"}}}
    chunks/<sha256>.npz    one file per document version: its chunk texts and their vectors

*Idempotent*: a document whose content hash is already in the manifest is skipped, so a second run over
the same folder changes nothing. *Resumable*: each document's chunks are written to a temporary file and
renamed into place, and the manifest is rewritten the same way after every document, so a run killed at
any moment leaves an index that is complete for every document it lists; the next run does the rest.
Changing the embedder or the chunk size invalidates the whole index (vectors from two models do not mix).
"""

from __future__ import annotations

import hashlib
import json
import os
import tempfile
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from rag_service.config import Settings
from rag_service.embed import Embedder, make_embedder
from rag_service.text import chunk_document

SUFFIXES = (".md", ".txt")


@dataclass
class IngestReport:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    embedded_chunks: int = 0

    @property
    def changed(self) -> bool:
        return bool(self.added or self.updated or self.removed)


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    handle, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def load_manifest(index_dir: Path) -> dict:
    path = Path(index_dir) / "manifest.json"
    if not path.exists():
        return {"embedder": None, "chunk_words": None, "documents": {}}
    return json.loads(path.read_text(encoding="utf-8"))


def _save_manifest(index_dir: Path, manifest: dict) -> None:
    _write_atomically(Path(index_dir) / "manifest.json",
                      json.dumps(manifest, indent=1, sort_keys=True).encode("utf-8"))


def list_documents(docs_dir: Path) -> dict[str, Path]:
    """Relative path (with forward slashes) to file, for every .md/.txt file under docs_dir, sorted."""
    docs_dir = Path(docs_dir)
    files = sorted(p for p in docs_dir.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    return {p.relative_to(docs_dir).as_posix(): p for p in files}


def ingest(settings: Settings, embedder: Embedder | None = None,
           on_document: Callable[[str], None] | None = None) -> IngestReport:
    """Bring the index in line with the document folder; see the module docstring.

    ``on_document(relpath)`` is called after each document is committed (progress bars, tests that
    simulate a crash by raising from it).
    """
    embedder = embedder or make_embedder(settings.embedder)
    index_dir = Path(settings.index_dir)
    manifest = load_manifest(index_dir)
    if manifest["embedder"] != embedder.id or manifest["chunk_words"] != settings.chunk_words:
        manifest = {"embedder": embedder.id, "chunk_words": settings.chunk_words, "documents": {}}
    report = IngestReport()
    documents = list_documents(settings.docs_dir)
    for relpath in sorted(set(manifest["documents"]) - set(documents)):
        del manifest["documents"][relpath]
        report.removed.append(relpath)
    if report.removed:
        _save_manifest(index_dir, manifest)
    for relpath, path in documents.items():
        raw = path.read_bytes()
        digest = hashlib.sha256(raw).hexdigest()
        known = manifest["documents"].get(relpath)
        if known and known["sha256"] == digest and (index_dir / known["file"]).exists():
            report.unchanged.append(relpath)
            continue
        chunks = chunk_document(raw.decode("utf-8", errors="replace"), settings.chunk_words)
        vectors = embedder.encode(chunks) if chunks else np.zeros((0, 1), dtype=np.float32)
        file = f"chunks/{digest}.npz"
        import io

        buffer = io.BytesIO()
        np.savez(buffer, texts=np.array(chunks, dtype=object).astype(str), vectors=vectors.astype(np.float32))
        _write_atomically(index_dir / file, buffer.getvalue())
        manifest["documents"][relpath] = {"sha256": digest, "file": file, "chunks": len(chunks)}
        _save_manifest(index_dir, manifest)
        (report.updated if known else report.added).append(relpath)
        report.embedded_chunks += len(chunks)
        if on_document:
            on_document(relpath)
    _save_manifest(index_dir, manifest)
    used = {entry["file"] for entry in manifest["documents"].values()}
    for stale in (index_dir / "chunks").glob("*.npz") if (index_dir / "chunks").exists() else ():
        if f"chunks/{stale.name}" not in used:
            stale.unlink()
    return report
