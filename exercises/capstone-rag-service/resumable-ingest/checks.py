"""Public checks for capstone-rag-service.resumable-ingest (students see these)."""

import hashlib

from coursegrader.helpers import describe, expect_int, fail

DOCS = {"a.md": "Keys rotate every 90 days.", "b.md": "Logs are kept 30 days.", "c.md": "Refunds within 30 days."}


class Embedder:
    """Counts its calls; raises on the call numbers in crash_on."""

    def __init__(self, crash_on=()):
        self.calls, self.crash_on = [], set(crash_on)

    def __call__(self, text):
        self.calls.append(text)
        if len(self.calls) in self.crash_on:
            raise RuntimeError("embedding service went away")
        return [float(len(text))]


def _report(value, what):
    if type(value) is not dict or set(value) != {"added", "updated", "unchanged", "removed"}:
        fail(f"{what} returned {describe(value)}; expected a dict with added, updated, unchanged and removed.")
    return {k: list(v) for k, v in value.items()}


def check_second_run_does_nothing(sync_index):
    """The first run embeds all 3 documents; a second run over the same folder embeds none."""
    index, embed = {}, Embedder()
    first = _report(sync_index(dict(DOCS), index, embed), "sync_index (first run)")
    if first["added"] != ["a.md", "b.md", "c.md"]:
        fail(f"the first run reported added={first['added']}, expected ['a.md', 'b.md', 'c.md'].")
    expect_int(len(embed.calls), 3, what="embed calls in the first run")
    second = _report(sync_index(dict(DOCS), index, embed), "sync_index (second run)")
    expect_int(len(embed.calls), 3, what="embed calls after the second run",
               hint="Skip a document whose sha256 digest is already in the index.")
    if second != {"added": [], "updated": [], "unchanged": ["a.md", "b.md", "c.md"], "removed": []}:
        fail(f"the second run reported {second}; everything should be unchanged.")
    digest = hashlib.sha256(DOCS["a.md"].encode("utf-8")).hexdigest()
    if index.get("a.md", {}).get("sha256") != digest:
        fail("index['a.md']['sha256'] should be the sha256 hex digest of the document's text.")


def check_edits_and_deletions(sync_index):
    """An edited document is re-embedded (updated); a deleted one leaves the index (removed)."""
    index, embed = {}, Embedder()
    sync_index(dict(DOCS), index, embed)
    docs = dict(DOCS, **{"b.md": "Logs are kept 14 days."})
    del docs["c.md"]
    report = _report(sync_index(docs, index, embed), "sync_index after an edit and a deletion")
    if report != {"added": [], "updated": ["b.md"], "unchanged": ["a.md"], "removed": ["c.md"]}:
        fail(f"sync_index reported {report}; expected b.md updated, a.md unchanged and c.md removed.")
    expect_int(len(embed.calls), 4, what="embed calls in all (3, then 1 for the edit)")
    if sorted(index) != ["a.md", "b.md"] or index["b.md"]["vectors"] != [float(len(docs["b.md"]))]:
        fail("after the run the index should hold a.md and the new b.md only.")


def check_resumes_after_a_crash(sync_index):
    """embed fails on the 3rd document: the first two are kept, and the next run embeds only the 3rd."""
    index, embed = {}, Embedder(crash_on={3})
    try:
        sync_index(dict(DOCS), index, embed)
    except RuntimeError:
        pass
    else:
        fail("sync_index swallowed the embedder's exception; let it propagate (the run did not finish).")
    if sorted(index) != ["a.md", "b.md"]:
        fail(f"after the crash the index holds {sorted(index)}; expected ['a.md', 'b.md']: store each document "
             "as soon as it is embedded.")
    report = _report(sync_index(dict(DOCS), index, embed), "sync_index (resumed run)")
    if report["added"] != ["c.md"] or report["unchanged"] != ["a.md", "b.md"]:
        fail(f"the resumed run reported {report}; expected only c.md added.")
    expect_int(len(embed.calls), 4, what="embed calls in all (3 in the crashed run, 1 to finish)")
