"""Grade a class's notebooks: read each submission leniently, run it in the sandbox, write the outputs.

``SUBMISSIONS/<student>/*.ipynb`` (or ``SUBMISSIONS/<student>.ipynb``) in, and out:

- ``grades_long.csv``: one row per student, exercise and check (score, max, status, reason);
- ``gradebook.csv``: one row per student, one column per exercise id, and the total;
- ``feedback/<student>.md``: what passed, what failed and why (hidden checks: pass or fail only);
- ``gradescope/<student>/results.json`` with ``--format gradescope`` (hidden checks ``after_published``);
- ``logs/<student>.txt``: the notebook's own output (capped) and errors, for the instructor.

A notebook is matched to an exercise by its metadata (``exercises.ids``, written into every student
notebook), then by file name, then, when a student handed in one notebook only, by being the only one.
Nothing depends on cell ids or order: the grader runs every code cell, then looks up names.
"""

from __future__ import annotations

import csv
import io
import json
import re
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

from exercises.assignment import Assignment, Item
from exercises.files import write_text_atomically
from exercises.runner import CheckJob, Limits, run_sandboxed

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
        notebook.content = path.read_bytes()
        text = notebook.content.decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as error:
        notebook.problem = f"could not read {path.name}: {type(error).__name__}"
        return notebook
    if not text.strip():
        notebook.problem = f"{path.name} is an empty file"
        return notebook
    try:
        data = json.loads(text)
    except json.JSONDecodeError as error:
        notebook.problem = (f"{path.name} is not a valid notebook: it is not JSON ({error.msg} at line "
                            f"{error.lineno}, column {error.colno}). Download the notebook again from "
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
        if entry.is_dir():
            found[entry.name] = sorted(p for p in entry.rglob("*.ipynb")
                                       if ".ipynb_checkpoints" not in p.parts)
        elif entry.suffix == ".ipynb":
            found.setdefault(entry.stem, []).append(entry)
    return found


def safe_name(student: str) -> str:
    return re.sub(r"[^A-Za-z0-9._@-]", "_", student) or "_"


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
        outcomes[path] = run_sandboxed(notebook.cells, modules, checks, limits=limits,
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
            "output": row.reason if row.status != "pass" else "",
            "visibility": "after_published" if row.hidden else "visible",
        })
    data = {"score": round(sum(r.score for r in result.rows), 4), "visibility": "visible",
            "output": f"{assignment.title}: {len(tests)} checks", "tests": tests}
    return json.dumps(data, indent=2, ensure_ascii=False) + "\n"


def _csv(rows: list[list]) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\n").writerows(rows)
    return buffer.getvalue()


def grade(submissions: Path, assignment: Assignment, out: Path, *, jobs: int = 1,
          formats: tuple[str, ...] = ("csv",), limits: Limits | None = None, echo=print) -> int:
    """Grade everything under ``submissions`` into ``out``.

    Returns 0, or 1 when some submission could not be graded (it still gets its row and feedback)."""
    started = time.monotonic()
    limits = limits or Limits()
    students = discover(submissions)
    out = Path(out)
    for folder in ("feedback", "logs", *(("gradescope",) if "gradescope" in formats else ())):
        (out / folder).mkdir(parents=True, exist_ok=True)
    # -j N grades N students at a time, each in its own sandboxed child; the outputs are written in
    # student order afterwards, so they do not depend on N.
    with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
        futures = {name: pool.submit(grade_student, name, paths, assignment, limits)
                   for name, paths in students.items()}
        results = {name: future.result() for name, future in futures.items()}
    ordered = [results[name] for name in sorted(results)]
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
        write_text_atomically(out / "feedback" / f"{name}.md", feedback_markdown(result, assignment))
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
    echo(f"graded {len(ordered)} student(s) on {len(assignment.items)} exercise(s) in {elapsed:.1f} s"
         f" with -j {jobs}; results in {out}")
    if problems:
        echo(f"{len(problems)} problem(s) need a look (scored 0 with a reason):")
        for student, problem in problems:
            echo(f"  {student}: {problem}")
    return 1 if problems else 0
