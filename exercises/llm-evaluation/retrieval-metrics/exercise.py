# %% [markdown]
# A retriever returns a ranked list of document ids, best first. The notebook measured such lists three
# ways; here you write the three metrics yourself. `relevance` is a dict from document id to a grade: 2 for
# a document that holds the answer, 1 for a related one; documents not in the dict have grade 0, and a
# document counts as *relevant* when its grade is above 0.
#
# 1. `recall_at_k(ranked, relevance, k)`: the share of the relevant documents that appear in the first `k`
#    of `ranked`. (If there are no relevant documents at all, return 0.0.)
# 2. `reciprocal_rank(ranked, relevance)`: 1 / (position of the first relevant document, counting from 1),
#    or 0.0 when none of `ranked` is relevant.
# 3. `ndcg_at_k(ranked, relevance, k)`: the discounted cumulative gain of the first `k` documents,
#    DCG = sum of grade / log2(position + 1), divided by the DCG of the best possible ordering (the grades
#    in `relevance` sorted from highest, also cut at `k`). Return 0.0 when that ideal DCG is 0.
#
# All three return a Python `float` between 0 and 1. `k` may be larger than the list.

# %%
import math


def recall_at_k(ranked, relevance, k):
    """Share of the relevant documents (grade > 0) found in the top k of ranked."""
    ### BEGIN SOLUTION
    relevant = {doc for doc, grade in relevance.items() if grade > 0}
    if not relevant:
        return 0.0
    return len(relevant & set(ranked[:k])) / len(relevant)
    ### END SOLUTION


def reciprocal_rank(ranked, relevance):
    """1 / rank of the first relevant document, 0.0 if there is none."""
    ### BEGIN SOLUTION
    for position, doc in enumerate(ranked, start=1):
        if relevance.get(doc, 0) > 0:
            return 1.0 / position
    return 0.0
    ### END SOLUTION


def ndcg_at_k(ranked, relevance, k):
    """Normalised discounted cumulative gain of the top k, with graded relevance."""
    ### BEGIN SOLUTION
    dcg = sum(relevance.get(doc, 0) / math.log2(position + 1) for position, doc in enumerate(ranked[:k], start=1))
    ideal_grades = sorted(relevance.values(), reverse=True)[:k]
    ideal = sum(grade / math.log2(position + 1) for position, grade in enumerate(ideal_grades, start=1))
    return float(dcg / ideal) if ideal > 0 else 0.0
    ### END SOLUTION


# %% [markdown]
# Try them on a question whose answer is in `d7`, with `d2` related:

# %%
relevance = {"d7": 2, "d2": 1}
for ranked in (["d7", "d2", "d5"], ["d2", "d7", "d5"], ["d5", "d1", "d7"]):
    print(ranked, recall_at_k(ranked, relevance, 2), reciprocal_rank(ranked, relevance),
          round(ndcg_at_k(ranked, relevance, 3), 3))

# %% [markdown] tags=["solution"]
# Recall only asks *whether* the relevant documents made the cut; the reciprocal rank only looks at the first
# hit; nDCG rewards putting the *most* relevant ones first, with a logarithmic discount for each position
# down. The ideal DCG uses the grades themselves, sorted, not the retrieved order: that is what makes a
# perfect ranking score exactly 1 and makes scores comparable between questions with different numbers of
# relevant documents.
