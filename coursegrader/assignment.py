"""Assignments (a YAML file that picks exercises and their points) and releasing them to students.

```yaml
name: week-01
title: "Week 1: NumPy, linear algebra and the job market"
due: "2027-02-05"            # shown to students; the grader does not enforce it
exercises:
  - id: python-for-ai.pairwise-distances
    points: 10               # optional: scales the exercise's check points to this total
  - id: career-data.study-order
```
"""

from __future__ import annotations

import re
import urllib.parse
from dataclasses import dataclass
from pathlib import Path

import yaml

from coursegrader.files import write_text_atomically
from coursegrader.generate import build_notebook, notebook_text, repository_url
from coursegrader.source import Exercise, find

NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*$")


class AssignmentError(ValueError):
    """The assignment file is malformed."""


@dataclass(frozen=True)
class Item:
    exercise: Exercise
    points: float  # the exercise's total in this assignment

    def check_points(self) -> list[float]:
        """Points of each check (public then hidden, in meta.yaml order), scaled to ``points``."""
        scale = self.points / self.exercise.points
        return [c.points * scale for c in self.exercise.checks]


@dataclass(frozen=True)
class Assignment:
    name: str
    title: str
    due: str | None
    items: tuple[Item, ...]
    path: Path

    @property
    def points(self) -> float:
        return sum(item.points for item in self.items)


def load_assignment(path: Path, root: Path | None = None) -> Assignment:
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as error:
        raise AssignmentError(f"{path}: cannot read: {error}") from None
    if not isinstance(data, dict) or not isinstance(data.get("exercises"), list) or not data["exercises"]:
        raise AssignmentError(f"{path}: needs a non-empty 'exercises' list")
    name = str(data.get("name") or path.stem)
    if not NAME.match(name):
        raise AssignmentError(f"{path}: name {name!r} may use letters, digits, '.', '_' and '-' only")
    items, seen = [], set()
    for number, entry in enumerate(data["exercises"], start=1):
        entry = {"id": entry} if isinstance(entry, str) else entry
        if not isinstance(entry, dict) or "id" not in entry:
            raise AssignmentError(f"{path}: exercise {number} needs an 'id'")
        try:
            exercise = find(str(entry["id"]), root)
        except ValueError as error:
            raise AssignmentError(f"{path}: {error}") from None
        if exercise.id in seen:
            raise AssignmentError(f"{path}: {exercise.id} is listed twice")
        seen.add(exercise.id)
        points = entry.get("points", exercise.points)
        if not isinstance(points, int | float) or isinstance(points, bool) or points <= 0:
            raise AssignmentError(f"{path}: {exercise.id}: points must be a positive number")
        items.append(Item(exercise, float(points)))
    due = data.get("due")
    title = str(data.get("title") or name)
    return Assignment(name, title, str(due) if due is not None else None, tuple(items), path)


def nbgitpuller_link(hub: str, repo: str, branch: str, path: str) -> str:
    """A link that makes a JupyterHub pull ``repo`` and open ``path`` in JupyterLab."""
    folder = repo.rstrip("/").rsplit("/", 1)[-1].removesuffix(".git")
    query = urllib.parse.urlencode({"repo": repo, "branch": branch, "urlpath": f"lab/tree/{folder}/{path}"})
    return f"{hub.rstrip('/')}/hub/user-redirect/git-pull?{query}"


def release(assignment: Assignment, out: Path, *, key: Path | None = None, hub: str | None = None,
            repo: str | None = None, branch: str = "main") -> list[Path]:
    """Write the student notebooks and a README to ``out`` (and solution notebooks to ``key``).

    ``out`` holds only what students may see, so it can be pushed or uploaded as it is; the key goes
    elsewhere, and only when asked for.
    """
    out = Path(out)
    out.mkdir(parents=True, exist_ok=True)
    url = repository_url()
    written = []
    lines = [f"# {assignment.title}", ""]
    if assignment.due:
        lines += [f"Due: {assignment.due}", ""]
    lines += ["| Notebook | Exercise | Points |", "| --- | --- | --- |"]
    for item in assignment.items:
        name = f"{item.exercise.id}.ipynb"
        write_text_atomically(out / name, notebook_text(build_notebook(item.exercise, points=item.points, url=url)))
        written.append(out / name)
        link = nbgitpuller_link(hub, repo, branch, name) if hub and repo else name
        lines.append(f"| [{name}]({link}) | {item.exercise.title} | {item.points:g} |")
    lines += ["", f"Total: {assignment.points:g} points.", "",
              "Open each notebook, write your code where it says `raise NotImplementedError`, run its last "
              "cell to check your work, save, and hand in the notebooks with their names unchanged.", ""]
    write_text_atomically(out / "README.md", "\n".join(lines))
    written.append(out / "README.md")
    if key is not None:
        key = Path(key)
        key.mkdir(parents=True, exist_ok=True)
        for item in assignment.items:
            target = key / f"{item.exercise.id}.ipynb"
            write_text_atomically(target, notebook_text(build_notebook(item.exercise, key=True, points=item.points)))
            written.append(target)
    return written
