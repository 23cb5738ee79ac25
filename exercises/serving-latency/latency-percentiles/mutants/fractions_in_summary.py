"""Passes fractions (0.5, 0.95, 0.99) to a percentile that expects percent."""
import numpy as np


def latency_summary(latencies_ms):
    values = np.asarray(latencies_ms, dtype=np.float64)
    p50, p95, p99 = (percentile(values, q) for q in (0.5, 0.95, 0.99))  # noqa: F821 (the reference defines it)
    return {"mean": float(np.mean(values)), "p50": p50, "p95": p95, "p99": p99, "max": float(np.max(values))}
