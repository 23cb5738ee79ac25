"""Hidden checks for capstone-rag-service.cite-or-refuse (instructors only)."""

from coursegrader.helpers import fail


def check_ties_and_edge_cases(answer_with_citation):
    """Ties go to the earlier passage; passages below the threshold are never quoted; score equal to min passes."""
    passages = [{"source": "first.md", "score": 0.5, "text": "Rate limits apply per project."},
                {"source": "second.md", "score": 0.4, "text": "Rate limits apply per key."}]
    out = answer_with_citation("rate limits", [dict(p) for p in passages], 0.2)
    if out.get("citations") != ["first.md"]:
        fail(f"on a tie the earlier passage should win; got {out!r}.")
    passages = [{"source": "good.md", "score": 0.5, "text": "Backups are kept 35 days."},
                {"source": "weak.md", "score": 0.1,
                 "text": "Request logs are kept for 30 days by the request log service."}]
    out = answer_with_citation("How long are request logs kept?", [dict(p) for p in passages], 0.2)
    if out.get("citations") != ["good.md"]:
        fail(f"a passage below min_score was quoted: {out!r}.")
    out = answer_with_citation("backups", [{"source": "edge.md", "score": 0.2, "text": "Backups run nightly."}], 0.2)
    if out.get("refused") is not False or out.get("citations") != ["edge.md"]:
        fail("a best score equal to min_score is relevant enough to answer.")
