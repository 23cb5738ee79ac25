"""careerdata: the roadmap graph is sound, and plan() respects prerequisites and rejects bad input."""

from __future__ import annotations

import pytest

import careerdata
from careerdata.roadmap import RoadmapError, learning_order

DESIGNED_TOPICS = [
    "python-for-ai", "python-and-cpp", "linear-algebra", "calculus-autodiff", "probability-statistics",
    "classical-ml", "neural-networks", "training-pipelines", "embeddings-vector-search", "rag-pipeline",
    "transformers", "fine-tuning", "llm-orchestration", "model-compression", "gpu-computing",
    "serving-latency", "monitoring-drift", "career-data", "llm-evaluation", "agents-tool-use",
    "capstone-rag-service",
]


def test_roadmap_holds_the_designed_topics_with_their_notebooks() -> None:
    table = careerdata.load_roadmap()
    assert list(table["topic_id"]) == DESIGNED_TOPICS
    assert list(table["number"]) == list(range(1, len(DESIGNED_TOPICS) + 1))
    for row in table.itertuples():
        assert row.notebook == f"notebooks/{row.number:02d}-{row.topic_id}.ipynb"
        assert 3 <= len(row.objectives) <= 5, row.topic_id
        assert row.summary and row.hours > 0


def test_roadmap_order_respects_every_prerequisite_and_every_prerequisite_exists() -> None:
    topics = careerdata.roadmap()
    ids = set(topics.index)
    seen: set[str] = set()
    for topic_id, row in topics.iterrows():
        assert set(row["prerequisites"]) <= ids
        assert set(row["prerequisites"]) <= seen, f"{topic_id} comes before a prerequisite"
        seen.add(topic_id)
    assert seen == ids


def test_learning_order_detects_a_cycle_and_breaks_ties_by_rank() -> None:
    with pytest.raises(RoadmapError, match="cycle among: a, b"):
        learning_order({"a": ("b",), "b": ("a",), "c": ()}, {"a": 1, "b": 2, "c": 3})
    assert learning_order({"x": (), "y": (), "z": ("y",)}, {"x": 2, "y": 1, "z": 3}) == ["y", "x", "z"]


def test_unknown_topic_suggests_close_names() -> None:
    with pytest.raises(ValueError, match="Did you mean 'transformers'"):
        careerdata.topic("transformer")


def test_plan_lists_only_weak_topics_in_prerequisite_order() -> None:
    ratings = {"python": 5, "linear-algebra": 4, "calculus": 1, "probability-statistics": 2}
    plan = careerdata.plan(ratings, hours_per_week=5)
    planned = list(plan["topic_id"])
    assert "python-for-ai" not in planned and "linear-algebra" not in planned
    assert "calculus-autodiff" in planned and "probability-statistics" in planned
    position = {t: i for i, t in enumerate(planned)}
    for topic_id in planned:
        for prereq in careerdata.topic(topic_id)["prerequisites"]:
            assert prereq not in position or position[prereq] < position[topic_id]
    assert plan["cumulative_hours"].iloc[-1] == plan["hours"].sum()
    assert plan["start_week"].iloc[0] == 1
    assert (plan["start_week"] <= plan["end_week"]).all()
    assert plan["end_week"].iloc[-1] == -(-plan["hours"].sum() // 5)


def test_plan_weeks_follow_the_hours() -> None:
    everything = careerdata.plan({}, hours_per_week=10)
    assert len(everything) == len(DESIGNED_TOPICS)
    assert everything["end_week"].is_monotonic_increasing
    first = everything.iloc[0]
    assert first["end_week"] == -(-first["hours"] // 10)


def test_plan_is_empty_when_every_skill_meets_the_target() -> None:
    skills = careerdata.load_skill_areas()["skill_id"]
    assert careerdata.plan(dict.fromkeys(skills, 5), 4).empty
    assert len(careerdata.plan(dict.fromkeys(skills, 3), 4, target=4)) == len(DESIGNED_TOPICS)


@pytest.mark.parametrize(
    ("ratings", "hours", "message"),
    [
        ({"pyton": 3}, 5, r"Unknown skill\(s\) \['pyton'\]"),
        ({"python": 6}, 5, "python=6"),
        ({"python": -1, "cpp": 2}, 5, "python=-1"),
        ({"python": "high"}, 5, "python='high'"),
        ({"python": float("nan")}, 5, "python=nan"),
        ({"python": True}, 5, "python=True"),
        ({"python": 3}, 0, "hours_per_week must be a positive"),
        ({"python": 3}, "5", "hours_per_week must be a positive"),
        (["python"], 5, "ratings must be a mapping"),
    ],
)
def test_plan_rejects_bad_input_naming_it(ratings, hours, message) -> None:
    with pytest.raises(ValueError, match=message):
        careerdata.plan(ratings, hours)
