"""Where model folders come from: a path, or a name resolved by the course's ``coursemodels`` package."""

from __future__ import annotations

from pathlib import Path


def resolve_model(name_or_path: str) -> Path:
    """A folder path as given, or ``coursemodels.path(name)`` for a course model name."""
    path = Path(name_or_path).expanduser()
    if path.is_dir():
        return path
    try:
        import coursemodels
    except ImportError as exc:
        raise RuntimeError(
            f"{name_or_path!r} is not a folder and the course's coursemodels package is not installed; "
            "install the course (see README) or point the setting at a model folder"
        ) from exc
    return Path(coursemodels.path(name_or_path))
