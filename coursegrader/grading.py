"""Grade a class's notebooks: read each submission leniently, run it in the sandbox, write the outputs.

``SUBMISSIONS/<student>/*.ipynb`` (or ``SUBMISSIONS/<student>.ipynb``) in, and out:

- ``grades_long.csv``: one row per student, exercise and check (score, max, status, reason);
- ``gradebook.csv``: one row per student, one column per exercise id, and the total;
- ``feedback/<student>.md``: what passed, what failed and why (hidden checks: pass or fail only);
- ``gradescope/<student>/results.json`` with ``--format gradescope`` (hidden checks ``after_published``);
- ``logs/<student>.txt``: the notebook's own output (capped) and errors, for the instructor.

- ``journal/<student>.json``: each student's result, written atomically as soon as that student is graded.
  A grader that is stopped at any moment and run again with the same arguments reuses every journal entry
  whose inputs (the submission's bytes, the assignment, its checks, the limits) are unchanged, grades only
  the rest, and writes the same files an uninterrupted run writes.

A notebook is matched to an exercise by its metadata (``exercises.ids``, written into every student
notebook), then by file name, then, when a student handed in one notebook only, by being the only one.
Nothing depends on cell ids or order: the grader runs every code cell, then looks up names.
"""

from __future__ import annotations

import csv
import dataclasses
import hashlib
import io
import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from coursegrader.assignment import Assignment, Item
from coursegrader.channel import loads_bounded
from coursegrader.files import write_text_atomically
from coursegrader.isolation import KEPT_WITHOUT_ISOLATION, LOST_WITHOUT_ISOLATION
from coursegrader.runner import CheckJob, Limits, run_submission

MAX_NOTEBOOK_BYTES = 64 * 1024 * 1024
MAX_NOTEBOOK_DEPTH = 64
JOURNAL_VERSION = 1

STATUS_WORDS = {"pass": "passed", "fail": "failed", "timeout": "took too long", "error": "gave no result"}


@dataclass
class Notebook:
    path: Path
    cells: list[tuple[int, int, str]] = field(default_factory=list)
    ids: tuple[str, ...] = ()
    problem: str | None = None  # why it cannot be run at all
    content: bytes = b""


@dataclass
class Row:
    student: str
    exercise: str
    check: str
    description: str
    hidden: bool
    score: float
    max_score: float
    status: str
    reason: str
    notebook: str


@dataclass
class StudentResult:
    student: str
    rows: list[Row] = field(default_factory=list)
    notes: dict[str, list[str]] = field(default_factory=dict)  # notebook -> cell errors and notes
    logs: dict[str, str] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)  # could not be graded: the exit status becomes 1


def read_notebook(path: Path) -> Notebook:
    """Read ``path`` without trusting it: any problem becomes ``Notebook.problem``, never an exception."""
    notebook = Notebook(path)
    try:
        return _read_notebook(path, notebook)
    except Exception as error:
        notebook.cells = []
        notebook.problem = f"{path.name} could not be read ({type(error).__name__}); hand in the notebook again"
        return notebook


def _read_notebook(path: Path, notebook: Notebook) -> Notebook:
    if path.is_symlink():
        notebook.problem = f"{path.name} is a symbolic link, not a notebook: hand in the file itself"
        return notebook
    try:
        if not path.is_file():
            notebook.problem = f"{path.name} is not a regular file"
            return notebook
        size = path.stat().st_size
        if size > MAX_NOTEBOOK_BYTES:
            notebook.problem = (f"{path.name} is {size / 1e6:.0f} MB, more than the grader reads "
                                f"({MAX_NOTEBOOK_BYTES // (1024 * 1024)} MB): clear the outputs and hand it in again")
            return notebook
        notebook.content = path.read_bytes()
        text = notebook.content.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        notebook.problem = f"could not read {path.name}: {type(error).__name__} (is it a notebook, saved as text?)"
        return notebook
    if not text.strip():
        notebook.problem = f"{path.name} is an empty file"
        return notebook
    try:
        data = loads_bounded(text.encode("utf-8"), max_bytes=MAX_NOTEBOOK_BYTES, max_depth=MAX_NOTEBOOK_DEPTH)
    except ValueError as error:
        notebook.problem = (f"{path.name} is not a valid notebook: {error}. Download the notebook again from "
                            "Jupyter (File > Download).")
        return notebook
    if not isinstance(data, dict):
        notebook.problem = f"{path.name} is not a notebook (the JSON is not an object)"
        return notebook
    metadata = data.get("metadata") if isinstance(data.get("metadata"), dict) else {}
    recorded = metadata.get("exercises")
    listed = recorded.get("ids") if isinstance(recorded, dict) else None
    if isinstance(listed, list):
        notebook.ids = tuple(str(i) for i in listed if isinstance(i, str))
    if data.get("nbformat") == 3 and isinstance(data.get("worksheets"), list):
        raw_cells = [c for sheet in data["worksheets"] if isinstance(sheet, dict)
                     for c in sheet.get("cells") or []]
        field_name = "input"
    else:
        raw_cells = data.get("cells")
        field_name = "source"
        if not isinstance(raw_cells, list):
            notebook.problem = f"{path.name} is not a notebook (it has no list of cells)"
            return notebook
    for number, cell in enumerate(raw_cells, start=1):
        if not isinstance(cell, dict) or cell.get("cell_type") != "code":
            continue
        source = cell.get(field_name, "")
        if isinstance(source, list):
            source = "".join(s for s in source if isinstance(s, str))
        if not isinstance(source, str) or not source.strip():
            continue
        notebook.cells.append((len(notebook.cells), number, source))
    return notebook


def discover(submissions: Path) -> dict[str, list[Path]]:
    """{student: notebooks}: one folder per student, or one ``<student>.ipynb`` file each."""
    found: dict[str, list[Path]] = {}
    for entry in sorted(Path(submissions).iterdir()):
        if entry.name.startswith("."):
            continue
        if entry.is_dir() and not entry.is_symlink():
            found[entry.name] = sorted(p for p in entry.rglob("*.ipynb")
                                       if ".ipynb_checkpoints" not in p.parts)
        elif entry.is_symlink() and entry.is_dir():
            found[entry.name] = []
        elif entry.suffix == ".ipynb":
            found.setdefault(entry.stem, []).append(entry)
    return found


def safe_name(student: str) -> str:
    """A file name for ``student``: the name itself when it is plain, else a cleaned name plus a short hash
    (so two odd names never share a file)."""
    clean = re.sub(r"[^A-Za-z0-9._@-]", "_", student)[:80].lstrip(".") or "_"
    if clean == student:
        return clean
    digest = hashlib.sha256(student.encode("utf-8", "surrogateescape")).hexdigest()[:8]
    return f"{clean}-{digest}"


def _match(item: Item, notebooks: list[Notebook]) -> tuple[Notebook | None, str]:
    """The notebook that holds ``item``'s answers, and a note when the choice needed guessing."""
    exercise_id = item.exercise.id
    by_metadata = [n for n in notebooks if exercise_id in n.ids]
    by_name = [n for n in notebooks if exercise_id.lower() in n.path.name.lower()]
    for candidates in (by_metadata, by_name):
        if candidates:
            exact = [n for n in candidates if n.path.name == f"{exercise_id}.ipynb"]
            chosen = (exact or sorted(candidates, key=lambda n: (len(n.path.name), n.path.name)))[0]
            note = "" if len(candidates) == 1 else f"several notebooks match; graded {chosen.path.name}"
            return chosen, note
    if len(notebooks) == 1:
        return notebooks[0], f"graded the only notebook handed in, {notebooks[0].path.name}"
    return None, ""


def grade_student(student: str, paths: list[Path], assignment: Assignment, limits: Limits) -> StudentResult:
    """Grade one student's notebooks (one sandboxed run per notebook, all its exercises' checks at once)."""
    result = StudentResult(student)
    notebooks = [read_notebook(p) for p in paths]
    plan: dict[Path, list[Item]] = {}
    chosen: dict[str, Notebook] = {}
    for item in assignment.items:
        notebook, note = _match(item, notebooks)
        if notebook is None:
            continue
        chosen[item.exercise.id] = notebook
        plan.setdefault(notebook.path, []).append(item)
        if note:
            result.notes.setdefault(notebook.path.name, []).append(note)
    outcomes = {}
    for path, items in plan.items():
        notebook = next(n for n in notebooks if n.path == path)
        if notebook.problem or not notebook.cells:
            continue
        modules, checks = [], []
        for item in items:
            exercise = item.exercise
            modules.append((f"{exercise.id}/checks.py", exercise.checks_source))
            if exercise.hidden_checks_source:
                modules.append((f"{exercise.id}/hidden_checks.py", exercise.hidden_checks_source))
            for check in exercise.checks:
                module = f"{exercise.id}/{'hidden_checks' if check.hidden else 'checks'}.py"
                checks.append(CheckJob(module, check.name, exercise.timeout_s, exercise.seed))
        outcomes[path] = run_submission(notebook.cells, modules, checks, limits=limits,
                                       seed=items[0].exercise.seed, filename=path.name,
                                       content=notebook.content)

    for item in assignment.items:
        exercise = item.exercise
        notebook = chosen.get(exercise.id)
        points = item.check_points()
        if notebook is None:
            reason = f"no notebook for this exercise was handed in (expected {exercise.id}.ipynb)"
            result.problems.append(f"{exercise.id}: no notebook")
            per_check = [("error", reason)] * len(exercise.checks)
        elif notebook.problem:
            result.problems.append(notebook.problem)
            per_check = [("error", notebook.problem)] * len(exercise.checks)
        elif not notebook.cells:
            per_check = [("fail", f"{notebook.path.name} has no code cells: is it the right file, and was it"
                          " saved before handing in?")] * len(exercise.checks)
        else:
            outcome = outcomes[notebook.path]
            offset = 0
            for other in plan[notebook.path]:
                if other is item:
                    break
                offset += len(other.exercise.checks)
            per_check = outcome.results[offset: offset + len(exercise.checks)]
            result.notes.setdefault(notebook.path.name, [])
            for message in [*outcome.cell_errors, *outcome.notes]:
                if message not in result.notes[notebook.path.name]:
                    result.notes[notebook.path.name].append(message)
            result.logs[notebook.path.name] = outcome.output
            if any(status == "error" for status, _ in per_check):
                result.problems.append(f"{exercise.id}: a check gave no result (the process stopped)")
        for check, value, (status, reason) in zip(exercise.checks, points, per_check, strict=True):
            result.rows.append(Row(student, exercise.id, check.name, check.description, check.hidden,
                                   value if status == "pass" else 0.0, value, status, reason,
                                   notebook.path.name if notebook else ""))
    return result


def _number(value: float) -> str:
    return f"{round(value, 4):g}"


def feedback_markdown(result: StudentResult, assignment: Assignment) -> str:
    total = sum(r.score for r in result.rows)
    lines = [f"# Feedback: {assignment.title}", "", f"Student: `{result.student}` · "
             f"total {_number(total)} of {_number(assignment.points)} points", ""]
    for item in assignment.items:
        rows = [r for r in result.rows if r.exercise == item.exercise.id]
        score = sum(r.score for r in rows)
        heading = f"## {item.exercise.title} (`{item.exercise.id}`)"
        lines += [f"{heading}: {_number(score)} of {_number(item.points)}", ""]
        if rows and rows[0].notebook:
            lines += [f"Graded notebook: `{rows[0].notebook}`", ""]
        for row in rows:
            mark = "✓" if row.status == "pass" else "✗"
            points = f"{_number(row.score)} of {_number(row.max_score)}"
            if row.hidden:
                lines.append(f"- {mark} hidden check `{row.check}` {STATUS_WORDS[row.status]} ({points})")
            else:
                reason = f": {row.reason}" if row.status != "pass" and row.reason else ""
                lines.append(f"- {mark} {row.description.rstrip('.')} ({points}){reason}")
        if any(r.hidden and r.status != "pass" for r in rows):
            lines.append("")
            lines.append("Hidden checks show only whether they passed; ask your instructor about them.")
        notes = result.notes.get(rows[0].notebook, []) if rows and rows[0].notebook else []
        if notes:
            lines += ["", "What happened when your notebook ran:", ""]
            lines += [f"- {note}" for note in notes]
        lines.append("")
    return "\n".join(lines)


def gradescope_json(result: StudentResult, assignment: Assignment) -> str:
    tests = []
    for number, row in enumerate(result.rows, start=1):
        tests.append({
            "name": (f"[hidden] {row.exercise}: {row.check}" if row.hidden
                     else f"{row.exercise}: {row.description.rstrip('.')}"),
            "number": str(number),
            "score": round(row.score, 4),
            "max_score": round(row.max_score, 4),
            "status": "passed" if row.status == "pass" else "failed",
            "output": row.reason if row.status != "pass" and not row.hidden else "",
            "visibility": "after_published" if row.hidden else "visible",
        })
    data = {"score": round(sum(r.score for r in result.rows), 4), "visibility": "visible",
            "output": f"{assignment.title}: {len(tests)} checks", "tests": tests}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _csv(rows: list[list]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def _fingerprint(assignment: Assignment, limits: Limits) -> str:
    parts = [str(JOURNAL_VERSION), json.dumps(dataclasses.asdict(limits), sort_keys=True), assignment.title]
    for item in assignment.items:
        exercise = item.exercise
        parts += [exercise.id, repr(item.points), exercise.checks_source, exercise.hidden_checks_source,
                  repr([(c.name, c.points, c.hidden, c.description) for c in exercise.checks]),
                  repr((exercise.seed, exercise.timeout_s, exercise.title))]
    return hashlib.sha256("\0".join(parts).encode("utf-8")).hexdigest()


def _submission_key(student: str, paths: list[Path], fingerprint: str) -> str:
    digest = hashlib.sha256()
    for part in (fingerprint, student):
        digest.update(part.encode("utf-8", "surrogateescape") + b"\0")
    for path in paths:
        digest.update(str(path.name).encode("utf-8", "surrogateescape") + b"\0")
        try:
            digest.update(b"link" if path.is_symlink() else hashlib.sha256(path.read_bytes()).digest())
        except OSError as error:
            digest.update(type(error).__name__.encode())
    return digest.hexdigest()


def _result_to_json(result: StudentResult, key: str) -> str:
    data = {"key": key, "student": result.student, "rows": [dataclasses.asdict(r) for r in result.rows],
            "notes": result.notes, "logs": result.logs, "problems": result.problems}
    return json.dumps(data, ensure_ascii=False, indent=1) + "\n"


def _result_from_journal(path: Path, key: str) -> StudentResult | None:
    try:
        data = loads_bounded(path.read_bytes(), max_bytes=64 * 1024 * 1024, max_depth=16)
        if not isinstance(data, dict) or data.get("key") != key:
            return None
        return StudentResult(data["student"], [Row(**r) for r in data["rows"]], data["notes"], data["logs"],
                             data["problems"])
    except (OSError, ValueError, KeyError, TypeError):
        return None


def _failed_student(student: str, assignment: Assignment, error: BaseException) -> StudentResult:
    """A student whose grading raised inside the grader: every check 0 points, with the reason."""
    result = StudentResult(student)
    reason = f"the grader could not grade this submission ({type(error).__name__}: {str(error)[:200]})"
    result.problems.append(reason)
    for item in assignment.items:
        for check, value in zip(item.exercise.checks, item.check_points(), strict=True):
            result.rows.append(Row(student, item.exercise.id, check.name, check.description, check.hidden, 0.0,
                                   value, "error", reason, ""))
    return result


def isolation_warning(limits: Limits) -> list[str]:
    if limits.isolate:
        return []
    return ["Graded WITHOUT isolation (--no-isolation). These guarantees do not hold: "
            + "; ".join(LOST_WITHOUT_ISOLATION) + f". Still true: {KEPT_WITHOUT_ISOLATION}."]


def grade(submissions: Path, assignment: Assignment, out: Path, *, jobs: int = 1,
          formats: tuple[str, ...] = ("csv",), limits: Limits | None = None, echo=print) -> int:
    """Grade everything under ``submissions`` into ``out``, resuming from ``out/journal``.

    Returns 0, or 1 when some submission could not be graded (it still gets its row and feedback)."""
    from coursegrader.runner import close_checkers

    started = time.monotonic()
    limits = limits or Limits()
    students = discover(submissions)
    out = Path(out)
    for folder in ("feedback", "logs", "journal", *(("gradescope",) if "gradescope" in formats else ())):
        (out / folder).mkdir(parents=True, exist_ok=True)
    fingerprint = _fingerprint(assignment, limits)
    keys = {name: _submission_key(name, paths, fingerprint) for name, paths in students.items()}
    results: dict[str, StudentResult] = {}
    for name in students:
        journaled = _result_from_journal(out / "journal" / f"{safe_name(name)}.json", keys[name])
        if journaled is not None:
            results[name] = journaled
    resumed = len(results)

    def one(name: str) -> StudentResult:
        try:
            result = grade_student(name, students[name], assignment, limits)
        except Exception as error:
            result = _failed_student(name, assignment, error)
        write_text_atomically(out / "journal" / f"{safe_name(name)}.json", _result_to_json(result, keys[name]))
        return result

    # -j N grades N students at a time; each result is journaled as it finishes, and the outputs are written
    # in student order afterwards, so they do not depend on N or on interruptions.
    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            futures = {name: pool.submit(one, name) for name in students if name not in results}
            results.update({name: future.result() for name, future in futures.items()})
    finally:
        close_checkers()
    ordered = [results[name] for name in sorted(results)]
    warning = isolation_warning(limits)
    long_rows = [["student", "exercise", "check", "hidden", "score", "max_score", "status", "reason",
                  "notebook"]]
    wide_rows = [["student", *[item.exercise.id for item in assignment.items], "total"]]
    for result in ordered:
        for row in result.rows:
            long_rows.append([row.student, row.exercise, row.check, "yes" if row.hidden else "no",
                              _number(row.score), _number(row.max_score), row.status, row.reason,
                              row.notebook])
        per = [_number(sum(r.score for r in result.rows if r.exercise == item.exercise.id))
               for item in assignment.items]
        wide_rows.append([result.student, *per, _number(sum(r.score for r in result.rows))])
        name = safe_name(result.student)
        feedback = feedback_markdown(result, assignment)
        if warning:
            feedback += "\n> Note from the grader: " + warning[0] + "\n"
        write_text_atomically(out / "feedback" / f"{name}.md", feedback)
        log = [f"# {result.student}", ""]
        for notebook, text in sorted(result.logs.items()):
            log += [f"## {notebook}", "", *result.notes.get(notebook, []), "", text]
        write_text_atomically(out / "logs" / f"{name}.txt", "\n".join(log) + "\n")
        if "gradescope" in formats:
            target = out / "gradescope" / name
            target.mkdir(parents=True, exist_ok=True)
            write_text_atomically(target / "results.json", gradescope_json(result, assignment))
    write_text_atomically(out / "grades_long.csv", _csv(long_rows))
    write_text_atomically(out / "gradebook.csv", _csv(wide_rows))
    problems = [(r.student, p) for r in ordered for p in r.problems]
    elapsed = time.monotonic() - started
    mode = "isolated with bubblewrap" if limits.isolate else "WITHOUT isolation"
    echo(f"graded {len(ordered)} student(s) on {len(assignment.items)} exercise(s) in {elapsed:.1f} s"
         f" with -j {jobs}, {mode}" + (f" ({resumed} resumed from the journal)" if resumed else "")
         + f"; results in {out}")
    for line in warning:
        echo(f"warning: {line}")
    if problems:
        echo(f"{len(problems)} problem(s) need a look (scored 0 with a reason):")
        for student, problem in problems:
            echo(f"  {student}: {problem}")
    return 1 if problems else 0
