"""Forgets the weight-decay term in dW (and so trains without the penalty it was asked for)."""
import numpy as np


def dense_backward(x, W, grad_z, weight_decay=0.0):
    x_rows = np.asarray(x, dtype=float).reshape(-1, W.shape[0])
    g_rows = np.asarray(grad_z, dtype=float).reshape(-1, W.shape[1])
    return x_rows.T @ g_rows, g_rows.sum(axis=0), grad_z @ W.T
