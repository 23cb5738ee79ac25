"""``check("<id>")``: run an exercise's public checks on a student's objects and print one line per check.

It needs only ``meta.yaml`` and ``checks.py`` of each exercise and the helpers, never the solution or the
hidden checks. It finds them in the course checkout around the working directory (locally, Binder, a
JupyterHub: student notebooks live in ``exercises/student/``), else in the copy the package ships
(``coursegrader/content``, Colab after ``pip install git+<repository>``), else next to an editable install.

Unlike the grader, it runs the checks in the student's own kernel, in-process (no worker, no isolation):
it is their code on their own machine, and nothing is at stake. The exercise's time limit per check holds
where the platform allows a timer.
"""

from __future__ import annotations

import inspect
import signal
import sys
import threading
import types
from contextlib import contextmanager
from pathlib import Path

import yaml

from careerdata._suggest import did_you_mean
from coursegrader.helpers import checks_builtins, run_check

PACKAGE_DIR = Path(__file__).resolve().parent


def content_dirs() -> list[Path]:
    """Where exercise checks may be, most specific first."""
    from coursegrader.course import find_root

    dirs = []
    root = find_root()
    if root is not None:
        dirs.append(root / "exercises")
    dirs.append(PACKAGE_DIR / "content")
    dirs.append(PACKAGE_DIR.parent / "exercises")
    return [d for d in dirs if d.is_dir()]


def _exercise_dir(exercise_id: str) -> Path:
    known: dict[str, Path] = {}
    for folder in reversed(content_dirs()):
        known.update({f"{p.parent.parent.name}.{p.parent.name}": p.parent for p in folder.glob("*/*/meta.yaml")})
    if exercise_id not in known:
        raise ValueError(f"No exercise {exercise_id!r}.{did_you_mean(exercise_id, known)}")
    return known[exercise_id]


def caller_namespace(depth: int = 2) -> dict:
    try:
        from IPython import get_ipython

        shell = get_ipython()
        if shell is not None:
            return shell.user_ns
    except ImportError:
        pass
    frame = inspect.currentframe()
    for _ in range(depth):  # caller_namespace() <- check() <- the student's code
        frame = frame.f_back if frame is not None else None
    return frame.f_globals if frame is not None else {}


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
    namespace = caller_namespace() if namespace is None else namespace
    module = types.ModuleType(f"coursegrader.checks_{folder.parent.name}_{folder.name}".replace("-", "_"))
    module.__file__ = str(folder / "checks.py")
    module.__dict__["__builtins__"] = checks_builtins()
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
