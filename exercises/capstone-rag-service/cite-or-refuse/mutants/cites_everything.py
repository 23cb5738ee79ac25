"""Cites every retrieved passage, not the one the quote comes from."""


def answer_with_citation(question, passages, min_score):
    if not passages or passages[0]["score"] < min_score:
        return {"answer": REFUSAL, "citations": [], "refused": True}  # noqa: F821
    asked = words(question)  # noqa: F821
    scored = [(len(asked & words(s)), -i, -j, s) for i, p in enumerate(passages)  # noqa: F821
              for j, s in enumerate(split_sentences(p["text"]))]  # noqa: F821
    return {"answer": max(scored)[3], "citations": [p["source"] for p in passages], "refused": False}
