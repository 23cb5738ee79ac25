"""Run untrusted notebook code and checks in a child process, and never let it stop the grader.

One call of :func:`run_sandboxed` grades one submission's code cells against a list of checks:

- a fresh child Python per attempt, in its own process group (``start_new_session``), in a temporary
  working directory that holds only the submission, with a cleaned environment and stdin closed;
- resource limits (address space, CPU time, file size, processes, no core files) where ``resource`` exists;
  when the grader runs as root, the child also drops to an unused user id, so it cannot write the
  instructor's files or signal other processes, and anything it leaves running is killed afterwards;
- the job (check helpers, public and hidden checks, the cells) goes down a pipe, never onto the child's disk;
- results come back on a private channel, one JSON line per event, each tagged with a random per-run
  token; printing a fake result does nothing;
- a time limit per cell and per check, then a hard kill of the process group; a cell that hangs or
  crashes the process is skipped and the child restarted, so later cells, checks and exercises are
  still graded; a total limit per submission bounds everything;
- output capped at 64 KB with ``[output truncated]``;
- failing closed: a check that did not report a result scores 0 with a reason.

It is a guard against accidents and casual cheating, not a security boundary against a determined
attacker (see the instructors' guide): grade in a container or VM when that matters.
"""

from __future__ import annotations

import json
import os
import queue
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from contextlib import contextmanager, suppress
from dataclasses import dataclass, field
from pathlib import Path

try:
    import resource as _resource
except ImportError:  # Windows
    _resource = None

PACKAGE_DIR = Path(__file__).resolve().parent
BOOTSTRAP = (
    "import sys, json\n"
    "JOB = json.loads(sys.stdin.buffer.read().decode('utf-8'))\n"
    "exec(compile(JOB['runner'], '<exercises-sandbox>', 'exec'),\n"
    "     {'__name__': '__exercises_sandbox__', 'JOB': JOB})\n"
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
    processes: int = 64
    output_bytes: int = 65536
    drop_privileges: bool = True


@dataclass(frozen=True)
class CheckJob:
    """One check to run: ``function`` from checks module ``module`` (sent as source)."""

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
    """Print ``message`` once per process (a batch of 30 submissions warns once, not 30 times)."""
    with _warn_lock:
        if message not in _warned:
            _warned.add(message)
            print(f"exercises: warning: {message}", file=sys.stderr, flush=True)


def resource_limits_available() -> bool:
    return _resource is not None


class _CappedBuffer:
    def __init__(self, limit: int):
        self.limit = limit
        self.parts: list[bytes] = []
        self.size = 0
        self.truncated = False
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


# Unprivileged user ids for children when the grader runs as root -------------------------------------

_uid_lock = threading.Lock()
_uids_in_use: set[int] = set()
UID_BASE = 61000


def _uid_is_free(uid: int) -> bool:
    try:
        import pwd

        pwd.getpwuid(uid)
        return False
    except (KeyError, ImportError):
        return not _processes_of(uid)


_probe: dict[str, bool] = {}


def _can_run_as(uid: int) -> bool:
    """Whether a child started as ``uid`` can run Python and import NumPy (tried once per process).

    It cannot when the interpreter lives somewhere other users may not read (e.g. under /root)."""
    with _uid_lock:
        if sys.executable not in _probe:
            try:
                done = subprocess.run([sys.executable, "-s", "-B", "-c", "import inspect, json, numpy"],
                                      user=uid, group=uid, extra_groups=[], cwd="/",
                                      env=_child_env(Path("/")), stdin=subprocess.DEVNULL,
                                      capture_output=True, timeout=60)
                _probe[sys.executable] = done.returncode == 0
            except (OSError, subprocess.SubprocessError):
                _probe[sys.executable] = False
        return _probe[sys.executable]


@contextmanager
def _child_user(limits: Limits):
    """An unused uid for this child when we are root (and may drop privileges), else None."""
    if not (limits.drop_privileges and hasattr(os, "geteuid") and os.geteuid() == 0):
        yield None
        return
    with _uid_lock:
        uid = next(u for u in range(UID_BASE, UID_BASE + 4000) if u not in _uids_in_use and _uid_is_free(u))
        _uids_in_use.add(uid)
    try:
        if not _can_run_as(uid):
            _warn_once(f"running as root, but a child cannot run Python ({sys.executable}) as an unprivileged"
                       " user (is the interpreter in a folder others cannot read?), so student code runs as"
                       " root. Grade as a normal user or in a container.")
            yield None
        else:
            yield uid
    finally:
        _kill_user(uid)
        with _uid_lock:
            _uids_in_use.discard(uid)


def _processes_of(uid: int) -> list[int]:
    """Pids owned by ``uid`` (Linux /proc; elsewhere an empty list)."""
    pids = []
    proc = Path("/proc")
    if not proc.is_dir():
        return pids
    for entry in proc.iterdir():
        if entry.name.isdigit():
            try:
                if entry.stat().st_uid == uid:
                    pids.append(int(entry.name))
            except OSError:
                continue
    return pids


def _kill_user(uid: int) -> None:
    for _ in range(3):
        pids = _processes_of(uid)
        if not pids:
            return
        for pid in pids:
            with suppress(OSError):
                os.kill(pid, signal.SIGKILL)
        time.sleep(0.05)


def _own_task_count() -> int | None:
    """Threads the current user runs now (RLIMIT_NPROC counts them all), or None when unknown."""
    proc = Path("/proc")
    if not proc.is_dir() or not hasattr(os, "getuid"):
        return None
    uid, total = os.getuid(), 0
    for entry in proc.iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("Uid", "").split()[:1] == [str(uid)]:
            total += int(fields.get("Threads", "1").strip() or 1)
    return total


# The working directory ---------------------------------------------------------------------------------

@contextmanager
def _workdir(filename: str, content: bytes, uid: int | None):
    """A fresh directory holding only the submission. Its parent is not listable by the child."""
    parent = Path(tempfile.mkdtemp(prefix="exercises-sandbox-"))
    try:
        work = Path(tempfile.mkdtemp(prefix="run-", dir=parent))
        target = work / (Path(filename).name or "submission.ipynb")
        target.write_bytes(content)
        if uid is not None:
            os.chown(work, uid, uid)
            os.chown(target, uid, uid)
        os.chmod(parent, 0o311)  # others (and a non-root owner) may pass through but not list it
        yield work
    finally:
        with suppress(OSError):
            os.chmod(parent, 0o700)
        shutil.rmtree(parent, ignore_errors=True)


def _child_env(work: Path) -> dict[str, str]:
    env = {
        "PATH": os.defpath,
        "HOME": str(work),
        "TMPDIR": str(work),
        "LANG": "C.UTF-8",
        "LC_ALL": "C.UTF-8",
        "PYTHONHASHSEED": "0",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONDONTWRITEBYTECODE": "1",
        "OMP_NUM_THREADS": "1",
        "OPENBLAS_NUM_THREADS": "1",
        "MKL_NUM_THREADS": "1",
        "NUMEXPR_NUM_THREADS": "1",
        "MPLBACKEND": "Agg",
        "MPLCONFIGDIR": str(work),
    }
    if os.name == "nt":  # Python needs these to start on Windows
        for key in ("SYSTEMROOT", "WINDIR", "COMSPEC"):
            if key in os.environ:
                env[key] = os.environ[key]
    return env


def _kill(proc: subprocess.Popen) -> None:
    if hasattr(os, "killpg"):
        with suppress(OSError):  # ProcessLookupError, PermissionError: already gone
            os.killpg(proc.pid, signal.SIGKILL)
    with suppress(OSError):
        proc.kill()
    with suppress(subprocess.TimeoutExpired):
        proc.wait(timeout=10)


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
    """A check's time limit: its own, unless the grader was told to use another for every check."""
    return limits.check_timeout_s if limits.check_timeout_s is not None else check.timeout_s


def _send(stream, data: bytes) -> None:
    """Write the job to the child's stdin and close it (in a thread: a stuck child cannot block us)."""
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


def _pump_events(stream, events: queue.Queue, token: str, buffer: _CappedBuffer) -> None:
    try:
        while True:
            line = stream.readline(1 << 20)
            if not line:
                break
            try:
                event = json.loads(line)
            except ValueError:
                event = None
            if isinstance(event, dict) and event.get("token") == token:
                events.put(event)
            else:
                buffer.add(line)  # not ours: treat as output (e.g. a start-up error)
    except (OSError, ValueError):
        pass
    finally:
        events.put(None)


def run_sandboxed(cells: Sequence[tuple[int, int, str]], modules: Sequence[tuple[str, str]],
                  checks: Sequence[CheckJob], *, limits: Limits | None = None, seed: int | None = None,
                  filename: str = "submission.ipynb", content: bytes = b"") -> SandboxResult:
    """Run ``cells`` ((index, notebook cell number, source)) then ``checks`` in a sandboxed child.

    ``modules`` are (name, source) of the checks files; they travel through the child's stdin only.
    """
    limits = limits or Limits()
    if _resource is None:
        _warn_once("this platform has no `resource` module: memory, CPU and file-size limits are not"
                   " applied; the time limits still are.")
    token = secrets.token_hex(16)
    results: list[tuple[str, str] | None] = [None] * len(checks)
    cell_errors: dict[int, str] = {}
    notes: list[str] = []
    skip: set[int] = set()
    start = 0
    stalls = 0
    attempts = 0
    output = _CappedBuffer(limits.output_bytes)
    total_deadline = time.monotonic() + limits.total_timeout_s
    runner_source = (PACKAGE_DIR / "_sandbox.py").read_text(encoding="utf-8")
    helpers_source = (PACKAGE_DIR / "helpers.py").read_text(encoding="utf-8")
    number_of = {index: number for index, number, _ in cells}

    with _child_user(limits) as uid, _workdir(filename, content, uid) as work:
        while True:
            if time.monotonic() >= total_deadline:
                notes.append("stopped: the submission used up the total time limit of "
                             f"{limits.total_timeout_s:g} s")
                break
            attempts += 1
            if attempts > 1:
                output.add(b"\n[grader: the notebook was run again from the start]\n")
            job_limits = None
            if _resource is not None:
                # RLIMIT_NPROC counts every process of the user: a fresh uid has none, an ordinary user
                # has many (so allow for them), and root is not held to it at all.
                processes = None
                if uid is not None:
                    processes = limits.processes
                elif hasattr(os, "geteuid") and os.geteuid() != 0:
                    own = _own_task_count()
                    processes = own + limits.processes if own is not None else None
                job_limits = {
                    "memory_bytes": limits.memory_mb * 1024 * 1024,
                    "cpu_s": int(limits.total_timeout_s) + 1,
                    "file_bytes": limits.file_size_mb * 1024 * 1024,
                    "processes": processes,
                }
            job = {
                "token": token, "runner": runner_source, "helpers": helpers_source,
                "modules": [list(m) for m in modules],
                "checks": [{"module": c.module, "function": c.function, "seed": c.seed} for c in checks],
                "cells": [list(c) for c in cells], "skip": sorted(skip), "start": start, "seed": seed,
                "limits": job_limits, "output_limit": max(0, limits.output_bytes - output.size),
            }
            outcome = _attempt(job, work, limits, checks, results, cell_errors, output, total_deadline, uid)
            phase, finished, exit_text = outcome
            if finished:
                break
            kind, which, timed_out = phase
            if kind == "cell":
                skip.add(which)
                number = number_of.get(which, which + 1)
                if timed_out:
                    limit = limits.cell_timeout_s
                    cell_errors[which] = f"cell {number} took longer than {limit:g} s and was stopped"
                else:
                    cell_errors[which] = f"cell {number} stopped the grader's Python ({exit_text})"
                cell_errors[which] += "; it was skipped and the notebook run again without it"
                stalls = 0
            elif kind == "check":
                if timed_out:
                    seconds = effective_timeout(checks[which], limits)
                    results[which] = ("timeout", f"took longer than {seconds:g} s and was stopped:"
                                      " is there an endless loop or a very slow step?")
                else:
                    results[which] = ("error", f"the grader's Python stopped during this check ({exit_text});"
                                      " no result, so no points.")
                start = which + 1
                stalls = 0
            else:
                stalls += 1
                what = "timed out" if timed_out else f"stopped ({exit_text})"
                notes.append(f"the grader's Python {what} outside any cell or check")
                if stalls >= 2:
                    break
            if start >= len(checks) and all(r is not None for r in results):
                break
    reason = "no result: the check did not report (the grader fails closed)"
    if notes:
        reason = f"no result: {notes[-1]}"
    final = [r if r is not None else ("error", reason) for r in results]
    return SandboxResult(final, [cell_errors[i] for i in sorted(cell_errors)], output.text(), notes, attempts)


def _attempt(job, work, limits, checks, results, cell_errors, output, total_deadline, uid):
    """One child process. Returns ((phase kind, index, timed_out), finished, exit text)."""
    as_user = {"user": uid, "group": uid, "extra_groups": []} if uid is not None else {}
    proc = subprocess.Popen(
        [sys.executable, "-s", "-B", "-c", BOOTSTRAP],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        cwd=work, env=_child_env(work), start_new_session=True, **as_user,
    )
    events: queue.Queue = queue.Queue()
    pumps = [
        threading.Thread(target=_pump_output, args=(proc.stdout, output), daemon=True),
        threading.Thread(target=_pump_events, args=(proc.stderr, events, job["token"], output), daemon=True),
    ]
    for pump in pumps:
        pump.start()
    phase = ("startup", None)
    deadline = time.monotonic() + limits.startup_timeout_s
    finished = False
    timed_out = False
    expected_check = job["start"]
    try:
        payload = json.dumps(job).encode("utf-8")
        threading.Thread(target=_send, args=(proc.stdin, payload), daemon=True).start()
        while True:
            now = time.monotonic()
            wait = min(deadline, total_deadline) - now
            if wait <= 0:
                timed_out = True
                break
            try:
                event = events.get(timeout=wait)
            except queue.Empty:
                timed_out = True
                break
            if event is None:  # the channel closed: the child is gone
                break
            kind = event.get("event")
            if kind == "cell_start" and phase[0] != "check":
                phase = ("cell", int(event.get("i", -1)))
                deadline = time.monotonic() + limits.cell_timeout_s
            elif kind == "cell_end" and phase == ("cell", event.get("i")):
                if event.get("error"):
                    cell_errors.setdefault(phase[1], str(event["error"])[:400])
                phase = ("between", None)
                deadline = time.monotonic() + limits.startup_timeout_s
            elif kind == "check_start" and event.get("k") == expected_check and expected_check < len(checks):
                phase = ("check", expected_check)
                deadline = time.monotonic() + effective_timeout(checks[expected_check], limits)
            elif kind == "check_end" and phase == ("check", event.get("k")):
                status = event.get("status")
                reason = str(event.get("reason", ""))[:1000]
                results[phase[1]] = (status if status in ("pass", "fail") else "error", reason)
                expected_check += 1
                phase = ("between", None)
                deadline = time.monotonic() + limits.startup_timeout_s
            elif kind == "done" and phase[0] in ("between", "startup"):
                finished = True
                break
    finally:
        _kill(proc)
        for pump in pumps:
            pump.join(timeout=2)
        for stream in (proc.stdout, proc.stderr):
            with suppress(OSError):
                stream.close()
    if finished and expected_check < len(checks):
        finished = False  # a 'done' without every result: do not trust it
        phase = ("between", None)
    return (phase[0], phase[1], timed_out), finished, _exit_text(proc.returncode)
