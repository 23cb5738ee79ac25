"""Skips any document whose name is already indexed, so edits are never re-embedded."""
import hashlib


def sync_index(docs, index, embed):
    report = {"added": [], "updated": [], "unchanged": [], "removed": []}
    for name in sorted(set(index) - set(docs)):
        del index[name]
        report["removed"].append(name)
    for name in sorted(docs):
        if name in index:
            report["unchanged"].append(name)
            continue
        index[name] = {"sha256": hashlib.sha256(docs[name].encode()).hexdigest(), "vectors": embed(docs[name])}
        report["added"].append(name)
    return report
