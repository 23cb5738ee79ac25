"""Public checks for career-data.study-order (students see these).

They test properties of the answer (complete, minimal, ordered), so they hold for any roadmap.
"""

import pandas as pd

import careerdata
from coursegrader.helpers import expect_list_of_str, expect_raises, fail


def _toy_roadmap():
    """A small roadmap whose numbers run against the prerequisites (lower numbers come later)."""
    rows = [
        ("deploy", 1, ("train", "serve")),
        ("serve", 2, ("python",)),
        ("train", 3, ("maths", "python")),
        ("maths", 4, ("python",)),
        ("python", 5, ()),
        ("painting", 6, ()),
    ]
    frame = pd.DataFrame(rows, columns=["topic_id", "number", "prerequisites"])
    return frame.set_index("topic_id", drop=False).rename_axis("id")


def _check_properties(study_order, goal, topics, label):
    order = expect_list_of_str(study_order(goal, topics), what=f"study_order({goal!r}, {label})")
    if len(set(order)) != len(order):
        fail(f"study_order({goal!r}, {label}) lists a topic more than once: {order}")
    unknown = [t for t in order if t not in topics.index]
    if unknown:
        fail(f"study_order({goal!r}, {label}) contains unknown topic ids {unknown}")
    if goal not in order:
        fail(f"study_order({goal!r}, {label}) does not contain the goal itself.")
    chosen = set(order)
    for topic in order:
        missing = [p for p in topics.loc[topic, "prerequisites"] if p not in chosen]
        if missing:
            fail(f"study_order({goal!r}, {label}) includes {topic!r} but not its prerequisite(s) {missing}.")
    needed_by = {p for t in order for p in topics.loc[t, "prerequisites"]}
    extra = [t for t in order if t != goal and t not in needed_by]
    if extra:
        fail(f"study_order({goal!r}, {label}) includes {extra}, which the goal does not need.")
    return order


def check_needed_topics(study_order):
    """On the course roadmap the answer holds the goal and exactly the topics it depends on, once each."""
    topics = careerdata.roadmap()
    for goal in ("rag-pipeline", "python-for-ai", "career-data", "fine-tuning"):
        _check_properties(study_order, goal, topics.copy(), "careerdata.roadmap()")


def check_prerequisites_first(study_order):
    """Each topic comes after all of its prerequisites, also when the numbering runs the other way."""
    topics = _toy_roadmap()
    order = _check_properties(study_order, "deploy", topics.copy(), "a toy roadmap")
    position = {topic: i for i, topic in enumerate(order)}
    for topic in order:
        for prerequisite in topics.loc[topic, "prerequisites"]:
            if position[prerequisite] > position[topic]:
                fail(f"On a toy roadmap, {topic!r} comes before its prerequisite {prerequisite!r}: {order}. "
                     "Order by prerequisites, not by number.")


def check_unknown_goal(study_order):
    """An unknown goal raises ValueError."""
    expect_raises(ValueError, study_order, "astrology", careerdata.roadmap(),
                  what="study_order('astrology', topics)")
