"""Answers with the first sentence of the first passage, whatever the question."""


def answer_with_citation(question, passages, min_score):
    if not passages or passages[0]["score"] < min_score:
        return {"answer": REFUSAL, "citations": [], "refused": True}  # noqa: F821
    return {"answer": split_sentences(passages[0]["text"])[0], "citations": [passages[0]["source"]],  # noqa: F821
            "refused": False}
