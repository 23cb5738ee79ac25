"""``check("<id>")``: run an exercise's public checks on a student's objects and print one line per check.

It needs only what the installed package ships (``meta.yaml`` and ``checks.py`` of each exercise, and the
helpers), never the solution or the hidden checks, so it works in Colab and in a plain ``pip install``.
It runs in the student's own kernel (no sandbox: it is their code on their machine), with the exercise's
time limit per check where the platform allows a timer.
"""

from __future__ import annotations

import difflib
import inspect
import signal
import sys
import threading
import types
from contextlib import contextmanager
from pathlib import Path

import yaml

from exercises.helpers import run_check

PACKAGE_DIR = Path(__file__).resolve().parent


def _exercise_dir(exercise_id: str) -> Path:
    known = {f"{p.parent.parent.name}.{p.parent.name}": p.parent for p in PACKAGE_DIR.glob("*/*/meta.yaml")}
    if exercise_id not in known:
        close = difflib.get_close_matches(str(exercise_id), list(known), n=3)
        hint = f" Did you mean {', '.join(map(repr, close))}?" if close else ""
        raise ValueError(f"No exercise {exercise_id!r}.{hint}")
    return known[exercise_id]


def _caller_namespace() -> dict:
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            return shell.user_ns
    except ImportError:
        pass
    frame = inspect.currentframe()
    # check() -> _caller_namespace(): the student's frame is two levels up.
    return frame.f_back.f_back.f_globals if frame and frame.f_back and frame.f_back.f_back else {}


@contextmanager
def _time_limit(seconds: float):
    """Raise TimeoutError after ``seconds`` (POSIX main thread only; elsewhere no limit)."""
    usable = hasattr(signal, "setitimer") and threading.current_thread() is threading.main_thread()
    if not usable or not seconds:
        yield
        return

    def stop(signum, frame):
        raise TimeoutError(f"check took longer than {seconds:g} s: is there an endless loop or a very slow"
                           " step?")

    previous = signal.signal(signal.SIGALRM, stop)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


def check(exercise_id: str, namespace: dict | None = None) -> None:
    """Run the public checks of ``exercise_id`` and print ``✓``/``✗`` and a message, one line per check.

    ``namespace`` defaults to the notebook's (or the calling module's) global names.
    """
    folder = _exercise_dir(exercise_id)
    meta = yaml.safe_load((folder / "meta.yaml").read_text(encoding="utf-8"))
    namespace = _caller_namespace() if namespace is None else namespace
    module = types.ModuleType(f"exercises.checks_{folder.parent.name}_{folder.name}".replace("-", "_"))
    module.__file__ = str(folder / "checks.py")
    exec(compile((folder / "checks.py").read_text(encoding="utf-8"), str(folder / "checks.py"), "exec"),
         module.__dict__)
    seed = meta.get("seed", 0)
    timeout = float(meta.get("timeout_s", 10))
    for name in meta["checks"]:
        function = getattr(module, name)
        description = (inspect.getdoc(function) or name).splitlines()[0].rstrip(".")
        with _time_limit(timeout):
            try:
                status, reason = run_check(function, namespace, seed=seed, catch_interrupt=False)
            except TimeoutError as error:
                status, reason = "fail", str(error)
        mark = "✓" if status == "pass" else "✗"
        line = f"{mark} {description}" + (f": {reason}" if reason else "")
        print(line.replace("\n", " "), flush=True)
    sys.stdout.flush()
