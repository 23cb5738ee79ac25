"""Writing files so that nothing is ever half-written.

Every file the course's tools write (generated pages and notebooks, released assignments, grades,
feedback, the performance report) goes through :func:`write_text_atomically`: the text is written to a
temporary file in the same folder and renamed over the target, so a crash or a full disk leaves either
the old file or the new one, never a torn mixture.
"""

from __future__ import annotations

import os
import tempfile
from pathlib import Path


def write_text_atomically(path: Path | str, text: str) -> None:
    """Replace ``path`` with ``text`` (UTF-8, ``\\n`` line ends) through a temporary file and a rename.

    The file keeps its permission bits when it already exists (0644 otherwise); the parent folder must exist.
    """
    path = Path(path)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    mode = path.stat().st_mode & 0o777 if path.exists() else 0o644
    try:
        os.chmod(tmp, mode)  # mkstemp creates 0600
        with os.fdopen(fd, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(text)
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise
