"""careerdata: the salary, comparison and roadmap data behind the AI engineer course.

Every table ships inside the package as CSV, is described (columns, types, constraints, sources) by
``data/datapackage.json``, and loads as a pandas DataFrame with explicit dtypes::

    >>> import careerdata
    >>> careerdata.list_datasets()[:3]
    ['salary_bands', 'role_comparison', 'career_ratings']
    >>> bands = careerdata.load_salary_bands()

Each row carries a ``source_id``; :func:`sources` tells what it is and what kind of claim it makes
(an editorial claim, an official statistic, a course-design decision or a measurement). Nothing is read
at import, nothing is written, and nothing is fetched from the network.
"""

from __future__ import annotations

from typing import Any

import pandas as pd

from careerdata._package import DataError, descriptor, read_json, read_table, resource, table_names
from careerdata.planner import plan
from careerdata.roadmap import RoadmapError, roadmap, topic

__all__ = [
    "DataError",
    "OpenRangeError",
    "RoadmapError",
    "describe",
    "list_datasets",
    "load",
    "load_adjacent_occupations",
    "load_applications",
    "load_backgrounds",
    "load_career_ratings",
    "load_gpu_measurements",
    "load_roadmap",
    "load_role_comparison",
    "load_salary_bands",
    "load_similar_occupations",
    "load_skill_areas",
    "load_sources",
    "plan",
    "roadmap",
    "salary_midpoint",
    "sources",
    "topic",
]


class OpenRangeError(ValueError):
    """A calculation needs an upper bound that the source does not give (an open range like '$220,000+')."""


def list_datasets() -> list[str]:
    """Names of the tables ``load`` accepts, in the data package's order."""
    return table_names()


def load(name: str) -> pd.DataFrame:
    """Load table ``name`` as a DataFrame. Unknown names raise ``ValueError`` with a did-you-mean."""
    return read_table(name)


def load_salary_bands() -> pd.DataFrame:
    """Salary bands by level (ordered categorical ``level``; the senior band has ``open_upper``)."""
    return read_table("salary_bands")


def load_role_comparison() -> pd.DataFrame:
    """The seed guide's AI engineer vs prompt engineer comparison."""
    return read_table("role_comparison")


def load_career_ratings() -> pd.DataFrame:
    """The seed guide's editorial career ratings (scores out of 10)."""
    return read_table("career_ratings")


def load_skill_areas() -> pd.DataFrame:
    """Skill areas the roadmap teaches and the planner asks about."""
    return read_table("skill_areas")


def load_applications() -> pd.DataFrame:
    """Applications and industries where AI engineering runs, with the topic that builds one."""
    return read_table("applications")


def load_backgrounds() -> pd.DataFrame:
    """Backgrounds employers prefer, per the seed guide, and the career-change route."""
    return read_table("backgrounds")


def load_adjacent_occupations() -> pd.DataFrame:
    """BLS figures for occupations adjacent to AI engineering (not AI-engineer figures)."""
    return read_table("adjacent_occupations")


def load_roadmap() -> pd.DataFrame:
    """The roadmap table as stored (numbered order). :func:`roadmap` gives it in learning order."""
    return read_table("roadmap")


def load_similar_occupations() -> pd.DataFrame:
    """The occupations a reader might weigh against AI engineering, compared on the same columns."""
    return read_table("similar_occupations")


def load_sources() -> pd.DataFrame:
    """Every source a row can cite."""
    return read_table("sources")


def load_gpu_measurements() -> dict[str, Any]:
    """Measurements from one NVIDIA H100 80GB HBM3 (PyTorch 2.11, November 2026), as a dict.

    Keys include ``gemm_square`` (TFLOP/s by dtype and size), ``device_copy_bandwidth``,
    ``host_device_bandwidth``, ``launch_overhead_us``, ``mlp_4x4096_bf16_batch_sweep``,
    ``attention_b8_h16_d64_bf16``, ``how_measured`` and ``vendor_peak_reference``. Source id:
    ``h100-measurements``.
    """
    return read_json("gpu_h100_measurements")


def describe(name: str) -> str:
    """A plain-text description of dataset ``name``: what it holds, its columns and its sources."""
    entry = resource(name)
    lines = [f"{name}: {entry.get('title', '')}", "", entry.get("description", ""), ""]
    if entry.get("format") == "csv":
        frame = read_table(name)
        lines.append(f"{len(frame)} rows. Columns:")
        for field in entry["schema"]["fields"]:
            lines.append(f"  {field['name']} ({frame[field['name']].dtype}): {field.get('description', '')}")
        ids = sorted(set(frame["source_id"])) if "source_id" in frame else []
    else:
        ids = [s["title"] for s in entry.get("sources", [])]
    if ids:
        lines += ["", "Sources:"]
        table = read_table("sources").set_index("source_id")
        for sid in ids:
            lines.append(f"  [{sid}] {table.at[sid, 'title']} ({table.at[sid, 'kind']})")
    return "\n".join(lines)


def sources(name_or_ids: str | list[str] | None = None) -> pd.DataFrame:
    """Sources, all of them or those cited by a dataset name or a list of source ids.

    ``sources("salary_bands")`` gives the sources its rows cite; ``sources(["seed-guide"])`` looks ids
    up directly. An unknown id raises ``ValueError`` naming it.
    """
    table = read_table("sources")
    if name_or_ids is None:
        return table
    if isinstance(name_or_ids, str):
        entry = resource(name_or_ids)
        if entry.get("format") == "csv":
            cited = table if name_or_ids == "sources" else read_table(name_or_ids)
            ids = sorted(set(cited["source_id"]))
        else:
            ids = [s["title"] for s in entry.get("sources", [])]
    else:
        ids = list(name_or_ids)
    unknown = [i for i in ids if i not in set(table["source_id"])]
    if unknown:
        raise ValueError(f"Unknown source id(s) {unknown}. Known: {', '.join(table['source_id'])}.")
    return table[table["source_id"].isin(ids)].reset_index(drop=True)


def salary_midpoint(level: str) -> float:
    """Midpoint of a closed salary band; an open band (no stated top) raises :class:`OpenRangeError`."""
    bands = read_table("salary_bands").set_index("level")
    if level not in bands.index:
        raise ValueError(f"No salary level {level!r}; levels are {', '.join(map(str, bands.index))}.")
    band = bands.loc[level]
    if band["open_upper"]:
        raise OpenRangeError(
            f"The {level} band has no stated top (the source prints '${band['salary_low_usd']:,}"
            f" - ${band['salary_high_usd']:,}+'), so it has no midpoint; use salary_low_usd as a floor."
        )
    return (band["salary_low_usd"] + band["salary_high_usd"]) / 2


# The descriptor is exposed for tools that want the raw Frictionless metadata.
datapackage = descriptor
