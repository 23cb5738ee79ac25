"""The instructors' command line: ``python -m exercises list | validate | generate | release | link | grade``.

Exit codes: 0 done, 1 something failed (an invalid exercise, stale files, a submission that could not be
graded), 2 usage error.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from exercises.source import PACKAGE_DIR, SourceError


def _root(args) -> Path:
    return Path(args.root) if args.root else PACKAGE_DIR


def _limits(args):
    from exercises.runner import Limits

    return Limits(
        cell_timeout_s=args.cell_timeout,
        check_timeout_s=args.check_timeout,
        total_timeout_s=args.total_timeout,
        memory_mb=args.memory_mb,
    )


def _sandbox_options(parser: argparse.ArgumentParser) -> None:
    group = parser.add_argument_group("sandbox limits")
    group.add_argument("--cell-timeout", type=float, default=10.0, metavar="S",
                       help="seconds one notebook cell may run (default 10)")
    group.add_argument("--check-timeout", type=float, default=None, metavar="S",
                       help="seconds every check may run (default: each exercise's timeout_s)")
    group.add_argument("--total-timeout", type=float, default=120.0, metavar="S",
                       help="hard limit for one notebook, restarts included (default 120)")
    group.add_argument("--memory-mb", type=int, default=2048, metavar="MB",
                       help="address-space limit of the child process (default 2048)")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m exercises", description=__doc__.splitlines()[0])
    parser.add_argument("--root", help="folder of exercise sources (default: the installed package's)")
    commands = parser.add_subparsers(dest="command", required=True)

    listing = commands.add_parser("list", help="list exercises")
    listing.add_argument("--topic", help="only this roadmap topic")

    validate = commands.add_parser("validate", help="prove that the checks of exercises are not vacuous")
    validate.add_argument("ids", nargs="*", help="exercise ids (default: all)")
    validate.add_argument("-j", "--jobs", type=int, default=1, help="parallel sandboxes (default 1)")
    _sandbox_options(validate)

    generate = commands.add_parser("generate", help="write student notebooks and book pages from the sources")
    generate.add_argument("--out", help="write under this folder instead of the repository (for comparisons)")
    generate.add_argument("--check", action="store_true",
                          help="write nothing; exit 1 if a file is out of date")

    release = commands.add_parser("release", help="write an assignment's student notebooks (and key)")
    release.add_argument("--assignment", required=True, help="assignment YAML")
    release.add_argument("--out", required=True, help="folder for the student files (safe to publish)")
    release.add_argument("--key", help="folder for the solution notebooks (keep it private)")
    release.add_argument("--hub", help="JupyterHub URL, to print nbgitpuller links")
    release.add_argument("--repo", help="git repository students pull from (with --hub)")
    release.add_argument("--branch", default="main", help="branch for nbgitpuller links (default main)")

    link = commands.add_parser("link", help="print an nbgitpuller link that opens a notebook on a JupyterHub")
    link.add_argument("notebook", help="path inside the repository, e.g. notebooks/07-neural-networks.ipynb")
    link.add_argument("--hub", required=True, help="the JupyterHub's address, e.g. https://hub.example.edu")
    link.add_argument("--repo", help="git repository to pull (default: repository.url in _config.yml)")
    link.add_argument("--branch", help="branch to pull (default: repository.branch in _config.yml, else main)")

    grade = commands.add_parser("grade", help="grade a folder of submissions")
    grade.add_argument("submissions", help="SUBMISSIONS/<student>/*.ipynb or SUBMISSIONS/<student>.ipynb")
    grade.add_argument("--assignment", required=True, help="assignment YAML")
    grade.add_argument("--out", required=True, help="folder for grades, feedback and logs")
    grade.add_argument("-j", "--jobs", type=int, default=1, help="students graded in parallel (default 1)")
    grade.add_argument("--format", default="csv", help="comma-separated: csv (always), gradescope")
    _sandbox_options(grade)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return _dispatch(args, parser)
    except SourceError as error:
        print(f"error: {error}", file=sys.stderr)
        return 1


def _print_link(args, parser) -> int:
    """Print the nbgitpuller link for one notebook of the course repository."""
    from urllib.parse import urlsplit

    from exercises.assignment import nbgitpuller_link
    from exercises.generate import REPO_ROOT, _repository, repository_url

    repo = args.repo or repository_url()
    if not repo:
        parser.error("no --repo given and no repository.url in _config.yml")
    hub = urlsplit(args.hub)
    if hub.scheme not in ("http", "https") or not hub.netloc:
        parser.error(f"--hub must be the hub's web address, like https://hub.example.edu, not {args.hub!r}")
    notebook = args.notebook.lstrip("./")
    if not notebook.endswith(".ipynb"):
        parser.error(f"{args.notebook!r} is not a notebook path (it should end in .ipynb)")
    branch = args.branch or _repository(REPO_ROOT).get("branch") or "main"
    print(nbgitpuller_link(args.hub, repo, branch, notebook))
    return 0


def _dispatch(args, parser) -> int:
    from exercises import source

    root = _root(args)
    if args.command == "list":
        exercises = [e for e in source.load_all(root) if not args.topic or e.topic == args.topic]
        if not exercises:
            print("no exercises" + (f" for topic {args.topic}" if args.topic else ""))
            return 0
        width = max(len(e.id) for e in exercises)
        print(f"{'id':<{width}}  points  checks  solution    title")
        for e in exercises:
            checks = f"{len(e.public_checks)}+{len(e.hidden_checks)}h"
            print(f"{e.id:<{width}}  {e.points:>6g}  {checks:<6}  {e.solution:<10}  {e.title}")
        return 0

    if args.command == "validate":
        from exercises.validate import validate

        try:
            exercises = [source.find(i, root) for i in args.ids] if args.ids else source.load_all(root)
        except ValueError as error:
            parser.error(str(error))
        return validate(exercises, jobs=args.jobs, limits=_limits(args))

    if args.command == "generate":
        from exercises.generate import REPO_ROOT, generated_files, stale_files, write_files

        files = generated_files(root)
        out = Path(args.out) if args.out else REPO_ROOT
        if args.check:
            stale = stale_files(files, out)
            for path in stale:
                print(f"out of date: {path}")
            if stale:
                print("run `python -m exercises generate` and commit the result")
            return 1 if stale else 0
        for path in write_files(files, out):
            print(f"wrote {path}")
        return 0

    if args.command == "link":
        return _print_link(args, parser)

    from exercises.assignment import AssignmentError, load_assignment

    try:
        assignment = load_assignment(Path(args.assignment), root)
    except AssignmentError as error:
        parser.error(str(error))

    if args.command == "release":
        from exercises.assignment import nbgitpuller_link, release

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

    if args.command == "grade":
        from exercises.grading import grade

        submissions = Path(args.submissions)
        if not submissions.is_dir():
            parser.error(f"{submissions} is not a folder")
        formats = tuple(f.strip() for f in args.format.split(",") if f.strip())
        unknown = sorted(set(formats) - {"csv", "gradescope"})
        if unknown:
            parser.error(f"unknown format(s) {unknown}; choose from csv, gradescope")
        if args.jobs < 1:
            parser.error("-j must be at least 1")
        return grade(submissions, assignment, Path(args.out), jobs=args.jobs, formats=formats,
                     limits=_limits(args))
    parser.error(f"unknown command {args.command}")
    return 2
