"""A personal learning plan from a self-assessment.

A learner rates each skill area from 0 (never touched it) to 5 (could teach it). Every topic that teaches
a skill rated below ``target`` is still to learn. The plan lists those topics in an order that respects
prerequisites (a prerequisite the learner already knows is simply skipped), with the roadmap's hour
estimate for each and the weeks it falls in at the given hours per week.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from numbers import Real

import pandas as pd

from careerdata._package import read_table
from careerdata.roadmap import learning_order, roadmap

MIN_RATING, MAX_RATING = 0, 5


def _validate(ratings: Mapping[str, object], hours_per_week: object, target: object) -> None:
    if not isinstance(ratings, Mapping):
        raise ValueError(
            f"ratings must be a mapping of skill id to a rating 0-5, got {type(ratings).__name__}; "
            "for example {'python': 4, 'linear-algebra': 2}."
        )
    known = list(read_table("skill_areas")["skill_id"])
    unknown = sorted(str(s) for s in ratings if s not in known)
    if unknown:
        raise ValueError(f"Unknown skill(s) {unknown}. Rate these skills instead: {', '.join(known)}.")
    bad = sorted(
        f"{skill}={value!r}"
        for skill, value in ratings.items()
        if isinstance(value, bool) or not isinstance(value, Real) or math.isnan(value)
        or not MIN_RATING <= value <= MAX_RATING
    )
    if bad:
        raise ValueError(f"Ratings must be numbers from {MIN_RATING} to {MAX_RATING}; these are not: {', '.join(bad)}.")
    if isinstance(hours_per_week, bool) or not isinstance(hours_per_week, Real) or not hours_per_week > 0:
        raise ValueError(f"hours_per_week must be a positive number of hours, got {hours_per_week!r}.")
    if isinstance(target, bool) or not isinstance(target, Real) or not MIN_RATING < target <= MAX_RATING:
        raise ValueError(f"target must be a rating above {MIN_RATING} and at most {MAX_RATING}, got {target!r}.")


def plan(ratings: Mapping[str, float], hours_per_week: float, *, target: float = 3) -> pd.DataFrame:
    """Topics still to learn, in a valid order, with hours and the weeks each one falls in.

    ``ratings`` maps skill ids (see ``load_skill_areas()``) to a self-assessment from 0 to 5; skills left
    out count as 0. A topic is still to learn when any skill it teaches is rated below ``target``.
    Unknown skills, ratings out of range and a non-positive ``hours_per_week`` raise ``ValueError``
    naming them.

    Returns one row per topic with ``topic_id``, ``title``, ``stage``, ``hours``, ``cumulative_hours``,
    ``start_week`` and ``end_week`` (weeks counted from 1; a topic may span several weeks), and
    ``notebook``. An empty frame means every skill already meets the target.
    """
    _validate(ratings, hours_per_week, target)
    topics = roadmap()
    needed = [
        t for t, skills in zip(topics.index, topics["skills"], strict=True)
        if any(ratings.get(s, 0) < target for s in skills)
    ]
    order = learning_order(
        {t: topics.at[t, "prerequisites"] for t in needed},
        {t: int(topics.at[t, "number"]) for t in needed},
    )
    rows = topics.loc[order, ["topic_id", "number", "title", "stage", "hours", "notebook"]].reset_index(drop=True)
    cumulative = rows["hours"].cumsum()
    start = cumulative - rows["hours"]
    rows.insert(5, "cumulative_hours", cumulative)
    rows.insert(6, "start_week", (start // hours_per_week + 1).astype("int64"))
    rows.insert(7, "end_week", ((cumulative / hours_per_week).apply(math.ceil)).astype("int64"))
    return rows
