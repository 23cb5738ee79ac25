"""Guards for the career guide's honesty fixes (issue 15): flags backed by quotes, ratios between equal
periods, revisions shown as revisions, alt text that says what the chart draws, and no leftover claims.

Offline and fast: these read careerdata and the book's Markdown sources, never the seed guide itself
(the project does not read anything outside the repository).
"""

from __future__ import annotations

import itertools
import json
import re
from pathlib import Path

import pandas as pd
import pytest
import yaml
from course_paths import ROOT

import careerdata
from careerdata import plots

GUIDE = ROOT / "book" / "guide"


def _words(text: str) -> set[str]:
    return {w for w in re.findall(r"[a-z0-9+]+", text.lower()) if len(w) > 2 or w in {"c++", "ml"}}


def test_every_named_in_guide_flag_is_backed_by_a_short_quote_and_its_position() -> None:
    skills = careerdata.load_skill_areas()
    for row in skills.itertuples():
        if row.named_in_guide:
            assert isinstance(row.guide_quote, str) and row.guide_quote.strip(), f"{row.skill_id}: flag without a quote"
            assert row.guide_quote_offset is not pd.NA and row.guide_quote_offset >= 0, f"{row.skill_id}: no offset"
            assert row.source_id == "seed-guide", f"{row.skill_id}: a guide quote must cite the seed guide"
            # A quote, not a copied passage: the course copies no run of eight words from the guide.
            assert len(row.guide_quote.split()) < 8, f"{row.skill_id}: quote too long to be a short citation"
            # Plausible: the quote shares a word (or a five-letter stem) with the skill it backs.
            skill_words = _words(f"{row.skill_id} {row.name} {row.description}".replace("-", " "))
            stems = {w[:5] for w in skill_words}
            quote_words = _words(row.guide_quote.replace("-", " "))
            assert quote_words & skill_words or {w[:5] for w in quote_words} & stems, (
                f"{row.skill_id}: the quote {row.guide_quote!r} does not mention the skill")
        else:
            assert row.guide_quote is pd.NA and row.guide_quote_offset is pd.NA, (
                f"{row.skill_id}: a quote is stored but the flag says the guide does not name the skill")


def test_named_in_guide_flags_match_the_audit() -> None:
    """The guide names machine learning and never monitoring or the branches of mathematics (issue 15)."""
    named = careerdata.load_skill_areas().set_index("skill_id")["named_in_guide"]
    assert named["machine-learning"]
    for skill in ["linear-algebra", "calculus", "probability-statistics", "monitoring"]:
        assert not named[skill], f"{skill} is not named by the guide in so many words"


def test_quote_offsets_are_distinct_positions_or_nested_quotes() -> None:
    skills = careerdata.load_skill_areas()
    quoted = skills[skills["named_in_guide"]]
    spans = sorted((int(o), int(o) + len(q), s) for o, q, s in
                   zip(quoted["guide_quote_offset"], quoted["guide_quote"], quoted["skill_id"], strict=True))
    for (start_a, end_a, a), (start_b, end_b, b) in itertools.pairwise(spans):
        overlaps = start_b < end_a
        nested = start_b >= start_a and end_b <= end_a
        assert not overlaps or nested, f"quotes of {a} and {b} overlap without one containing the other"


def test_wage_ratios_divide_only_medians_of_the_same_period() -> None:
    ratios = plots.wage_ratios()
    assert len(ratios) >= 1
    wages = careerdata.load_adjacent_occupations().query("figure == 'median_annual_wage'")
    baseline = wages[wages["occupation"] == "All Occupations"].set_index("reference_period")["value"]
    for row in ratios.itertuples():
        assert row.reference_period in baseline.index
        assert row.all_occupations_median == baseline[row.reference_period], (
            f"{row.label}: divided by the baseline of another period")
        assert row.ratio == pytest.approx(row.median / baseline[row.reference_period], rel=1e-12)
        assert f"({row.reference_period})" in row.label
    assert ratios["label"].is_unique, "two ratios share a label: a period was dropped"
    other = wages[~wages["reference_period"].isin(baseline.index) & (wages["occupation"] != "All Occupations")]
    compared = set(zip(ratios["occupation"], ratios["reference_period"], strict=True))
    assert not set(zip(other["occupation"], other["reference_period"], strict=True)) & compared


def test_no_page_or_notebook_divides_by_the_all_occupations_median_of_another_period() -> None:
    """The old defect: a ratio of May 2023 medians over the 2022 all-occupations median."""
    sources = [*GUIDE.glob("*.md"), ROOT / "notebooks" / "18-career-data.ipynb"]
    for path in sources:
        text = path.read_text(encoding="utf-8")
        assert 'wages.loc[wages["occupation"] == "All Occupations", "value"].iloc[0]' not in text, path.name
        assert "mid_over_entry_pct" not in text, f"{path.name}: a midpoint step read as a pay rise"


def test_growth_projection_revisions_are_marked_as_revisions() -> None:
    growth = plots.growth_projections()
    for occupation, rows in growth.groupby("occupation"):
        current = rows[rows["replaced_by"].isna()]
        assert len(current) == 1, f"{occupation}: exactly one projection must stand"
        for row in rows[rows["replaced_by"].notna()].itertuples():
            assert row.replaced_by == current["reference_period"].iloc[0]
            assert row.reference_period < row.replaced_by
    # The chart draws one row per occupation: the revised group is not drawn twice.
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    ax = plots.plot_projection_revisions()
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert len(labels) == len(set(labels)) == growth["occupation"].nunique()
    plt.close("all")


def _alt_texts(page: Path) -> list[str]:
    """Alt texts of the chart cells of a MyST notebook page, in order."""
    text = page.read_text(encoding="utf-8")
    alts = []
    for header in re.findall(r"```\{code-cell\}[^\n]*\n---\n(.*?)\n---\n", text, flags=re.S):
        meta = yaml.safe_load(header)
        alt = (meta or {}).get("mystnb", {}).get("image", {}).get("alt")
        if alt:
            alts.append(alt)
    return alts


@pytest.mark.parametrize(("page", "generators"), [
    ("pay.md", ["salary_bands_alt"]),
    ("outlook.md", ["career_ratings_alt", "projection_revisions_alt"]),
    ("ai-vs-prompt-engineer.md", ["role_comparison_alt"]),
])
def test_chart_alt_text_is_generated_from_the_charts_data(page: str, generators: list[str]) -> None:
    expected = [getattr(plots, name)() for name in generators]
    assert _alt_texts(GUIDE / page) == expected, (
        f"{page}: the alt text no longer matches the data; paste the output of careerdata.plots."
        f"{'/'.join(generators)}() into the cell metadata")


def test_alt_texts_name_their_reference_period() -> None:
    guide_date = careerdata.sources(["seed-guide"]).iloc[0]["date"]
    for alt in [plots.salary_bands_alt(), plots.role_comparison_alt(), plots.career_ratings_alt()]:
        assert guide_date in alt
    for period in plots.growth_projections()["reference_period"]:
        assert period in plots.projection_revisions_alt()


def test_roadmap_page_no_longer_describes_a_left_to_right_layout() -> None:
    text = (ROOT / "book" / "roadmap.md").read_text(encoding="utf-8").lower()
    for phrase in ["left to right", "left-to-right", "one column to the right", "columns show"]:
        assert phrase not in text, f"roadmap.md still says {phrase!r}"
    assert "top to bottom" in text


def test_applications_say_what_the_course_actually_builds() -> None:
    apps = careerdata.load_applications()
    assert set(apps["coverage"]) <= {"small version built", "related technique only"}
    by_name = apps.set_index("application")
    # The audit's examples: none of these is built by the course.
    not_built = ["Industrial robotics orchestration", "Autonomous vehicle navigation", "Medical imaging classification"]
    for name in not_built:
        assert by_name.at[name, "coverage"] == "related technique only", name
    assert by_name.at["Industrial robotics orchestration", "roadmap_topic"] != "llm-orchestration"
    text = (GUIDE / "where-it-runs.md").read_text(encoding="utf-8")
    assert "builds a small version of each" not in text


def test_similar_occupations_point_at_bls_rows_that_exist() -> None:
    similar = careerdata.load("similar_occupations")
    adjacent = set(careerdata.load_adjacent_occupations()["occupation"])
    assert {"Machine learning engineer", "Data scientist", "Software developer", "Research scientist",
            "Prompt engineer"} <= set(similar["occupation"])
    for row in similar.itertuples():
        if not pd.isna(row.bls_occupation):
            assert row.bls_occupation in adjacent, f"{row.occupation}: unknown BLS occupation {row.bls_occupation!r}"


@pytest.mark.parametrize(("page", "phrase"), [
    ("ways-in.md", "Many AI engineers arrive from general software work"),
    ("questions.md", "Mostly, according to the guide"),
    ("a-day-in-the-work.md", "for the weights and biases of a model"),
    ("what-ai-engineers-do.md", "is telling"),
    ("pay.md", "raises the midpoint by"),
    ("outlook.md", "a few years older"),
])
def test_audited_leftovers_are_gone(page: str, phrase: str) -> None:
    assert phrase not in (GUIDE / page).read_text(encoding="utf-8")


def test_the_guide_has_the_handbook_sections() -> None:
    toc = yaml.safe_load((ROOT / "_toc.yml").read_text(encoding="utf-8"))
    files = [c["file"] for part in toc["parts"] for c in part["chapters"]]
    order = ["book/guide/what-ai-engineers-do", "book/guide/work-environment", "book/guide/ways-in",
             "book/guide/pay", "book/guide/outlook", "book/guide/similar-occupations"]
    assert all(f in files for f in order), "a Handbook section is missing from _toc.yml"
    assert [files.index(f) for f in order] == sorted(files.index(f) for f in order), "Handbook sections out of order"


def test_pay_and_outlook_say_their_data_is_older_than_the_reader() -> None:
    for page in ["pay.md", "outlook.md"]:
        text = (GUIDE / page).read_text(encoding="utf-8")
        assert text.count("older than your present") == 1, f"{page}: say it once, clearly"


def test_datapackage_documents_the_new_columns() -> None:
    descriptor = json.loads((ROOT / "careerdata" / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {r["name"]: {f["name"] for f in r["schema"]["fields"]} for r in descriptor["resources"] if "schema" in r}
    assert {"guide_quote", "guide_quote_offset"} <= fields["skill_areas"]
    assert {"coverage", "what_the_course_builds"} <= fields["applications"]
