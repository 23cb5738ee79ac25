"""Hidden checks for capstone-rag-service.resumable-ingest (instructors only)."""

from coursegrader.helpers import expect_int, fail


def check_same_text_under_two_names(sync_index):
    """Two names with the same text are two entries; renaming a file is one removal and one addition."""
    calls = []

    def embed(text):
        calls.append(text)
        return [1.0]

    index = {}
    sync_index({"x.md": "same", "y.md": "same"}, index, embed)
    expect_int(len(calls), 2, what="embed calls for two documents with the same text")
    report = sync_index({"z.md": "same", "y.md": "same"}, index, embed)
    if report["removed"] != ["x.md"] or report["added"] != ["z.md"] or report["unchanged"] != ["y.md"]:
        fail(f"renaming x.md to z.md reported {report}.")
    report = sync_index({}, index, embed)
    if index or report["removed"] != ["y.md", "z.md"]:
        fail("an empty folder should empty the index and report every document removed, sorted.")
