"""Quotes from every retrieved passage, including those below the threshold, and lets ties go to the later one."""


def answer_with_citation(question, passages, min_score):
    if not passages or passages[0]["score"] < min_score:
        return {"answer": REFUSAL, "citations": [], "refused": True}  # noqa: F821
    asked = words(question)  # noqa: F821
    best, best_overlap = None, -1
    for passage in passages:
        for sentence in split_sentences(passage["text"]):  # noqa: F821
            overlap = len(asked & words(sentence))  # noqa: F821
            if overlap >= best_overlap:
                best, best_overlap = (sentence, passage["source"]), overlap
    return {"answer": best[0], "citations": [best[1]], "refused": False}
