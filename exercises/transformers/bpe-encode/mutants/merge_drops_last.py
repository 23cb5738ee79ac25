"""Loops over range(len(ids) - 1), so a last id that is not part of a pair is lost."""


def merge_pair(ids, pair, new_id):
    out, skip = [], False
    for i in range(len(ids) - 1):
        if skip:
            skip = False
            continue
        if (ids[i], ids[i + 1]) == tuple(pair):
            out.append(new_id)
            skip = True
        else:
            out.append(ids[i])
    return out
