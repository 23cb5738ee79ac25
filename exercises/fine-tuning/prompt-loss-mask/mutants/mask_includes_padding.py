"""Weights every position from the first answer target to the end, padding included."""
import numpy as np


def make_example(prompt_ids, answer_ids, context, pad_id):
    seq = list(prompt_ids) + list(answer_ids)
    n = len(seq) - 1
    if n > context:
        raise ValueError("too long")
    inputs = np.full(context, pad_id, dtype=np.int64)
    targets = np.full(context, pad_id, dtype=np.int64)
    weights = np.zeros(context)
    inputs[:n] = seq[:-1]
    targets[:n] = seq[1:]
    weights[len(prompt_ids) - 1:] = 1.0
    return inputs, targets, weights
