"""One way to answer a misspelt name: "No X named 'y'. Did you mean 'z'?" (used across the course's tools)."""

from __future__ import annotations

import difflib
from collections.abc import Iterable


def did_you_mean(name: str, known: Iterable[str], *, n: int = 3, cutoff: float = 0.6) -> str:
    """A sentence suggesting the closest of ``known`` to ``name`` (with a leading space), or ``""`` if none is close."""
    close = difflib.get_close_matches(str(name), [str(k) for k in known], n=n, cutoff=cutoff)
    return f" Did you mean {', '.join(repr(c) for c in close)}?" if close else ""
