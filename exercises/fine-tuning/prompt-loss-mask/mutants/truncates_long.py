"""Silently cuts a sequence that does not fit instead of raising ValueError."""
import numpy as np


def make_example(prompt_ids, answer_ids, context, pad_id):
    seq = (list(prompt_ids) + list(answer_ids))[:context + 1]
    n = len(seq) - 1
    inputs = np.full(context, pad_id, dtype=np.int64)
    targets = np.full(context, pad_id, dtype=np.int64)
    weights = np.zeros(context)
    inputs[:n] = seq[:-1]
    targets[:n] = seq[1:]
    weights[len(prompt_ids) - 1:n] = 1.0
    return inputs, targets, weights
