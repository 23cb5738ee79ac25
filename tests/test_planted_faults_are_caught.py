"""Each kind of fault the suite guards against, planted on purpose, is caught with a message naming it.

These run the same checks the real tests use (site_checks, the offline guard in conftest.py) on small
planted examples, so a guard that silently stopped working would fail here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from course_paths import ROOT
from nbclient import NotebookClient
from site_checks import broken_internal_links, images_without_alt_text, output_differences


def notebook(*sources: str) -> nbformat.NotebookNode:
    nb = nbformat.v4.new_notebook(cells=[nbformat.v4.new_code_cell(s) for s in sources])
    nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    return nb


@pytest.fixture
def planted_dir() -> Path:
    """A folder inside the repository (so the repository's conftest.py applies), removed afterwards."""
    folder = ROOT / "_build" / "planted"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


def own_log(tmp_path: Path) -> dict[str, str]:
    """The environment for a subprocess whose network attempts must not count against this test run."""
    return {**os.environ, "COURSE_NETWORK_LOG": str(tmp_path / "network.log")}


def test_a_notebook_calling_the_network_fails_the_notebook_tests(planted_dir: Path, tmp_path: Path) -> None:
    # The notebook even swallows the error: the attempt is still logged and the test still fails.
    nbformat.write(notebook(
        "import urllib.request\n"
        "try:\n    urllib.request.urlopen('http://example.org/data.csv', timeout=2)\n"
        "except OSError as error:\n    print('swallowed:', type(error).__name__)"
    ), planted_dir / "fetches.ipynb")
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider", "--nbval-lax",
         str(planted_dir / "fetches.ipynb")],
        capture_output=True, text=True, timeout=300, cwd=ROOT, env=own_log(tmp_path),
    )
    assert result.returncode == 1, result.stdout
    assert "fetches.ipynb tried to use the network while running offline" in result.stdout
    assert "example.org" in result.stdout


def test_network_guard_refuses_outside_addresses_and_allows_loopback(tmp_path: Path) -> None:
    script = (
        "import socket, http.server, threading\n"
        "try:\n    socket.create_connection(('192.0.2.1', 80), timeout=1)\nexcept ConnectionRefusedError as e:\n"
        "    print('refused:', 'Network access refused' in str(e))\n"
        "srv = http.server.HTTPServer(('127.0.0.1', 0), http.server.BaseHTTPRequestHandler)\n"
        "s = socket.create_connection(srv.server_address, timeout=1); s.close(); print('loopback ok')\n"
    )
    result = subprocess.run([sys.executable, "-c", script], capture_output=True, text=True, timeout=60,
                            env=own_log(tmp_path))
    assert result.stdout.splitlines() == ["refused: True", "loopback ok"], result.stderr


def test_a_broken_internal_link_is_named(tmp_path: Path) -> None:
    (tmp_path / "a.html").write_text('<h1 id="top">A</h1><a href="b.html#missing">b</a><a href="gone.html">x</a>'
                                     '<a href="#top">ok</a><a href="https://example.org">ext</a>')
    (tmp_path / "b.html").write_text('<h1 id="present">B</h1><a href="a.html#top">back</a>')
    problems = broken_internal_links(tmp_path)
    assert problems == ["a.html: <a> b.html#missing -> no anchor #missing in b.html",
                        "a.html: <a> gone.html -> missing file"]


def test_an_image_without_alt_text_is_named(tmp_path: Path) -> None:
    (tmp_path / "page.html").write_text('<img src="plot.png"><img src="ok.png" alt="A described chart">'
                                        '<img src="_static/logo.svg">')
    assert images_without_alt_text(tmp_path) == ["page.html: image plot.png has no alt text"]


def test_a_notebook_printing_an_unseeded_random_number_is_named() -> None:
    def run() -> nbformat.NotebookNode:
        nb = notebook("import numpy as np\nprint('seeded', np.random.default_rng(0).random())",
                      "print('unseeded', np.random.default_rng().random())")
        NotebookClient(nb, timeout=120, kernel_name="python3").execute()
        return nb

    problems = output_differences(run(), run(), "planted.ipynb")
    assert len(problems) == 1
    assert problems[0].startswith("planted.ipynb, cell 1 printed different text in two runs")
    assert "np.random.default_rng().random()" in problems[0]


def test_timing_cells_are_exempt_from_the_comparison() -> None:
    first, second = notebook("x"), notebook("x")
    for nb, text in ((first, "0.51 s"), (second, "0.49 s")):
        nb.cells[0].metadata["tags"] = ["timing"]
        nb.cells[0].outputs = [nbformat.v4.new_output("stream", name="stdout", text=text)]
    assert output_differences(first, second, "t.ipynb") == []
