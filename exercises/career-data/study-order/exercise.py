# %% [markdown]
# `careerdata.roadmap()` lists the course's topics, indexed by topic id, with each topic's `number` and the
# tuple of its `prerequisites`. Say you want to reach one topic, such as `rag-pipeline`, as directly as the
# roadmap allows. Write `study_order(goal, topics)` that returns the list of topic ids to study, in order:
#
# - the goal and every topic it depends on, directly or through other topics, and nothing else, each once;
# - every topic after all of its prerequisites;
# - when several topics could come next, the one with the smaller `number` first, so the answer is unique.
#
# `topics` is a DataFrame shaped like `careerdata.roadmap()`. An unknown goal raises `ValueError` naming it.
#
# Do not rely on the course's numbering being a valid order (it happens to be one): the checks also use a
# roadmap whose numbers run against its prerequisites. One way in: collect the needed topics with a stack,
# then repeatedly take the smallest-numbered topic whose prerequisites are all placed (`heapq` helps).

# %%
import careerdata


def study_order(goal, topics):
    """Topic ids to study to reach `goal`: its prerequisites (transitively) and the goal, in a valid order."""
    ### BEGIN SOLUTION
    import heapq

    if goal not in topics.index:
        raise ValueError(f"Unknown topic {goal!r}")
    needed, stack = set(), [goal]
    while stack:
        topic = stack.pop()
        if topic not in needed:
            needed.add(topic)
            stack.extend(topics.loc[topic, "prerequisites"])
    waiting = {t: set(topics.loc[t, "prerequisites"]) for t in needed}
    ready = [(int(topics.loc[t, "number"]), t) for t, needs in waiting.items() if not needs]
    heapq.heapify(ready)
    order = []
    while ready:
        _, topic = heapq.heappop(ready)
        order.append(topic)
        for other, needs in waiting.items():
            if topic in needs:
                needs.discard(topic)
                if not needs:
                    heapq.heappush(ready, (int(topics.loc[other, "number"]), other))
    return order
    ### END SOLUTION


# %%
topics = careerdata.roadmap()
print(study_order("rag-pipeline", topics))

# %% [markdown] tags=["instructor"]
# Notes for instructors. The collection step is a depth-first walk; the ordering step is Kahn's algorithm
# with a priority queue keyed on `number`, the same rule `careerdata.roadmap()` uses for the whole course.
# Common wrong answers, each caught by a check: only the direct prerequisites (check_needed_topics);
# sorting the needed topics by `number` (check_prerequisites_first, on a roadmap whose numbers run
# backwards); a depth-first post-order, which is a valid order but breaks ties differently (the hidden
# check_ties_by_number). Ask students who pass to explain why the post-order is valid.
