"""Finding the course: the folder with ``_config.yml`` and ``exercises/``.

The tool is installed as a package and works on a course checkout it is pointed at (``--course DIR``), or
the one it finds by walking up from the working directory. No path is computed from this file's location,
except as the last resort of a repository checkout (an editable install), where the package sits in it.
"""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
EXERCISES = "exercises"


class CourseNotFound(ValueError):
    """No course folder was given or found."""


def is_course(folder: Path) -> bool:
    return (folder / "_config.yml").is_file() and (folder / EXERCISES).is_dir()


def find_root(start: Path | str | None = None) -> Path | None:
    """The nearest folder at or above ``start`` (default: the working directory) that is a course."""
    here = Path(start or os.getcwd()).resolve()
    for folder in (here, *here.parents):
        if is_course(folder):
            return folder
    return None


def course_root(given: Path | str | None = None) -> Path:
    """``given`` (checked), else the course around the working directory, else the checkout holding this
    package (an editable install). Raises :class:`CourseNotFound` with what to do."""
    if given is not None:
        folder = Path(given).resolve()
        if not is_course(folder):
            raise CourseNotFound(f"{folder} is not a course folder (it needs _config.yml and exercises/)")
        return folder
    found = find_root() or (PACKAGE_DIR.parent if is_course(PACKAGE_DIR.parent) else None)
    if found is None:
        raise CourseNotFound("no course found: run inside the course repository (a folder with _config.yml "
                             "and exercises/), or pass --course DIR")
    return found


def exercises_dir(given: Path | str | None = None) -> Path:
    """The folder of exercise sources: ``given`` as it is, else the course's ``exercises/``."""
    if given is not None:
        return Path(given)
    return course_root() / EXERCISES
