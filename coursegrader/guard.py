"""Keep a batch alive when a submission signals the grader.

Under bubblewrap a submission cannot see the grader (its own PID namespace). Without isolation it can: it
runs as the same user and ``os.kill(os.getppid(), signal.SIGTERM)`` reaches the worker's parent. While
grading, :func:`guard_signals` blocks the usual termination signals in every thread and one thread takes
them with ``sigwaitinfo``, which tells who sent each: a signal from one of the grader's own descendants
(a submission) is ignored and noted; from anyone else (the instructor's Ctrl-C, ``kill``, a logout) it acts
as usual: SIGINT interrupts, the others end the grader at once. Finished students are in the journal, so a
rerun with the same arguments resumes. SIGKILL and SIGSTOP cannot be caught: without isolation a
submission can still use those. Enter the guard before importing NumPy: its BLAS threads, started at import,
would otherwise keep the signals unblocked and take them with their default action.
"""

from __future__ import annotations

import _thread
import os
import signal
import sys
import threading
from contextlib import contextmanager

GUARDED = tuple(getattr(signal, name) for name in ("SIGTERM", "SIGINT", "SIGHUP", "SIGQUIT", "SIGUSR1", "SIGUSR2",
                                                   "SIGPIPE", "SIGALRM") if hasattr(signal, name))
ignored: list[str] = []


def _is_descendant(pid: int) -> bool:
    """Whether ``pid`` descends from this process (Linux /proc; elsewhere: unknown, so False)."""
    me = os.getpid()
    for _ in range(64):
        if pid == me:
            return True
        if pid <= 1:
            return False
        try:
            with open(f"/proc/{pid}/stat", "rb") as handle:
                stat = handle.read().decode("ascii", "replace")
            pid = int(stat.rsplit(")", 1)[1].split()[1])
        except (OSError, ValueError, IndexError):
            return False
    return False


def _from_a_worker(pid: int) -> bool:
    """A worker the grader started (it may be gone already), or a process in one of their sessions."""
    from coursegrader.runner import started_pids

    if pid in started_pids:
        return True
    try:
        return os.getsid(pid) in started_pids
    except OSError:
        return False


def threads_already_running() -> int:
    """How many threads besides the calling one this process has (Linux /proc; elsewhere 0). Each of them
    keeps the guarded signals unblocked, so the kernel may hand a submission's SIGTERM to one of them."""
    try:
        return max(0, len(os.listdir("/proc/self/task")) - 1)
    except OSError:
        return 0


@contextmanager
def guard_signals():
    usable = (hasattr(signal, "sigwaitinfo") and hasattr(signal, "pthread_sigmask")
              and threading.current_thread() is threading.main_thread())
    if not usable:
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, GUARDED)
    late = threads_already_running()
    if late:
        print(f"coursegrader: warning: the signal guard started after {late} other thread(s); a submission "
              "graded with --no-isolation may still stop the grader with a signal", file=sys.stderr, flush=True)
    stop = threading.Event()

    def wait() -> None:
        while not stop.is_set():
            info = signal.sigwaitinfo(GUARDED)
            if stop.is_set():
                return
            sender = info.si_pid
            name = signal.Signals(info.si_signo).name
            if sender and sender != os.getpid() and (_is_descendant(sender) or _from_a_worker(sender)):
                ignored.append(name)
                print(f"coursegrader: ignored {name} sent by a submission (pid {sender})", file=sys.stderr,
                      flush=True)
                continue
            if info.si_signo in (signal.SIGPIPE, signal.SIGALRM) and sender == 0:
                continue
            if info.si_signo == signal.SIGINT:
                _thread.interrupt_main()
                continue
            print(f"coursegrader: stopped by {name}; finished students are journaled, rerun to resume",
                  file=sys.stderr, flush=True)
            os._exit(128 + info.si_signo)

    thread = threading.Thread(target=wait, daemon=True, name="coursegrader-signals")
    thread.start()
    try:
        yield
    finally:
        stop.set()
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)
