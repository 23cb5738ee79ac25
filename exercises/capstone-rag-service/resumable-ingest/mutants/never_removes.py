"""Never deletes documents that left the folder."""
import hashlib


def sync_index(docs, index, embed):
    report = {"added": [], "updated": [], "unchanged": [], "removed": []}
    for name in sorted(docs):
        digest = hashlib.sha256(docs[name].encode("utf-8")).hexdigest()
        known = index.get(name)
        if known is not None and known["sha256"] == digest:
            report["unchanged"].append(name)
            continue
        index[name] = {"sha256": digest, "vectors": embed(docs[name])}
        report["updated" if known is not None else "added"].append(name)
    return report
