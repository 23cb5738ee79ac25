"""End to end: the real HTTP service on 127.0.0.1, called over a socket, always stopped."""

from __future__ import annotations

import socket
import threading
import time

import httpx
import pytest
import uvicorn
from rag_service.app import create_app


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@pytest.fixture
def server(settings, index):
    """Start uvicorn in a thread on a free local port; stop it whatever the test does."""
    port = free_port()
    config = uvicorn.Config(create_app(settings), host="127.0.0.1", port=port, log_level="warning")
    server = uvicorn.Server(config)
    thread = threading.Thread(target=server.run, daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 60
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the service did not start")
            time.sleep(0.05)
        yield f"http://127.0.0.1:{port}"
    finally:
        server.should_exit = True
        thread.join(timeout=30)
    assert not thread.is_alive(), "the server thread did not stop"


def test_the_service_answers_over_http_with_citations(server) -> None:
    with httpx.Client(base_url=server, timeout=60) as client:
        health = client.get("/healthz").json()
        assert health["status"] == "ok" and health["passages"] > 0
        reply = client.post("/ask", json={"question": "What does the team tier cost per seat?"})
        assert reply.status_code == 200
        body = reply.json()
        assert not body["refused"] and body["citations"][0]["source"] == "pricing.md"
        assert "49 euros" in body["answer"] and body["citations"][0]["quote"] in body["answer"]
        refused = client.post("/ask", json={"question": "Who won the football world cup in 1954?"}).json()
        assert refused["refused"] and refused["citations"] == []
        assert client.post("/ask", json={"question": ""}).status_code == 422
        assert client.post("/ask", json={"question": "rate limits", "top_k": 0}).status_code == 422
