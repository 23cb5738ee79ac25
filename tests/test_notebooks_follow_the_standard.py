"""Notebooks: stored clean, listed in the table of contents, and in agreement with the roadmap data.

nbval runs them (``pytest --nbval-lax notebooks``); this file checks what can be checked without running
them: the mechanical parts of the notebook standard (shared/design/notebook-standard.md, summarised in
CONTRIBUTING.md).
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from course_paths import ROOT, import_script
from site_checks import toc_files as site_toc_files

import careerdata

NOTEBOOKS = sorted((ROOT / "notebooks").glob("*.ipynb"))
SKIP_DIRS = {".venv", "_build", ".git", ".ipynb_checkpoints", "node_modules"}


def all_repository_notebooks() -> list[Path]:
    return [p for p in ROOT.rglob("*.ipynb") if not SKIP_DIRS.intersection(p.relative_to(ROOT).parts)]


def toc_files() -> list[str]:
    return site_toc_files(ROOT)


def test_there_are_notebooks() -> None:
    assert NOTEBOOKS, "no notebooks found in notebooks/"


@pytest.mark.parametrize("path", all_repository_notebooks(), ids=lambda p: str(p.relative_to(ROOT)))
def test_notebook_is_stored_without_outputs(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    dirty = [i for i, c in enumerate(nb.cells) if c.cell_type == "code" and (c.outputs or c.execution_count)]
    assert not dirty, f"{path.name}: cells {dirty} have stored outputs; clear them before committing"


def test_every_toc_entry_exists_and_every_notebook_is_in_the_toc() -> None:
    entries = toc_files()
    assert len(entries) == len(set(entries)), "a file appears twice in _toc.yml"
    missing = [e for e in entries if not any((ROOT / f"{e}{ext}").exists() for ext in (".md", ".ipynb", ""))]
    assert not missing, f"_toc.yml lists files that do not exist: {missing}"
    for path in NOTEBOOKS:
        assert f"notebooks/{path.stem}" in entries, f"{path.name} is not in _toc.yml"


def test_toc_lists_the_roadmap_notebooks_in_roadmap_order() -> None:
    listed = [e for e in toc_files() if e.startswith("notebooks/")]
    expected = [nb.removesuffix(".ipynb") for nb in careerdata.load_roadmap()["notebook"]]
    assert listed == expected


def test_every_notebook_is_a_roadmap_topic() -> None:
    roadmap_paths = set(careerdata.load_roadmap()["notebook"])
    strays = [p.name for p in NOTEBOOKS if f"notebooks/{p.name}" not in roadmap_paths]
    assert not strays, f"notebooks that are not roadmap topics: {strays}"


def test_generated_cells_agree_with_the_roadmap_data() -> None:
    result = subprocess.run([sys.executable, str(ROOT / "scripts" / "sync_front_matter.py"), "--check"],
                            capture_output=True, text=True, timeout=120)
    assert result.returncode == 0, result.stdout + result.stderr


def test_front_matter_is_rendered_from_the_data() -> None:
    sync = import_script("sync_front_matter")
    text = sync.front_matter_markdown("fine-tuning")
    row = careerdata.topic("fine-tuning")
    assert text.startswith(f"# {row['title']}\n\n{row['summary']}")
    assert "[11 Tokenizers, attention and a tiny GPT](11-transformers.ipynb)" in text
    assert f"of {len(careerdata.roadmap())}, {row['stage']} stage" in text
    for objective in row["objectives"]:
        assert f"- {objective}" in text


def _topic(path: Path) -> str:
    return path.stem.split("-", 1)[1]


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_notebook_shape(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    assert nb.metadata.get("kernelspec", {}).get("name") == "python3", "kernelspec must be python3"
    text = {c.cell_type: "" for c in nb.cells}
    for cell in nb.cells:
        text[cell.cell_type] += cell.source + "\n"
    code, markdown = text.get("code", ""), text.get("markdown", "")
    assert "np.random.default_rng(" in code, "no seeded generator (rng = np.random.default_rng(0))"
    assert re.search(r"^\s*assert ", code, re.M), "no check cell with an assert"
    assert f"../book/exercises/{_topic(path)}.md" in markdown, "no link to the topic's exercise page"
    for heading in ("## Exercises", "## Summary", "## What's next"):
        assert heading in markdown, f"missing section {heading!r}"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_plot_cells_end_with_show_and_carry_alt_text(path: Path) -> None:
    nb = nbformat.read(path, as_version=4)
    for index, cell in enumerate(nb.cells):
        if cell.cell_type != "code" or "plt.show()" not in cell.source:
            continue
        alt = cell.metadata.get("mystnb", {}).get("image", {}).get("alt", "")
        assert len(alt) > 20, f"cell {index} draws a figure without alt text (metadata mystnb.image.alt)"
    for index, cell in enumerate(nb.cells):
        last = cell.source.rstrip().splitlines()[-1] if cell.cell_type == "code" and cell.source.strip() else ""
        assert not last.endswith(";"), f"cell {index} ends with ';' - end plotting cells with plt.show()"


# Notebooks that must show the library professionals use after the from-scratch build, and a module each
# must import there (issues "the tools professionals use", parts 1 and 2).
PROFESSIONAL_STACK = {
    "01-python-for-ai.ipynb": "torch",
    "04-calculus-autodiff.ipynb": "torch",
    "07-neural-networks.ipynb": "torch",
    "08-training-pipelines.ipynb": "mlflow",
    "09-embeddings-vector-search.ipynb": "faiss",
    "10-rag-pipeline.ipynb": "sentence_transformers",
    "11-transformers.ipynb": "transformers",
    "12-fine-tuning.ipynb": "peft",
    "13-llm-orchestration.ipynb": "openai",
    "14-model-compression.ipynb": "onnxruntime",
    "15-gpu-computing.ipynb": "torch",
    "16-serving-latency.ipynb": "httpx",
    "17-monitoring-drift.ipynb": "sentence_transformers",
}
STACK_HEADING = "## With the tools professionals use"


@pytest.mark.parametrize("name", sorted(PROFESSIONAL_STACK))
def test_professional_stack_section_compares_with_the_scratch_build(name: str) -> None:
    nb = nbformat.read(ROOT / "notebooks" / name, as_version=4)
    starts = [i for i, c in enumerate(nb.cells) if c.cell_type == "markdown" and STACK_HEADING in c.source]
    assert len(starts) == 1, f"{name}: needs exactly one section {STACK_HEADING!r}"
    code = "\n".join(c.source for c in nb.cells if c.cell_type == "code")
    after = "\n".join(c.source for c in nb.cells[starts[0]:] if c.cell_type == "code")
    module = PROFESSIONAL_STACK[name]
    imported = re.search(rf"^\s*(import|from) {re.escape(module)}\b", code, re.M)
    assert imported, f"{name}: the notebook never imports {module}"
    assert re.search(r"^\s*assert ", after, re.M), f"{name}: the section compares nothing (no assert after it)"


@pytest.mark.parametrize("path", NOTEBOOKS, ids=lambda p: p.name)
def test_torch_is_imported_once_with_its_threads_pinned(path: Path) -> None:
    code = "\n".join(c.source for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code")
    imports = re.findall(r"^\s*import torch\s*$", code, re.M)
    if not imports:
        return
    assert len(imports) == 1, f"{path.name}: `import torch` appears {len(imports)} times; import it once"
    assert "torch.set_num_threads(" in code, f"{path.name}: pin torch's threads as the notebooks pin BLAS"
