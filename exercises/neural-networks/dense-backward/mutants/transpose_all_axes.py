"""Writes x.T @ grad_z and grad_z.sum(axis=0), which is right only for 2-D inputs."""
import numpy as np


def dense_backward(x, W, grad_z, weight_decay=0.0):
    x = np.asarray(x, dtype=float)
    grad_z = np.asarray(grad_z, dtype=float)
    return x.T @ grad_z + weight_decay * W, grad_z.sum(axis=0), grad_z @ W.T
