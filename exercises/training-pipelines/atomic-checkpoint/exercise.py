# %% [markdown]
# A checkpoint is the training state a crashed run resumes from: parameters, optimiser moments, counters.
# The notebook showed what goes wrong when it is written straight to its final name: a crash during the
# write leaves a half-written file under the name of a good one, and the previous checkpoint is gone too.
# Write the two functions a training loop needs.
#
# `save_checkpoint(path, arrays)` stores `arrays`, a dict from names (such as `"param.W1"` or `"step"`) to
# arrays, at `path` (a `str` or a `pathlib.Path`) as an `.npz` archive:
#
# - write everything to a temporary file **in the same folder** as `path`, flush it and `os.fsync` it, then
#   `os.replace` it onto `path`, so that `path` holds either the previous checkpoint or the complete new
#   one, never a mixture;
# - if anything goes wrong before the replace, delete the temporary file and let the exception propagate:
#   the caller must learn that the save failed, and the folder must not fill up with debris;
# - give `np.savez` the open file object rather than a file name: given a name that does not end in `.npz`,
#   it quietly writes to that name plus `.npz`.
#
# `load_checkpoint(path)` returns a plain `dict` of NumPy arrays with the names, dtypes, shapes and values
# that were saved:
#
# - open the archive with `np.load(path, allow_pickle=False)`, so that loading a file can never run code,
#   and read every array *before* the archive is closed (an `NpzFile` reads lazily);
# - a missing file raises `FileNotFoundError`, as usual: to a training loop, "no checkpoint yet" means
#   "start from scratch";
# - any other file that does not load completely (a torn write, a file that is not an archive, an archive
#   holding pickled objects) raises `ValueError` naming the path, with the original error chained
#   (`raise ValueError(...) from error`). A loop that resumes must stop on such a file, not half-load it.
#   The libraries raise several exception types for a damaged file; try a few to see which.
#
# The checks save and load in a fresh temporary folder, simulate a crash in the middle of a save, and cut
# real checkpoints short.

# %%
import os
import tempfile
from pathlib import Path

import numpy as np


def save_checkpoint(path, arrays):
    """Atomically write `arrays` (name -> array) to `path` as an .npz archive."""
    ### BEGIN SOLUTION
    path = Path(path)
    tmp = path.with_name(path.name + ".tmp")
    try:
        with open(tmp, "wb") as handle:
            np.savez(handle, **arrays)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    ### END SOLUTION


def load_checkpoint(path):
    """The dict of arrays stored at `path`; ValueError if the file is not a complete checkpoint."""
    ### BEGIN SOLUTION
    import zipfile

    try:
        with np.load(path, allow_pickle=False) as archive:
            return {name: archive[name] for name in archive.files}
    except FileNotFoundError:
        raise
    except (ValueError, OSError, EOFError, zipfile.BadZipFile) as error:
        raise ValueError(f"{path} is not a complete checkpoint: {error}") from error
    ### END SOLUTION


# %% [markdown]
# Save, load, and then damage a copy on purpose.

# %%
with tempfile.TemporaryDirectory() as folder:
    target = Path(folder) / "ckpt-000100.npz"
    save_checkpoint(target, {"step": np.array(100), "param.W": np.arange(6.0).reshape(2, 3)})
    print(sorted(p.name for p in Path(folder).iterdir()), load_checkpoint(target))
    torn = Path(folder) / "torn.npz"
    torn.write_bytes(target.read_bytes()[:100])
    try:
        load_checkpoint(torn)
    except ValueError as error:
        print("refused:", error)

# %% [markdown] tags=["solution"]
# `np.savez(handle, ...)` writes into the open temporary file; `flush` moves Python's buffer to the
# operating system and `fsync` makes the operating system put the bytes on disk before the rename makes
# them visible under the real name. `os.replace` swaps the name atomically on one file system, which is why
# the temporary file lives next to the target rather than in `/tmp`. The `except BaseException` clause also
# covers a `KeyboardInterrupt` in the middle of a save; it removes the temporary file and re-raises.
#
# On reading, `np.load` refuses pickled data with a `ValueError`, an empty file raises `EOFError`, and a
# truncated archive raises `zipfile.BadZipFile` (its central directory, at the end, is missing); `OSError`
# covers unreadable files. `FileNotFoundError` is itself an `OSError`, so it is re-raised first, unchanged.
# Building the dict inside the `with` block reads every array while the archive is still open.
