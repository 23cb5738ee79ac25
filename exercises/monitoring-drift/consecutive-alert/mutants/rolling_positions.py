"""Uses a rolling window over positions, so a missing day joins the runs around it."""


def alert_flags(daily, threshold, k):
    if int(k) != k or k < 1:
        raise ValueError(k)
    over = (daily > threshold).astype(float)
    return (over.rolling(k).sum() >= k).astype(bool)
