"""Notebook mutants: planted breaks that prove each roadmap notebook's checks can fail.

Every roadmap notebook ``notebooks/NN-topic.ipynb`` keeps, beside it, ``notebooks/NN-topic.mutants.yaml``: a
list of small, named replacements in the source of one code cell, each a plausible mistake in the method
the notebook teaches::

    - name: frozen-hidden-layer
      break: Only the output layer learns; the hidden layer keeps its random initial weights.
      find: "W1 -= lr * dW1"
      replace: "pass"

``find`` must occur exactly once in the notebook's code cells. A mutant is *caught* when the mutated
notebook, run top to bottom under the offline guard, stops with an ``AssertionError``: one of the
notebook's own checks noticed the break. Any other error (a ``NameError``, a crash) is *crashed*, not
caught, because a check that only fails when the code cannot run proves nothing about the checks; a
mutated notebook that runs to the end is *survived*. Both fail the run.

Writes ``_build/mutants/report.md`` and ``report.json`` (per notebook: which check caught which break).
Exit status: 0 every mutant caught, 1 some mutant not caught or a mutants file invalid, 2 usage error.

Usage:
    python scripts/mutants.py                      # every notebook that has a mutants file
    python scripts/mutants.py notebooks/07-*.ipynb # some notebooks
    python scripts/mutants.py --list               # only check the files (each find occurs once, >= 3 each)
    python scripts/mutants.py -j 2 --only NAME ... # parallel jobs; only the named mutants
"""

from __future__ import annotations

import argparse
import concurrent.futures
import copy
import json
import os
import re
import sys
import tempfile
import time
from dataclasses import asdict, dataclass
from pathlib import Path

import nbformat
import yaml

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = ROOT / "notebooks"
OUT = ROOT / "_build" / "mutants"
OFFLINE = ROOT / "tests" / "offline"
MINIMUM_PER_NOTEBOOK = 3
REQUIRED_KEYS = ("name", "break", "find", "replace")
CELL_TIMEOUT_S = 300


class MutantFileError(ValueError):
    """A mutants file that cannot be applied as written (names the file and the mutant)."""


@dataclass(frozen=True)
class Mutant:
    notebook: str  # file name, e.g. "07-neural-networks.ipynb"
    name: str
    description: str
    find: str
    replace: str


@dataclass
class Outcome:
    notebook: str
    name: str
    description: str
    status: str  # caught | survived | crashed | timeout
    cell: int | None
    detail: str
    seconds: float


def _shown(path: Path) -> str:
    """A path as a person reads it: relative to the repository when it is inside it."""
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def mutants_file(notebook: Path) -> Path:
    return notebook.with_name(notebook.stem + ".mutants.yaml")


def roadmap_notebooks() -> list[Path]:
    return sorted(p for p in NOTEBOOKS.glob("[0-9][0-9]-*.ipynb"))


def load_mutants(notebook: Path) -> list[Mutant]:
    """Read and check a notebook's mutants file; raise MutantFileError naming what is wrong."""
    path = mutants_file(notebook)
    if not path.exists():
        raise MutantFileError(f"{_shown(path)}: missing; every roadmap notebook needs "
                              f"{MINIMUM_PER_NOTEBOOK} or more planted breaks")
    try:
        entries = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        raise MutantFileError(f"{_shown(path)}: not valid YAML ({error})") from error
    if not isinstance(entries, list):
        raise MutantFileError(f"{_shown(path)}: expected a list of mutants, got {type(entries).__name__}")
    sources = [cell.source for cell in nbformat.read(notebook, as_version=4).cells if cell.cell_type == "code"]
    mutants, seen = [], set()
    for number, entry in enumerate(entries, 1):
        where = f"{_shown(path)}, mutant {number}"
        if not isinstance(entry, dict) or any(key not in entry for key in REQUIRED_KEYS):
            raise MutantFileError(f"{where}: needs the keys {', '.join(REQUIRED_KEYS)}")
        if not all(isinstance(entry[key], str) for key in REQUIRED_KEYS):
            raise MutantFileError(f"{where}: {', '.join(REQUIRED_KEYS)} must all be strings")
        name = entry["name"]
        where = f"{_shown(path)}, mutant {name!r}"
        if name in seen:
            raise MutantFileError(f"{where}: the name is used twice")
        seen.add(name)
        if not entry["find"].strip():
            raise MutantFileError(f"{where}: `find` is empty")
        if entry["find"] == entry["replace"]:
            raise MutantFileError(f"{where}: `replace` equals `find`, so nothing is broken")
        count = sum(source.count(entry["find"]) for source in sources)
        if count != 1:
            raise MutantFileError(f"{where}: `find` occurs {count} times in the notebook's code cells; it must "
                                  "occur exactly once (quote more of the line to make it unique)")
        mutants.append(Mutant(notebook.name, name, entry["break"].strip(), entry["find"], entry["replace"]))
    if len(mutants) < MINIMUM_PER_NOTEBOOK:
        raise MutantFileError(f"{_shown(path)}: {len(mutants)} mutant(s); at least "
                              f"{MINIMUM_PER_NOTEBOOK} are needed")
    return mutants


def mutate(notebook: nbformat.NotebookNode, mutant: Mutant) -> tuple[nbformat.NotebookNode, int]:
    """A copy of the notebook with the mutant's replacement applied; also the index of the changed cell."""
    mutated = copy.deepcopy(notebook)
    for index, cell in enumerate(mutated.cells):
        if cell.cell_type == "code" and mutant.find in cell.source:
            cell.source = cell.source.replace(mutant.find, mutant.replace, 1)
            return mutated, index
    raise MutantFileError(f"{mutant.notebook}, mutant {mutant.name!r}: `find` not found")


def kernel_env(scratch: str) -> dict[str, str]:
    """The environment of the test suite's kernels: offline guard first on PYTHONPATH, temp files in scratch."""
    env = {**os.environ, "TMPDIR": scratch}
    paths = [str(OFFLINE), *filter(None, env.get("PYTHONPATH", "").split(os.pathsep))]
    env["PYTHONPATH"] = os.pathsep.join(dict.fromkeys(paths))
    env.setdefault("COURSE_NETWORK_LOG", os.path.join(scratch, "network.log"))
    env.pop("MPLBACKEND", None)
    return env


def run_mutant(mutant: Mutant) -> Outcome:
    """Run one mutated notebook top to bottom and classify how it ended."""
    from nbclient import NotebookClient
    from nbclient.exceptions import CellExecutionError, CellTimeoutError, DeadKernelError

    path = NOTEBOOKS / mutant.notebook
    mutated, changed = mutate(nbformat.read(path, as_version=4), mutant)
    start = time.perf_counter()
    with tempfile.TemporaryDirectory(prefix="mutant-") as scratch:
        client = NotebookClient(mutated, timeout=CELL_TIMEOUT_S, kernel_name="python3",
                                resources={"metadata": {"path": str(NOTEBOOKS)}})
        try:
            client.execute(env=kernel_env(scratch))
        except CellExecutionError as error:
            failing = next((i for i, cell in enumerate(mutated.cells) if cell.cell_type == "code"
                            and any(o.get("output_type") == "error" for o in cell.get("outputs", []))), None)
            status = "caught" if error.ename == "AssertionError" else "crashed"
            detail = f"{error.ename}: {error.evalue}".strip()
            if status == "caught" and failing is not None:
                detail = f"{assert_line(mutated.cells[failing].source, error)} -> {detail}"
            return Outcome(mutant.notebook, mutant.name, mutant.description, status, failing,
                           detail[:400], round(time.perf_counter() - start, 1))
        except (CellTimeoutError, DeadKernelError, TimeoutError) as error:
            return Outcome(mutant.notebook, mutant.name, mutant.description, "timeout", None,
                           f"{type(error).__name__}: {error}"[:400], round(time.perf_counter() - start, 1))
    return Outcome(mutant.notebook, mutant.name, mutant.description, "survived", None,
                   f"changed cell {changed}, and the notebook ran to the end: no check noticed this break",
                   round(time.perf_counter() - start, 1))


def assert_line(source: str, error: Exception) -> str:
    """The assert statement that failed, read from the traceback's line number when it points into the cell."""
    text = str(error)
    lines = source.splitlines()
    # nbclient's message quotes the failing cell; the traceback names "line N" of the cell (ANSI-coloured).
    plain = re.sub(r"\x1b\[[0-9;]*m", "", text)
    numbers = re.findall(r"(?:line |^-+> ?)(\d+)", plain, flags=re.MULTILINE)
    for number in reversed(numbers):
        index = int(number) - 1
        if 0 <= index < len(lines) and "assert" in lines[index]:
            return lines[index].strip()[:160]
    asserts = [line.strip() for line in lines if line.strip().startswith("assert")]
    return asserts[0][:160] if len(asserts) == 1 else "an assert in this cell"


def write_report(outcomes: list[Outcome], problems: list[str]) -> Path:
    OUT.mkdir(parents=True, exist_ok=True)
    (OUT / "report.json").write_text(json.dumps({"outcomes": [asdict(o) for o in outcomes], "problems": problems},
                                                indent=2) + "\n", encoding="utf-8")
    lines = ["# Notebook mutants", "",
             "Each row is a planted break of the method a notebook teaches; *caught* means one of the notebook's "
             "own asserts failed on it.", ""]
    for message in problems:
        lines.append(f"- **invalid mutants file:** {message}")
    by_notebook: dict[str, list[Outcome]] = {}
    for outcome in outcomes:
        by_notebook.setdefault(outcome.notebook, []).append(outcome)
    for notebook, rows in sorted(by_notebook.items()):
        caught = sum(row.status == "caught" for row in rows)
        lines += ["", f"## {notebook}: {caught} of {len(rows)} caught", "",
                  "| Mutant | Break | Status | Caught by (cell: check -> error) | Seconds |",
                  "| --- | --- | --- | --- | ---: |"]
        for row in rows:
            cell = "" if row.cell is None else f"cell {row.cell}: "
            detail = (cell + row.detail).replace("|", "\\|").replace("\n", " ")
            lines.append(f"| `{row.name}` | {row.description} | {row.status} | {detail} | {row.seconds} |")
    report = OUT / "report.md"
    report.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return report


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="roadmap notebooks (default: all)")
    parser.add_argument("--list", action="store_true", help="only check the mutants files and list them")
    parser.add_argument("--only", nargs="+", metavar="NAME", help="run only the mutants with these names")
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1, help="notebooks run at once")
    args = parser.parse_args(argv)

    notebooks = [path.resolve() for path in args.notebooks] or roadmap_notebooks()
    missing = [str(path) for path in notebooks if not path.exists()]
    if missing:
        parser.error(f"no such notebook: {', '.join(missing)}")
    mutants: list[Mutant] = []
    problems: list[str] = []
    for notebook in notebooks:
        try:
            mutants += load_mutants(notebook)
        except MutantFileError as error:
            problems.append(str(error))
    if args.only:
        unknown = set(args.only) - {m.name for m in mutants}
        if unknown:
            parser.error(f"no mutant named {', '.join(sorted(unknown))}")
        mutants = [m for m in mutants if m.name in args.only]
    if args.list:
        for mutant in mutants:
            print(f"{mutant.notebook}  {mutant.name}: {mutant.description}")
        for message in problems:
            print(f"INVALID  {message}", file=sys.stderr)
        return 1 if problems else 0

    outcomes: list[Outcome] = []
    with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
        for outcome in pool.map(run_mutant, mutants):
            mark = "ok  " if outcome.status == "caught" else "FAIL"
            print(f"{mark} {outcome.notebook} {outcome.name}: {outcome.status} ({outcome.seconds} s) {outcome.detail}",
                  flush=True)
            outcomes.append(outcome)
    report = write_report(outcomes, problems)
    bad = [o for o in outcomes if o.status != "caught"]
    print(f"\n{len(outcomes) - len(bad)} of {len(outcomes)} mutants caught; report: {_shown(report)}")
    for message in problems:
        print(f"invalid mutants file: {message}", file=sys.stderr)
    return 1 if bad or problems else 0


if __name__ == "__main__":
    sys.exit(main())
