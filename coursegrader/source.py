"""Read one exercise's sources: ``meta.yaml``, ``exercise.py`` (jupytext percent), ``checks.py``,
``hidden_checks.py`` and ``mutants/*.py``.

``exercise.py`` holds the prompt (markdown cells), starter code and the solution, marked with nbgrader's
words: ``### BEGIN SOLUTION`` / ``### END SOLUTION`` inside a code cell (the student gets
``raise NotImplementedError`` at the same indentation), a cell tagged ``solution`` (dropped from the student
version) or ``instructor`` (dropped from the student version and from the public book). Any mistake is a
:class:`SourceError` naming ``file:line``.
"""

from __future__ import annotations

import ast
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

STUDENT_DIR_NAME = "student"
KNOWN_TAGS = ("solution", "instructor")
ID_PATTERN = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*\.[a-z0-9]+(?:-[a-z0-9]+)*$")
CELL_MARKER = re.compile(r"^# %%(?P<rest>.*)$")
SOLUTION_BEGIN = "### BEGIN SOLUTION"
SOLUTION_END = "### END SOLUTION"
LOOKS_LIKE_MARKER = re.compile(r"^\s*#+\s*(BEGIN|END)\b", re.IGNORECASE)
STUB = 'raise NotImplementedError("Replace this line with your code.")'

META_KEYS = {"id", "title", "topic", "objectives", "expects", "solution", "seed", "timeout_s", "minutes",
             "checks", "hidden_checks"}


class SourceError(ValueError):
    """An exercise source is malformed; the message starts with ``file:line``."""


@dataclass(frozen=True)
class Cell:
    """One cell of ``exercise.py``; ``line`` is the 1-based line of its ``# %%`` marker."""

    kind: str
    source: str
    tags: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Check:
    name: str
    points: float
    hidden: bool
    description: str
    params: tuple[str, ...]
    line: int


@dataclass(frozen=True)
class Mutant:
    name: str
    description: str
    source: str
    path: Path


@dataclass(frozen=True)
class Exercise:
    """Everything one exercise's folder says, parsed and checked for form."""

    id: str
    topic: str
    slug: str
    title: str
    path: Path
    objectives: tuple[str, ...]
    expects: tuple[str, ...]
    solution: str
    seed: int
    timeout_s: float
    minutes: int | None
    cells: tuple[Cell, ...]
    checks: tuple[Check, ...]
    checks_source: str
    hidden_checks_source: str
    mutants: tuple[Mutant, ...] = field(default=())

    @property
    def public_checks(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if not c.hidden)

    @property
    def hidden_checks(self) -> tuple[Check, ...]:
        return tuple(c for c in self.checks if c.hidden)

    @property
    def points(self) -> float:
        return sum(c.points for c in self.checks)

    def rel(self, name: str) -> str:
        return f"{self.topic}/{self.slug}/{name}"

    # Versions of the cells -------------------------------------------------------------------------

    def student_cells(self) -> list[tuple[str, str]]:
        """(kind, source) of the student version: solution regions stubbed, solution/instructor cells gone."""
        out = []
        for cell in self.cells:
            if set(cell.tags) & {"solution", "instructor"}:
                continue
            source = cell.source
            if cell.kind == "code":
                source = strip_solutions(source, self.rel("exercise.py"), cell.line, student=True)
            out.append((cell.kind, source))
        return out

    def solution_cells(self, *, instructor: bool = True) -> list[tuple[str, str, tuple[str, ...]]]:
        """(kind, source, tags) of the full version; ``instructor=False`` leaves instructor cells out."""
        out = []
        for cell in self.cells:
            if "instructor" in cell.tags and not instructor:
                continue
            source = cell.source
            if cell.kind == "code":
                source = strip_solutions(source, self.rel("exercise.py"), cell.line, student=False)
            out.append((cell.kind, source, cell.tags))
        return out

    def solution_regions(self) -> list[str]:
        """The text of every solution region and solution/instructor cell (what must never leak)."""
        regions = []
        for cell in self.cells:
            if set(cell.tags) & {"solution", "instructor"}:
                regions.append(cell.source)
                continue
            if cell.kind != "code":
                continue
            inside: list[str] | None = None
            for line in cell.source.splitlines():
                if line.strip() == SOLUTION_BEGIN:
                    inside = []
                elif line.strip() == SOLUTION_END and inside is not None:
                    regions.append("\n".join(inside))
                    inside = None
                elif inside is not None:
                    inside.append(line)
        return regions


# Parsing -----------------------------------------------------------------------------------------------


def _error(path: str, line: int, message: str) -> SourceError:
    return SourceError(f"{path}:{line}: {message}")


def parse_percent(text: str, path: str) -> list[Cell]:
    """Read a jupytext percent script with jupytext, and check it keeps to the exercise format.

    jupytext does the parsing; this adds what the format demands and jupytext allows: no code before the
    first ``# %%`` marker, only code and markdown cells, only ``tags`` as metadata, every markdown line a
    ``# `` comment, and known tags (a typo such as ``soluton`` is an error naming ``file:line``)."""
    import jupytext

    lines = text.splitlines()
    start = 0
    if lines and lines[0].strip() == "# ---":
        for number in range(1, len(lines)):
            if lines[number].strip() == "# ---":
                start = number + 1
                break
        else:
            raise _error(path, 1, "the jupytext header (`# ---`) is never closed")
    markers = [number for number in range(start, len(lines)) if CELL_MARKER.match(lines[number])]
    if not markers:
        raise _error(path, 1, "no cells (`# %%` markers) found")
    for number in range(start, markers[0]):
        if lines[number].strip():
            raise _error(path, number + 1, "code before the first `# %%` cell marker")
    for index, number in enumerate(markers):
        rest = CELL_MARKER.match(lines[number]).group("rest").strip()
        _check_marker(rest, path, number + 1)
        if rest.startswith("[markdown]"):
            stop = markers[index + 1] if index + 1 < len(markers) else len(lines)
            for offset in range(number + 1, stop):
                raw = lines[offset]
                if raw.strip() and not (raw == "#" or raw.startswith("# ")):
                    raise _error(path, offset + 1, "a markdown cell line must start with '# '")
    try:
        notebook = jupytext.reads(text, fmt="py:percent")
    except Exception as error:  # jupytext's own complaint, with the file named
        raise _error(path, 1, f"jupytext cannot read it: {error}") from None
    if len(notebook.cells) != len(markers):
        raise _error(path, markers[0] + 1, f"jupytext finds {len(notebook.cells)} cells but there are "
                     f"{len(markers)} `# %%` markers")
    cells = []
    for cell, number in zip(notebook.cells, markers, strict=True):
        tags = tuple(cell.metadata.get("tags", ()))
        source = cell.source.strip("\n")
        cells.append(Cell(cell.cell_type, source, tags, number + 1))
    return cells


def _did_you_mean(name: str, known, **options) -> str:
    """careerdata's did-you-mean hint, imported only on the error paths that need it: importing careerdata
    starts NumPy's BLAS threads, and ``grade`` must enter its signal guard (coursegrader.guard) before any
    thread exists (tests/test_coursegrader_cli.py checks that importing the command line starts none)."""
    from careerdata._suggest import did_you_mean

    return did_you_mean(name, known, **options)


def _check_marker(rest: str, path: str, line: int) -> None:
    if rest.startswith("[markdown]"):
        rest = rest[len("[markdown]"):].strip()
    elif rest.startswith("["):
        kind_text = rest.split("]")[0] + "]"
        raise _error(path, line, f"unsupported cell type {kind_text}; use `# %%` or `# %% [markdown]`")
    if not rest:
        return
    match = re.fullmatch(r"tags=(\[.*\])", rest)
    if not match:
        raise _error(path, line, f"unsupported cell metadata {rest!r}; only tags=[...] is understood")
    try:
        parsed = json.loads(match.group(1))
    except json.JSONDecodeError as error:
        raise _error(path, line, f"tags are not a JSON list of strings: {error}") from None
    if not isinstance(parsed, list) or not all(isinstance(t, str) for t in parsed):
        raise _error(path, line, "tags must be a list of strings")
    for tag in parsed:
        hint = _did_you_mean(tag.lower(), KNOWN_TAGS, n=1, cutoff=0.75) if tag not in KNOWN_TAGS else ""
        if hint:
            raise _error(path, line, f"unknown tag {tag!r}.{hint}")


def strip_solutions(source: str, path: str, cell_line: int, *, student: bool) -> str:
    """Process solution markers in one code cell: the student version replaces each region by a stub
    (indentation kept); the solution version only drops the marker lines."""
    out: list[str] = []
    begin_line = 0
    indent = ""
    for offset, line in enumerate(source.splitlines()):
        number = cell_line + 1 + offset
        stripped = line.strip()
        if stripped == SOLUTION_BEGIN:
            if begin_line:
                raise _error(path, number, f"nested {SOLUTION_BEGIN} (the region opened at line {begin_line}"
                             " is not closed)")
            begin_line = number
            indent = line[: len(line) - len(line.lstrip())]
            if student:
                out.append(f"{indent}# YOUR CODE HERE")
                out.append(f"{indent}{STUB}")
            continue
        if stripped == SOLUTION_END:
            if not begin_line:
                raise _error(path, number, f"{SOLUTION_END} without a {SOLUTION_BEGIN}")
            begin_line = 0
            continue
        if LOOKS_LIKE_MARKER.match(line):
            raise _error(path, number, f"unknown marker {stripped!r}; only {SOLUTION_BEGIN!r} and "
                         f"{SOLUTION_END!r} are understood (hidden checks live in hidden_checks.py)")
        if begin_line and student:
            continue
        out.append(line)
    if begin_line:
        raise _error(path, begin_line, f"{SOLUTION_BEGIN} is never closed in this cell")
    return "\n".join(out)


def _check_functions(source: str, path: str) -> dict[str, tuple[tuple[str, ...], str, int]]:
    """Top-level ``check_*`` functions of a checks file: name -> (parameters, docstring line, line)."""
    try:
        tree = ast.parse(source, filename=path)
    except SyntaxError as error:
        raise _error(path, error.lineno or 1, f"syntax error: {error.msg}") from None
    found = {}
    for node in tree.body:
        if isinstance(node, ast.FunctionDef) and node.name.startswith("check_"):
            params = tuple(a.arg for a in node.args.args)
            if node.args.vararg or node.args.kwarg or node.args.kwonlyargs or node.args.defaults:
                raise _error(path, node.lineno, f"{node.name}: a check takes only plain parameters, each"
                             " named after a student object")
            doc = ast.get_docstring(node) or ""
            if not doc.strip():
                raise _error(path, node.lineno, f"{node.name} needs a docstring: its first line tells the "
                             "student what the check looks for")
            found[node.name] = (params, doc.strip().splitlines()[0], node.lineno)
    return found


def load_exercise(folder: Path) -> Exercise:
    """Parse and check one exercise folder (``<root>/<topic>/<slug>/``)."""
    folder = Path(folder)
    topic, slug = folder.parent.name, folder.name
    rel = f"{topic}/{slug}"
    meta_path = folder / "meta.yaml"
    try:
        meta = yaml.safe_load(meta_path.read_text(encoding="utf-8")) or {}
    except yaml.YAMLError as error:
        line = getattr(getattr(error, "problem_mark", None), "line", 0) + 1
        raise _error(f"{rel}/meta.yaml", line, f"not valid YAML: {error}") from None
    if not isinstance(meta, dict):
        raise _error(f"{rel}/meta.yaml", 1, "must be a mapping")
    unknown = sorted(set(meta) - META_KEYS)
    if unknown:
        raise _error(f"{rel}/meta.yaml", 1, f"unknown key(s) {unknown}; known: {sorted(META_KEYS)}")
    for key in ("id", "title", "topic", "checks"):
        if key not in meta:
            raise _error(f"{rel}/meta.yaml", 1, f"missing required key {key!r}")
    exercise_id = str(meta["id"])
    if exercise_id != f"{topic}.{slug}" or meta["topic"] != topic:
        raise _error(f"{rel}/meta.yaml", 1,
                     f"id must be '{topic}.{slug}' and topic '{topic}' (the folder's names)")
    if not ID_PATTERN.match(exercise_id):
        raise _error(f"{rel}/meta.yaml", 1,
                     f"id {exercise_id!r} must be '<topic-id>.<slug>' in lower-case kebab case")
    solution = meta.get("solution", "public")
    if solution not in ("public", "instructor"):
        raise _error(f"{rel}/meta.yaml", 1, "solution must be 'public' or 'instructor'")

    text = (folder / "exercise.py").read_text(encoding="utf-8")
    cells = tuple(parse_percent(text, f"{rel}/exercise.py"))
    for cell in cells:
        if cell.kind == "markdown":
            for offset, line in enumerate(cell.source.splitlines()):
                if re.match(r"^#{1,6}\s", line):
                    raise _error(f"{rel}/exercise.py", cell.line + 1 + offset,
                                 "no headings in exercise cells: the title comes from meta.yaml")
        else:
            strip_solutions(cell.source, f"{rel}/exercise.py", cell.line, student=True)

    checks_source = (folder / "checks.py").read_text(encoding="utf-8")
    hidden_path = folder / "hidden_checks.py"
    hidden_source = hidden_path.read_text(encoding="utf-8") if hidden_path.exists() else ""
    public_fns = _check_functions(checks_source, f"{rel}/checks.py")
    hidden_fns = _check_functions(hidden_source, f"{rel}/hidden_checks.py") if hidden_source else {}
    expects = tuple(meta.get("expects") or ())

    checks: list[Check] = []
    for key, functions, hidden, filename in (("checks", public_fns, False, "checks.py"),
                                              ("hidden_checks", hidden_fns, True, "hidden_checks.py")):
        listed = meta.get(key) or {}
        if not isinstance(listed, dict):
            raise _error(f"{rel}/meta.yaml", 1, f"{key} must map check names to points")
        for name, points in listed.items():
            if name not in functions:
                raise _error(f"{rel}/meta.yaml", 1, f"{key} lists {name!r}, which {filename} does not define")
            if not isinstance(points, int | float) or isinstance(points, bool) or points <= 0:
                raise _error(f"{rel}/meta.yaml", 1, f"{name}: points must be a positive number")
            params, doc, line = functions[name]
            missing = [p for p in params if p not in expects]
            if missing:
                raise _error(f"{rel}/{filename}", line,
                             f"{name} takes {missing}, not listed in meta.yaml expects")
            checks.append(Check(name, float(points), hidden, doc, params, line))
        unlisted = sorted(set(functions) - set(listed))
        if unlisted:
            raise _error(f"{rel}/{filename}", functions[unlisted[0]][2], f"{unlisted[0]} is not listed under"
                         f" {key} in meta.yaml (give it points)")
    names = [c.name for c in checks]
    if len(set(names)) != len(names):
        raise _error(f"{rel}/meta.yaml", 1, "a check name is used twice (checks and hidden_checks)")

    mutants = []
    for path in sorted((folder / "mutants").glob("*.py")):
        source = path.read_text(encoding="utf-8")
        try:
            doc = ast.get_docstring(ast.parse(source)) or ""
        except SyntaxError as error:
            where = f"{rel}/mutants/{path.name}"
            raise _error(where, error.lineno or 1, f"syntax error: {error.msg}") from None
        if not doc.strip():
            raise _error(f"{rel}/mutants/{path.name}", 1,
                         "a mutant starts with a docstring saying what it gets wrong")
        mutants.append(Mutant(path.stem, doc.strip().splitlines()[0], source, path))

    return Exercise(
        id=exercise_id, topic=topic, slug=slug, title=str(meta["title"]), path=folder,
        objectives=tuple(str(o) for o in meta.get("objectives") or ()), expects=expects, solution=solution,
        seed=int(meta.get("seed", 0)), timeout_s=float(meta.get("timeout_s", 10)),
        minutes=int(meta["minutes"]) if meta.get("minutes") is not None else None,
        cells=cells, checks=tuple(checks), checks_source=checks_source, hidden_checks_source=hidden_source,
        mutants=tuple(mutants),
    )


def exercise_folders(root: Path | None = None) -> list[Path]:
    """Every ``<topic>/<slug>/`` folder under ``root`` (default: the course's ``exercises/``) that has a
    ``meta.yaml``, sorted by id."""
    from coursegrader.course import exercises_dir

    root = exercises_dir(root)
    return sorted(p.parent for p in Path(root).glob("*/*/meta.yaml"))


def load_all(root: Path | None = None) -> list[Exercise]:
    """All exercises under ``root``, sorted by id."""
    return [load_exercise(folder) for folder in exercise_folders(root)]


def find(exercise_id: str, root: Path | None = None) -> Exercise:
    """One exercise by id; an unknown id raises ``ValueError`` with close matches."""
    folders = {f"{p.parent.name}.{p.name}": p for p in exercise_folders(root)}
    if exercise_id not in folders:
        hint = _did_you_mean(exercise_id, folders)
        raise ValueError(f"No exercise {exercise_id!r}.{hint} Known: {', '.join(sorted(folders)) or 'none'}.")
    return load_exercise(folders[exercise_id])
