"""Public checks for capstone-rag-service.cite-or-refuse (students see these)."""

from coursegrader.helpers import describe, fail

PASSAGES = [
    {"source": "data-retention.md", "score": 0.61,
     "text": "Uploaded documents are kept until deleted. Request logs are kept for 30 days. "
             "Data is stored in Frankfurt."},
    {"source": "pricing.md", "score": 0.35,
     "text": "The team tier costs 49 euros per seat per month. Refunds take 30 days."},
]
REFUSAL = "I could not find this in the documents."


def _reply(value, what):
    if type(value) is not dict or set(value) != {"answer", "citations", "refused"}:
        fail(f"{what} returned {describe(value)}; expected a dict with answer, citations and refused.")
    return value


def check_refuses_below_threshold(answer_with_citation):
    """Nothing retrieved, or a best score below min_score: the refusal text, no citations, refused True."""
    for passages, what in [([], "no passages"), ([dict(PASSAGES[1], score=0.1)], "a best score of 0.1 < 0.2")]:
        out = _reply(answer_with_citation("Who founded the company?", [dict(p) for p in passages], 0.2),
                     f"answer_with_citation with {what}")
        if out["refused"] is not True or out["citations"] != [] or out["answer"] != REFUSAL:
            fail(f"with {what} the reply was {out!r}; expected the refusal with no citations.")


def check_quotes_and_cites(answer_with_citation):
    """The answer is the best-matching sentence, quoted exactly, with the one passage it comes from cited."""
    cases = [("How long are request logs kept?", "Request logs are kept for 30 days.", "data-retention.md"),
             ("What does the team tier cost per seat?", "The team tier costs 49 euros per seat per month.",
              "pricing.md"),
             ("Where is data stored?", "Data is stored in Frankfurt.", "data-retention.md")]
    for question, sentence, source in cases:
        out = _reply(answer_with_citation(question, [dict(p) for p in PASSAGES], 0.2), "answer_with_citation")
        if out["refused"] is not False:
            fail(f"for {question!r} the reply refused; the first passage's score 0.61 is above 0.2.")
        if out["answer"] != sentence:
            fail(f"for {question!r} the answer is {out['answer']!r}; expected the sentence that shares the most "
                 f"words with the question, {sentence!r}.")
        if out["citations"] != [source]:
            fail(f"for {question!r} the citations are {out['citations']!r}; expected only [{source!r}], the "
                 "passage the sentence comes from.")
