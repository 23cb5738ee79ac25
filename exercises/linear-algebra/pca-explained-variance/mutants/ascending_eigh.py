"""Uses eigh on the covariance matrix, which returns eigenvalues in ascending order, without reversing."""
import numpy as np


def explained_variance(X):
    X = np.asarray(X, dtype=np.float64)
    centred = X - X.mean(axis=0)
    return np.linalg.eigvalsh(centred.T @ centred / (X.shape[0] - 1))
