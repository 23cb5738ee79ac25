"""Embeds everything first and writes the index at the end, so a crash loses the whole run."""
import hashlib


def sync_index(docs, index, embed):
    report = {"added": [], "updated": [], "unchanged": [], "removed": []}
    for name in sorted(set(index) - set(docs)):
        del index[name]
        report["removed"].append(name)
    pending = {}
    for name in sorted(docs):
        digest = hashlib.sha256(docs[name].encode("utf-8")).hexdigest()
        known = index.get(name)
        if known is not None and known["sha256"] == digest:
            report["unchanged"].append(name)
            continue
        pending[name] = {"sha256": digest, "vectors": embed(docs[name])}
        report["updated" if known is not None else "added"].append(name)
    index.update(pending)
    return report
