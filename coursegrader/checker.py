"""The trusted side: runs checks (public and hidden) in a process that never executes student code.

The grader keeps one checker process per grading thread (``python -m coursegrader.checker FD``) and hands it
jobs over a private socket: the checks' sources, which checks to run, and the two pipe ends of a worker's
data channel (passed as file descriptors). A check is called as always, with one argument per student object
it names; here those arguments are *proxies*: calling one, reading or setting an attribute, indexing it,
sends a request to the worker and decodes the answer as data (:mod:`coursegrader.channel`). Student classes
of exceptions become real exception classes here, so ``except TheirError`` and ``expect_raises`` work;
checker objects handed to student code (a fake service, ``waits.append``) are called back here.

The verdicts are decided here and reported to the grader only on the private socket; the worker cannot
reach it. A reply that is too big, too deep, malformed or late fails the check with a reason.
"""

from __future__ import annotations

import builtins
import contextlib
import hashlib
import inspect
import json
import os
import random
import socket
import sys
import tempfile
import time
import types

from coursegrader import helpers
from coursegrader.channel import (
    DUNDERS,
    ChannelClosed,
    ChannelError,
    ChannelTimeout,
    Codec,
    builtin_exception_base,
    recv_frame,
    safe_name,
    send_frame,
    update_in_place,
)

_MUTABLE = (list, dict, set, bytearray)
np_ndarray = __import__("numpy").ndarray


class StudentObject:
    """A student object that stays in the worker; every use is a request over the channel."""

    __slots__ = ("__weakref__", "_cg_handle", "_cg_remote", "_cg_type")
    _cg_type_name = "object"

    def __getattr__(self, name):
        if name.startswith("__") or name.startswith("_cg_"):
            raise AttributeError(name)
        return self._cg_remote.request("getattr", h=self._cg_handle, name=name)

    def __setattr__(self, name, value):
        if name.startswith("_cg_"):
            object.__setattr__(self, name, value)
        else:
            self._cg_remote.request("setattr", h=self._cg_handle, name=name, value=value)

    def __call__(self, *args, **kwargs):
        return self._cg_remote.call(self._cg_handle, args, kwargs)

    def __getitem__(self, key):
        return self._cg_remote.request("getitem", h=self._cg_handle, key=key)

    def __len__(self):
        value = self._cg_remote.request("len", h=self._cg_handle)
        if type(value) is not int:
            raise TypeError("len() of the submission's object is not an int")
        return value

    def __contains__(self, key):
        return self._cg_remote.request("contains", h=self._cg_handle, key=key) is True

    def __iter__(self):
        iterator = self._cg_remote.request("iter", h=self._cg_handle)
        while True:
            try:
                yield self._cg_remote.request("next", h=iterator._cg_handle)
            except StopIteration:
                return

    def __next__(self):
        return self._cg_remote.request("next", h=self._cg_handle)

    def __repr__(self):
        return f"<{self._cg_type} object of the submission>"


class StudentExceptionType(type):
    """Metaclass of the stand-ins for the student's exception classes: calling one builds the exception in
    the worker (so the student's ``__init__`` runs there) and returns its stand-in."""

    def __call__(cls, *args, **kwargs):
        return cls._cg_remote.call(cls._cg_handle, args, kwargs)

    def __getattr__(cls, name):
        if name.startswith("__") or name.startswith("_cg_"):
            raise AttributeError(name)
        return cls._cg_remote.request("getattr", h=cls._cg_handle, name=name)


def _exception_getattr(self, name):
    if name.startswith("__") or name.startswith("_cg_") or "_cg_handle" not in self.__dict__:
        raise AttributeError(name)
    return self._cg_remote.request("getattr", h=self._cg_handle, name=name)


class CheckerCodec(Codec):
    def __init__(self, remote):
        super().__init__()
        self.remote = remote
        self.objects = {}  # cid -> checker object
        self.cid_of = {}  # id(object) -> cid
        self.proxies = {}  # handle -> proxy (one per student object, so `is` works)
        self.classes = {}  # handle -> exception class stand-in
        self.record_types: dict[type, bool] = {}
        self.names_library_functions = True

    def cid(self, obj) -> int:
        key = id(obj)
        if key not in self.cid_of or self.objects.get(self.cid_of[key]) is not obj:
            number = len(self.objects) + 1
            self.objects[number] = obj
            self.cid_of[key] = number
        return self.cid_of[key]

    def record_id(self, obj):
        kind = type(obj)
        plain = self.record_types.get(kind)
        if plain is None:
            own = {k for k, v in vars(kind).items()
                   if callable(v) or isinstance(v, staticmethod | classmethod | property)}
            plain = (str(getattr(kind, "__module__", "")).startswith("checks_") and "__dict__" in dir(kind)
                     and not (own - {"__init__"}))
            self.record_types[kind] = plain
        return self.cid(obj) if plain else None

    def record_object(self, cid, type_name):
        if cid not in self.objects or self.record_id(self.objects[cid]) is None:
            raise ChannelError("a record the checker never sent")
        return self.objects[cid]

    def ref_of(self, obj):
        kind = type(obj)
        if kind is int or kind is tuple or kind is list or kind is dict or kind is np_ndarray:
            return None
        handle = getattr(obj, "_cg_handle", None) if isinstance(obj, StudentObject | BaseException | type) else None
        if handle is not None and self.proxies.get(handle, self.classes.get(handle)) is obj:
            return {"$": "handle", "id": handle}
        return None

    def tag_of(self, obj):
        return self.cid(obj)

    def encode_other(self, obj):
        kind = type(obj)
        dunders = [d for d in DUNDERS if d != "__call__" and getattr(kind, d, None) is not None]
        return {"$": "cobj", "id": self.cid(obj), "type": safe_name(kind.__name__, "object"),
                "callable": callable(obj), "dunders": dunders}

    def encode_exception(self, exc):
        try:
            args = self.encode(list(exc.args))
        except BaseException:
            args = None
        try:
            message = str(exc)[:2000]
        except Exception:
            message = ""
        return {"$": "exc", "cid": self.cid(exc), "name": safe_name(type(exc).__name__, "Exception"),
                "builtin": builtin_exception_base(type(exc)).__name__, "args": args, "message": message}

    def decode(self, node, depth: int = 0):
        if type(node) is dict and node.get("$") == "func":
            raise ChannelError("the submission sent a library function by name; only the checker may")
        return super().decode(node, depth)

    def decode_ref(self, node):
        number = node.get("id")
        if node["$"] == "cref":
            if number not in self.objects:
                raise ChannelError("a reference to an object the checker never sent")
            return self.objects[number]
        if node["$"] == "handle":
            if type(number) is not int:
                raise ChannelError("bad handle")
            if "exc_class" in node:
                return self.exception_class(node["exc_class"])
            if number not in self.proxies:
                proxy = object.__new__(StudentObject)
                proxy._cg_handle = number
                proxy._cg_remote = self.remote
                proxy._cg_type = safe_name(node.get("type"), "object")
                self.proxies[number] = proxy
            return self.proxies[number]
        raise ChannelError("unexpected reference")

    def exception_class(self, info):
        if type(info) is not dict:
            raise ChannelError("bad exception class")
        builtin = getattr(builtins, str(info.get("builtin")), None)
        if not (isinstance(builtin, type) and issubclass(builtin, BaseException)):
            builtin = Exception
        handle = info.get("h")
        if handle is None:
            return builtin
        if type(handle) is not int:
            raise ChannelError("bad exception class")
        if handle not in self.classes:
            base = self.exception_class(info["base"]) if info.get("base") else builtin
            name = safe_name(str(info.get("name")).rsplit(".", 1)[-1], "StudentError")
            cls = StudentExceptionType(name, (base,), {"__module__": "submission", "__getattr__": _exception_getattr,
                                                       "_cg_type_name": name})
            type.__setattr__(cls, "_cg_handle", handle)
            type.__setattr__(cls, "_cg_remote", self.remote)
            self.classes[handle] = cls
        return self.classes[handle]

    def decode_exception(self, node):
        handle = node.get("handle")
        if type(handle) is int and handle in self.proxies:
            return self.proxies[handle]
        cls = self.exception_class(node.get("class"))
        message = node.get("message") if type(node.get("message")) is str else ""
        try:
            args = self.decode(node.get("args"))
            args = tuple(args) if type(args) is list else (message,)
        except ChannelError:
            args = (message,)
        try:
            exc = cls(*args) if cls.__module__ == "builtins" else cls.__new__(cls)
        except Exception:
            exc = cls.__new__(cls)
        exc.args = args
        if cls.__module__ != "builtins":
            exc.__dict__["_cg_handle"] = handle
            exc.__dict__["_cg_remote"] = self.remote
        if type(node.get("where")) is str:
            exc.__dict__["_cg_where"] = node["where"][:200]
        if node.get("cause") is not None:
            cause = self.decode(node["cause"])
            if isinstance(cause, BaseException):
                exc.__cause__ = cause
        if type(handle) is int:
            self.proxies[handle] = exc
        return exc

    def apply_after(self, changes):
        if type(changes) is not list:
            raise ChannelError("bad update list")
        for entry in changes:
            if type(entry) is list and len(entry) == 2 and entry[0] == 0:  # records: decoding updates them
                self.decode(entry[1])
                continue
            if type(entry) is not list or len(entry) != 2 or entry[0] not in self.objects:
                raise ChannelError("bad update")
            target = self.objects[entry[0]]
            update_in_place(target, self.decode(entry[1]))


class Remote:
    """The checker's end of one worker's channel."""

    def __init__(self, requests_fd: int, replies_fd: int):
        self.requests_fd, self.replies_fd = requests_fd, replies_fd
        self.codec = CheckerCodec(self)
        self.sequence = 0
        self.deadline: float | None = None
        self.broken: ChannelError | None = None
        self.timeout_s = 10.0

    def _args(self, args, kwargs):
        packed = self.codec.pack((tuple(args), {str(k): v for k, v in kwargs.items()}))
        return packed, None

    def call(self, handle, args, kwargs):
        packed, _ = self._args(args, kwargs)
        return self._exchange({"op": "call", "h": handle, "call": packed})

    def request(self, op, **fields):
        message = {"op": op}
        for key, value in fields.items():
            message[key] = value if key in ("h", "name", "names", "seed") else self.codec.pack(value)
        return self._exchange(message)

    def _exchange(self, message):
        if self.broken is not None:
            raise type(self.broken)(str(self.broken))
        self.sequence += 1
        number = self.sequence
        message["id"] = number
        raised = None
        try:
            send_frame(self.requests_fd, message)
            while True:
                reply = recv_frame(self.replies_fd, self.deadline)
                if type(reply) is not dict:
                    raise ChannelError("the answer is not a message")
                if "cb" in reply:
                    self._serve_callback(reply)
                    continue
                if reply.get("reply_to") != number:
                    raise ChannelError("an answer to a question that was not asked")
                if "error" in reply:
                    error = ChannelError(str(reply["error"])[:400])
                    error.keep_channel = True
                    raise error
                self.codec.apply_after(reply.get("after", []))
                if "missing" in reply:
                    return self.codec.decode(reply.get("ok")), reply["missing"]
                if "raise" in reply:
                    exc = self.codec.decode(reply["raise"])
                    if not isinstance(exc, BaseException):
                        raise ChannelError("the submission raised something that is not an exception")
                    raised = exc
                    break
                return self.codec.decode(reply.get("ok"))
        except ChannelTimeout:
            self.broken = ChannelTimeout(f"took longer than {self.timeout_s:g} s and was stopped: is there an "
                                         "endless loop or a very slow step?")
            raise self.broken from None
        except ChannelClosed:
            self.broken = ChannelClosed("the submission's Python stopped during this check (e.g. os._exit() or a "
                                        "crash); no result, so no points.")
            raise self.broken from None
        except ChannelError as error:
            if not getattr(error, "keep_channel", False):
                self.broken = ChannelError(f"the submission's answer could not be used: {error}")
                raise self.broken from None
            raise
        except (OSError, RecursionError, MemoryError) as error:
            self.broken = ChannelClosed(f"the channel to the submission failed ({type(error).__name__})")
            raise self.broken from None
        raise raised  # outside the try: the student's exception is not a channel failure

    def _serve_callback(self, message):
        number = message.get("cb")
        reply = {"cb_reply": number}
        try:
            target = self.codec.objects.get(message.get("cid"))
            name = message.get("name")
            if target is None or type(name) is not str:
                raise ChannelError("a call to an unknown checker object")
            op = message.get("op")
            if op == "getattr":
                if name.startswith("_"):
                    raise AttributeError(f"the checker's object has no attribute {name!r} for you")
                value = getattr(target, name)
                # Data and the object's own methods only: never a module, class or other function through
                # which the submission could make the checker run something else.
                if isinstance(value, types.ModuleType | type) or (
                        callable(value) and getattr(value, "__self__", None) is not target):
                    raise AttributeError(f"the checker's object has no attribute {name!r} for you")
            elif op == "setattr":
                if name.startswith("_"):
                    raise AttributeError(f"cannot set {name!r} on the checker's object")
                args = self.codec.decode(message.get("args"))
                if type(args) is not list or len(args) != 1:
                    raise ChannelError("bad setattr")
                setattr(target, name, args[0])
                value = None
            elif op == "method":
                if name.startswith("_") and name not in DUNDERS:
                    raise AttributeError(name)
                args = self.codec.decode(message.get("args"))
                kwargs = self.codec.decode(message.get("kwargs"))
                if type(args) is not list or type(kwargs) is not dict:
                    raise ChannelError("bad call")
                value = target(*args, **kwargs) if name == "__call__" else getattr(target, name)(*args, **kwargs)
            else:
                raise ChannelError("unknown callback")
            reply["ok"] = self.codec.pack(value)
        except ChannelError:
            raise
        except BaseException as exc:
            reply = {"cb_reply": number, "raise": self.codec.pack(exc)}
        send_frame(self.requests_fd, reply)


# The job loop --------------------------------------------------------------------------------------------

_compiled: dict[str, types.CodeType] = {}


def load_module(name: str, source: str) -> types.ModuleType:
    key = hashlib.sha256((name + "\0" + source).encode()).hexdigest()
    if key not in _compiled:
        _compiled[key] = compile(source, f"<{name}>", "exec")
    module = types.ModuleType("checks_" + key[:12])
    module.__file__ = f"<{name}>"
    module.__dict__["__builtins__"] = helpers.checks_builtins()
    exec(_compiled[key], module.__dict__)
    return module


def explain(error: BaseException, timeout_s: float) -> tuple[str, str]:
    if isinstance(error, ChannelTimeout):
        return "timeout", str(error)
    if isinstance(error, ChannelClosed):
        return "error", str(error)
    return "fail", str(error)


def run_job(job: dict, remote: Remote, report) -> None:
    modules = {name: load_module(name, source) for name, source in job["modules"]}
    for k in range(int(job["start"]), len(job["checks"])):
        spec = job["checks"][k]
        report({"event": "check_start", "k": k})
        timeout = float(spec["timeout"])
        remote.timeout_s = timeout
        remote.deadline = time.monotonic() + timeout
        function = getattr(modules[spec["module"]], spec["function"])
        names = list(inspect.signature(function).parameters)
        try:
            found, missing = remote.request("lookup", names=names)
            if missing:
                hint = job.get("missing_hint") or ""
                status, reason = "fail", (f"`{missing[0]}` is not defined: run the cell that defines it (and check the"
                                          " spelling)." + (f" {hint}" if hint else ""))
            else:
                remote.request("seed", seed=spec.get("seed"))
                status, reason = helpers.run_check(function, found, seed=spec.get("seed"))
        except ChannelError as error:
            status, reason = explain(error, timeout)
        report({"event": "check_end", "k": k, "status": status, "reason": reason[:1000]})
        if remote.broken is not None:
            report({"event": "lost", "k": k})
            return
    report({"event": "done"})


def main(argv: list[str]) -> int:
    import signal

    with contextlib.suppress(AttributeError, OSError):
        signal.pthread_sigmask(signal.SIG_SETMASK, set())
    control = socket.socket(fileno=int(argv[0]))
    home = os.getcwd()

    def report(event: dict) -> None:
        control.sendall((json.dumps(event) + "\n").encode("utf-8"))

    while True:
        try:
            message, fds, _flags, _addr = socket.recv_fds(control, 1 << 22, 4)
        except OSError:
            return 0
        if not message:
            return 0
        buffer = message
        while not buffer.endswith(b"\n"):
            more = control.recv(1 << 22)
            if not more:
                return 0
            buffer += more
        job = json.loads(buffer.decode("utf-8"))
        if job.get("op") == "quit":
            return 0
        requests_fd, replies_fd = fds[:2]
        work = job.get("work")
        try:
            if work:
                os.chdir(work)
                tempfile.tempdir = work
            remote = Remote(requests_fd, replies_fd)
            run_job(job, remote, report)
        except Exception as error:  # an instructor's check that cannot even load
            report({"event": "crash", "reason": f"{type(error).__name__}: {error}"[:1000]})
        finally:
            for fd in fds:
                with contextlib.suppress(OSError):
                    os.close(fd)
            os.chdir(home)
            tempfile.tempdir = None
            random.seed()


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
