"""The roadmap as data: topics, their prerequisites, a valid learning order, and notebook front matter.

``roadmap.csv`` is the single source of truth for the order of the notebooks, the graph drawn in the book,
the syllabus, the planner and the first cell of every notebook (rendered and written by
``scripts/sync_front_matter.py``, which the tests run with ``--check``).
"""

from __future__ import annotations

import heapq
from collections.abc import Iterable, Mapping, Sequence

import pandas as pd

from careerdata._package import read_table
from careerdata._suggest import did_you_mean


class RoadmapError(ValueError):
    """The roadmap data is inconsistent (unknown prerequisite, cycle)."""


def learning_order(prerequisites: Mapping[str, Sequence[str]], rank: Mapping[str, int]) -> list[str]:
    """Order topics so that every topic comes after its prerequisites.

    Among topics that are ready at the same time, the one with the lower ``rank`` (the roadmap number)
    comes first, so the result is deterministic and stays close to the course's numbering. Prerequisites
    outside ``prerequisites`` are treated as already known. Raises :class:`RoadmapError` on a cycle.
    """
    topics = set(prerequisites)
    waiting = {t: {p for p in prerequisites[t] if p in topics} for t in topics}
    ready = [(rank[t], t) for t, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    order: list[str] = []
    while ready:
        _, topic = heapq.heappop(ready)
        order.append(topic)
        for other, needs in waiting.items():
            if topic in needs:
                needs.discard(topic)
                if not needs:
                    heapq.heappush(ready, (rank[other], other))
    if len(order) != len(topics):
        stuck = sorted(topics - set(order))
        raise RoadmapError(f"The prerequisites form a cycle among: {', '.join(stuck)}")
    return order


def check_roadmap(frame: pd.DataFrame, skill_ids: Iterable[str]) -> None:
    """Raise :class:`RoadmapError` unless every prerequisite and skill exists and the graph is acyclic."""
    ids = set(frame["topic_id"])
    skills = set(skill_ids)
    for row in frame.itertuples():
        unknown = [p for p in row.prerequisites if p not in ids]
        if unknown:
            raise RoadmapError(f"Topic {row.topic_id!r} needs unknown prerequisite(s) {unknown}")
        unknown = [s for s in row.skills if s not in skills]
        if unknown:
            raise RoadmapError(f"Topic {row.topic_id!r} names unknown skill(s) {unknown}")
    learning_order(dict(zip(frame["topic_id"], frame["prerequisites"], strict=True)),
                   dict(zip(frame["topic_id"], frame["number"], strict=True)))


def roadmap() -> pd.DataFrame:
    """The roadmap topics in a valid learning order (every topic after its prerequisites).

    Columns are those of the ``roadmap`` dataset; ``prerequisites``, ``skills`` and ``objectives`` are
    tuples. The index is the topic id.
    """
    frame = read_table("roadmap")
    check_roadmap(frame, read_table("skill_areas")["skill_id"])
    order = learning_order(dict(zip(frame["topic_id"], frame["prerequisites"], strict=True)),
                           dict(zip(frame["topic_id"], frame["number"], strict=True)))
    return frame.set_index("topic_id", drop=False).loc[order].rename_axis("id")


def topic(topic_id: str) -> pd.Series:
    """One roadmap topic; an unknown id raises ``ValueError`` listing close matches."""
    frame = roadmap()
    if topic_id not in frame.index:
        hint = did_you_mean(topic_id, frame.index)
        raise ValueError(f"No roadmap topic {topic_id!r}.{hint} Topics: {', '.join(frame.index)}.")
    return frame.loc[topic_id]
