"""Performance report: run every roadmap notebook once and record its time and peak memory.

Each notebook runs in a fresh child process (so its kernel's peak resident memory can be read from the
operating system once the kernel has exited), top to bottom, with nbclient. Notebooks that teach a
side-by-side comparison leave a dict named ``side_by_side`` (a label -> ratio, e.g. "vectorised vs loop
speed-up") in their namespace; the report collects those too.

Writes _build/bench/bench.csv, _build/bench/side_by_side.csv and _build/bench/bench.md. With --publish it
also copies bench.md to book/appendices/performance-results.md, which the book's performance appendix
includes. This is a report, not a test: nothing here asserts a time.

Usage: python scripts/bench.py [--publish] [NOTEBOOK ...]
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import io
import json
import os
import platform
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from coursegrader.files import write_text_atomically

ROOT = Path(__file__).resolve().parent.parent
OUT = ROOT / "_build" / "bench"
PUBLISHED = ROOT / "book" / "appendices" / "performance-results.md"
MARKER = "__SIDE_BY_SIDE__"


def _cell(text: str) -> str:
    """Text for a Markdown table cell: a label such as "max |difference|" must not split the row."""
    return text.replace("|", "\\|")


def run_one(path: Path) -> dict[str, object]:
    """Execute one notebook in this process; return seconds, the kernel's peak RSS and side-by-side ratios."""
    import nbformat
    from nbclient import NotebookClient

    nb = nbformat.read(path, as_version=4)
    nb.cells.append(nbformat.v4.new_code_cell(
        f"import json as _json\nprint({MARKER!r}, _json.dumps({{k: float(v) for k, v in "
        "globals().get('side_by_side', {}).items()}))"
    ))
    start = time.perf_counter()
    with tempfile.TemporaryDirectory() as scratch:
        # The kernel's environment goes to execute(): NotebookClient itself has no `env` option.
        NotebookClient(nb, timeout=900, kernel_name="python3", resources={"metadata": {"path": str(path.parent)}}
                       ).execute(env={**os.environ, "TMPDIR": scratch})
    seconds = time.perf_counter() - start
    ratios: dict[str, float] = {}
    for output in nb.cells[-1].outputs:
        text = output.get("text", "")
        if MARKER in text:
            ratios = json.loads(text.split(MARKER, 1)[1])
    peak_kib = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss  # the kernel, now exited (Linux: KiB)
    return {"seconds": round(seconds, 1), "peak_mib": round(peak_kib / 1024), "side_by_side": ratios}


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    cpuinfo = Path("/proc/cpuinfo")
    if cpuinfo.exists():
        lines = cpuinfo.read_text().splitlines()
        names = [line.split(":", 1)[1].strip() for line in lines if line.startswith("model name")]
        cpu = names[0] if names else cpu
    memory = ""
    meminfo = Path("/proc/meminfo")
    if meminfo.exists():
        total_kib = int(meminfo.read_text().split("MemTotal:", 1)[1].split()[0])
        memory = f", {total_kib / 1024**2:.0f} GiB memory"
    import numpy

    return (f"{cpu}, {os.cpu_count()} logical cores{memory}; {platform.system()} {platform.release()}; "
            f"Python {platform.python_version()}, NumPy {numpy.__version__}")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("notebooks", nargs="*", type=Path, help="notebooks to run (default: all in notebooks/)")
    parser.add_argument("--publish", action="store_true", help="copy the table into the book's appendix")
    parser.add_argument("--one", type=Path, help=argparse.SUPPRESS)  # internal: run one notebook, print JSON
    args = parser.parse_args(argv)
    if args.one:
        print(json.dumps(run_one(args.one)))
        return 0
    notebooks = args.notebooks or sorted((ROOT / "notebooks").glob("*.ipynb"))
    rows, ratios = [], []
    for path in notebooks:
        print(f"running {path.name} ...", flush=True)
        result = subprocess.run([sys.executable, __file__, "--one", str(path)], capture_output=True, text=True)
        if result.returncode != 0:
            print(result.stderr[-3000:], file=sys.stderr)
            rows.append({"notebook": path.name, "seconds": "", "peak_mib": "", "status": "failed"})
            continue
        data = json.loads(result.stdout.strip().splitlines()[-1])
        rows.append({"notebook": path.name, "seconds": data["seconds"], "peak_mib": data["peak_mib"], "status": "ok"})
        # Three significant digits: a ratio of 27.68 and an agreement of 8.6e-06 both stay readable.
        ratios += [{"notebook": path.name, "comparison": label, "ratio": float(f"{value:.3g}")}
                   for label, value in data["side_by_side"].items()]
        print(f"  {data['seconds']} s, {data['peak_mib']} MiB peak", flush=True)
    OUT.mkdir(parents=True, exist_ok=True)
    for name, table, fields in (("bench.csv", rows, ["notebook", "seconds", "peak_mib", "status"]),
                                ("side_by_side.csv", ratios, ["notebook", "comparison", "ratio"])):
        buffer = io.StringIO()
        writer = csv.DictWriter(buffer, fieldnames=fields, lineterminator="\n")
        writer.writeheader()
        writer.writerows(table)
        write_text_atomically(OUT / name, buffer.getvalue())
    total = sum(float(r["seconds"]) for r in rows if r["seconds"] != "")
    lines = [
        f"Measured on {dt.date.today().isoformat()} on: {machine()}.",
        "",
        "| Notebook | Seconds | Peak memory (MiB) | Status |",
        "| --- | ---: | ---: | --- |",
        *[f"| `{r['notebook']}` | {r['seconds']} | {r['peak_mib']} | {r['status']} |" for r in rows],
        f"| **All notebooks** | **{total:.0f}** | | |",
    ]
    if ratios:
        lines += ["", "Side-by-side comparisons the notebooks teach (each label says what is divided by what):", "",
                  "| Notebook | Comparison | Ratio |", "| --- | --- | ---: |",
                  *[f"| `{r['notebook']}` | {_cell(r['comparison'])} | {r['ratio']:g} |" for r in ratios]]
    report = "\n".join(lines) + "\n"
    write_text_atomically(OUT / "bench.md", report)
    print(report)
    if args.publish:
        write_text_atomically(PUBLISHED, report)
        print(f"published to {PUBLISHED.relative_to(ROOT)}")
    return 1 if any(r["status"] != "ok" for r in rows) else 0


if __name__ == "__main__":
    sys.exit(main())
