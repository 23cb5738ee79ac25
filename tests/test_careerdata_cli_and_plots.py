"""careerdata's command line and charts, as a reader uses them."""

from __future__ import annotations

import subprocess
import sys

import matplotlib

matplotlib.use("Agg")

import matplotlib.pyplot as plt
import pytest

from careerdata import plots


def run(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "careerdata", *args], capture_output=True, text=True, timeout=120)


def test_cli_lists_prints_describes_and_plans() -> None:
    listing = run()
    assert listing.returncode == 0 and "salary_bands" in listing.stdout and "gpu_h100_measurements" in listing.stdout
    table = run("salary_bands")
    assert "Senior AI Engineer" in table.stdout and "380000" in table.stdout
    assert "open_upper (boolean)" in run("salary_bands", "--describe").stdout
    assert "bls.gov" in run("--sources", "adjacent_occupations").stdout
    plan = run("--plan", "python=5", "cpp=1", "--hours-per-week", "8")
    assert plan.returncode == 0 and "python-and-cpp" in plan.stdout and "python-for-ai " not in plan.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [(("salary_band",), "Did you mean 'salary_bands'"), (("--plan", "python"), "SKILL=NUMBER"),
     (("--plan", "python=lots"), "not a number"), (("--plan", "rust=3"), "Unknown skill")],
)
def test_cli_errors_are_clear_and_exit_2(args, message) -> None:
    result = run(*args)
    assert result.returncode == 2 and message in result.stderr and "Traceback" not in result.stderr


def test_salary_chart_draws_the_open_band_as_open() -> None:
    ax = plots.plot_salary_bands()
    texts = [t.get_text() for t in ax.texts]
    assert any("no stated top" in t for t in texts)
    assert sum("$380k" in t for t in texts) == 1 and not any(t == "$380k" for t in texts)
    assert ax.get_title() and ax.get_xlabel()
    plt.close("all")


def test_comparison_and_roadmap_charts() -> None:
    ax = plots.plot_role_comparison()
    assert len(ax.patches) == 6  # three absolute factors x two roles
    assert [t.get_text() for t in ax.get_legend().get_texts()] == ["Prompt engineer", "AI engineer"]
    plt.close("all")
