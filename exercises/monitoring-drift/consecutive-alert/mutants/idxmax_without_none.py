"""Trusts idxmax, which returns the first day even when no flag is set."""


def first_alert_day(daily, threshold, k):
    return int(alert_flags(daily, threshold, k).idxmax())  # noqa: F821 (the reference defines it)
