"""The HTTP service: POST /ask answers with citations; GET /healthz says whether the index is loaded.

Run it with ``python -m rag_service serve`` (or ``uvicorn rag_service.app:create_app --factory``).
"""

from __future__ import annotations

import logging
import time
from contextlib import asynccontextmanager

from fastapi import FastAPI, HTTPException
from pydantic import BaseModel, Field

from rag_service.answer import answer, make_generator
from rag_service.config import Settings
from rag_service.embed import make_embedder
from rag_service.retrieve import Index

log = logging.getLogger("rag_service")


class AskRequest(BaseModel):
    question: str = Field(min_length=1, max_length=2000)
    top_k: int | None = Field(default=None, ge=1, le=20)


class CitationOut(BaseModel):
    source: str
    chunk: int
    quote: str
    score: float


class AskResponse(BaseModel):
    question: str
    answer: str
    refused: bool
    citations: list[CitationOut]
    latency_ms: float


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or Settings.from_env()
    state: dict = {}

    @asynccontextmanager
    async def lifespan(app: FastAPI):
        embedder = make_embedder(settings.embedder)
        state["index"] = Index(settings.index_dir, embedder)
        state["generator"] = make_generator(settings)
        log.info("loaded %d passages, generator %s", len(state["index"]), settings.generator)
        yield
        state.clear()

    app = FastAPI(title="rag-service", version="0.1.0", lifespan=lifespan)

    @app.get("/healthz")
    def healthz() -> dict:
        index = state.get("index")
        return {"status": "ok" if index is not None and len(index) else "empty",
                "passages": len(index) if index is not None else 0, "generator": settings.generator}

    @app.post("/ask", response_model=AskResponse)
    def ask(request: AskRequest) -> AskResponse:
        if "index" not in state:
            raise HTTPException(503, "the index is not loaded")
        started = time.perf_counter()
        local = settings if request.top_k is None else Settings(**{**settings.__dict__, "top_k": request.top_k})
        result = answer(request.question, state["index"], state["generator"], local)
        latency = (time.perf_counter() - started) * 1000
        log.info("ask refused=%s citations=%d latency_ms=%.1f", result.refused, len(result.citations), latency)
        return AskResponse(question=result.question, answer=result.text, refused=result.refused,
                           citations=[CitationOut(**c.__dict__) for c in result.citations], latency_ms=latency)

    return app
