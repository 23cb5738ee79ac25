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
    ax.set_title("AI engineer salary bands by level (editorial figures from the seed career guide)")
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
    ax.set_title("What each role demands, as rated by the seed career guide")
    ax.legend(loc="upper left", frameon=False)
    ax.grid(axis="y", alpha=0.3)
    return ax


def roadmap_depths() -> dict[str, int]:
    """Each topic's depth: 0 with no prerequisites, else one more than its deepest prerequisite."""
    topics = roadmap()  # learning order: prerequisites always come first
    depth: dict[str, int] = {}
    for topic_id, prereqs in topics["prerequisites"].items():
        depth[topic_id] = 1 + max((depth[p] for p in prereqs), default=-1)
    return depth


def plot_roadmap(ax: Axes | None = None) -> Axes:
    """The roadmap graph: rows by prerequisite depth (top to bottom), colour by stage, an arrow per prerequisite."""
    import textwrap

    from matplotlib.patches import Patch

    topics = roadmap()
    stages = list(topics["stage"].cat.categories)
    depth = roadmap_depths()
    rows = max(depth.values()) + 1
    widest = max(list(depth.values()).count(d) for d in range(rows))
    ax = _axes(ax, (10, 1.25 * rows + 1))
    position: dict[str, tuple[float, float]] = {}
    for level in range(rows):
        members = sorted((t for t, d in depth.items() if d == level), key=lambda t: topics.at[t, "number"])
        offset = (widest - len(members)) / 2
        for i, topic_id in enumerate(members):
            position[topic_id] = (offset + i, -level)
    half_height = 0.22
    for topic_id, row in topics.iterrows():
        x1, y1 = position[topic_id]
        for prereq in row["prerequisites"]:
            x0, y0 = position[prereq]
            ax.annotate("", xy=(x1, y1 + half_height), xytext=(x0, y0 - half_height),
                        arrowprops=dict(arrowstyle="-|>", color=PALETTE[3], lw=0.9, alpha=0.6,
                                        shrinkA=0, shrinkB=0))
    for topic_id, row in topics.iterrows():
        x, y = position[topic_id]
        colour = PALETTE[stages.index(row["stage"]) % len(PALETTE)]
        label = textwrap.fill(f"{row['number']:02d} {row['title']}", width=22, max_lines=3, placeholder="…")
        ax.text(x, y, label, ha="center", va="center", fontsize=8.5,
                bbox=dict(boxstyle="round,pad=0.4", facecolor="white", edgecolor=colour, lw=2.4))
    ax.legend(handles=[Patch(facecolor="white", edgecolor=PALETTE[i % len(PALETTE)], lw=2.4, label=stage)
                       for i, stage in enumerate(stages)],
              title="Stage", loc="lower left", frameon=False, fontsize=9)
    ax.set_xlim(-0.6, widest - 0.4)
    ax.set_ylim(-rows + 0.5, 0.5)
    ax.set_axis_off()
    ax.set_title("The course roadmap: each arrow runs from a prerequisite down to a topic that builds on it")
    return ax
