"""The instructors' command line: ``coursegrader list | validate | generate | release | link | grade``
(also ``python -m coursegrader ...``).

The course is the folder given with ``--course``, or the one found by walking up from the working directory
(a folder with ``_config.yml`` and ``exercises/``). Exit codes: 0 done, 1 something failed (an invalid
exercise, stale files, a submission that could not be graded), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coursegrader.course import CourseNotFound, course_root
from coursegrader.source import SourceError


def _exercises(args) -> Path:
    if args.exercises:
        return Path(args.exercises)
    return course_root(args.course) / "exercises"


def _limits(args, *, isolate: bool):
    from coursegrader.runner import Limits

    return Limits(cell_timeout_s=args.cell_timeout, check_timeout_s=args.check_timeout,
                  total_timeout_s=args.total_timeout, memory_mb=args.memory_mb, isolate=isolate)


def _isolation(args, parser, *, required: bool) -> bool:
    """Whether to isolate: always when bubblewrap works; otherwise refuse (grade) unless --no-isolation."""
    from coursegrader import isolation

    if args.no_isolation:
        return False
    probe = isolation.probe()
    if probe.available:
        root = course_root(args.course) if not args.exercises else None
        shown = isolation.exposes(root) if root else []
        if shown:
            parser.error(f"the worker would see the course repository through {shown[0]} (the Python environment "
                         "lives in it); install the course's packages into an environment outside the repository")
        return True
    if required:
        print(f"error: cannot isolate student code: {probe.reason}.\n"
              "Run with --no-isolation to grade anyway (the feedback and summary will then say which guarantees "
              "do not hold).", file=sys.stderr)
        raise SystemExit(2)
    print(f"coursegrader: note: running without isolation ({probe.reason})", file=sys.stderr)
    return False


def _sandbox_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("limits and isolation")
    group.add_argument("--cell-timeout", type=float, default=10.0, metavar="S",
                       help="seconds one notebook cell may run (default 10)")
    group.add_argument("--check-timeout", type=float, default=None, metavar="S",
                       help="seconds every check may run (default: each exercise's timeout_s)")
    group.add_argument("--total-timeout", type=float, default=120.0, metavar="S",
                       help="hard limit for one notebook, restarts included (default 120)")
    group.add_argument("--memory-mb", type=int, default=2048, metavar="MB",
                       help="address-space limit of the student's process (default 2048)")
    group.add_argument("--no-isolation", action="store_true",
                       help="run student code without bubblewrap (it can then read and change your files)")


def cmd_list(args, parser) -> int:
    from coursegrader import source

    exercises = [e for e in source.load_all(_exercises(args)) if not args.topic or e.topic == args.topic]
    if not exercises:
        print("no exercises" + (f" for topic {args.topic}" if args.topic else ""))
        return 0
    width = max(len(e.id) for e in exercises)
    print(f"{'id':<{width}}  points  checks  solution    title")
    for e in exercises:
        checks = f"{len(e.public_checks)}+{len(e.hidden_checks)}h"
        print(f"{e.id:<{width}}  {e.points:>6g}  {checks:<6}  {e.solution:<10}  {e.title}")
    return 0


def cmd_validate(args, parser) -> int:
    from coursegrader import source
    from coursegrader.validate import validate

    root = _exercises(args)
    try:
        exercises = [source.find(i, root) for i in args.ids] if args.ids else source.load_all(root)
    except ValueError as error:
        if isinstance(error, SourceError):
            raise
        parser.error(str(error))
    isolate = _isolation(args, parser, required=False)
    return validate(exercises, jobs=args.jobs, limits=_limits(args, isolate=isolate),
                    repo_root=None if args.exercises else course_root(args.course))


def cmd_generate(args, parser) -> int:
    from coursegrader.generate import generated_files, stale_files, write_files

    repo = course_root(args.course)
    files = generated_files(Path(args.exercises) if args.exercises else None, repo)
    out = Path(args.out) if args.out else repo
    if args.check:
        stale = stale_files(files, out)
        for path in stale:
            print(f"out of date: {path}")
        if stale:
            print("run `python -m coursegrader generate` and commit the result")
        return 1 if stale else 0
    for path in write_files(files, out):
        print(f"wrote {path}")
    return 0


def cmd_link(args, parser) -> int:
    from urllib.parse import urlsplit

    from coursegrader.assignment import nbgitpuller_link
    from coursegrader.generate import _repository, repository_url

    root = course_root(args.course)
    repo = args.repo or repository_url(root)
    if not repo:
        parser.error("no --repo given and no repository.url in _config.yml")
    hub = urlsplit(args.hub)
    if hub.scheme not in ("http", "https") or not hub.netloc:
        parser.error(f"--hub must be the hub's web address, like https://hub.example.edu, not {args.hub!r}")
    notebook = args.notebook.lstrip("./")
    if not notebook.endswith(".ipynb"):
        parser.error(f"{args.notebook!r} is not a notebook path (it should end in .ipynb)")
    branch = args.branch or _repository(root).get("branch") or "main"
    print(nbgitpuller_link(args.hub, repo, branch, notebook))
    return 0


def _assignment(args, parser):
    from coursegrader.assignment import AssignmentError, load_assignment

    try:
        return load_assignment(Path(args.assignment), _exercises(args))
    except AssignmentError as error:
        parser.error(str(error))


def cmd_release(args, parser) -> int:
    from coursegrader.assignment import nbgitpuller_link, release

    assignment = _assignment(args, parser)
    if bool(args.hub) != bool(args.repo):
        parser.error("--hub and --repo go together")
    written = release(assignment, Path(args.out), key=Path(args.key) if args.key else None, hub=args.hub,
                      repo=args.repo, branch=args.branch)
    for path in written:
        print(f"wrote {path}")
    if args.hub:
        for item in assignment.items:
            link = nbgitpuller_link(args.hub, args.repo, args.branch, f"{item.exercise.id}.ipynb")
            print(f"{item.exercise.id}: {link}")
    return 0


def cmd_grade(args, parser) -> int:
    from coursegrader.guard import guard_signals

    # The guard blocks signals in this thread before anything (NumPy's BLAS pool) starts threads of its own,
    # so that every thread inherits the block and only the guard's thread receives them.
    with guard_signals():
        return _grade(args, parser)


def _grade(args, parser) -> int:
    from coursegrader.grading import grade

    submissions = Path(args.submissions)
    if not submissions.is_dir():
        parser.error(f"{submissions} is not a folder")
    formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
    unknown = sorted(set(formats) - {"csv", "gradescope"})
    if unknown:
        parser.error(f"unknown format(s) {unknown}; choose from csv, gradescope")
    if args.jobs < 1:
        parser.error("-j must be at least 1")
    assignment = _assignment(args, parser)
    isolate = _isolation(args, parser, required=True)
    return grade(submissions, assignment, Path(args.out), jobs=args.jobs, formats=formats,
                 limits=_limits(args, isolate=isolate))


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="coursegrader", description=__doc__.splitlines()[0])
    parser.add_argument("--course", metavar="DIR",
                        help="the course folder (default: found from the working directory)")
    parser.add_argument("--exercises", metavar="DIR",
                        help="folder of exercise sources (default: the course's exercises/)")
    commands = parser.add_subparsers(dest="command", required=True)

    listing = commands.add_parser("list", help="list exercises")
    listing.add_argument("--topic", help="only this roadmap topic")
    listing.set_defaults(func=cmd_list)

    validate = commands.add_parser("validate", help="prove that the checks of exercises are not vacuous")
    validate.add_argument("ids", nargs="*", help="exercise ids (default: all)")
    validate.add_argument("-j", "--jobs", type=int, default=1, help="parallel runs (default 1)")
    _sandbox_options(validate)
    validate.set_defaults(func=cmd_validate)

    generate = commands.add_parser("generate", help="write student notebooks and book pages from the sources")
    generate.add_argument("--out", help="write under this folder instead of the course (for comparisons)")
    generate.add_argument("--check", action="store_true", help="write nothing; exit 1 if a file is out of date")
    generate.set_defaults(func=cmd_generate)

    release = commands.add_parser("release", help="write an assignment's student notebooks (and key)")
    release.add_argument("--assignment", required=True, help="assignment YAML")
    release.add_argument("--out", required=True, help="folder for the student files (safe to publish)")
    release.add_argument("--key", help="folder for the solution notebooks (keep it private)")
    release.add_argument("--hub", help="JupyterHub URL, to print nbgitpuller links")
    release.add_argument("--repo", help="git repository students pull from (with --hub)")
    release.add_argument("--branch", default="main", help="branch for nbgitpuller links (default main)")
    release.set_defaults(func=cmd_release)

    link = commands.add_parser("link", help="print an nbgitpuller link that opens a notebook on a JupyterHub")
    link.add_argument("notebook", help="path inside the repository, e.g. notebooks/07-neural-networks.ipynb")
    link.add_argument("--hub", required=True, help="the JupyterHub's address, e.g. https://hub.example.edu")
    link.add_argument("--repo", help="git repository to pull (default: repository.url in _config.yml)")
    link.add_argument("--branch", help="branch to pull (default: repository.branch in _config.yml, else main)")
    link.set_defaults(func=cmd_link)

    grade = commands.add_parser("grade", help="grade a folder of submissions (resumes from OUT/journal)")
    grade.add_argument("submissions", help="SUBMISSIONS/<student>/*.ipynb or SUBMISSIONS/<student>.ipynb")
    grade.add_argument("--assignment", required=True, help="assignment YAML")
    grade.add_argument("--out", required=True, help="folder for grades, feedback, logs and the journal")
    grade.add_argument("-j", "--jobs", type=int, default=1, help="students graded in parallel (default 1)")
    grade.add_argument("--format", default="csv", help="comma-separated: csv (always), gradescope")
    _sandbox_options(grade)
    grade.set_defaults(func=cmd_grade)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return args.func(args, parser)
    except BrokenPipeError:  # `coursegrader list | head`
        sys.stderr.close()
        return 0
    except CourseNotFound as error:
        parser.error(str(error))
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1
    return 2
