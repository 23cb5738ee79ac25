"""Run one submission: its cells in an untrusted worker, its checks in the trusted checker.

:func:`run_submission` is the one entry point (``grade`` and ``validate`` use it):

- a fresh private folder per submission (``coursegrader-*`` under the system's temporary folder, mode 0700)
  holding a work folder with a copy of the notebook; it is removed afterwards, whatever happened;
- the worker (:mod:`coursegrader.worker`, sent as source on stdin) runs under bubblewrap when isolation is on
  (:mod:`coursegrader.isolation`), else as a plain child in its own session; in both cases with resource
  limits, a cleaned environment, stdin closed and output capped at 64 KB;
- time limits per cell (the worker reports when a cell starts and ends) and a hard kill; a cell that hangs or
  kills its process is skipped and the notebook run again without it, so later cells and checks still run;
- the checks run in a persistent checker process per grading thread (:mod:`coursegrader.checker`), which gets
  the worker's channel as two file descriptors and reports verdicts on its own socket; a check whose
  student call times out or kills the worker is recorded and the worker restarted for the next check;
- the work folder is watched: more than ``work_mb`` MB written stops the submission;
- failing closed: a check that gets no verdict scores 0 with a reason.
"""

from __future__ import annotations

import json
import os
import queue
import secrets
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import suppress
from dataclasses import dataclass, field
from pathlib import Path

from coursegrader import isolation
from coursegrader.channel import loads_bounded

try:
    import resource as _resource
except ImportError:  # Windows
    _resource = None

PACKAGE_DIR = Path(__file__).resolve().parent
BOOTSTRAP = (
    "import sys, json, types\n"
    "JOB = json.loads(sys.stdin.buffer.read().decode('utf-8'))\n"
    "channel = types.ModuleType('coursegrader_channel')\n"
    "exec(compile(JOB['channel'], '<coursegrader-channel>', 'exec'), channel.__dict__)\n"
    "exec(compile(JOB['worker'], '<coursegrader-worker>', 'exec'),\n"
    "     {'__name__': '__coursegrader_worker__', 'JOB': JOB, 'channel': channel})\n"
)
_warned: set[str] = set()
_warn_lock = threading.Lock()


@dataclass(frozen=True)
class Limits:
    """Limits for one submission. Times are wall-clock seconds unless said otherwise."""

    cell_timeout_s: float = 10.0
    check_timeout_s: float | None = None  # None: each check's own (meta.yaml timeout_s)
    total_timeout_s: float = 120.0  # the hard limit for a whole submission, restarts included
    startup_timeout_s: float = 30.0
    memory_mb: int = 2048
    file_size_mb: int = 16
    work_mb: int = 256  # everything written into the work folder
    tmp_mb: int = 64  # the sandbox's private /tmp (isolated only)
    processes: int = 64
    output_bytes: int = 65536
    isolate: bool = True


@dataclass(frozen=True)
class CheckJob:
    """One check to run: ``function`` from checks module ``module`` (sent as source to the checker)."""

    module: str
    function: str
    timeout_s: float
    seed: int | None = None


@dataclass
class SandboxResult:
    results: list[tuple[str, str]]  # (status, reason) per check: pass, fail, timeout, error
    cell_errors: list[str] = field(default_factory=list)
    output: str = ""
    notes: list[str] = field(default_factory=list)
    attempts: int = 0


def _warn_once(message: str) -> None:
    with _warn_lock:
        if message not in _warned:
            _warned.add(message)
            print(f"coursegrader: warning: {message}", file=sys.stderr, flush=True)


class _CappedBuffer:
    def __init__(self, limit: int):
        self.limit, self.parts, self.size, self.truncated = limit, [], 0, False
        self.lock = threading.Lock()

    def add(self, data: bytes) -> None:
        with self.lock:
            room = self.limit - self.size
            if room > 0:
                piece = data[:room]
                self.parts.append(piece)
                self.size += len(piece)
            if len(data) > max(room, 0):
                self.truncated = True

    def text(self) -> str:
        with self.lock:
            text = b"".join(self.parts).decode("utf-8", errors="replace")
            if self.truncated and "[output truncated]" not in text[-40:]:
                text += "\n[output truncated]\n"
            return text


# The checker process, one per grading thread ---------------------------------------------------------------

_worker_pids: set[int] = set()  # workers alive now
started_pids: set[int] = set()  # every worker ever started (the signal guard ignores their signals)


class Checker:
    """A persistent ``python -m coursegrader.checker`` child and its control socket."""

    def __init__(self):
        self.proc: subprocess.Popen | None = None
        self.sock: socket.socket | None = None
        self.buffer = b""

    def start(self) -> None:
        ours, theirs = socket.socketpair()
        env = dict(os.environ)
        env["PYTHONPATH"] = os.pathsep.join([str(PACKAGE_DIR.parent), env.get("PYTHONPATH", "")]).rstrip(os.pathsep)
        self.proc = subprocess.Popen([sys.executable, "-m", "coursegrader.checker", str(theirs.fileno())],
                                     pass_fds=[theirs.fileno()], stdin=subprocess.DEVNULL, env=env,
                                     start_new_session=True)
        theirs.close()
        self.sock, self.buffer = ours, b""

    def alive(self) -> bool:
        return self.proc is not None and self.proc.poll() is None

    def send(self, job: dict, fds: list[int]) -> None:
        if not self.alive():
            self.start()
        data = (json.dumps(job) + "\n").encode("utf-8")
        socket.send_fds(self.sock, [data[:65536]], fds)
        if len(data) > 65536:
            self.sock.sendall(data[65536:])

    def receive(self, deadline: float) -> dict | None:
        """The next event, or None at the deadline or when the checker died."""
        while b"\n" not in self.buffer:
            left = deadline - time.monotonic()
            if left <= 0:
                return None
            self.sock.settimeout(left)
            try:
                chunk = self.sock.recv(65536)
            except (TimeoutError, OSError):
                return None
            if not chunk:
                return None
            self.buffer += chunk
        line, self.buffer = self.buffer.split(b"\n", 1)
        return json.loads(line)

    def kill(self) -> None:
        if self.proc is not None:
            with suppress(OSError):
                os.killpg(self.proc.pid, signal.SIGKILL)
            with suppress(OSError, subprocess.TimeoutExpired):
                self.proc.wait(timeout=10)
        if self.sock is not None:
            self.sock.close()
        self.proc, self.sock = None, None


_local = threading.local()
_all_checkers: list[Checker] = []


def _checker() -> Checker:
    if getattr(_local, "checker", None) is None:
        _local.checker = Checker()
        _all_checkers.append(_local.checker)
    return _local.checker


def close_checkers() -> None:
    for checker in _all_checkers:
        checker.kill()


# The work folder -------------------------------------------------------------------------------------------


def _folder_size(path: Path, cap: int) -> int:
    total, stack = 0, [str(path)]
    while stack and total <= cap:
        try:
            with os.scandir(stack.pop()) as entries:
                for entry in entries:
                    try:
                        if entry.is_dir(follow_symlinks=False):
                            stack.append(entry.path)
                        else:
                            total += entry.stat(follow_symlinks=False).st_blocks * 512
                    except OSError:
                        continue
        except OSError:
            continue
    return total


def _child_env(work: Path) -> dict[str, str]:
    env = {
        "PATH": os.defpath, "HOME": str(work), "TMPDIR": str(work), "LANG": "C.UTF-8", "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0", "PYTHONIOENCODING": "utf-8", "PYTHONDONTWRITEBYTECODE": "1",
        "OMP_NUM_THREADS": "1", "OPENBLAS_NUM_THREADS": "1", "MKL_NUM_THREADS": "1", "NUMEXPR_NUM_THREADS": "1",
        "MPLBACKEND": "Agg", "MPLCONFIGDIR": str(work),
    }
    if os.name == "nt":
        for key in ("SYSTEMROOT", "WINDIR", "COMSPEC"):
            if key in os.environ:
                env[key] = os.environ[key]
    return env


def _kill(proc: subprocess.Popen) -> None:
    if hasattr(os, "killpg"):
        with suppress(OSError):
            os.killpg(proc.pid, signal.SIGKILL)
    with suppress(OSError):
        proc.kill()
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)
    _worker_pids.discard(proc.pid)


def _exit_text(code: int | None) -> str:
    if code is None:
        return "it did not stop"
    if code < 0:
        try:
            name = signal.Signals(-code).name
        except ValueError:
            name = f"signal {-code}"
        meaning = {"SIGXCPU": "CPU time limit", "SIGKILL": "killed", "SIGSEGV": "crash", "SIGABRT": "abort",
                   "SIGXFSZ": "file size limit"}.get(name, "")
        return f"{name}{' - ' + meaning if meaning else ''}"
    return f"exit code {code}, e.g. os._exit() or a crash"


def effective_timeout(check: CheckJob, limits: Limits) -> float:
    return limits.check_timeout_s if limits.check_timeout_s is not None else check.timeout_s


def _send(stream, data: bytes) -> None:
    try:
        stream.write(data)
    except (BrokenPipeError, OSError, ValueError):
        pass
    finally:
        with suppress(OSError):
            stream.close()


def _pump_output(stream, buffer: _CappedBuffer) -> None:
    try:
        while True:
            chunk = stream.read1(65536) if hasattr(stream, "read1") else stream.read(65536)
            if not chunk:
                break
            buffer.add(chunk)
    except (OSError, ValueError):
        pass


def _pump_events(fd: int, events: queue.Queue) -> None:
    """Worker events: JSON lines, read with a bound on their size and depth (the worker is untrusted)."""
    pending = b""
    try:
        while True:
            chunk = os.read(fd, 65536)
            if not chunk:
                break
            pending += chunk
            while b"\n" in pending:
                line, pending = pending.split(b"\n", 1)
                try:
                    event = loads_bounded(line, max_bytes=1 << 16, max_depth=4)
                except ValueError:
                    continue
                if isinstance(event, dict):
                    events.put(event)
            if len(pending) > 1 << 16:
                pending = b""
    except OSError:
        pass
    finally:
        events.put(None)
        with suppress(OSError):
            os.close(fd)


def run_submission(cells: Sequence[tuple[int, int, str]], modules: Sequence[tuple[str, str]],
                   checks: Sequence[CheckJob], *, limits: Limits | None = None, seed: int | None = None,
                   filename: str = "submission.ipynb", content: bytes = b"") -> SandboxResult:
    """Run ``cells`` ((index, notebook cell number, source)) in a worker, then ``checks`` in the checker.

    ``modules`` are (name, source) of the checks files; they go to the checker only."""
    limits = limits or Limits()
    if limits.isolate and not isolation.probe().available:
        raise RuntimeError(f"cannot isolate student code: {isolation.probe().reason}")
    if _resource is None:
        _warn_once("this platform has no `resource` module: memory, CPU and file-size limits are not"
                   " applied; the time limits still are.")
    results: list[tuple[str, str] | None] = [None] * len(checks)
    cell_errors: dict[int, str] = {}
    notes: list[str] = []
    skip: set[int] = set()
    start, stalls, attempts = 0, 0, 0
    output = _CappedBuffer(limits.output_bytes)
    total_deadline = time.monotonic() + limits.total_timeout_s
    sources = {"worker": (PACKAGE_DIR / "worker.py").read_text(encoding="utf-8"),
               "channel": (PACKAGE_DIR / "channel.py").read_text(encoding="utf-8")}
    number_of = {index: number for index, number, _ in cells}
    _sweep_stale_folders()
    base = Path(tempfile.mkdtemp(prefix="coursegrader-"))
    try:
        (base / "owner").write_text(str(os.getpid()))
        work = base / "work"
        work.mkdir(mode=0o700)
        (work / (Path(filename).name or "submission.ipynb")).write_bytes(content)
        while True:
            if time.monotonic() >= total_deadline:
                notes.append(f"stopped: the submission used up the total time limit of {limits.total_timeout_s:g} s")
                break
            attempts += 1
            if attempts > 1:
                output.add(b"\n[grader: the notebook was run again from the start]\n")
            state = {"skip": skip, "start": start}
            phase, finished, exit_text = _attempt(state, sources, cells, modules, checks, limits, seed, work,
                                                  results, cell_errors, output, total_deadline, notes)
            if finished:
                break
            kind, which, timed_out = phase
            if kind == "cell":
                skip.add(which)
                number = number_of.get(which, which + 1)
                if timed_out:
                    cell_errors[which] = f"cell {number} took longer than {limits.cell_timeout_s:g} s and was stopped"
                else:
                    cell_errors[which] = f"cell {number} stopped the grader's Python ({exit_text})"
                cell_errors[which] += "; it was skipped and the notebook run again without it"
                stalls = 0
            elif kind == "check":
                if results[which] is None:
                    if timed_out:
                        seconds = effective_timeout(checks[which], limits)
                        results[which] = ("timeout", f"took longer than {seconds:g} s and was stopped: is there"
                                          " an endless loop or a very slow step?")
                    else:
                        results[which] = ("error", "the grader's Python stopped during this check"
                                          f" ({exit_text}); no result, so no points.")
                start = which + 1
                stalls = 0
            elif kind == "stop":
                break
            else:
                stalls += 1
                what = "timed out" if timed_out else f"stopped ({exit_text})"
                notes.append(f"the grader's Python {what} outside any cell or check")
                if stalls >= 2:
                    break
            if start >= len(checks) and all(r is not None for r in results):
                break
    finally:
        shutil.rmtree(base, ignore_errors=True)
    reason = "no result: the check did not report (the grader fails closed)"
    if notes:
        reason = f"no result: {notes[-1]}"
    final = [r if r is not None else ("error", reason) for r in results]
    return SandboxResult(final, [cell_errors[i] for i in sorted(cell_errors)], output.text(), notes, attempts)


_swept = threading.Event()


def _sweep_stale_folders() -> None:
    """Remove the private folders of graders that were killed (their owner process is gone); once a run."""
    if _swept.is_set():
        return
    _swept.set()
    for folder in Path(tempfile.gettempdir()).glob("coursegrader-*"):
        try:
            if folder.stat().st_uid != os.getuid():
                continue
            pid = int((folder / "owner").read_text())
            os.kill(pid, 0)
        except ProcessLookupError:
            shutil.rmtree(folder, ignore_errors=True)
        except (OSError, ValueError):
            continue


def _job_limits(limits: Limits) -> dict | None:
    if _resource is None:
        return None
    processes = None
    if limits.isolate:
        processes = limits.processes
    elif hasattr(os, "geteuid") and os.geteuid() != 0:
        processes = None  # RLIMIT_NPROC counts all of the user's processes: not usable without isolation
    return {"memory_bytes": limits.memory_mb * 1024 * 1024, "cpu_s": int(limits.total_timeout_s) + 1,
            "file_bytes": limits.file_size_mb * 1024 * 1024, "processes": processes}


def _attempt(state, sources, cells, modules, checks, limits, seed, work, results, cell_errors, output,
             total_deadline, notes):
    """One worker process. Returns ((phase kind, index, timed_out), finished, exit text)."""
    events_r, events_w = os.pipe()
    requests_r, requests_w = os.pipe()
    replies_r, replies_w = os.pipe()
    worker_fds = [events_w, requests_r, replies_w]
    argv = [sys.executable, "-s", "-B", "-c", BOOTSTRAP]
    env = _child_env(work)
    if limits.isolate:
        argv = isolation.worker_command(work, env, argv, limits.tmp_mb)
    proc = subprocess.Popen(argv, stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE, cwd=work,
                            env=env, start_new_session=True, pass_fds=worker_fds)
    _worker_pids.add(proc.pid)
    started_pids.add(proc.pid)
    for fd in worker_fds:
        os.close(fd)
    events: queue.Queue = queue.Queue()
    pumps = [threading.Thread(target=_pump_output, args=(proc.stdout, output), daemon=True),
             threading.Thread(target=_pump_output, args=(proc.stderr, output), daemon=True),
             threading.Thread(target=_pump_events, args=(events_r, events), daemon=True)]
    for pump in pumps:
        pump.start()
    stop = threading.Event()
    overflow = []

    def watch() -> None:
        cap = limits.work_mb * 1024 * 1024
        while not stop.wait(0.2):
            if _folder_size(work, cap) > cap:
                overflow.append(True)
                with suppress(OSError):
                    os.killpg(proc.pid, signal.SIGKILL)
                return

    threading.Thread(target=watch, daemon=True).start()
    phase = ("startup", None)
    deadline = time.monotonic() + limits.startup_timeout_s
    finished = timed_out = False
    checker = _checker()
    job = {"worker": sources["worker"], "channel": sources["channel"], "cells": [list(c) for c in cells],
           "skip": sorted(state["skip"]), "seed": seed, "limits": _job_limits(limits),
           "output_limit": max(0, limits.output_bytes - output.size),
           "fds": {"events": events_w, "requests": requests_r, "replies": replies_w}}
    try:
        threading.Thread(target=_send, args=(proc.stdin, json.dumps(job).encode("utf-8")), daemon=True).start()
        ready = False
        while not ready:
            wait = min(deadline, total_deadline) - time.monotonic()
            if wait <= 0:
                timed_out = True
                break
            try:
                event = events.get(timeout=wait)
            except queue.Empty:
                timed_out = True
                break
            if event is None:
                break
            kind = event.get("event")
            if kind == "cell_start" and type(event.get("i")) is int:
                phase = ("cell", event["i"])
                deadline = time.monotonic() + limits.cell_timeout_s
            elif kind == "cell_end" and phase == ("cell", event.get("i")):
                if event.get("error"):
                    cell_errors.setdefault(phase[1], str(event["error"])[:400])
                phase = ("between", None)
                deadline = time.monotonic() + limits.startup_timeout_s
            elif kind == "ready":
                ready = True
        if ready:
            phase, finished, timed_out = _run_checks(checker, state, modules, checks, limits, work, results,
                                                     cell_errors, total_deadline, requests_w, replies_r)
    finally:
        stop.set()
        _kill(proc)
        for fd in (requests_w, replies_r):
            with suppress(OSError):
                os.close(fd)
        for pump in pumps:
            pump.join(timeout=2)
        for stream in (proc.stdout, proc.stderr):
            with suppress(OSError):
                stream.close()
    if overflow:
        notes.append(f"stopped: the submission wrote more than {limits.work_mb} MB into its folder")
        return ("stop", None, False), False, "killed"
    return (phase[0], phase[1], timed_out), finished, _exit_text(proc.returncode)


def _run_checks(checker, state, modules, checks, limits, work, results, cell_errors, total_deadline, requests_w,
                replies_r):
    start = state["start"]
    if start >= len(checks):
        return ("between", None), True, False
    hint = f"Note: {cell_errors[min(cell_errors)]}." if cell_errors else ""
    job = {"op": "run", "modules": [list(m) for m in modules], "start": start, "missing_hint": hint,
           "work": str(work), "token": secrets.token_hex(4),
           "checks": [{"module": c.module, "function": c.function, "seed": c.seed,
                       "timeout": effective_timeout(c, limits)} for c in checks]}
    try:
        checker.send(job, [requests_w, replies_r])
    except OSError:
        checker.kill()
        checker.send(job, [requests_w, replies_r])
    phase = ("between", None)
    deadline = time.monotonic() + limits.startup_timeout_s
    while True:
        event = checker.receive(min(deadline, total_deadline))
        if event is None:  # the checker is stuck (a check's own code) or died: it is replaced
            checker.kill()
            return phase, False, True
        kind = event.get("event")
        if kind == "check_start":
            phase = ("check", event["k"])
            deadline = time.monotonic() + effective_timeout(checks[event["k"]], limits) + 5.0
        elif kind == "check_end":
            results[event["k"]] = (event["status"], event["reason"])
            phase = ("between", None)
            deadline = time.monotonic() + limits.startup_timeout_s
        elif kind == "lost":
            return ("check", event["k"]), False, False
        elif kind == "done":
            return phase, True, False
        elif kind == "crash":
            for k in range(start, len(checks)):
                if results[k] is None:
                    results[k] = ("error", f"the check could not run: {event.get('reason')}")
            return phase, True, False
