"""Hidden checks for career-data.study-order (instructors only; never shipped to students)."""

import pandas as pd

from coursegrader.helpers import expect_list_of_str, fail


def check_ties_by_number(study_order):
    """When several topics are ready, the smaller number comes first (a depth-first order is not enough)."""
    rows = [
        ("goal", 9, ("late", "early")),
        ("late", 5, ("base",)),
        ("early", 2, ()),
        ("base", 3, ()),
        ("middle", 4, ()),
    ]
    topics = pd.DataFrame(rows, columns=["topic_id", "number", "prerequisites"])
    topics = topics.set_index("topic_id", drop=False).rename_axis("id")
    order = expect_list_of_str(study_order("goal", topics.copy()),
                               what="study_order('goal', a tie-break roadmap)")
    expected = ["early", "base", "late", "goal"]
    if order != expected:
        fail(f"study_order('goal', a tie-break roadmap) is {order}, expected {expected}: when several topics"
             " are ready, take the one with the smaller number.")
