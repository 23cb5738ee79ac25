"""Divides dW and db by the batch size, as if the layer had to average (the loss already did)."""
import numpy as np


def dense_backward(x, W, grad_z, weight_decay=0.0):
    x_rows = np.asarray(x, dtype=float).reshape(-1, W.shape[0])
    g_rows = np.asarray(grad_z, dtype=float).reshape(-1, W.shape[1])
    n = len(x_rows)
    return (x_rows.T @ g_rows) / n + weight_decay * W, g_rows.sum(axis=0) / n, grad_z @ W.T
