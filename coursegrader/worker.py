"""The untrusted side: runs a submission's code cells, then answers the checker's requests.

Never imported by the grader. :mod:`coursegrader.runner` sends this file's *source* (and the channel's)
down the worker's stdin and a tiny bootstrap executes it with ``JOB`` and ``channel`` bound. Under
bubblewrap the worker sees only the interpreter, its packages and its work folder. It never holds a check:
checks run in the checker process, which asks this process to look up names and call functions, methods
and attributes of the student's objects, and gets back data (see :mod:`coursegrader.channel`). Whatever
this process does, it can only change the values it answers with.

Events for the grader (``cell_start``, ``cell_end``, ``ready``) go to a pipe as JSON lines; they only
schedule the cell time limits and carry cell errors for the feedback, never a verdict.
"""

import builtins
import contextlib
import io
import json
import linecache
import os
import random
import re
import signal
import sys
import types

job = JOB  # noqa: F821 - bound by the bootstrap
ch = channel  # noqa: F821 - bound by the bootstrap
np = ch.np

with contextlib.suppress(Exception):
    signal.pthread_sigmask(signal.SIG_SETMASK, set())  # the grader blocks some signals; undo that here
EVENTS = job["fds"]["events"]
REQUESTS = job["fds"]["requests"]
REPLIES = job["fds"]["replies"]
os.dup2(1, 2)
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.close(_null)
sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115
sys.path[:] = [p for p in sys.path if p not in ("", ".", os.getcwd())]


def emit(event, **fields):
    data = (json.dumps({"event": event, **fields}) + "\n").encode("utf-8")
    while data:
        data = data[os.write(EVENTS, data):]


def apply_limits(limits):
    if not limits:
        return
    try:
        import resource
    except ImportError:
        return
    pairs = {"RLIMIT_AS": limits.get("memory_bytes"), "RLIMIT_CPU": limits.get("cpu_s"),
             "RLIMIT_FSIZE": limits.get("file_bytes"), "RLIMIT_NPROC": limits.get("processes"), "RLIMIT_CORE": 0}
    for name, value in pairs.items():
        which = getattr(resource, name, None)
        if which is None or value is None:
            continue
        _soft, hard = resource.getrlimit(which)
        value = int(value)
        if hard != resource.RLIM_INFINITY:
            value = min(value, hard)
        roomy = hard == resource.RLIM_INFINITY or hard > value + 5
        new_hard = value + 5 if name == "RLIMIT_CPU" and roomy else value
        with contextlib.suppress(ValueError, OSError):
            resource.setrlimit(which, (value, new_hard))


class CappedStream(io.TextIOBase):
    def __init__(self, raw, state):
        self.raw, self.state = raw, state

    def writable(self):
        return True

    def write(self, text):
        if not isinstance(text, str):
            raise TypeError(f"write() argument must be str, not {type(text).__name__}")
        left = self.state["left"]
        if left > 0:
            piece = text[:left]
            self.raw.write(piece)
            self.state["left"] = left - len(piece)
            if len(text) > left:
                self.raw.write("\n[output truncated]\n")
            self.raw.flush()
        return len(text)

    def flush(self):
        self.raw.flush()

    def isatty(self):
        return False

    @property
    def encoding(self):
        return "utf-8"


apply_limits(job.get("limits"))
_raw = open(1, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
sys.stdout = CappedStream(_raw, {"left": int(job.get("output_limit", 65536))})
sys.stderr = sys.stdout


def _check_stub(*args, **kwargs):
    print("(check() does nothing while the grader runs; the grader runs the checks itself)")


for _name in ("coursegrader", "exercises"):  # `from coursegrader import check` in the last cell
    _stub = types.ModuleType(_name)
    _stub.__path__ = []
    _stub.__spec__ = __import__("importlib.machinery").machinery.ModuleSpec(_name, None, is_package=True)
    _stub.check = _check_stub
    sys.modules[_name] = _stub


def seed_everything(seed):
    if seed is None:
        return
    random.seed(seed)
    np.random.seed(seed)


# The values the checker asks for ---------------------------------------------------------------------------


def _where(tb):
    where = ""
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.startswith("<cell "):
            where = f"{name.strip('<>')}, line {tb.tb_lineno}"
        tb = tb.tb_next
    return where


class WorkerCodec(ch.Codec):
    def __init__(self):
        super().__init__()
        self.handles = {}  # handle id -> student object
        self.handle_of = {}  # id(object) -> handle id
        self.checker_objects = {}  # cid -> object that came from the checker
        self.cid_of = {}  # id(object) -> cid
        self.snapshots = {}  # cid -> last encoding sent or received, for mutable data
        self.fresh = None
        self.records = []  # cids of checker records (plain objects), synced back when changed

    def handle(self, obj):
        key = id(obj)
        if key not in self.handle_of:
            number = len(self.handles) + 1
            self.handles[number] = obj
            self.handle_of[key] = number
        return self.handle_of[key]

    def record_id(self, obj):
        if getattr(type(obj), "_cg_record", False):
            cid = self.cid_of.get(id(obj))
            if cid is not None and self.checker_objects.get(cid) is obj:
                return cid
        return None

    def record_object(self, cid, type_name):
        if type(cid) is not int:
            raise ch.ChannelError("bad record id")
        existing = self.checker_objects.get(cid)
        if existing is not None:
            return existing
        if type_name is None:
            raise ch.ChannelError("a record that was never defined")
        kind = _record_class(ch.safe_name(type_name, "Record"))
        obj = kind.__new__(kind)
        self.remember(cid, obj, snapshot=False)
        self.records.append(cid)
        return obj

    def ref_of(self, obj):
        cid = self.cid_of.get(id(obj))
        if cid is not None and self.checker_objects.get(cid) is obj and obj is not self.fresh:
            return {"$": "cref", "id": cid}
        return None

    def class_info(self, kind):
        if kind.__module__ == "builtins":
            return {"name": kind.__name__, "builtin": kind.__name__}
        info = {"name": getattr(kind, "__qualname__", "object"), "h": self.handle(kind),
                "builtin": ch.builtin_exception_base(kind).__name__ if issubclass(kind, BaseException) else None}
        for base in kind.__bases__:
            if base.__module__ != "builtins" and issubclass(base, BaseException):
                info["base"] = self.class_info(base)
                break
        return info

    def encode_other(self, obj):
        node = {"$": "handle", "id": self.handle(obj), "type": type(obj).__qualname__, "callable": callable(obj)}
        if isinstance(obj, type) and issubclass(obj, BaseException):
            node["exc_class"] = self.class_info(obj)
        return node

    def encode_exception(self, exc):
        try:
            message = str(exc)[:2000]
        except Exception:
            message = ""
        try:
            args = self.encode(list(exc.args))
        except BaseException:
            args = [message]
        cause = exc.__cause__
        return {"$": "exc", "handle": self.handle(exc), "class": self.class_info(type(exc)), "message": message,
                "args": args, "where": _where(exc.__traceback__),
                "cause": self.encode(cause) if isinstance(cause, BaseException) else None}

    def decode_ref(self, node):
        number = node.get("id")
        if node["$"] == "handle":
            if number not in self.handles:
                raise ch.ChannelError("unknown handle")
            return self.handles[number]
        if node["$"] == "cobj":
            if number in self.checker_objects:
                return self.checker_objects[number]
            proxy = make_callback(number, node)
            self.remember(number, proxy, snapshot=False)
            return proxy
        raise ch.ChannelError("unexpected reference")

    def decode_exception(self, node):
        number = node.get("cid")
        if number in self.checker_objects:
            return self.checker_objects[number]
        builtin = getattr(builtins, str(node.get("builtin")), None)
        if not (isinstance(builtin, type) and issubclass(builtin, BaseException)):
            builtin = Exception
        name = ch.safe_name(node.get("name"), builtin.__name__)
        args = self.decode(node.get("args")) if node.get("args") is not None else ()
        args = tuple(args) if isinstance(args, list) else (str(node.get("message", "")),)
        kind = builtin if name == builtin.__name__ else _synthetic_class(name, builtin)
        try:
            exc = kind(*args)
        except Exception:
            exc = kind.__new__(kind)
            exc.args = args
        if number is not None:
            self.remember(number, exc, snapshot=False)
        return exc

    def remember(self, cid, obj, snapshot=True):
        self.checker_objects[cid] = obj
        self.cid_of[id(obj)] = cid
        if snapshot:
            self.snapshots[cid] = self.state(obj)

    def adopt(self, cid, value):
        existing = self.checker_objects.get(cid)
        if existing is not None and ch.update_in_place(existing, value):
            self.snapshots[cid] = self.state(existing)
            return existing
        self.remember(cid, value)
        return value

    def state(self, obj):
        self.fresh = obj
        self.shallow = True
        try:
            return json.dumps(self.encode(obj), separators=(",", ":"))
        except BaseException:
            return None
        finally:
            self.fresh = None
            self.shallow = False

    def record_state(self, obj):
        self.shallow = True
        try:
            return json.dumps([[k, self.encode(v)] for k, v in vars(obj).items() if not k.startswith("_")],
                              separators=(",", ":"))
        except BaseException:
            return None
        finally:
            self.shallow = False

    def changed(self):
        """Checker objects (arrays, lists, dicts, records ...) whose contents the student's code changed.

        Records report the attributes the student's code assigned; containers are compared with their last
        encoding, and forgotten once only this table refers to them (nothing can change them any more)."""
        out = []
        dirty = [self.cid_of.get(key) for key in _dirty_records]
        _dirty_records.clear()
        changed_records = [(cid, self.checker_objects[cid]) for cid in dirty
                           if cid is not None and cid in self.checker_objects]
        if changed_records:
            self.items, self.pending = 0, []
            self.defined = set(self.records)
            defs = []
            for cid, obj in changed_records:
                attrs = [[k, self.encode(v, 1)] for k, v in vars(obj).items() if not k.startswith("_")]
                defs.append([cid, type(obj).__name__, attrs])
            out.append([0, {"$": "graph", "root": None, "defs": defs}])
        for cid, before in list(self.snapshots.items()):
            obj = self.checker_objects[cid]
            now = self.state(obj)
            if now is not None and now != before:
                self.snapshots[cid] = now
                out.append([cid, json.loads(now)])
            if sys.getrefcount(obj) <= 3:  # the table, `obj` and getrefcount's argument: unreachable now
                del self.snapshots[cid], self.checker_objects[cid]
                self.cid_of.pop(id(obj), None)
        return out


_classes = {}
_record_classes = {}
_dirty_records = set()  # id() of records whose attributes the student's code assigned


def _record_setattr(self, name, value):
    object.__setattr__(self, name, value)
    _dirty_records.add(id(self))


def _record_delattr(self, name):
    object.__delattr__(self, name)
    _dirty_records.add(id(self))


def _record_class(name):
    if name not in _record_classes:
        _record_classes[name] = type(name, (), {"__module__": "checker", "_cg_record": True,
                                                "__setattr__": _record_setattr, "__delattr__": _record_delattr})
    return _record_classes[name]


def _synthetic_class(name, base):
    key = (name, base)
    if key not in _classes:
        _classes[key] = type(name, (base,), {"__module__": "checker"})
    return _classes[key]


class CallbackBase:
    """A checker object handed to the student's code (a fake service, a sleep that records, ...)."""

    __slots__ = ("_cg_cid", "_cg_type")

    def __getattr__(self, name):
        if name.startswith("_"):
            raise AttributeError(name)
        return callback("getattr", self._cg_cid, name)

    def __setattr__(self, name, value):
        if name.startswith("_"):
            raise AttributeError(name)
        callback("setattr", self._cg_cid, name, (value,))

    def __repr__(self):
        return f"<{self._cg_type} object of the checker>"


def make_callback(cid, node):
    dunders = [d for d in node.get("dunders", []) if d in ch.DUNDERS]
    if node.get("callable") and "__call__" not in dunders:
        dunders.append("__call__")
    namespace = {"__slots__": ()}
    for name in dunders:
        if name == "__array__":
            def method(self, dtype=None, copy=None):
                return np.asarray(callback("method", self._cg_cid, "__array__"), dtype=dtype)
        elif name == "__fspath__":
            def method(self):
                return os.fspath(callback("method", self._cg_cid, "__fspath__"))
        else:
            def method(self, *args, _name=name, **kwargs):
                return callback("method", self._cg_cid, _name, args, kwargs)
        namespace[name] = method
    kind = type(ch.safe_name(node.get("type"), "CheckerObject"), (CallbackBase,), namespace)
    obj = object.__new__(kind)
    object.__setattr__(obj, "_cg_cid", cid)
    object.__setattr__(obj, "_cg_type", kind.__name__)
    return obj


codec = WorkerCodec()
_sequence = [0]


def callback(op, cid, name, args=(), kwargs=None):
    """Ask the checker to use one of its objects, and wait for the answer (serving requests meanwhile)."""
    _sequence[0] += 1
    number = _sequence[0]
    message = {"cb": number, "op": op, "cid": cid, "name": name, "args": codec.pack(list(args)),
               "kwargs": codec.pack(dict(kwargs or {}))}
    ch.send_frame(REPLIES, message)
    while True:
        incoming = ch.recv_frame(REQUESTS)
        if incoming.get("cb_reply") == number:
            for cid_changed, value in incoming.get("after", []):
                codec.adopt(cid_changed, codec.decode(value))
            if "raise" in incoming:
                raise codec.decode(incoming["raise"])
            return codec.decode(incoming.get("ok"))
        serve_one(incoming)


def _target(request):
    number = request.get("h")
    if number not in codec.handles:
        raise ch.ChannelError("unknown handle")
    return codec.handles[number]


def perform(request):
    op = request.get("op")
    if op == "lookup":
        found, missing = {}, []
        for name in request.get("names", []):
            if isinstance(name, str) and name in namespace:
                found[name] = namespace[name]
            else:
                missing.append(name)
        return {"found": found, "missing": missing}
    if op == "seed":
        seed_everything(request.get("seed"))
        return None
    target = _target(request)
    if op == "call":
        args, kwargs = codec.decode(request.get("call"))
        return target(*args, **{str(k): v for k, v in kwargs.items()})
    if op == "getattr":
        return getattr(target, str(request.get("name")))
    if op == "setattr":
        setattr(target, str(request.get("name")), codec.decode(request.get("value")))
        return None
    if op == "getitem":
        return target[codec.decode(request.get("key"))]
    if op == "len":
        return len(target)
    if op == "contains":
        return codec.decode(request.get("key")) in target
    if op == "iter":
        return _Iterator(iter(target))
    if op == "next":
        return next(target)
    raise ch.ChannelError(f"unknown request {str(op)[:40]!r}")


class _Iterator:
    """An iterator of the student's, always sent as a handle (never expanded: it may be endless)."""

    __slots__ = ("inner",)

    def __init__(self, inner):
        self.inner = inner

    def __next__(self):
        return next(self.inner)


def serve_one(request):
    number = request.get("id")
    reply = {"reply_to": number}
    try:
        value = perform(request)
        outcome = ("ok", value)
    except ch.ChannelError as error:
        ch.send_frame(REPLIES, {"reply_to": number, "error": str(error)[:300]})
        return
    except BaseException as exc:
        outcome = ("raise", exc)
    try:
        if outcome[0] == "ok" and request.get("op") == "lookup":
            value = outcome[1]
            reply["ok"] = codec.pack(value["found"])
            reply["missing"] = value["missing"]
        elif outcome[0] == "ok" and isinstance(outcome[1], _Iterator):
            reply["ok"] = codec.encode_other(outcome[1])
        else:
            reply[outcome[0]] = codec.pack(outcome[1])
        reply["after"] = codec.changed()
    except (ch.ChannelError, RecursionError, MemoryError) as error:
        reply = {"reply_to": number, "error": f"the value could not be sent: {str(error)[:300]}"}
    try:
        ch.send_frame(REPLIES, reply)
    except (ch.ChannelError, MemoryError) as error:  # too big for the channel
        ch.send_frame(REPLIES, {"reply_to": number, "error": f"the value could not be sent: {str(error)[:300]}"})


# Running the cells ------------------------------------------------------------------------------------------

main = types.ModuleType("__main__")
main.__dict__["__builtins__"] = builtins
sys.modules["__main__"] = main
namespace = main.__dict__
builtins.display = lambda *objects, **kwargs: print(*objects)

MAGIC = re.compile(r"^(\s*)([%!].*)$")
KEEP_CELL_MAGICS = {"%%time", "%%timeit", "%%capture"}


def without_magics(source):
    lines = source.splitlines()
    if lines and lines[0].lstrip().startswith("%%"):
        if lines[0].split()[0] not in KEEP_CELL_MAGICS:
            return None
        lines = lines[1:]
    out = []
    for line in lines:
        match = MAGIC.match(line)
        out.append(f"{match.group(1)}pass  # skipped by the grader: {match.group(2)[:60]}" if match else line)
    return "\n".join(out)


seed_everything(job.get("seed"))
skip = set(job["skip"])
for index, number, source in job["cells"]:
    if index in skip:
        continue
    emit("cell_start", i=index)
    error = None
    code = without_magics(source)
    if code is None:
        error = (f"cell {number} starts with a cell magic the grader does not run ({source.split()[0]});"
                 " it was skipped")
    else:
        filename = f"<cell {number}>"
        linecache.cache[filename] = (len(code), None, code.splitlines(True), filename)
        try:
            exec(compile(code, filename, "exec"), namespace)
        except SyntaxError as exc:
            error = f"cell {number} has a syntax error (line {exc.lineno}): {exc.msg}"
        except BaseException as exc:
            try:
                text = " ".join(str(exc).split())[:200]
            except Exception:
                text = ""
            line = ""
            tb = exc.__traceback__
            while tb is not None:
                if tb.tb_frame.f_code.co_filename == filename:
                    line = f", line {tb.tb_lineno}"
                tb = tb.tb_next
            error = f"cell {number} raised {type(exc).__name__}{line}" + (f": {text}" if text else "")
    emit("cell_end", i=index, error=error)

emit("ready")
try:
    while True:
        serve_one(ch.recv_frame(REQUESTS))
except ch.ChannelError:
    pass
finally:
    try:
        sys.stdout.flush()
    finally:
        os._exit(0)
