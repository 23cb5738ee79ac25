"""The trusted side of the sandbox, running inside the child process.

This file is never imported by the grader: :mod:`exercises.runner` sends its *source*, with the check
helpers, the checks (public and hidden) and the submission's code cells, down the child's stdin, and a
tiny bootstrap executes it with ``JOB`` bound to that job. Nothing of the key is written to the child's
disk. The child then:

1. moves its private result channel off stderr (``fd 2`` is re-pointed at stdout, so student output
   and student errors share one capped stream) and closes stdin (``input()`` gets EOF at once);
2. applies resource limits (the parent has already started it as an unprivileged user when it could);
3. compiles the checks (before any student code runs, so the checks bind the real NumPy);
4. runs each code cell in one namespace, recording exceptions (later cells still run);
5. runs the checks from ``JOB['start']`` on, reporting each through the result channel, each line tagged
   with the run's token; the parent enforces the time limits and fails closed on silence.
"""

import builtins
import contextlib
import io
import json
import os
import re
import sys
import types

job = JOB  # noqa: F821 - bound by the bootstrap
TOKEN = job["token"]
CHANNEL = os.dup(2)
os.dup2(1, 2)
_null = os.open(os.devnull, os.O_RDONLY)
os.dup2(_null, 0)
os.close(_null)
sys.stdin = open(os.devnull, encoding="utf-8")  # noqa: SIM115
sys.path[:] = [p for p in sys.path if p not in ("", ".", os.getcwd())]


def emit(event, **fields):
    data = (json.dumps({"token": TOKEN, "event": event, **fields}) + "\n").encode("utf-8")
    while data:
        written = os.write(CHANNEL, data)
        data = data[written:]


def apply_limits(limits):
    if not limits:
        return
    try:
        import resource
    except ImportError:
        return
    pairs = {
        "RLIMIT_AS": limits.get("memory_bytes"),
        "RLIMIT_CPU": limits.get("cpu_s"),
        "RLIMIT_FSIZE": limits.get("file_bytes"),
        "RLIMIT_NPROC": limits.get("processes"),
        "RLIMIT_CORE": 0,
    }
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
    """Student output: the first ``limit`` characters go through, the rest is dropped with one note."""

    def __init__(self, raw, state):
        self.raw = raw
        self.state = state

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
_state = {"left": int(job.get("output_limit", 65536))}
_raw = open(1, "w", encoding="utf-8", errors="replace", closefd=False)  # noqa: SIM115
sys.stdout = CappedStream(_raw, _state)
sys.stderr = sys.stdout

# The student's `from exercises import check` gets a stand-in; the checks get the helpers from the job.
package = types.ModuleType("exercises")
package.__path__ = []
package.__spec__ = __import__("importlib.machinery").machinery.ModuleSpec("exercises", None, is_package=True)


def _check_stub(*args, **kwargs):
    print("(check() does nothing while the grader runs; the grader runs the checks itself)")


package.check = _check_stub
helpers = types.ModuleType("exercises.helpers")
helpers.__file__ = "<exercises.helpers>"
sys.modules["exercises"] = package
sys.modules["exercises.helpers"] = helpers
exec(compile(job["helpers"], "<exercises.helpers>", "exec"), helpers.__dict__)
package.helpers = helpers

check_functions = []
modules = {}
for index, (name, source) in enumerate(job["modules"]):
    module = types.ModuleType(f"exercises_checks_{index}")
    module.__file__ = f"<{name}>"
    exec(compile(source, f"<{name}>", "exec"), module.__dict__)
    modules[name] = module
for spec in job["checks"]:
    check_functions.append(getattr(modules[spec["module"]], spec["function"]))


def snapshot():
    """Identity of what the checks rely on, to refuse grading a notebook that patched it."""
    watched = [builtins, helpers, *modules.values()]
    for name in ("numpy", "numpy.linalg", "math", "random", "pandas"):
        if name in sys.modules:
            watched.append(sys.modules[name])
    return {(m.__name__, key): id(value) for m in watched for key, value in list(vars(m).items())
            if not key.startswith("__")}


def tampered(before):
    after = snapshot()
    changed = sorted(f"{mod}.{key}" for (mod, key), ident in before.items() if after.get((mod, key)) != ident)
    return changed


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
        word = lines[0].split()[0]
        if word not in KEEP_CELL_MAGICS:
            return None
        lines = lines[1:]
    out = []
    for line in lines:
        match = MAGIC.match(line)
        out.append(f"{match.group(1)}pass  # skipped by the grader: {match.group(2)[:60]}" if match else line)
    return "\n".join(out)


cell_errors = []
seed = job.get("seed")
helpers.seed_everything(seed)
skip = set(job["skip"])
before = snapshot()
import linecache  # noqa: E402

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
            kind = type(exc).__name__
            line = ""
            tb = exc.__traceback__
            while tb is not None:
                if tb.tb_frame.f_code.co_filename == filename:
                    line = f", line {tb.tb_lineno}"
                tb = tb.tb_next
            error = f"cell {number} raised {kind}{line}" + (f": {text}" if text else "")
    if error:
        cell_errors.append(error)
    emit("cell_end", i=index, error=error)

changed = tampered(before)
for k in range(int(job["start"]), len(check_functions)):
    emit("check_start", k=k)
    spec = job["checks"][k]
    if changed:
        status, reason = "fail", ("not graded: the notebook replaced " + ", ".join(changed[:3])
                                  + ", which the checks rely on.")
    else:
        hint = f"Note: {cell_errors[0]}." if cell_errors else ""
        status, reason = helpers.run_check(check_functions[k], namespace, seed=spec.get("seed"),
                                           missing_hint=hint)
    emit("check_end", k=k, status=status, reason=reason)
    changed = changed or tampered(before)

emit("done")
try:
    sys.stdout.flush()
finally:
    os._exit(0)
