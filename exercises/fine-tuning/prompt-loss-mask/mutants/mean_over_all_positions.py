"""Divides by the number of positions instead of the number of counted tokens."""
import numpy as np


def masked_cross_entropy(logits, targets, weights):
    z = logits - logits.max(axis=-1, keepdims=True)
    logp = z - np.log(np.exp(z).sum(axis=-1, keepdims=True))
    picked = np.take_along_axis(logp, targets[..., None], axis=-1)[..., 0]
    loss = float(-(picked * weights).sum() / targets.size)
    dlogits = np.exp(logp) - np.eye(logits.shape[-1])[targets]
    return loss, dlogits * (weights / targets.size)[..., None]
