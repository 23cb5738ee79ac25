"""Public checks for training-pipelines.atomic-checkpoint (students see these).

Every file is written inside a fresh temporary folder (in the grader, inside the sandbox's working
directory), which is deleted afterwards.
"""

import tempfile
from pathlib import Path

import numpy as np

from coursegrader.helpers import expect_array, expect_list_of_str, expect_raises, fail


def _state(seed):
    """A small training state with the kinds of arrays a checkpoint holds."""
    rng = np.random.default_rng(seed)
    return {
        "param.W1": rng.normal(size=(4, 3)),
        "param.b1": rng.normal(size=3).astype(np.float32),
        "adam_t": np.array(seed + 7),
        "order": rng.permutation(10),
        "mask": rng.random(5) > 0.5,
        "pixels": rng.integers(0, 256, size=(2, 2), dtype=np.uint8),
    }


def _expect_state(loaded, saved, what, hint=""):
    if type(loaded) is not dict:
        fail(f"{what} returned {type(loaded).__name__}, expected a dict of arrays (read every array into a"
             " plain dict before the archive is closed).")
    names = sorted(expect_list_of_str(list(loaded), what=f"the names in {what}"))
    if names != sorted(saved):
        fail(f"{what} has the names {names}, expected {sorted(saved)}." + (f" {hint}" if hint else ""))
    for name, want in saved.items():
        kind = {"f": "f", "b": "b"}.get(want.dtype.kind, "i")
        got = expect_array(loaded[name], want, what=f"{what}[{name!r}]", kind=kind, rtol=0.0, atol=0.0, hint=hint)
        if got.dtype != want.dtype:
            fail(f"{what}[{name!r}] has dtype {got.dtype}, expected {want.dtype}.")


def _files(folder):
    return sorted(p.name for p in Path(folder).iterdir())


class _PowerCut(Exception):
    """Stands in for the machine dying in the middle of a save."""


class _DiesWhenWritten:
    """An entry whose conversion to an array fails, after the entries before it have been written."""

    def __array__(self, dtype=None, copy=None):
        raise _PowerCut("simulated crash in the middle of save_checkpoint")


def check_round_trip(save_checkpoint, load_checkpoint):
    """Arrays of six dtypes and shapes come back exactly; a second save replaces the first; no stray files.

    Paths are given as str and as pathlib.Path; one array is a 0-d counter.
    """
    with tempfile.TemporaryDirectory(prefix="checkpoint-check-") as folder:
        first, second = _state(1), _state(2)
        as_path = Path(folder) / "ckpt-000050.npz"
        as_str = str(Path(folder) / "ckpt-000100.npz")
        save_checkpoint(as_path, first)
        _expect_state(load_checkpoint(as_path), first, "load_checkpoint(path)")
        save_checkpoint(as_str, first)
        save_checkpoint(as_str, second)
        _expect_state(load_checkpoint(as_str), second, "load_checkpoint(str path) after a second save")
        files = _files(folder)
        if files != ["ckpt-000050.npz", "ckpt-000100.npz"]:
            fail(f"After the saves the folder holds {files}, expected only the two checkpoints. np.savez"
                 " appends .npz to a file name that lacks it: pass it the open file instead.")


def check_crash_keeps_previous(save_checkpoint, load_checkpoint):
    """A save that dies halfway raises, keeps the previous checkpoint intact and leaves no temporary file."""
    with tempfile.TemporaryDirectory(prefix="checkpoint-check-") as folder:
        target = Path(folder) / "ckpt-latest.npz"
        previous = _state(3)
        save_checkpoint(target, previous)
        doomed = {"param.W1": np.ones((50, 50)), "param.W2": _DiesWhenWritten()}
        try:
            save_checkpoint(target, doomed)
        except _PowerCut:
            pass
        except Exception as error:
            fail(f"The interrupted save raised {type(error).__name__}: {error}; let the original exception"
                 " propagate.")
        else:
            fail("save_checkpoint returned normally although writing failed: let the exception propagate,"
                 " so the training loop knows the checkpoint was not saved.")
        files = _files(folder)
        if files != ["ckpt-latest.npz"]:
            fail(f"After the interrupted save the folder holds {files}: delete the temporary file when a"
                 " save fails.")
        try:
            loaded = load_checkpoint(target)
        except Exception as error:
            fail(f"After the interrupted save, loading the checkpoint raised {type(error).__name__}: the crash"
                 " destroyed the previous checkpoint. Write to a temporary file and os.replace it.")
        _expect_state(loaded, previous, "the checkpoint after an interrupted save",
                      hint="The interrupted save overwrote the previous checkpoint: write to a temporary file"
                           " and os.replace it onto the real name only when the write has succeeded.")


def check_torn_file_refused(save_checkpoint, load_checkpoint):
    """A checkpoint cut short (0 bytes, 1 byte, a third, half, all but 1 byte) or a CSV raises ValueError."""
    with tempfile.TemporaryDirectory(prefix="checkpoint-check-") as folder:
        good = Path(folder) / "ckpt-good.npz"
        save_checkpoint(good, _state(4))
        data = good.read_bytes()
        torn = Path(folder) / "ckpt-torn.npz"
        hint = ("np.load raises several exception types for a damaged file (EOFError, zipfile.BadZipFile,"
                " ValueError, ...): turn them into ValueError naming the path.")
        for cut in (0, 1, len(data) // 3, len(data) // 2, len(data) - 1):
            torn.write_bytes(data[:cut])
            expect_raises(ValueError, load_checkpoint, torn,
                          what=f"load_checkpoint on a checkpoint cut to {cut} of {len(data)} bytes", hint=hint)
        torn.write_text("step,loss\n1,2.3\n", encoding="utf-8")
        expect_raises(ValueError, load_checkpoint, torn, what="load_checkpoint on a CSV file", hint=hint)
