"""Ignores the server's retry_after and retries after the jittered wait only."""
# ruff: noqa: F821 (the reference solution, which runs first, defines these names)


def call_with_retry(fn, *, max_attempts=5, base_s=0.5, cap_s=8.0, sleep=None, rand=None):
    if max_attempts < 1:
        raise ValueError("max_attempts")
    for attempt in range(1, max_attempts + 1):
        try:
            return fn()
        except TransientError as error:
            if attempt == max_attempts:
                raise RetryBudgetExceeded("gave up", attempt) from error
            sleep(rand() * min(cap_s, base_s * 2 ** (attempt - 1)))
