"""The data-only channel between the checker (trusted) and the student worker (untrusted).

Frames are a 4-byte big-endian length and UTF-8 JSON. Values travel in a typed encoding, never pickle:

- ``null``, ``true``/``false``, strings and finite floats and small ints as themselves;
- ``{"$": tag, ...}`` for everything else: big ints, non-finite floats, complex, bytes, list, tuple, dict,
  set, NumPy arrays (dtype + shape + layout + base64 bytes), NumPy scalars and dtypes, paths, slices,
  random generators (by state), pandas Index/Series/DataFrame, exceptions (type name, message, arguments);
- opaque references: ``handle`` (a student object living in the worker), ``cobj`` (a checker object living
  in the checker, e.g. a callback), ``cref`` (a checker object coming back unchanged, so identity holds).

This file is also sent, as source, into the worker: keep it self-contained (standard library and NumPy;
pandas is imported only when a pandas value is met).
"""

from __future__ import annotations

import base64
import json
import math
import os
import pathlib
import random
import re
import select
import struct
import time

import numpy as np

MAX_FRAME = 32 * 1024 * 1024  # bytes in one message
MAX_DEPTH = 40  # nesting of containers in one value
MAX_ITEMS = 2_000_000  # container entries in one value
MAX_DIMS = 32
_DTYPE = re.compile(r"^[<>|=]?[biufcmMSU]\d{1,4}(\[[A-Za-z0-9]{1,6}\])?$")
_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_.]{0,199}$")
_STRING = re.compile(rb'"(?:[^"\\]|\\.)*"', re.DOTALL)
PANDAS_DTYPES = {"Int8", "Int16", "Int32", "Int64", "UInt8", "UInt16", "UInt32", "UInt64", "Float32", "Float64",
                 "boolean", "string", "category", "object", "str"}
DUNDERS = ("__call__", "__array__", "__len__", "__iter__", "__next__", "__getitem__", "__contains__",
           "__fspath__", "__index__", "__float__", "__int__", "__enter__", "__exit__")


class ChannelError(BaseException):
    """The other side sent something that breaks the protocol, too much, too deep, or nothing in time.

    A ``BaseException``, so that a check's own ``except Exception`` cannot swallow it."""

    channel_status = "fail"


class ChannelTimeout(ChannelError):
    channel_status = "timeout"


class ChannelClosed(ChannelError):
    channel_status = "error"


def json_depth(data: bytes) -> int:
    """The deepest nesting of ``[``/``{`` in JSON text, found without parsing it (brackets inside strings,
    escaped quotes included, do not count). Vectorised: a few milliseconds per megabyte."""
    if data.count(b"[") + data.count(b"{") <= 1:
        return data.count(b"[") + data.count(b"{")
    codes = np.frombuffer(data, dtype=np.uint8)
    index = np.arange(codes.size)
    backslash = codes == 92
    last_plain = np.maximum.accumulate(np.where(backslash, -1, index))
    quotes = np.flatnonzero(codes == 34)
    run = np.where(quotes > 0, (quotes - 1) - last_plain[np.maximum(quotes - 1, 0)], 0)
    real = quotes[(run % 2) == 0]  # a quote after an even number of backslashes opens or closes a string
    toggles = np.zeros(codes.size + 1, dtype=np.int8)
    toggles[real] = 1
    inside = (np.cumsum(toggles[:-1]) % 2) == 1
    opening = ((codes == 91) | (codes == 123)) & ~inside
    closing = ((codes == 93) | (codes == 125)) & ~inside
    steps = opening.astype(np.int64) - closing.astype(np.int64)
    return int(np.cumsum(steps).max(initial=0))


def loads_bounded(data: bytes, *, max_bytes: int = MAX_FRAME, max_depth: int = MAX_DEPTH + 8):
    """``json.loads`` after checking size and depth, so that no input can raise RecursionError or exhaust
    memory. Raises ``ValueError`` with a reason."""
    if len(data) > max_bytes:
        raise ValueError(f"it is {len(data)} bytes, more than the limit of {max_bytes}")
    depth = json_depth(data)
    if depth > max_depth:
        raise ValueError(f"it is nested {depth} levels deep, more than the limit of {max_depth}")
    try:
        return json.loads(data.decode("utf-8"))
    except RecursionError:
        raise ValueError("it is nested too deeply") from None
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ValueError(f"it is not valid JSON ({error})") from None


# Framing ------------------------------------------------------------------------------------------------


def send_frame(fd: int, message) -> None:
    data = json.dumps(message, separators=(",", ":"), allow_nan=False).encode("utf-8")
    if len(data) > MAX_FRAME:
        raise ChannelError(f"it is {len(data) / 1e6:.0f} MB, more than the channel's limit of "
                           f"{MAX_FRAME // (1024 * 1024)} MB")
    data = struct.pack(">I", len(data)) + data
    view = memoryview(data)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _read_exactly(fd: int, size: int, deadline: float | None) -> bytes:
    parts, got = [], 0
    while got < size:
        if deadline is not None:
            left = deadline - time.monotonic()
            if left <= 0:
                raise ChannelTimeout("no answer in time")
            ready, _, _ = select.select([fd], [], [], left)
            if not ready:
                raise ChannelTimeout("no answer in time")
        chunk = os.read(fd, min(size - got, 1 << 20))
        if not chunk:
            raise ChannelClosed("the other side closed the channel")
        parts.append(chunk)
        got += len(chunk)
    return b"".join(parts)


def recv_frame(fd: int, deadline: float | None = None):
    size = struct.unpack(">I", _read_exactly(fd, 4, deadline))[0]
    if size > MAX_FRAME:
        raise ChannelError(f"the answer is {size} bytes, more than the limit of {MAX_FRAME // (1024 * 1024)} MB")
    data = _read_exactly(fd, size, deadline)
    try:
        return loads_bounded(data)
    except ValueError as error:
        raise ChannelError(f"the answer could not be read: {error}") from None


# Values -------------------------------------------------------------------------------------------------


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def _unb64(text) -> bytes:
    if type(text) is not str:
        raise ChannelError("bytes must be base64 text")
    try:
        return base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, UnicodeEncodeError):
        raise ChannelError("invalid base64") from None


def _pandas():
    import pandas

    return pandas


def _is_pandas(obj, name: str) -> bool:
    pd = __import__("sys").modules.get("pandas")
    return pd is not None and type(obj) is getattr(pd, name, None)


def builtin_exception_base(kind: type) -> type:
    """The nearest built-in exception class in ``kind``'s MRO (Exception for ordinary user exceptions)."""
    for base in kind.__mro__:
        if base.__module__ == "builtins" and issubclass(base, BaseException):
            return base
    return Exception


class Codec:
    """Encodes and decodes values; subclasses say what to do with references and non-data objects."""

    def __init__(self):
        self.items = 0
        self.pending: list = []  # records to define in the current message
        self.defined: set = set()
        self.shallow = False
        # Only the checker names library functions (np.mean ...) instead of sending a callback; the worker
        # never does, so the checker never runs a function the submission picked (say `builtins.eval`).
        self.names_library_functions = False

    # Records: plain objects of the checks (attributes only, like a graph node) travel by value, once per
    # message each, and refer to each other by id, so that a 10 000-node graph is neither deep nor slow.
    def record_id(self, obj):  # the cid when obj is a record, else None
        return None

    def record_object(self, cid, type_name):  # the local object for a record id (existing or new)
        raise ChannelError("unexpected record")

    def pack(self, value):
        """Encode a whole message value: the value, plus the records it reaches (``{"$": "graph"}``)."""
        self.items, self.pending, self.defined = 0, [], set()
        root = self.encode(value)
        return self._with_defs(root)

    def _with_defs(self, root):
        defs = []
        while self.pending:
            cid, obj = self.pending.pop()
            attrs = [[str(k), self.encode(v, 1)] for k, v in list(vars(obj).items()) if not str(k).startswith("_")]
            defs.append([cid, safe_name(type(obj).__name__, "Record"), attrs])
        return {"$": "graph", "root": root, "defs": defs} if defs else root

    # hooks -------------------------------------------------------------------------------------------------
    def ref_of(self, obj):  # an identity-preserving reference for obj, or None
        return None

    def tag_of(self, obj):  # a cid to attach to a mutable data value, or None
        return None

    def encode_other(self, obj):  # any object that is not data
        raise ChannelError(f"cannot send an object of type {type(obj).__name__}")

    def encode_exception(self, obj):
        return self.encode_other(obj)

    def decode_ref(self, node):
        raise ChannelError(f"unexpected reference {node.get('$')!r}")

    def decode_exception(self, node):
        raise ChannelError("unexpected exception value")

    def adopt(self, cid, value):  # a decoded value that carries a cid
        return value

    # encoding -------------------------------------------------------------------------------------------
    def encode(self, obj, depth: int = 0):
        kind = type(obj)
        if kind is str or kind is bool or obj is None:
            return obj
        if kind is float and math.isfinite(obj):
            return obj
        if depth > MAX_DEPTH:
            raise ChannelError(f"a value nested more than {MAX_DEPTH} levels deep")
        self.items += 1
        if self.items > MAX_ITEMS:
            raise ChannelError(f"a value with more than {MAX_ITEMS} parts")
        ref = self.ref_of(obj)
        if ref is not None:
            return ref
        kind = type(obj)
        if obj is None or kind is bool or kind is str:
            return obj
        if kind is int:
            if -(2**53) < obj < 2**53:
                return obj
            if obj.bit_length() > 20000:
                raise ChannelError("an integer with more than 20000 bits")
            return {"$": "int", "v": hex(obj)}
        if kind is float:
            return obj if math.isfinite(obj) else {"$": "float", "v": repr(obj)}
        if kind is complex:
            return {"$": "complex", "re": self.encode(obj.real, depth + 1), "im": self.encode(obj.imag, depth + 1)}
        if kind in (bytes, bytearray):
            node = {"$": kind.__name__, "b64": _b64(bytes(obj))}
            return self._tag(node, obj)
        if kind in (list, tuple, set, frozenset):
            node = {"$": kind.__name__, "v": [self.encode(x, depth + 1) for x in obj]}
            return self._tag(node, obj) if kind in (list, set) else node
        if kind is dict:
            node = {"$": "dict", "v": [[self.encode(k, depth + 1), self.encode(v, depth + 1)] for k, v in obj.items()]}
            return self._tag(node, obj)
        if kind is np.ndarray:
            return self._tag(self._encode_array(obj, depth), obj)
        if isinstance(obj, np.generic) and kind.__module__ == "numpy" and obj.dtype.kind in "biufcmMSU":
            return {"$": "npscalar", "dtype": obj.dtype.str, "b64": _b64(np.asarray(obj).tobytes())}
        if isinstance(obj, np.dtype) and obj.fields is None and obj.subdtype is None and obj.kind in "biufcmMSU":
            return {"$": "dtype", "v": obj.str}
        if isinstance(obj, type) and issubclass(obj, np.generic) and obj.__module__ == "numpy":
            try:
                return {"$": "nptype", "v": np.dtype(obj).str}
            except TypeError:
                pass
        if isinstance(obj, pathlib.PurePath) and type(obj).__module__ == "pathlib":
            return {"$": "path", "v": str(obj)}
        if kind is slice:
            return {"$": "slice", "v": [self.encode(obj.start, depth + 1), self.encode(obj.stop, depth + 1),
                                        self.encode(obj.step, depth + 1)]}
        if kind is range:
            return {"$": "range", "v": [obj.start, obj.stop, obj.step]}
        if obj is Ellipsis:
            return {"$": "ellipsis"}
        if kind is np.random.Generator and type(obj.bit_generator) is np.random.PCG64:
            return self._tag({"$": "rng", "state": self.encode(obj.bit_generator.state, depth + 1)}, obj)
        if kind is random.Random:
            return self._tag({"$": "pyrandom", "state": self.encode(obj.getstate(), depth + 1)}, obj)
        if _is_pandas(obj, "Series"):
            return self._tag(self._encode_series(obj, depth), obj)
        if _is_pandas(obj, "DataFrame"):
            node = {"$": "frame", "columns": self._encode_index(obj.columns, depth + 1),
                    "index": self._encode_index(obj.index, depth + 1),
                    "data": [self._encode_series(obj.iloc[:, i], depth + 1) for i in range(obj.shape[1])]}
            return self._tag(node, obj)
        if any(_is_pandas(obj, n) for n in ("Index", "RangeIndex", "MultiIndex")):
            return self._encode_index(obj, depth)
        if isinstance(obj, BaseException):
            return self.encode_exception(obj)
        record = self.record_id(obj)
        if record is not None:
            if not self.shallow and record not in self.defined:
                self.defined.add(record)
                self.pending.append((record, obj))
            return {"$": "rec", "id": record}
        named = _library_name(obj) if self.names_library_functions else None
        if named is not None:  # np.mean, math.sqrt, float ...: the same function on the other side, no callback
            return {"$": "func", "module": named[0], "name": named[1]}
        return self.encode_other(obj)

    def _tag(self, node, obj):
        cid = self.tag_of(obj)
        if cid is not None:
            node["cid"] = cid
        return node

    def _encode_array(self, array, depth):
        if array.ndim > MAX_DIMS:
            raise ChannelError(f"an array with more than {MAX_DIMS} dimensions")
        layout = "C" if array.flags["C_CONTIGUOUS"] else "F" if array.flags["F_CONTIGUOUS"] else "strided"
        if array.dtype.kind == "O" or array.dtype.fields is not None or array.dtype.kind not in "biufcmMSU":
            items = [self.encode(x, depth + 1) for x in array.ravel(order="C").tolist()] \
                if array.dtype.kind == "O" else None
            if items is None:
                raise ChannelError(f"cannot send an array of dtype {array.dtype}")
            return {"$": "objarray", "shape": list(array.shape), "v": items}
        data = np.ascontiguousarray(array).tobytes()
        return {"$": "ndarray", "dtype": array.dtype.str, "shape": list(array.shape), "layout": layout,
                "b64": _b64(data)}

    def _encode_values(self, values, depth):
        if type(values) is np.ndarray:
            return self._encode_array(values, depth)
        return self.encode(list(values), depth)

    def _encode_series(self, series, depth):
        dtype = str(series.dtype)
        plain_numpy = type(series.array).__module__.startswith("pandas.core.arrays.numpy_") or dtype == "object"
        numeric = (series.dtype.kind in "biufcmM" and type(series.to_numpy()) is np.ndarray
                   and dtype not in PANDAS_DTYPES)
        if plain_numpy or numeric:
            values = self._encode_array(series.to_numpy(), depth + 1)
        else:
            values = self.encode([None if _is_na(v) else v for v in series.tolist()], depth + 1)
        return {"$": "series", "dtype": dtype, "values": values, "index": self._encode_index(series.index, depth + 1),
                "name": self.encode(series.name, depth + 1)}

    def _encode_index(self, index, depth):
        pd = _pandas()
        if type(index) is pd.RangeIndex:
            return {"$": "rangeindex", "v": [index.start, index.stop, index.step],
                    "name": self.encode(index.name, depth + 1)}
        if type(index) is pd.MultiIndex:
            return {"$": "multiindex", "v": self.encode(list(index), depth + 1),
                    "names": self.encode(list(index.names), depth + 1)}
        values = index.to_numpy()
        encoded = self._encode_array(values, depth + 1) if type(values) is np.ndarray else \
            self.encode(list(values), depth + 1)
        return {"$": "index", "v": encoded, "dtype": str(index.dtype), "name": self.encode(index.name, depth + 1)}

    # decoding -------------------------------------------------------------------------------------------
    def decode(self, node, depth: int = 0):
        if depth > MAX_DEPTH + 4:
            raise ChannelError("a value nested too deeply")
        kind = type(node)
        if node is None or kind in (bool, str, float):
            return node
        if kind is int:
            return node
        if kind is not dict:
            raise ChannelError(f"unexpected {kind.__name__} in a value")
        tag = node.get("$")
        d = lambda x: self.decode(x, depth + 1)  # noqa: E731
        if tag == "int":
            text = node.get("v")
            if type(text) is not str or len(text) > 6000:
                raise ChannelError("bad integer")
            try:
                return int(text, 16)
            except ValueError:
                raise ChannelError("bad integer") from None
        if tag == "float":
            if node.get("v") not in ("nan", "inf", "-inf"):
                raise ChannelError("bad float")
            return float(node["v"])
        if tag == "complex":
            return complex(_number(d(node.get("re"))), _number(d(node.get("im"))))
        if tag in ("bytes", "bytearray"):
            data = _unb64(node.get("b64"))
            return self._adopt(node, data if tag == "bytes" else bytearray(data))
        if tag in ("list", "tuple", "set", "frozenset"):
            items = node.get("v")
            if type(items) is not list:
                raise ChannelError(f"bad {tag}")
            values = [d(x) for x in items]
            if tag == "list":
                return self._adopt(node, values)
            if tag == "tuple":
                return tuple(values)
            try:
                made = set(values) if tag == "set" else frozenset(values)
            except TypeError:
                raise ChannelError(f"a {tag} of unhashable values") from None
            return self._adopt(node, made) if tag == "set" else made
        if tag == "dict":
            pairs = node.get("v")
            if type(pairs) is not list or any(type(p) is not list or len(p) != 2 for p in pairs):
                raise ChannelError("bad dict")
            out = {}
            for k, v in pairs:
                key = d(k)
                try:
                    out[key] = d(v)
                except TypeError:
                    raise ChannelError("a dict with an unhashable key") from None
            return self._adopt(node, out)
        if tag == "ndarray":
            return self._adopt(node, self._decode_array(node))
        if tag == "objarray":
            shape = _shape(node.get("shape"))
            items = node.get("v")
            if type(items) is not list or len(items) != int(np.prod(shape, dtype=np.int64)):
                raise ChannelError("bad object array")
            array = np.empty(len(items), dtype=object)
            for i, x in enumerate(items):
                array[i] = d(x)
            return self._adopt(node, array.reshape(shape))
        if tag == "npscalar":
            dtype = _dtype(node.get("dtype"))
            data = _unb64(node.get("b64"))
            if len(data) != dtype.itemsize:
                raise ChannelError("bad NumPy scalar")
            return np.frombuffer(data, dtype=dtype)[0]
        if tag == "dtype":
            return _dtype(node.get("v"))
        if tag == "nptype":
            return _dtype(node.get("v")).type
        if tag == "path":
            if type(node.get("v")) is not str:
                raise ChannelError("bad path")
            return pathlib.Path(node["v"])
        if tag == "slice":
            parts = node.get("v")
            if type(parts) is not list or len(parts) != 3:
                raise ChannelError("bad slice")
            return slice(*[d(p) for p in parts])
        if tag == "range":
            parts = node.get("v")
            if type(parts) is not list or len(parts) != 3 or any(type(p) is not int for p in parts):
                raise ChannelError("bad range")
            return range(*parts)
        if tag == "ellipsis":
            return Ellipsis
        if tag == "rng":
            state = d(node.get("state"))
            generator = np.random.Generator(np.random.PCG64())
            try:
                generator.bit_generator.state = state
            except (TypeError, ValueError, KeyError):
                raise ChannelError("bad random generator state") from None
            return self._adopt(node, generator)
        if tag == "pyrandom":
            generator = random.Random()
            try:
                generator.setstate(_tuples(d(node.get("state"))))
            except (TypeError, ValueError):
                raise ChannelError("bad random state") from None
            return self._adopt(node, generator)
        if tag == "series":
            return self._adopt(node, self._decode_series(node, depth))
        if tag == "frame":
            pd = _pandas()
            columns = self._decode_index(node.get("columns"), depth + 1)
            index = self._decode_index(node.get("index"), depth + 1)
            data = node.get("data")
            if type(data) is not list or len(data) != len(columns):
                raise ChannelError("bad DataFrame")
            series = [self._decode_series(s, depth + 1) for s in data]
            frame = pd.concat([s.reset_index(drop=True) for s in series], axis=1) if series else \
                pd.DataFrame(index=range(len(index)))
            if series and len(frame) != len(index):
                raise ChannelError("bad DataFrame")
            frame.columns = columns
            frame.index = index
            return self._adopt(node, frame)
        if tag in ("index", "rangeindex", "multiindex"):
            return self._decode_index(node, depth)
        if tag == "exc":
            return self.decode_exception(node)
        if tag == "rec":
            return self.record_object(node.get("id"), None)
        if tag == "graph":
            defs = node.get("defs")
            if type(defs) is not list or any(type(d) is not list or len(d) != 3 or type(d[2]) is not list
                                             for d in defs):
                raise ChannelError("bad records")
            objects = [(self.record_object(cid, type_name), attrs) for cid, type_name, attrs in defs]
            for obj, attrs in objects:
                for pair in attrs:
                    if type(pair) is not list or len(pair) != 2 or type(pair[0]) is not str or pair[0].startswith("_"):
                        raise ChannelError("bad record attribute")
                    object.__setattr__(obj, pair[0], self.decode(pair[1], depth + 1))
            return self.decode(node.get("root"), depth + 1)
        if tag == "func":
            module, name = node.get("module"), node.get("name")
            if module not in LIBRARY_MODULES or type(name) is not str or name.startswith("_"):
                raise ChannelError("bad library function")
            value = getattr(__import__(module), name, None)
            if value is None or not callable(value):
                raise ChannelError("bad library function")
            return value
        if tag in ("handle", "cobj", "cref"):
            return self.decode_ref(node)
        raise ChannelError(f"unknown value tag {str(tag)[:40]!r}")

    def _adopt(self, node, value):
        cid = node.get("cid")
        if cid is None:
            return value
        if type(cid) is not int:
            raise ChannelError("bad cid")
        return self.adopt(cid, value)

    def _decode_array(self, node):
        dtype = _dtype(node.get("dtype"))
        shape = _shape(node.get("shape"))
        data = _unb64(node.get("b64"))
        count = int(np.prod(shape, dtype=np.int64))
        if count * dtype.itemsize != len(data):
            raise ChannelError("an array whose bytes do not match its shape and dtype")
        array = np.frombuffer(data, dtype=dtype).reshape(shape).copy()
        layout = node.get("layout", "C")
        if layout == "F":
            array = np.asfortranarray(array)
        elif layout == "strided" and array.size > 1:
            spread = np.empty([*shape[:-1], shape[-1] * 2] if shape else [2], dtype=dtype)
            view = spread[..., ::2]
            view[...] = array
            array = view
        return array

    def _decode_values(self, node, depth):
        value = self.decode(node, depth + 1)
        if type(value) is np.ndarray:
            return value
        if type(value) is list:
            return value
        raise ChannelError("bad values")

    def _decode_series(self, node, depth):
        pd = _pandas()
        if type(node) is not dict or node.get("$") != "series":
            raise ChannelError("bad Series")
        values = self._decode_values(node.get("values"), depth)
        dtype = node.get("dtype")
        index = self._decode_index(node.get("index"), depth + 1)
        name = self.decode(node.get("name"), depth + 1)
        if type(values) is list:
            if dtype not in PANDAS_DTYPES:
                raise ChannelError(f"unsupported pandas dtype {str(dtype)[:40]!r}")
            values = pd.array(values, dtype=dtype) if dtype not in ("object",) else np.array(values, dtype=object)
        if len(values) != len(index):
            raise ChannelError("a Series whose values and index differ in length")
        try:
            series = pd.Series(values, index=index, name=name, copy=False)
        except (TypeError, ValueError) as error:
            raise ChannelError(f"bad Series: {error}") from None
        return series

    def _decode_index(self, node, depth):
        pd = _pandas()
        if type(node) is not dict:
            raise ChannelError("bad index")
        tag = node.get("$")
        if tag == "rangeindex":
            parts = node.get("v")
            if type(parts) is not list or len(parts) != 3 or any(type(p) is not int for p in parts):
                raise ChannelError("bad RangeIndex")
            return pd.RangeIndex(*parts, name=self.decode(node.get("name"), depth + 1))
        if tag == "multiindex":
            values = self.decode(node.get("v"), depth + 1)
            names = self.decode(node.get("names"), depth + 1)
            try:
                return pd.MultiIndex.from_tuples(values, names=names)
            except (TypeError, ValueError) as error:
                raise ChannelError(f"bad MultiIndex: {error}") from None
        if tag == "index":
            values = self._decode_values(node.get("v"), depth)
            dtype = node.get("dtype")
            try:
                if type(values) is list:
                    if dtype not in PANDAS_DTYPES:
                        dtype = "object"
                    return pd.Index(values, dtype=dtype, name=self.decode(node.get("name"), depth + 1))
                return pd.Index(values, name=self.decode(node.get("name"), depth + 1))
            except (TypeError, ValueError) as error:
                raise ChannelError(f"bad Index: {error}") from None
        raise ChannelError("bad index")


LIBRARY_MODULES = ("numpy", "math", "statistics", "operator", "builtins")


def _library_name(obj):
    """(module, name) when ``obj`` is a public function or type of a library both sides share."""
    name = getattr(obj, "__name__", None) if callable(obj) else None
    if type(name) is not str or name.startswith("_"):
        return None
    modules = __import__("sys").modules
    for module in LIBRARY_MODULES:
        loaded = modules.get(module)
        if loaded is not None and getattr(loaded, name, None) is obj:
            return module, name
    return None


def _is_na(value) -> bool:
    try:
        return value is None or value is _pandas().NA or (type(value) is float and math.isnan(value))
    except Exception:
        return False


def _number(value):
    if type(value) not in (int, float):
        raise ChannelError("bad number")
    return value


def _tuples(value):
    if type(value) in (list, tuple):
        return tuple(_tuples(v) for v in value)
    return value


def _dtype(text) -> np.dtype:
    if type(text) is not str or not _DTYPE.match(text):
        raise ChannelError(f"unsupported dtype {str(text)[:40]!r}")
    try:
        dtype = np.dtype(text)
    except TypeError:
        raise ChannelError(f"unsupported dtype {text!r}") from None
    if dtype.kind not in "biufcmMSU" or dtype.fields is not None:
        raise ChannelError(f"unsupported dtype {text!r}")
    return dtype


def _shape(shape) -> list:
    if type(shape) is not list or len(shape) > MAX_DIMS or any(type(n) is not int or n < 0 for n in shape):
        raise ChannelError("bad shape")
    if int(np.prod(shape, dtype=np.float64)) > MAX_FRAME:
        raise ChannelError("an array too large for the channel")
    return shape


def safe_name(text, default: str = "object") -> str:
    text = str(text)[:200]
    return text if _NAME.match(text) else default


def update_in_place(target, new) -> bool:
    """Make ``target`` (a checker or worker object) hold ``new``'s contents; False when it cannot."""
    kind = type(target)
    if kind is not type(new):
        return False
    if kind is np.ndarray:
        if target.shape == new.shape and target.dtype == new.dtype:
            if target.flags.writeable and not np.array_equal(target, new, equal_nan=target.dtype.kind in "fc"):
                np.copyto(target, new)
            return True
        return False
    if kind is list:
        target[:] = new
        return True
    if kind in (dict, set):
        target.clear()
        target.update(new)
        return True
    if kind is bytearray:
        target[:] = new
        return True
    if kind is np.random.Generator:
        target.bit_generator.state = new.bit_generator.state
        return True
    if kind is random.Random:
        target.setstate(new.getstate())
        return True
    if _is_pandas(target, "Series") or _is_pandas(target, "DataFrame"):
        if target.equals(new) and list(target.index) == list(new.index):
            return True
        try:
            target._update_inplace(new)
        except Exception:
            return False
        return True
    return False
