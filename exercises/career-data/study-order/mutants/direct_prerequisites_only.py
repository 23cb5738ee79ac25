"""Lists only the goal's direct prerequisites, not theirs."""


def study_order(goal, topics):
    if goal not in topics.index:
        raise ValueError(goal)
    direct = sorted(topics.loc[goal, "prerequisites"], key=lambda t: topics.loc[t, "number"])
    return [*direct, goal]
