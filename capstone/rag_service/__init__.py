"""rag-service: answer questions over a folder of documents, with citations.

Modules: ``config`` (settings from environment variables), ``ingest`` (idempotent, resumable ingestion into
an index folder), ``embed`` (the embedders), ``retrieve`` (top-k search over the index), ``answer`` (the
generators that write an answer from retrieved passages and cite them), ``app`` (the FastAPI service) and
``evaluate`` (the golden-set evaluation with a regression gate).
"""

__version__ = "0.1.0"
