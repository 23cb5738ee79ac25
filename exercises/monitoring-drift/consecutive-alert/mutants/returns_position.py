"""Returns the position of the first flagged day instead of its day number."""
import numpy as np


def first_alert_day(daily, threshold, k):
    flags = alert_flags(daily, threshold, k)  # noqa: F821 (the reference defines it)
    if not flags.any():
        return None
    return int(np.argmax(flags.to_numpy()))
