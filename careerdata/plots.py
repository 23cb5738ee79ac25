"""Charts of the career data, shared by the book's pages and the career-data notebook.

Each function draws on a Matplotlib ``Axes`` (a new figure when none is given) and returns it, using a
colour-blind-safe palette (Tableau's colour-blind 10). Matplotlib is imported when a chart is drawn,
not when careerdata is imported, so the data package stays light.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import pandas as pd

from careerdata._package import read_table
from careerdata.roadmap import roadmap

if TYPE_CHECKING:
    from matplotlib.axes import Axes

# Tableau colour-blind 10: distinguishable with the common forms of colour blindness.
PALETTE = ["#006BA4", "#FF800E", "#ABABAB", "#595959", "#5F9ED1", "#C85200", "#898989", "#A2C8EC", "#FFBC79", "#CFCFCF"]
ABSOLUTE_SCALE = ["Low", "Low to Medium", "Medium", "High", "Very High"]


def _guide_date() -> str:
    return str(read_table("sources").set_index("source_id").at["seed-guide", "date"])


def _axes(ax: Axes | None, size: tuple[float, float]) -> Axes:
    if ax is not None:
        return ax
    import matplotlib.pyplot as plt

    _, new = plt.subplots(figsize=size, layout="constrained")
    return new


def _experience_label(band) -> str:
    years = (f"{band.experience_min_years}+ years" if band.experience_max_years is pd.NA
             else f"{band.experience_min_years}-{band.experience_max_years} years")
    return f"{band.title}\n({years})"


def plot_salary_bands(ax: Axes | None = None) -> Axes:
    """Horizontal bars from each band's low to high; an open top fades out with an arrow and a '+'."""
    from matplotlib.patches import FancyArrow

    bands = read_table("salary_bands").sort_values("level")
    ax = _axes(ax, (8, 3.2))
    top = int(bands["salary_high_usd"].max())
    for y, band in enumerate(bands.itertuples()):
        low, high = int(band.salary_low_usd), int(band.salary_high_usd)
        ax.barh(y, high - low, left=low, height=0.5, color=PALETTE[0])
        ax.text(low - 3000, y, f"${low / 1000:,.0f}k", va="center", ha="right", fontsize=9)
        if band.open_upper:
            # No ceiling is stated: draw the band as continuing past the printed figure.
            for step in range(6):
                ax.barh(y, top * 0.03, left=high + step * top * 0.03, height=0.5,
                        color=PALETTE[0], alpha=0.6 - step * 0.1, linewidth=0)
            ax.add_patch(FancyArrow(high + top * 0.18, y, top * 0.05, 0, width=0.06, head_width=0.3,
                                    head_length=top * 0.02, color=PALETTE[3]))
            ax.text(high + top * 0.26, y, f"${high / 1000:,.0f}k+ (no stated top)", va="center", fontsize=9)
        else:
            ax.text(high + 3000, y, f"${high / 1000:,.0f}k", va="center", fontsize=9)
    ax.set_yticks(range(len(bands)), [_experience_label(b) for b in bands.itertuples()])
    ax.set_xlim(0, top * 1.85)
    ax.xaxis.set_major_formatter(lambda x, _: f"${x / 1000:,.0f}k")
    ax.set_xlabel("Annual salary (US dollars; pay basis and region not stated by the source)")
    ax.set_title("AI engineer salary bands by level\n"
                 f"(editorial figures from the seed career guide, dated {_guide_date()})")
    ax.grid(axis="x", alpha=0.3)
    return ax


def plot_role_comparison(ax: Axes | None = None) -> Axes:
    """Grouped bars of the absolute factors on the guide's five-step scale, prompt vs AI engineer."""
    table = read_table("role_comparison")
    absolute = table[table["scale"] == "absolute"].reset_index(drop=True)
    ax = _axes(ax, (8, 3.6))
    width = 0.38
    for offset, (column, label, colour) in enumerate(
        [("prompt_engineer", "Prompt engineer", PALETTE[1]), ("ai_engineer", "AI engineer", PALETTE[0])]
    ):
        levels = [ABSOLUTE_SCALE.index(v) + 1 for v in absolute[column]]
        xs = [i + (offset - 0.5) * width for i in range(len(absolute))]
        ax.bar(xs, levels, width=width, label=label, color=colour,
               hatch="//" if offset == 0 else None, edgecolor="white")
    ax.set_xticks(range(len(absolute)), list(absolute["factor"]))
    ax.set_yticks(range(1, len(ABSOLUTE_SCALE) + 1), ABSOLUTE_SCALE)
    ax.set_ylim(0, len(ABSOLUTE_SCALE) + 0.5)
    ax.set_ylabel("Rating on the guide's scale (ordinal)")
    ax.set_xlabel("Factor")
    ax.set_title(f"What each role demands, as rated by the seed career guide\n(dated {_guide_date()})")
    ax.legend(loc="upper left", frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return ax


# --- Alt text built from the same data as the charts -------------------------------------------------
# Each chart on the career pages has a function here that writes its alt text from the data the chart
# draws. tests/test_careerdata_guide_data.py checks that the text in each page's cell metadata is exactly
# what these functions return, so a change in the data that changes the chart fails until the alt text
# is regenerated (run ``python -c "from careerdata import plots; print(plots.salary_bands_alt())"``).


def _k(value: float) -> str:
    return f"${value / 1000:,.0f}k"


def salary_bands_alt() -> str:
    """Alt text for :func:`plot_salary_bands`, from the salary bands table."""
    bands = read_table("salary_bands").sort_values("level")
    parts = []
    for band in bands.itertuples():
        top = _k(band.salary_high_usd)
        if band.open_upper:
            top += " and above, with no stated top"
        parts.append(f"{band.title} from {_k(band.salary_low_usd)} to {top}")
    return ("Horizontal bars of the seed guide's salary bands in US dollars (guide dated "
            f"{_guide_date()}): " + "; ".join(parts)
            + ". The open band fades out with an arrow instead of ending.")


def role_comparison_alt() -> str:
    """Alt text for :func:`plot_role_comparison`, from the role comparison table."""
    table = read_table("role_comparison")
    absolute = table[table["scale"] == "absolute"]
    parts = [f"{r.factor}: prompt engineer {r.prompt_engineer}, AI engineer {r.ai_engineer}"
             for r in absolute.itertuples()]
    return ("Grouped bars on the seed guide's ordinal scale from Low to Very High (guide dated "
            f"{_guide_date()}). " + "; ".join(parts) + ".")


def career_ratings_alt() -> str:
    """Alt text for the career ratings chart, from the career ratings table."""
    ratings = read_table("career_ratings")
    parts = [f"{r.dimension} {r.score:g}" for r in ratings.itertuples()]
    return ("Horizontal bars of the seed guide editors' scores out of 10 (guide dated "
            f"{_guide_date()}): " + ", ".join(parts) + ".")


def growth_projections() -> pd.DataFrame:
    """BLS projected growth rows, oldest projection first, with ``replaced_by`` naming a later projection.

    A later projection for the same occupation replaces the earlier one; both rows are kept, marked, so a
    chart can show the revision as a revision rather than as two occupations.
    """
    adjacent = read_table("adjacent_occupations")
    growth = adjacent[adjacent["figure"] == "projected_employment_growth"].copy()
    growth = growth.sort_values(["occupation", "reference_period"]).reset_index(drop=True)
    later = growth.groupby("occupation")["reference_period"].transform("max")
    growth["replaced_by"] = [pd.NA if period == last else last
                             for period, last in zip(growth["reference_period"], later, strict=True)]
    return growth


def _short(occupation: str) -> str:
    return {"Software Developers, Quality Assurance Analysts, and Testers":
            "Software developers, QA analysts and testers"}.get(occupation, occupation)


def plot_projection_revisions(ax: Axes | None = None) -> Axes:
    """BLS ten-year growth projections: one row per occupation, a revised projection drawn as an arrow.

    An occupation projected twice (two editions of the Handbook) gets the earlier projection as a hollow
    marker and an arrow to the later one, labelled "revised", never a second bar that looks like a
    second occupation.
    """
    growth = growth_projections()
    occupations = list(dict.fromkeys(growth["occupation"]))
    ax = _axes(ax, (9.5, 0.9 * len(occupations) + 1.6))
    for y, occupation in enumerate(occupations):
        rows = growth[growth["occupation"] == occupation].reset_index(drop=True)
        current = rows[rows["replaced_by"].isna()].iloc[0]
        for old in rows[rows["replaced_by"].notna()].itertuples():
            ax.plot(old.value, y, marker="o", markersize=9, markerfacecolor="white", markeredgecolor=PALETTE[3],
                    linestyle="none")
            ax.annotate("", xy=(current["value"], y), xytext=(old.value, y),
                        arrowprops=dict(arrowstyle="-|>", color=PALETTE[3], lw=1.2, shrinkA=6, shrinkB=6))
            ax.text(old.value, y - 0.28, f"{old.value:g}% ({old.reference_period},\nreplaced)", ha="center",
                    va="bottom", fontsize=8.5)
        ax.plot(current["value"], y, marker="o", markersize=9, color=PALETTE[0], linestyle="none")
        ax.text(current["value"], y + 0.18, f"{current['value']:g}% ({current['reference_period']})", ha="center",
                va="top", fontsize=8.5)
    ax.set_yticks(range(len(occupations)), [_short(o) for o in occupations])
    ax.set_ylim(len(occupations) - 0.4, -0.7)
    ax.set_xlim(0, growth["value"].max() * 1.3)
    ax.set_xlabel("Projected employment growth over ten years (percent)")
    ax.set_title("BLS ten-year growth projections, occupations next to AI engineering\n"
                 "(filled: latest projection; hollow: an earlier one it replaced)", fontsize=11)
    ax.grid(axis="x", alpha=0.3)
    return ax


def projection_revisions_alt() -> str:
    """Alt text for :func:`plot_projection_revisions`, from the same rows."""
    growth = growth_projections()
    parts = []
    for occupation in dict.fromkeys(growth["occupation"]):
        rows = growth[growth["occupation"] == occupation]
        current = rows[rows["replaced_by"].isna()].iloc[0]
        text = f"{_short(occupation)}: {current['value']:g} percent over {current['reference_period']}"
        for old in rows[rows["replaced_by"].notna()].itertuples():
            text += f", which replaced an earlier projection of {old.value:g} percent over {old.reference_period}"
        parts.append(text)
    return "Dot chart of BLS projected ten-year employment growth, one row per occupation. " + "; ".join(parts) + "."


def wage_ratios() -> pd.DataFrame:
    """Each BLS median wage divided by the all-occupations median of the *same* reference period.

    Rows whose period has no all-occupations median in the data are left out (never divided by another
    period's baseline). Columns: ``occupation``, ``reference_period``, ``median``, ``all_occupations_median``,
    ``ratio``, ``label`` (occupation and period, unique).
    """
    adjacent = read_table("adjacent_occupations")
    wages = adjacent[adjacent["figure"] == "median_annual_wage"]
    base = wages[wages["occupation"] == "All Occupations"].set_index("reference_period")["value"]
    rows = wages[(wages["occupation"] != "All Occupations") & wages["reference_period"].isin(base.index)]
    out = pd.DataFrame({
        "occupation": rows["occupation"].to_numpy(),
        "reference_period": rows["reference_period"].to_numpy(),
        "median": rows["value"].to_numpy(),
        "all_occupations_median": rows["reference_period"].map(base).to_numpy(),
    })
    out["ratio"] = out["median"] / out["all_occupations_median"]
    out["label"] = [f"{o} ({p})" for o, p in zip(out["occupation"], out["reference_period"], strict=True)]
    return out


# --- The roadmap as a clickable Graphviz diagram ----------------------------------------------------


def _text_colour(hex_colour: str) -> str:
    """Black or white, whichever contrasts more with ``hex_colour`` (WCAG relative luminance)."""
    def channel(c: int) -> float:
        c = c / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i:i + 2], 16) for i in (1, 3, 5))
    lum = 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    return "#000000" if (lum + 0.05) / 0.05 >= 1.05 / (lum + 0.05) else "#FFFFFF"


def stage_colours() -> dict[str, tuple[str, str]]:
    """Each stage's (fill, text) colours: fills from :data:`PALETTE`, text black or white for contrast."""
    stages = list(roadmap()["stage"].cat.categories)
    return {s: (PALETTE[i % len(PALETTE)], _text_colour(PALETTE[i % len(PALETTE)])) for i, s in enumerate(stages)}


def roadmap_label(row: pd.Series, width: int = 18) -> str:
    """A topic's full label, ``NN Title``, wrapped at ``width`` characters and never shortened."""
    import textwrap

    return "\n".join(textwrap.wrap(f"{row['number']:02d} {row['title']}", width=width, break_long_words=False,
                                   break_on_hyphens=False))


def roadmap_dot(link: dict[str, str] | None = None) -> str:
    """The roadmap graph in Graphviz's DOT language, top to bottom, one box per topic coloured by stage.

    ``link`` maps topic ids to URLs; a topic with a URL becomes a link in the SVG (topics without one,
    e.g. notebooks not yet written, are drawn without a link). Labels are complete, wrapped over lines.
    """
    topics = roadmap()
    colours = stage_colours()
    link = link or {}

    def quote(text: str) -> str:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'

    lines = [
        "digraph roadmap {",
        '  graph [rankdir=TB, nodesep=0.25, ranksep=0.45, splines=true, bgcolor="transparent", '
        'fontname="DejaVu Sans"];',
        '  node [shape=box, style="rounded,filled", fontname="DejaVu Sans", fontsize=12, margin="0.1,0.05", '
        'penwidth=1.2, color="#333333"];',
        '  edge [color="#595959", arrowsize=0.7, penwidth=1.1];',
    ]
    for topic_id, row in topics.iterrows():
        fill, text = colours[row["stage"]]
        attrs = [f"label={quote(roadmap_label(row))}", f'fillcolor="{fill}"', f'fontcolor="{text}"',
                 f"id={quote('roadmap-' + topic_id)}"]
        if topic_id in link:
            tip = f"{row['number']:02d} {row['title']} ({row['stage']} stage): open the notebook"
            attrs += [f"URL={quote(link[topic_id])}", f"tooltip={quote(tip)}", 'target="_top"']
        lines.append(f"  {quote(topic_id)} [{', '.join(attrs)}];")
    for topic_id, row in topics.iterrows():
        for prereq in row["prerequisites"]:
            lines.append(f"  {quote(prereq)} -> {quote(topic_id)};")
    lines.append("}")
    return "\n".join(lines) + "\n"


def roadmap_svg(link: dict[str, str] | None = None) -> str:
    """The roadmap drawn by Graphviz's ``dot`` as SVG text (needs the ``dot`` program: Debian ``graphviz``)."""
    import shutil
    import subprocess

    dot = shutil.which("dot")
    if dot is None:
        raise RuntimeError("Graphviz's 'dot' program is not installed; on Debian or Ubuntu: apt-get install graphviz")
    result = subprocess.run([dot, "-Tsvg"], input=roadmap_dot(link), capture_output=True, text=True, check=True,
                            timeout=60)
    svg = result.stdout
    return svg[svg.index("<svg"):]

