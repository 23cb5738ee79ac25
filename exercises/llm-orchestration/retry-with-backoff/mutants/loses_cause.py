"""Raises RetryBudgetExceeded without `from error`, so the last failure is not attached as its cause."""
# ruff: noqa: F821 (the reference solution, which runs first, defines these names)


def call_with_retry(fn, *, max_attempts=5, base_s=0.5, cap_s=8.0, sleep=None, rand=None):
    if max_attempts < 1:
        raise ValueError("max_attempts")
    failed = False
    for attempt in range(1, max_attempts + 1):
        try:
            return fn()
        except TransientError as error:
            if attempt == max_attempts:
                failed = True
                break
            wait = rand() * min(cap_s, base_s * 2 ** (attempt - 1))
            if error.retry_after is not None:
                wait = max(wait, error.retry_after)
            sleep(wait)
    if failed:
        raise RetryBudgetExceeded("gave up", max_attempts)
