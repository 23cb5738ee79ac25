"""Hidden checks for training-pipelines.atomic-checkpoint (instructors only; never shipped to students)."""

import tempfile
from pathlib import Path

import numpy as np

from coursegrader.helpers import expect_array, expect_raises, fail


def check_missing_and_pickled(save_checkpoint, load_checkpoint):
    """A missing file raises FileNotFoundError, and an archive holding a pickled object ValueError."""
    with tempfile.TemporaryDirectory(prefix="checkpoint-hidden-") as folder:
        expect_raises(FileNotFoundError, load_checkpoint, Path(folder) / "ckpt-none.npz",
                      what="load_checkpoint on a missing file",
                      hint="A missing checkpoint means 'start fresh', a damaged one means 'stop'.")
        pickled = Path(folder) / "ckpt-pickled.npz"
        np.savez(pickled, W=np.ones(3), config=np.array([{"lr": 0.1}], dtype=object))
        expect_raises(ValueError, load_checkpoint, pickled, what="load_checkpoint on an archive with a pickle",
                      hint="Open the archive with allow_pickle=False.")


def check_open_reader_undisturbed(save_checkpoint, load_checkpoint):
    """A reader that opened the previous checkpoint before a save still reads it whole (os.replace)."""
    with tempfile.TemporaryDirectory(prefix="checkpoint-hidden-") as folder:
        target = Path(folder) / "ckpt-latest.npz"
        old = {"W": np.arange(12.0).reshape(3, 4), "step": np.array(5)}
        save_checkpoint(target, old)
        with open(target, "rb") as reader:
            save_checkpoint(target, {"W": -np.ones((30, 40)), "step": np.array(6)})
            try:
                with np.load(reader, allow_pickle=False) as archive:
                    seen = {name: archive[name] for name in archive.files}
            except Exception as error:
                fail(f"A reader holding the old checkpoint open could not read it after the save"
                     f" ({type(error).__name__}): the save overwrote the file in place instead of replacing it.")
        if sorted(seen) != ["W", "step"]:
            fail(f"A reader holding the old checkpoint open saw the names {sorted(seen)} after the save.")
        expect_array(seen["W"], old["W"], what="the old checkpoint's W, read through an open handle", atol=0.0,
                     rtol=0.0)
        expect_array(load_checkpoint(target)["W"], -np.ones((30, 40)), what="the new checkpoint's W")
