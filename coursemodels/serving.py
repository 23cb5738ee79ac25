"""Serve a causal language model over an OpenAI-compatible HTTP API, on this machine only.

    >>> from coursemodels.serving import serve
    >>> with serve(coursemodels.path("course-lm")) as server:          # doctest: +SKIP
    ...     client = openai.OpenAI(base_url=server.base_url, api_key="unused")
    ...     client.completions.create(model=server.model_name, prompt="A model server", max_tokens=8)

Three layers, each usable on its own:

* ``Engine``: a token-by-token generator for a GPT-2-architecture model with its own key-value cache of
  ``max_batch`` slots. Every decoding step runs one forward pass over all active requests; how new requests
  enter is the scheduling policy: ``"continuous"`` admits a waiting request into any free slot before every
  step (iteration-level scheduling, as vLLM and TGI do), ``"static"`` admits a new batch only when the whole
  previous batch has finished. Greedy decoding reproduces ``transformers``' ``generate``.
* ``create_app``: a FastAPI app with ``/v1/models``, ``/v1/completions`` and ``/v1/chat/completions``
  (OpenAI wire format, ``stream=true`` answered as server-sent events), and ``/healthz``. Like vLLM it
  accepts ``ignore_eos: true`` (with the ``openai`` client: ``extra_body``) to generate exactly
  ``max_tokens`` tokens, which load tests need.
* ``serve``: a context manager that runs the app under uvicorn in a background thread, bound to
  127.0.0.1 on a free port, and always stops the server, the engine's worker and the socket in ``finally``.

Nothing here opens a connection to another machine, and importing this module does not import torch.
"""

import asyncio
import contextlib
import json
import math
import socket
import threading
import time
import uuid
from collections import deque
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

__all__ = ["Engine", "GenRequest", "ServerHandle", "create_app", "load", "serve"]

LOOPBACK = "127.0.0.1"


def load(model_dir: str | Path):
    """(model, tokenizer) from a Hugging Face folder, model in eval mode on the CPU."""
    from transformers import AutoModelForCausalLM, AutoTokenizer
    from transformers.utils import logging

    logging.disable_progress_bar()  # no "Loading weights" bars in notebooks and logs
    tokenizer = AutoTokenizer.from_pretrained(str(model_dir))
    model = AutoModelForCausalLM.from_pretrained(str(model_dir)).eval()
    return model, tokenizer


@dataclass
class GenRequest:
    """One generation request and, once it has run, its timings (seconds on ``time.perf_counter``)."""

    prompt_ids: list[int]
    max_new_tokens: int = 16
    temperature: float = 0.0
    seed: int = 0
    stop_ids: tuple[int, ...] = ()
    on_token: Callable[[int | None], None] | None = None  # called with each new token id, then None at the end
    arrival: float = 0.0
    output_ids: list[int] = field(default_factory=list)
    first_token_at: float | None = None
    finished_at: float | None = None
    finish_reason: str | None = None
    steps_waited: int = 0  # decoding steps that ran while this request waited for a slot


class Engine:
    """Token-by-token generation for a GPT-2-architecture model with a slot-based key-value cache.

    ``submit`` queues a request; ``step`` admits waiting requests (by the policy), then runs one decoding
    forward pass for every active request. ``start`` runs ``step`` in a background thread; ``run`` drives
    it synchronously until a list of requests has finished.
    """

    def __init__(self, model, tokenizer=None, max_batch: int = 8, policy: str = "continuous",
                 max_len: int | None = None):
        import torch

        if policy not in ("continuous", "static"):
            raise ValueError("policy must be 'continuous' or 'static'")
        self.torch, self.model, self.tokenizer = torch, model, tokenizer
        cfg = model.config
        self.n_layer, self.n_head = cfg.n_layer, cfg.n_head
        self.head_dim = cfg.n_embd // cfg.n_head
        self.eps = cfg.layer_norm_epsilon
        self.act = cfg.activation_function
        self.max_len = max_len or cfg.n_positions
        self.max_batch, self.policy = max_batch, policy
        shape = (self.n_layer, max_batch, self.n_head, self.max_len, self.head_dim)
        dtype = next(model.parameters()).dtype
        self.k_cache = torch.zeros(shape, dtype=dtype)
        self.v_cache = torch.zeros(shape, dtype=dtype)
        self.lengths = [0] * max_batch
        self.slots: list[GenRequest | None] = [None] * max_batch
        self.waiting: deque[GenRequest] = deque()
        self.steps = 0           # decoding forward passes run
        self.slot_steps = 0      # sum over steps of the active requests (occupancy numerator)
        self.prefills = 0
        self._cond = threading.Condition()
        self._stop = threading.Event()
        self._thread: threading.Thread | None = None
        self.error: BaseException | None = None

    # ------------------------------------------------------------------ the model, written out
    def _gelu(self, x):
        torch = self.torch
        if self.act in ("gelu_new", "gelu_pytorch_tanh", "gelu_fast"):
            return 0.5 * x * (1.0 + torch.tanh(math.sqrt(2.0 / math.pi) * (x + 0.044715 * x.pow(3))))
        return torch.nn.functional.gelu(x)

    def forward(self, slots: list[int], ids):
        """Append ``ids`` (n, t) to the sequences in ``slots`` (n of them); return logits (n, t, vocab)."""
        torch = self.torch
        F = torch.nn.functional
        tr = self.model.transformer
        n, t = ids.shape
        starts = torch.tensor([self.lengths[s] for s in slots])
        if int(starts.max()) + t > self.max_len:
            raise ValueError("sequence longer than the model's context")
        pos = starts[:, None] + torch.arange(t)[None, :]                  # (n, t)
        x = tr.wte(ids) + tr.wpe(pos)
        total = int(starts.max()) + t
        key_pos = torch.arange(total)[None, None, :]                       # (1, 1, T)
        allowed = key_pos <= pos[:, :, None]                               # causal, per slot (n, t, T)
        index = torch.tensor(slots)
        H, D = self.n_head, self.head_dim
        for layer, block in enumerate(tr.h):
            h = F.layer_norm(x, (x.shape[-1],), block.ln_1.weight, block.ln_1.bias, self.eps)
            qkv = h @ block.attn.c_attn.weight + block.attn.c_attn.bias    # GPT-2's Conv1D: (in, out)
            q, k, v = (z.view(n, t, H, D).transpose(1, 2) for z in qkv.split(H * D, dim=-1))
            for row, s in enumerate(slots):
                self.k_cache[layer, s, :, self.lengths[s]:self.lengths[s] + t] = k[row]
                self.v_cache[layer, s, :, self.lengths[s]:self.lengths[s] + t] = v[row]
            keys = self.k_cache[layer, index, :, :total]                   # (n, H, T, D)
            values = self.v_cache[layer, index, :, :total]
            scores = (q @ keys.transpose(-1, -2)) / math.sqrt(D)
            scores = scores.masked_fill(~allowed[:, None], float("-inf"))
            attn = torch.softmax(scores, dim=-1) @ values                  # (n, H, t, D)
            attn = attn.transpose(1, 2).reshape(n, t, H * D)
            x = x + attn @ block.attn.c_proj.weight + block.attn.c_proj.bias
            h = F.layer_norm(x, (x.shape[-1],), block.ln_2.weight, block.ln_2.bias, self.eps)
            h = self._gelu(h @ block.mlp.c_fc.weight + block.mlp.c_fc.bias)
            x = x + h @ block.mlp.c_proj.weight + block.mlp.c_proj.bias
        for s in slots:
            self.lengths[s] += t
        x = F.layer_norm(x, (x.shape[-1],), tr.ln_f.weight, tr.ln_f.bias, self.eps)
        return self.model.lm_head(x)

    # ------------------------------------------------------------------ scheduling
    def submit(self, request: GenRequest) -> GenRequest:
        if not request.prompt_ids:
            raise ValueError("empty prompt")
        if len(request.prompt_ids) + request.max_new_tokens > self.max_len:
            raise ValueError(f"prompt plus max_new_tokens exceeds the context of {self.max_len} tokens")
        with self._cond:
            self.waiting.append(request)
            self._cond.notify()
        return request

    def _pick(self, logits, req: GenRequest) -> int:
        torch = self.torch
        if req.temperature <= 0:
            return int(torch.argmax(logits))
        gen = torch.Generator().manual_seed(req.seed + len(req.output_ids))
        probs = torch.softmax(logits.float() / req.temperature, dim=-1)
        return int(torch.multinomial(probs, 1, generator=gen))

    def _emit(self, slot: int, req: GenRequest, token: int) -> None:
        now = time.perf_counter()
        req.output_ids.append(token)
        if req.first_token_at is None:
            req.first_token_at = now
        if req.on_token is not None:
            req.on_token(token)
        done = None
        if token in req.stop_ids:
            done = "stop"
        elif len(req.output_ids) >= req.max_new_tokens:
            done = "length"
        if done:
            req.finish_reason, req.finished_at = done, now
            self.slots[slot] = None
            if req.on_token is not None:
                req.on_token(None)

    def _admit(self) -> None:
        free = [s for s in range(self.max_batch) if self.slots[s] is None]
        if self.policy == "static" and len(free) < self.max_batch:
            return                                   # a static batch runs until all its requests finish
        torch = self.torch
        for s in free:
            with self._cond:
                if not self.waiting:
                    break
                req = self.waiting.popleft()
            self.lengths[s] = 0
            self.slots[s] = req
            logits = self.forward([s], torch.tensor([req.prompt_ids]))  # prefill: the whole prompt at once
            self.prefills += 1
            self._emit(s, req, self._pick(logits[0, -1], req))

    def step(self) -> bool:
        """Admit, then one decoding step for every active request. False when there was nothing to do."""
        torch = self.torch
        with torch.inference_mode():
            self._admit()
            active = [s for s in range(self.max_batch) if self.slots[s] is not None]
            if not active:
                return False
            with self._cond:
                for req in self.waiting:
                    req.steps_waited += 1
            ids = torch.tensor([[self.slots[s].output_ids[-1]] for s in active])
            logits = self.forward(active, ids)
            self.steps += 1
            self.slot_steps += len(active)
            for row, s in enumerate(active):
                self._emit(s, self.slots[s], self._pick(logits[row, -1], self.slots[s]))
        return True

    def run(self, requests: list[GenRequest]) -> list[GenRequest]:
        """Submit all requests now and step until every one has finished (no background thread)."""
        for req in requests:
            req.arrival = time.perf_counter()
            self.submit(req)
        while self.waiting or any(self.slots):
            self.step()
        return requests

    # ------------------------------------------------------------------ background worker
    def start(self) -> None:
        self._stop.clear()
        self._thread = threading.Thread(target=self._loop, name="coursemodels-engine", daemon=True)
        self._thread.start()

    def _loop(self) -> None:
        try:
            while not self._stop.is_set():
                worked = self.step()
                time.sleep(0)  # let the HTTP threads send the tokens just made (they need the GIL)
                if not worked:
                    with self._cond:
                        if not self.waiting and not self._stop.is_set():
                            self._cond.wait(timeout=0.05)
        except BaseException as err:
            self.error = err
            for req in [r for r in self.slots if r is not None] + list(self.waiting):
                req.finish_reason = "error"
                if req.on_token is not None:
                    req.on_token(None)

    def stop(self, timeout: float = 10.0) -> None:
        self._stop.set()
        with self._cond:
            self._cond.notify_all()
        if self._thread is not None:
            self._thread.join(timeout)
            if self._thread.is_alive():
                raise RuntimeError("the engine's worker thread did not stop")
            self._thread = None


# ---------------------------------------------------------------------- the HTTP API


def _chat_prompt(tokenizer, messages: list[dict]) -> str:
    if getattr(tokenizer, "chat_template", None):
        return tokenizer.apply_chat_template(messages, tokenize=False, add_generation_prompt=True)
    lines = [f"{m.get('role', 'user')}: {m.get('content') or ''}" for m in messages]
    return "\n".join(lines) + "\nassistant:"


def create_app(engine: Engine, model_name: str = "course-lm"):
    """FastAPI app over a started ``engine``: OpenAI-compatible completions and chat completions."""
    from fastapi import FastAPI, HTTPException, Request
    from fastapi.responses import JSONResponse, StreamingResponse

    tokenizer = engine.tokenizer
    app = FastAPI(title="course model server", docs_url=None, redoc_url=None)
    stop_ids = tuple(i for i in (tokenizer.eos_token_id,) if i is not None)

    @app.get("/healthz")
    async def healthz():
        return {"status": "ok", "model": model_name, "policy": engine.policy}

    @app.get("/v1/models")
    async def models():
        return {"object": "list", "data": [{"id": model_name, "object": "model", "owned_by": "course"}]}

    async def generate(body: dict, chat: bool):
        if chat:
            messages = body.get("messages")
            if not isinstance(messages, list) or not messages:
                raise HTTPException(400, "messages must be a non-empty list")
            prompt = _chat_prompt(tokenizer, messages)
        else:
            prompt = body.get("prompt")
            if isinstance(prompt, list) and len(prompt) == 1:
                prompt = prompt[0]
            if not isinstance(prompt, str) or not prompt:
                raise HTTPException(400, "prompt must be a non-empty string")
        try:
            max_tokens = int(body.get("max_tokens") or body.get("max_completion_tokens") or 16)
            temperature = float(body.get("temperature") if body.get("temperature") is not None else 1.0)
        except (TypeError, ValueError) as err:
            raise HTTPException(400, f"bad parameter: {err}") from err
        prompt_ids = tokenizer(prompt, verbose=False)["input_ids"]
        max_new = max(1, min(max_tokens, engine.max_len // 2))  # a small model's context is short: cap both
        prompt_ids = prompt_ids[-(engine.max_len - max_new):]   # keep the end of a long prompt
        loop = asyncio.get_running_loop()
        tokens: asyncio.Queue = asyncio.Queue()
        req = GenRequest(prompt_ids, max_new_tokens=max_new, temperature=temperature,
                         seed=int(body.get("seed") or 0), stop_ids=() if body.get("ignore_eos") else stop_ids,
                         on_token=lambda tok: loop.call_soon_threadsafe(tokens.put_nowait, tok),
                         arrival=time.perf_counter())
        try:
            engine.submit(req)
        except ValueError as err:
            raise HTTPException(400, str(err)) from err
        return req, tokens

    def text_of(req: GenRequest) -> str:
        ids = [i for i in req.output_ids if i not in stop_ids]
        return tokenizer.decode(ids, skip_special_tokens=True)

    def usage(req: GenRequest) -> dict:
        n = len(req.output_ids)
        return {"prompt_tokens": len(req.prompt_ids), "completion_tokens": n,
                "total_tokens": len(req.prompt_ids) + n}

    async def respond(raw: Request, chat: bool):
        try:
            body = await raw.json()
        except (json.JSONDecodeError, UnicodeDecodeError) as err:
            raise HTTPException(400, "body must be JSON") from err
        if not isinstance(body, dict):
            raise HTTPException(400, "body must be a JSON object")
        req, tokens = await generate(body, chat)
        rid = ("chatcmpl-" if chat else "cmpl-") + uuid.uuid4().hex[:24]
        created = int(time.time())
        kind = "chat.completion" if chat else "text_completion"

        def chunk(text: str | None, finish: str | None, first: bool = False) -> str:
            if chat:
                delta = {"role": "assistant", "content": text or ""} if first else (
                    {"content": text} if text else {})
                choice = {"index": 0, "delta": delta, "finish_reason": finish}
            else:
                choice = {"index": 0, "text": text or "", "logprobs": None, "finish_reason": finish}
            payload = {"id": rid, "object": kind + ".chunk" if chat else kind, "created": created,
                       "model": model_name, "choices": [choice]}
            if finish is not None:
                payload["usage"] = usage(req)
            return f"data: {json.dumps(payload)}\n\n"

        if body.get("stream"):
            async def events():
                sent, first = "", True
                while True:
                    tok = await tokens.get()
                    if tok is None:
                        break
                    text = text_of(req)
                    if text.endswith("\ufffd"):          # half of a multi-byte character: wait for the rest
                        continue
                    delta, sent = text[len(sent):], text
                    yield chunk(delta, None, first)
                    first = False
                if text_of(req) != sent:                  # whatever a held-back partial character left
                    yield chunk(text_of(req)[len(sent):], None, first)
                yield chunk("", req.finish_reason or "error")
                yield "data: [DONE]\n\n"

            return StreamingResponse(events(), media_type="text/event-stream",
                                     headers={"Cache-Control": "no-cache"})
        while (await tokens.get()) is not None:
            pass
        if req.finish_reason == "error":
            return JSONResponse({"error": {"message": f"generation failed: {engine.error!r}"}}, status_code=500)
        text = text_of(req)
        choice = ({"index": 0, "message": {"role": "assistant", "content": text}, "finish_reason": req.finish_reason}
                  if chat else {"index": 0, "text": text, "logprobs": None, "finish_reason": req.finish_reason})
        return {"id": rid, "object": kind, "created": created, "model": model_name, "choices": [choice],
                "usage": usage(req)}

    @app.post("/v1/chat/completions")
    async def chat_completions(raw: Request):
        return await respond(raw, chat=True)

    @app.post("/v1/completions")
    async def completions(raw: Request):
        return await respond(raw, chat=False)

    return app


@dataclass
class ServerHandle:
    host: str
    port: int
    model_name: str
    engine: Engine
    thread: threading.Thread

    @property
    def url(self) -> str:
        return f"http://{self.host}:{self.port}"

    @property
    def base_url(self) -> str:
        """What the ``openai`` client's ``base_url`` wants."""
        return f"{self.url}/v1"


@contextlib.contextmanager
def serve(model: Any, tokenizer: Any = None, *, model_name: str = "course-lm", max_batch: int = 8,
          policy: str = "continuous", host: str = LOOPBACK, start_timeout_s: float = 30.0) -> Iterator[ServerHandle]:
    """Run the OpenAI-compatible server on 127.0.0.1 (a free port) for the duration of a ``with`` block.

    ``model`` is a model folder, or a loaded model (then pass ``tokenizer`` too). The server, the engine's
    worker thread and the listening socket are stopped in ``finally``, whatever happens inside the block.
    """
    import uvicorn

    if host != LOOPBACK:
        raise ValueError("this server binds 127.0.0.1 only: it is for this machine, not a network")
    if tokenizer is None:
        model, tokenizer = load(model)
    engine = Engine(model, tokenizer, max_batch=max_batch, policy=policy)
    sock = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    server = thread = None
    try:
        sock.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        # Accepted connections inherit this: each token event goes out at once. Without it, Nagle's algorithm
        # holds an event back until the previous write is acknowledged, and a client that delays its
        # acknowledgements (Linux does, on a warm keep-alive connection) then gets all tokens together.
        sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        sock.bind((LOOPBACK, 0))
        port = sock.getsockname()[1]
        engine.start()
        config = uvicorn.Config(create_app(engine, model_name), host=LOOPBACK, port=port, log_level="warning",
                                access_log=False, lifespan="off", timeout_graceful_shutdown=5)
        server = uvicorn.Server(config)
        server.install_signal_handlers = lambda: None      # older uvicorn; newer ones skip non-main threads
        thread = threading.Thread(target=server.run, kwargs={"sockets": [sock]}, name="coursemodels-uvicorn",
                                  daemon=True)
        thread.start()
        deadline = time.monotonic() + start_timeout_s
        while not server.started:
            if not thread.is_alive() or time.monotonic() > deadline:
                raise RuntimeError("the model server did not start")
            time.sleep(0.01)
        yield ServerHandle(LOOPBACK, port, model_name, engine, thread)
    finally:
        if server is not None:
            server.should_exit = True
        if thread is not None:
            thread.join(timeout=15)
        engine.stop()
        sock.close()
        if thread is not None and thread.is_alive():
            raise RuntimeError("the model server thread did not stop")
