"""Prove that an exercise's checks are not vacuous, through the same worker and checker that grade students.

For every exercise: the reference solution passes every check; the blank student version fails every
check; every mutant (a known-wrong answer in ``mutants/``) fails at least one; and no solution text or
hidden check source appears in the student notebook or the public book page. Plus the rules of the
format: at least two checks and one mutant.
"""

from __future__ import annotations

import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from coursegrader.generate import build_notebook, notebook_text, topic_page
from coursegrader.runner import CheckJob, Limits, SandboxResult, run_submission
from coursegrader.source import Exercise

MIN_CHECKS = 2
MIN_MUTANTS = 1


@dataclass
class Report:
    exercise: Exercise
    problems: list[str] = field(default_factory=list)
    lines: list[str] = field(default_factory=list)


def _distinctive_lines(text: str, common: str) -> list[str]:
    """Lines of ``text`` long enough to be telling and absent from ``common`` (the public material)."""
    common_lines = {line.strip() for line in common.splitlines()}
    out = []
    for line in text.splitlines():
        stripped = line.strip()
        if len(stripped) >= 12 and stripped not in common_lines and not stripped.startswith(('"""', "#")):
            out.append(stripped)
    return out


def leaks(exercise: Exercise, topics=None, repo_root=None) -> list[str]:
    """Solution or hidden-check lines found in the student notebook or the public book page."""
    student = notebook_text(build_notebook(exercise))
    page = topic_page(exercise.topic, [exercise], topics, repo_root)
    student_text = "\n".join(source for _, source in exercise.student_cells())
    public_material = student_text + "\n" + exercise.checks_source
    problems = []
    secret = [("solution", line) for region in exercise.solution_regions()
              for line in _distinctive_lines(region, public_material)]
    hidden_body = "\n".join(line for line in exercise.hidden_checks_source.splitlines()
                            if not line.strip().startswith("def check_"))
    secret += [("hidden check", line) for line in _distinctive_lines(hidden_body, public_material)]
    for kind, line in secret:
        if line in student:
            problems.append(f"{kind} text appears in the student notebook: {line!r}")
        if (kind == "hidden check" or exercise.solution == "instructor") and line in page:
            problems.append(f"{kind} text appears in the public book page: {line!r}")
    return problems


def _jobs(exercise: Exercise) -> tuple[list[tuple[str, str]], list[CheckJob]]:
    modules = [(f"{exercise.id}/checks.py", exercise.checks_source)]
    if exercise.hidden_checks_source:
        modules.append((f"{exercise.id}/hidden_checks.py", exercise.hidden_checks_source))
    checks = [CheckJob(f"{exercise.id}/{'hidden_checks' if c.hidden else 'checks'}.py", c.name,
                       exercise.timeout_s, exercise.seed) for c in exercise.checks]
    return modules, checks


def _cells(sources: list[str]) -> list[tuple[int, int, str]]:
    return [(i, i + 1, source) for i, source in enumerate(sources)]


def _runs(exercise: Exercise) -> list[tuple[str, list[tuple[int, int, str]]]]:
    reference = [source for kind, source, _ in exercise.solution_cells(instructor=True) if kind == "code"]
    blank = [source for kind, source in exercise.student_cells() if kind == "code"]
    runs = [("reference", _cells(reference)), ("blank", _cells(blank))]
    runs += [(f"mutant {m.name}", _cells([*reference, m.source])) for m in exercise.mutants]
    return runs


def validate(exercises: list[Exercise], *, jobs: int = 1, limits: Limits | None = None, topics=None,
             echo=print, repo_root=None) -> int:
    """Validate ``exercises``; print a report; return 0 when all are valid, else 1."""
    started = time.monotonic()
    limits = limits or Limits()
    reports = {e.id: Report(e) for e in exercises}
    tasks = []
    for exercise in exercises:
        report = reports[exercise.id]
        if len(exercise.checks) < MIN_CHECKS:
            report.problems.append(f"has {len(exercise.checks)} check(s); an exercise needs at least"
                                   f" {MIN_CHECKS}")
        if len(exercise.mutants) < MIN_MUTANTS:
            report.problems.append(f"has no mutants; add at least {MIN_MUTANTS} known-wrong answer in"
                                   " mutants/")
        report.problems += leaks(exercise, topics, repo_root)
        modules, checks = _jobs(exercise)
        for label, cells in _runs(exercise):
            tasks.append((exercise, label, cells, modules, checks))

    def run(task) -> SandboxResult:
        exercise, _label, cells, modules, checks = task
        return run_submission(cells, modules, checks, limits=limits, seed=exercise.seed)

    from coursegrader.runner import close_checkers

    try:
        with ThreadPoolExecutor(max_workers=max(1, jobs)) as pool:
            outcomes = list(pool.map(run, tasks))
    finally:
        close_checkers()

    for (exercise, label, *_), outcome in zip(tasks, outcomes, strict=True):
        report = reports[exercise.id]
        names = [c.name for c in exercise.checks]
        passed = [n for n, (status, _) in zip(names, outcome.results, strict=True) if status == "pass"]
        failed = [(n, reason) for n, (status, reason) in zip(names, outcome.results, strict=True)
                  if status != "pass"]
        if label == "reference":
            report.lines.append(f"  reference   passes {len(passed)}/{len(names)} checks")
            for name, reason in failed:
                report.problems.append(f"the reference solution fails {name}: {reason}")
            for error in outcome.cell_errors:
                report.problems.append(f"the reference solution's notebook raised an error: {error}")
        elif label == "blank":
            report.lines.append(f"  blank       fails  {len(failed)}/{len(names)} checks")
            for name in passed:
                report.problems.append(f"{name} passes on the blank student version: it cannot tell an answer"
                                       " from no answer (a check must fail until the student writes code)")
        else:
            mutant = next(m for m in exercise.mutants if f"mutant {m.name}" == label)
            caught = ", ".join(n for n, _ in failed) or "nothing"
            report.lines.append(f"  {label:<30} caught by {caught}")
            if not failed:
                report.problems.append(f"{label} ({mutant.description}) passes every check: add a check that"
                                       " catches it")
    bad = 0
    for exercise in exercises:
        report = reports[exercise.id]
        status = "ok" if not report.problems else "INVALID"
        counts = (f"{len(exercise.public_checks)} public + {len(exercise.hidden_checks)} hidden checks,"
                  f" {len(exercise.mutants)} mutants")
        echo(f"{exercise.id}: {status} ({counts})")
        for line in report.lines:
            echo(line)
        for problem in report.problems:
            echo(f"  problem: {problem}")
        bad += bool(report.problems)
    elapsed = time.monotonic() - started
    echo(f"{len(exercises) - bad} of {len(exercises)} exercise(s) valid in {elapsed:.1f} s")
    return 1 if bad else 0
