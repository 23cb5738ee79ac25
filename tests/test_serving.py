"""coursemodels.serving: an OpenAI-compatible server that binds 127.0.0.1 only and leaves nothing behind.

The model is a tiny randomly initialised GPT-2 with a byte-level BPE tokenizer trained here, so the test
needs neither the shipped course model nor the network.
"""

from __future__ import annotations

import json
import socket
import threading

import pytest
from book_build import background_pids

torch = pytest.importorskip("torch")
transformers = pytest.importorskip("transformers")
httpx = pytest.importorskip("httpx")

from coursemodels.serving import Engine, GenRequest, serve  # noqa: E402

TEXT = ["a model server answers requests one token at a time", "the queue decides who waits",
        "time to first token and time per output token", "batching trades latency for throughput"] * 20


@pytest.fixture(scope="module")
def tiny():
    from tokenizers import Tokenizer, decoders, models, pre_tokenizers, trainers

    torch.manual_seed(0)
    tok = Tokenizer(models.BPE())
    tok.pre_tokenizer = pre_tokenizers.ByteLevel(add_prefix_space=False)
    tok.decoder = decoders.ByteLevel()
    tok.train_from_iterator(TEXT, trainers.BpeTrainer(vocab_size=300, special_tokens=["<|endoftext|>"],
                                                      initial_alphabet=pre_tokenizers.ByteLevel.alphabet()))
    tokenizer = transformers.PreTrainedTokenizerFast(tokenizer_object=tok, eos_token="<|endoftext|>")
    config = transformers.GPT2Config(vocab_size=tok.get_vocab_size(), n_positions=64, n_embd=32, n_layer=2,
                                     n_head=2, eos_token_id=tokenizer.eos_token_id,
                                     bos_token_id=tokenizer.eos_token_id)
    model = transformers.GPT2LMHeadModel(config).eval()
    return model, tokenizer


def _threads():
    return {t.ident for t in threading.enumerate()}


def _refused(port):
    try:
        socket.create_connection(("127.0.0.1", port), timeout=2).close()
    except ConnectionRefusedError:
        return True
    return False


def test_engine_matches_transformers_generate(tiny):
    model, tokenizer = tiny
    prompts = ["a model server", "the queue decides who waits for", "time"]
    engine = Engine(model, tokenizer, max_batch=2)
    reqs = engine.run([GenRequest(tokenizer(p)["input_ids"], max_new_tokens=6 + 3 * i) for i, p in enumerate(prompts)])
    for p, req in zip(prompts, reqs, strict=True):
        ids = torch.tensor([tokenizer(p)["input_ids"]])
        ref = model.generate(ids, max_new_tokens=req.max_new_tokens, do_sample=False,
                             pad_token_id=tokenizer.eos_token_id, eos_token_id=None)
        assert req.output_ids == ref[0, ids.shape[1]:].tolist()


def test_continuous_batching_needs_fewer_steps_than_static(tiny):
    model, tokenizer = tiny
    lengths = [2, 12, 2, 12, 2, 12]
    steps = {}
    for policy in ("static", "continuous"):
        engine = Engine(model, tokenizer, max_batch=2, policy=policy)
        engine.run([GenRequest([1, 2, 3], max_new_tokens=n) for n in lengths])
        steps[policy] = engine.steps
    assert steps["continuous"] < steps["static"]


def test_server_binds_loopback_streams_and_leaves_nothing_behind(tiny):
    model, tokenizer = tiny
    before = _threads()
    with serve(model, tokenizer, max_batch=2) as server:
        assert server.host == "127.0.0.1"
        conns = [c for c in _listening_sockets() if c[1] == server.port]
        assert conns and all(addr == "127.0.0.1" for addr, _ in conns), conns
        with httpx.Client(base_url=server.url, timeout=30) as client:
            plain = client.post("/v1/completions", json={"model": "x", "prompt": "a model", "max_tokens": 5,
                                                         "temperature": 0})
            assert plain.status_code == 200 and plain.json()["usage"]["completion_tokens"] <= 5
            with client.stream("POST", "/v1/chat/completions",
                               json={"messages": [{"role": "user", "content": "hi"}], "max_tokens": 4,
                                     "temperature": 0, "stream": True}) as reply:
                events = [line for line in reply.iter_lines() if line.startswith("data: ")]
            assert events[-1] == "data: [DONE]"
            chunks = [json.loads(e[6:]) for e in events[:-1]]
            assert chunks[-1]["choices"][0]["finish_reason"] in ("length", "stop")
            assert client.post("/v1/completions", json={"prompt": ""}).status_code == 400
        port = server.port
    assert _refused(port), "the port still accepts connections after the server stopped"
    assert _threads() <= before, "a server thread outlived the context"
    with socket.socket() as s:                      # the port can be bound again: nothing holds it
        s.bind(("127.0.0.1", port))


def test_server_stops_after_an_exception_inside(tiny):
    model, tokenizer = tiny
    before = _threads()
    port = None
    with pytest.raises(RuntimeError, match="boom"), serve(model, tokenizer) as server:
        port = server.port
        raise RuntimeError("boom")
    assert port is not None and _refused(port)
    assert _threads() <= before


def test_refuses_other_hosts(tiny):
    model, tokenizer = tiny
    with pytest.raises(ValueError, match=r"127\.0\.0\.1"), serve(model, tokenizer, host="0.0.0.0"):
        pass


def test_no_child_process(tiny, request):
    import multiprocessing

    model, tokenizer = tiny
    before = _children()  # e.g. the background lane's jobs (the book build, the PDF build)
    with serve(model, tokenizer):
        assert multiprocessing.active_children() == []
        assert not _children() - before - background_pids(request.config)
    assert not _children() - before - background_pids(request.config)


def _children() -> set[str]:
    """Child processes of this process, from /proc (Linux); empty elsewhere."""
    import os
    from pathlib import Path

    me, found = os.getpid(), set()
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == me:
            found.add(stat.parent.name)
    return found


def _listening_sockets():
    """(address, port) of listening TCP sockets, from /proc/net/tcp and tcp6 (Linux)."""
    from pathlib import Path

    out = []
    for name, v6 in (("/proc/net/tcp", False), ("/proc/net/tcp6", True)):
        path = Path(name)
        if not path.exists():
            continue
        for line in path.read_text().splitlines()[1:]:
            parts = line.split()
            local, state = parts[1], parts[3]
            if state != "0A":  # LISTEN
                continue
            addr_hex, port_hex = local.split(":")
            if v6:
                addr = "::" if set(addr_hex) == {"0"} else addr_hex
            else:
                addr = socket.inet_ntoa(bytes.fromhex(addr_hex)[::-1])
            out.append((addr, int(port_hex, 16)))
    return out
