"""The data-only channel between checker and worker: values round-trip with their types, and whatever a hostile
worker sends (wrong type, huge, deep, malformed, out of order, nothing) becomes a ChannelError with a reason,
never a crash, a RecursionError or a hang."""

from __future__ import annotations

import contextlib
import json
import math
import os
import pathlib
import struct
import threading

import numpy as np
import pandas as pd
import pytest

from coursegrader import helpers
from coursegrader.channel import (
    MAX_FRAME,
    ChannelClosed,
    ChannelError,
    ChannelTimeout,
    Codec,
    json_depth,
    loads_bounded,
)
from coursegrader.checker import Remote


class Plain(Codec):
    pass


def round_trip(value):
    codec = Plain()
    return codec.decode(loads_bounded(json.dumps(codec.pack(value)).encode()))


@pytest.mark.parametrize("value", [
    None, True, 0, -(2**70), 1.5, math.inf, -math.inf, 3 + 4j, "ü", b"\x00\xff", (1, "a"), [1, [2]], {1, 2},
    {("a", 1): [None]}, pathlib.Path("/x/y"), slice(1, None, 2), range(3), np.float32(1.5), np.int8(-3),
    np.dtype("<u2"),
])
def test_values_round_trip_with_their_types(value) -> None:
    back = round_trip(value)
    assert type(back) is type(value) and back == value


def test_nan_arrays_layouts_and_frames_round_trip() -> None:
    assert math.isnan(round_trip(math.nan))
    base = np.arange(12.0).reshape(3, 4)
    for array in (base, np.asfortranarray(base), base.T[::2]):
        back = round_trip(array)
        assert type(back) is np.ndarray and back.dtype == array.dtype and np.array_equal(back, array)
        assert back.flags["C_CONTIGUOUS"] == array.flags["C_CONTIGUOUS"]
    assert round_trip(np.int32).__name__ == "int32"
    series = pd.Series([1, None, 3], index=["a", "b", "c"], dtype="Int64", name="n")
    back = round_trip(series)
    assert str(back.dtype) == "Int64" and back.index.tolist() == ["a", "b", "c"] and back.name == "n"
    frame = pd.DataFrame({"x": [1.0, np.nan], "y": ["p", None]}, index=[5000, 5001])
    back = round_trip(frame)
    assert type(back) is pd.DataFrame and back.index.tolist() == [5000, 5001] and list(back.columns) == ["x", "y"]
    assert back["y"].tolist()[0] == "p" and math.isnan(back["x"].iloc[1])


def test_depth_is_measured_without_parsing_and_bounded_before_it() -> None:
    assert json_depth(b'{"a": "[[[[", "b": [1, {"c": "\\\\"}]}') == 3
    assert json_depth(b"[" * 100_000 + b"]" * 100_000) == 100_000
    with pytest.raises(ValueError, match="nested 100000 levels deep"):
        loads_bounded(b"[" * 100_000 + b"]" * 100_000)
    with pytest.raises(ValueError, match="more than the limit"):
        loads_bounded(b" " * 11, max_bytes=10)
    with pytest.raises(ChannelError, match="nested more than"):
        deep = []
        for _ in range(100):
            deep = [deep]
        Plain().pack(deep)


def hostile(reply: bytes | None, *, answer_after_request: bool = True):
    """A Remote talking to a fake worker that answers the first request with ``reply`` (raw bytes)."""
    requests_r, requests_w = os.pipe()
    replies_r, replies_w = os.pipe()

    def fake_worker() -> None:
        with os.fdopen(requests_r, "rb") as incoming:
            if answer_after_request:
                size = struct.unpack(">I", incoming.read(4))[0]
                incoming.read(size)
            if reply is not None:
                with contextlib.suppress(OSError):
                    os.write(replies_w, reply)

    thread = threading.Thread(target=fake_worker, daemon=True)
    thread.start()
    remote = Remote(requests_w, replies_r)
    remote.deadline = __import__("time").monotonic() + 1.0
    return remote, (requests_w, replies_r, replies_w)


def frame(message) -> bytes:
    data = json.dumps(message).encode()
    return struct.pack(">I", len(data)) + data


@pytest.mark.parametrize(("reply", "error", "words"), [
    (frame([1, 2]), ChannelError, "not a message"),
    (struct.pack(">I", MAX_FRAME + 1), ChannelError, "more than the limit"),
    (frame({"reply_to": 1, "ok": json.loads("[" * 60 + "]" * 60)}), ChannelError, "nested"),
    (struct.pack(">I", 10) + b"[" * 10, ChannelError, "could not be read"),
    (frame({"reply_to": 99, "ok": 1}), ChannelError, "not asked"),
    (frame({"reply_to": 1, "ok": {"$": "pickle", "v": "gASV"}}), ChannelError, "unknown value tag"),
    (frame({"reply_to": 1, "ok": {"$": "ndarray", "dtype": "<f8", "shape": [1000], "b64": "AAAA"}}), ChannelError,
     "do not match"),
    (frame({"reply_to": 1, "ok": {"$": "ndarray", "dtype": "|O", "shape": [1], "b64": "AAAAAAAAAAA="}}),
     ChannelError, "unsupported dtype"),
    (frame({"reply_to": 1, "ok": {"$": "cref", "id": 12345}}), ChannelError, "never sent"),
    (frame({"reply_to": 1, "ok": {"$": "func", "module": "builtins", "name": "eval"}}), ChannelError,
     "library function"),
    (None, ChannelTimeout, "took longer"),
    (b"", ChannelClosed, "stopped"),
])
def test_a_hostile_reply_is_a_channel_error_with_a_reason(reply, error, words) -> None:
    remote, fds = hostile(reply)
    if reply == b"":
        os.close(fds[2])
    try:
        with pytest.raises(error, match=words):
            remote.request("getattr", h=1, name="x")
        assert remote.broken is not None, "after a bad reply the worker is not trusted again"
        with pytest.raises(ChannelError):
            remote.request("getattr", h=1, name="x")
    finally:
        for fd in fds:
            with contextlib.suppress(OSError):
                os.close(fd)


def test_a_channel_error_is_not_caught_by_a_checks_own_except_exception() -> None:
    def check(f):
        try:
            f()
        except Exception:
            helpers.fail("swallowed")

    def f():
        raise ChannelTimeout("took longer than 2 s and was stopped")

    assert helpers.run_check(check, {"f": f}) == ("timeout", "took longer than 2 s and was stopped")
