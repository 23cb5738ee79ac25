# %% [markdown]
# The capstone's ingestion is safe to run again and again, and to kill at any moment. Here is its core, in
# memory. Write `sync_index(docs, index, embed)`:
#
# - `docs` is a dict from document name to its text (the folder as it is now).
# - `index` is a dict from document name to `{"sha256": <hex digest of the text>, "vectors": <what embed
#   returned>}`, the index as the last run left it. **Change it in place.**
# - `embed(text)` computes the vectors of one document. It is the expensive call: make it only for documents
#   that are new or whose text changed. It may raise (a crash, a time-out).
#
# Steps: first delete from `index` every name that is no longer in `docs`. Then, for each name in
# `sorted(docs)`: compute `hashlib.sha256(text.encode("utf-8")).hexdigest()`; if the index already holds that
# name with that digest, it is unchanged; otherwise call `embed(text)` and store the entry in `index`
# **immediately**, before moving on to the next document, so that if a later `embed` raises, everything done so
# far is kept (let the exception propagate).
#
# Return `{"added": [...], "updated": [...], "unchanged": [...], "removed": [...]}`, each a sorted list of
# names.

# %%
import hashlib


def sync_index(docs, index, embed):
    """Bring index in line with docs, embedding only new or changed documents; commit each as it is done."""
    ### BEGIN SOLUTION
    report = {"added": [], "updated": [], "unchanged": [], "removed": []}
    for name in sorted(set(index) - set(docs)):
        del index[name]
        report["removed"].append(name)
    for name in sorted(docs):
        digest = hashlib.sha256(docs[name].encode("utf-8")).hexdigest()
        known = index.get(name)
        if known is not None and known["sha256"] == digest:
            report["unchanged"].append(name)
            continue
        vectors = embed(docs[name])
        index[name] = {"sha256": digest, "vectors": vectors}
        report["updated" if known is not None else "added"].append(name)
    return report
    ### END SOLUTION


# %% [markdown]
# A fake embedder that counts its calls shows what each run costs:

# %%
calls = []


def embed(text):
    calls.append(text)
    return [len(text), text.count(" ")]


docs = {"a.md": "Keys rotate every 90 days.", "b.md": "Logs are kept 30 days.", "c.md": "Refunds within 30 days."}
index = {}
print(sync_index(docs, index, embed), len(calls), "embed calls")
print(sync_index(docs, index, embed), len(calls), "embed calls in all")

# %% [markdown] tags=["solution"]
# The content hash, not the file name or its modification time, decides whether work is needed: a file
# touched but unchanged costs nothing, a file edited in place is re-embedded. Writing each entry into the
# index as soon as its vectors exist is what makes the run resumable: in the capstone each write is a file
# renamed into place and the manifest is rewritten after every document, the on-disk form of the same idea.
