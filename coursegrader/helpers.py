"""Typed check helpers: compare a student's object with what is expected, and say what is wrong in words.

Checks (``checks.py``, ``hidden_checks.py``) use these instead of ``==``: a helper first checks the *type*
(so an object whose ``__eq__`` always says ``True`` gets nowhere), then the shape and dtype, then the values
with a tolerance. A failed expectation raises :class:`CheckFailure` with a message meant for a student.

:func:`run_check` calls one check with the student's objects and turns whatever happens into
``(status, reason)``; the student-side ``check()`` and the sandboxed grader share it, so a student sees
the same message at home as in the gradebook.

This module needs only the standard library and NumPy (pandas is imported when a pandas helper is used).
The grader sends its source into the sandbox, so keep it self-contained.
"""

from __future__ import annotations

import inspect
import math
import random
import types

import numpy as np

# Bound now, before any student code runs, so that a notebook that reassigns ``np.allclose`` does not
# change how it is graded (the sandbox also refuses to grade a notebook that patched these modules).
_asarray = np.asarray
_isclose = np.isclose
_isnan = np.isnan
_ndarray = np.ndarray
_argwhere = np.argwhere
_seed_numpy = np.random.seed

__all__ = [
    "CheckFailure",
    "describe",
    "expect_array",
    "expect_int",
    "expect_list_of_str",
    "expect_number",
    "expect_raises",
    "expect_series",
    "expect_str",
    "explain_exception",
    "fail",
    "run_check",
    "seed_everything",
]

NUMBER_TYPES = (int, float, np.float64, np.float32, np.float16, np.int64, np.int32, np.int16, np.int8,
                np.uint64, np.uint32, np.uint16, np.uint8)
INT_TYPES = (int, np.int64, np.int32, np.int16, np.int8, np.uint64, np.uint32, np.uint16, np.uint8)
MAX_MESSAGE = 600


class CheckFailure(AssertionError):
    """A check found something wrong; the message is shown to the student."""


class NotAnswered(Exception):
    """The student's code still raises the starter ``NotImplementedError``."""


def fail(message: str):
    """Stop the check with ``message`` (shown to the student)."""
    raise CheckFailure(message)


def _short(text: str, limit: int = 120) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= limit else text[: limit - 3] + "..."


def describe(value: object) -> str:
    """A short description of ``value`` that never calls the object's own methods."""
    kind = type(value)
    if value is None:
        return "None"
    if kind is _ndarray:
        return f"a NumPy array of dtype {value.dtype} and shape {value.shape}"
    if kind in (list, tuple, dict, set):
        return f"a {kind.__name__} of length {len(value)}"
    if kind in (int, float, str, bool):
        return f"{kind.__name__} {_short(repr(value), 60)}"
    student_type = getattr(kind, "_cg_type_name", None)
    if student_type is not None:  # a stand-in for an object that lives in the submission's process
        own = value.__dict__.get("_cg_type") if hasattr(value, "__dict__") else None
        return f"an object of type {own or getattr(value, '_cg_type', student_type)}"
    module = getattr(kind, "__module__", "") or ""
    name = kind.__qualname__ if module in ("builtins", "__main__") else f"{module}.{kind.__qualname__}"
    return f"an object of type {name}"


def _hint(hint: str) -> str:
    return f" {hint}" if hint else ""


def _returned(what: str, value: object) -> str:
    if value is None:
        return f"{what} returned None: did you forget `return`?"
    return f"{what} returned {describe(value)}"


def _index_text(index: tuple) -> str:
    return str(tuple(int(i) for i in index)) if len(index) != 1 else str(int(index[0]))


def expect_array(value, expected, *, what: str = "the result", rtol: float = 1e-7, atol: float = 1e-9,
                 kind: str = "f", hint: str = "") -> np.ndarray:
    """Expect a plain NumPy array with ``expected``'s shape, a dtype of ``kind`` ('f' float, 'i' integer,
    'b' bool) and values close to ``expected``. Returns the array."""
    expected = _asarray(expected)
    if type(value) is not _ndarray:
        extra = " (return a plain numpy array, e.g. with np.asarray)" if isinstance(value, _ndarray) else ""
        fail(_returned(what, value) + f", expected a NumPy array{extra}." + (f" {hint}" if hint else ""))
    if value.shape != expected.shape:
        fail(f"{what} has shape {value.shape}, expected {expected.shape}." + (f" {hint}" if hint else ""))
    kinds = {"f": "floating-point numbers (float64)", "i": "integers", "b": "booleans"}
    accepted = {"f": "f", "i": "iu", "b": "b"}[kind]
    if value.dtype.kind not in accepted:
        advice = " Convert with .astype(float)." if kind == "f" else ""
        fail(f"{what} has dtype {value.dtype}, expected {kinds[kind]}.{advice}" + _hint(hint))
    if kind == "b" or value.size == 0:
        bad = _argwhere(value != expected)
    else:
        got = value.astype(np.float64)
        want = expected.astype(np.float64)
        nan_got = _isnan(got)
        nan_want = _isnan(want)
        close = _isclose(got, want, rtol=rtol, atol=atol) | (nan_got & nan_want)
        bad = _argwhere(~close)
        if len(bad):
            first = tuple(bad[0])
            where = _index_text(first)
            if nan_got[first] and not nan_want[first]:
                entries = "entry" if len(bad) == 1 else "entries"
                fail(f"{what} contains nan at index {where}, where {want[first]:.6g} was expected"
                     f" ({len(bad)} {entries} wrong)." + _hint(hint))
            fail(f"{what} has {got[first]:.6g} at index {where}, expected {want[first]:.6g}"
                 f" ({len(bad)} of {value.size} entries differ)." + (f" {hint}" if hint else ""))
        return value
    if len(bad):
        first = tuple(bad[0])
        fail(f"{what} has {value[first]!r} at index {_index_text(first)}, expected {expected[first]!r}.")
    return value


def expect_number(value, expected: float, *, what: str = "the result", rtol: float = 1e-7,
                  atol: float = 1e-9, hint: str = "") -> float:
    """Expect a real number (Python or NumPy scalar, not bool) close to ``expected``. Returns it as float."""
    if type(value) not in NUMBER_TYPES:
        extra = " (a 1-element array is not a number: use float(...))" if type(value) is _ndarray else ""
        fail(_returned(what, value) + f", expected a number{extra}." + (f" {hint}" if hint else ""))
    got = float(value)
    if math.isnan(got) and not math.isnan(expected):
        fail(f"{what} is nan, expected {expected:.6g}." + (f" {hint}" if hint else ""))
    both_nan = math.isnan(got) and math.isnan(expected)
    if not both_nan and not math.isclose(got, expected, rel_tol=rtol, abs_tol=atol):
        fail(f"{what} is {got:.6g}, expected {expected:.6g}." + (f" {hint}" if hint else ""))
    return got


def expect_int(value, expected: int, *, what: str = "the result", hint: str = "") -> int:
    """Expect an integer (not bool) equal to ``expected``."""
    if type(value) not in INT_TYPES:
        fail(_returned(what, value) + ", expected an integer." + (f" {hint}" if hint else ""))
    if int(value) != expected:
        fail(f"{what} is {int(value)}, expected {expected}." + (f" {hint}" if hint else ""))
    return int(value)


def expect_str(value, expected: str | None = None, *, what: str = "the result", hint: str = "") -> str:
    """Expect a ``str`` (equal to ``expected`` when given)."""
    if type(value) is not str:
        fail(_returned(what, value) + ", expected a string." + (f" {hint}" if hint else ""))
    if expected is not None and value != expected:
        fail(f"{what} is {_short(repr(value), 80)}, expected {expected!r}." + (f" {hint}" if hint else ""))
    return str.__str__(value)


def expect_list_of_str(value, *, what: str = "the result", hint: str = "") -> list[str]:
    """Expect a ``list`` of ``str``; returns a plain copy that is safe to compare."""
    if type(value) is not list:
        fail(_returned(what, value) + ", expected a list of strings." + (f" {hint}" if hint else ""))
    for i, item in enumerate(value):
        if type(item) is not str:
            fail(f"{what}[{i}] is {describe(item)}, expected a string." + (f" {hint}" if hint else ""))
    return [str.__str__(item) for item in value]


def expect_series(value, expected: dict, *, what: str = "the result", rtol: float = 1e-7,
                  atol: float = 1e-9, hint: str = ""):
    """Expect a pandas Series of float64 whose labels (compared as text) and values match ``expected``,
    a ``{label: number or nan}`` dict in order."""
    import pandas as pd

    if type(value) is not pd.Series:
        fail(_returned(what, value) + ", expected a pandas Series." + (f" {hint}" if hint else ""))
    if str(value.dtype) != "float64":
        nullable = value.dtype.kind in "iuO" or str(value.dtype) in ("Int64", "Float64", "boolean")
        advice = " Convert with .astype(float): missing values then become nan." if nullable else ""
        fail(f"{what} has dtype {value.dtype}, expected float64.{advice}" + (f" {hint}" if hint else ""))
    labels = [str(label) for label in value.index.tolist()]
    want_labels = [str(label) for label in expected]
    if labels != want_labels:
        fail(f"{what} has index {labels}, expected {want_labels}." + (f" {hint}" if hint else ""))
    values = value.to_numpy(dtype=np.float64)
    for label, got, want in zip(want_labels, values, expected.values(), strict=True):
        want = float(want)
        if math.isnan(want):
            if not math.isnan(got):
                fail(f"{what}[{label!r}] is {got:.6g}, expected nan (missing)." + _hint(hint))
        elif math.isnan(got) or not math.isclose(got, want, rel_tol=rtol, abs_tol=atol):
            fail(f"{what}[{label!r}] is {got:.6g}, expected {want:.6g}." + (f" {hint}" if hint else ""))
    return value


def expect_raises(exception: type[BaseException], function, *args, what: str = "the call", hint: str = ""):
    """Expect ``function(*args)`` to raise ``exception``; the starter's NotImplementedError does not count."""
    try:
        result = function(*args)
    except NotImplementedError:
        raise
    except exception:
        return
    except Exception as error:
        fail(f"{what} raised {type(error).__name__}, expected {exception.__name__}." + _hint(hint))
    fail(_returned(what, result) + f", expected it to raise {exception.__name__}." + _hint(hint))


def seed_everything(seed: int | None) -> None:
    """Seed Python's and NumPy's global generators (before the student code and before each check)."""
    if seed is None:
        return
    random.seed(seed)
    _seed_numpy(seed)


def _student_frame(tb: types.TracebackType | None) -> str:
    """Where in the student's code the exception came from, if it did (``cell 3, line 4``)."""
    where = ""
    while tb is not None:
        name = tb.tb_frame.f_code.co_filename
        if name.startswith("<cell ") or name.startswith("<ipython-input") or "ipykernel_" in name:
            label = name.strip("<>") if name.startswith("<") else "your notebook"
            where = f"{label}, line {tb.tb_lineno}"
        tb = tb.tb_next
    return where


def explain_exception(error: BaseException) -> str:
    """A student-facing sentence for an exception raised while a check ran."""
    kind = type(error).__name__
    try:
        text = _short(str(error), 200)
    except Exception:
        text = "(its message could not be shown)"
    where = getattr(error, "__dict__", {}).get("_cg_where") or _student_frame(error.__traceback__)
    at = f" ({where})" if where else ""
    if isinstance(error, NotImplementedError):
        return ("not answered yet: the code still raises NotImplementedError; replace that line with your "
                "code.")
    if isinstance(error, MemoryError):
        return f"your code ran out of memory (MemoryError){at}: it allocates more than the grader allows."
    if isinstance(error, SystemExit):
        return f"your code called sys.exit() or exit(){at}; a function should return its result instead."
    if isinstance(error, RecursionError):
        return f"your code recursed too deeply (RecursionError){at}."
    if isinstance(error, EOFError):
        return f"your code called input(){at}; exercises must not wait for typing (EOFError)."
    if isinstance(error, TimeoutError) and str(error).startswith("check took longer"):
        return str(error)
    message = f"{kind}: {text.rstrip('.')}" if text else kind
    if where:
        return f"your code raised {message} ({where})."
    return f"{message} was raised while checking."


def run_check(function, namespace: dict, *, seed: int | None = None, missing_hint: str = "",
              catch_interrupt: bool = True) -> tuple[str, str]:
    """Run one check against the student's ``namespace``; return ``("pass"|"fail", reason)``.

    A check's parameter names are the student objects it needs: they are looked up in ``namespace``
    (a missing one fails the check with a hint), the global generators are seeded, and the check runs.
    """
    args = []
    for name in inspect.signature(function).parameters:
        if name not in namespace:
            return "fail", (f"`{name}` is not defined: run the cell that defines it (and check the spelling)."
                            + (f" {missing_hint}" if missing_hint else ""))
        args.append(namespace[name])
    seed_everything(seed)
    try:
        function(*args)
    except CheckFailure as failure:
        return "fail", _short(str(failure), MAX_MESSAGE)
    except KeyboardInterrupt:
        if not catch_interrupt:
            raise
        return "fail", "interrupted."
    except BaseException as error:
        channel_status = getattr(type(error), "channel_status", None)
        if channel_status is not None:  # the checker's channel to the worker: a timeout, a crash, a bad reply
            return channel_status, _short(str(error), MAX_MESSAGE)
        return "fail", _short(explain_exception(error), MAX_MESSAGE)
    return "pass", ""


def checks_builtins() -> dict:
    """Builtins for a checks module: ``import`` of ``exercises.helpers`` (the name checks used before the
    tool became its own package) gives :mod:`coursegrader.helpers`."""
    import builtins
    import sys

    real_import = builtins.__import__
    this = sys.modules[__name__]
    legacy = types.ModuleType("exercises")
    legacy.helpers = this

    def course_import(name, globals=None, locals=None, fromlist=(), level=0):
        if level == 0 and name in ("exercises.helpers", "coursegrader.helpers"):
            return this if fromlist else (legacy if name.startswith("exercises") else sys.modules["coursegrader"])
        if level == 0 and name == "exercises":
            return legacy
        return real_import(name, globals, locals, fromlist, level)

    table = dict(vars(builtins))
    table["__import__"] = course_import
    return table
