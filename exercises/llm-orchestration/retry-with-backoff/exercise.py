# %% [markdown]
# Hosted model APIs fail in passing: a rate limit (HTTP 429), an overloaded server (5xx), a timeout. Such a
# *transient* failure is worth retrying, but not at once and not in step with every other client that
# failed at the same moment. The notebook's client waited a capped exponential time with *full jitter*
# between attempts. Here you write that retry loop on its own, around any function.
#
# Write `call_with_retry(fn, *, max_attempts=5, base_s=0.5, cap_s=8.0, sleep=time.sleep, rand=random.random)`:
#
# - Call `fn()` (no arguments). If it returns, return its result.
# - If it raises `TransientError` (defined below) and attempts remain, wait and call again. The wait before
#   retry number `r` (r = 0 for the wait after the first failure, 1 after the second, ...) is
#   `rand() * min(cap_s, base_s * 2**r)`: a fresh draw from `rand()` for every wait, times the exponential
#   ceiling, which stops growing at `cap_s`. When the error carries a `retry_after` (seconds the server
#   asked you to wait, `None` when it did not), wait at least that long: `max(wait, retry_after)`.
# - Wait by calling `sleep(seconds)`, once per wait, and never after the last attempt: nobody is waiting for
#   its result.
# - After `max_attempts` failed calls, raise `RetryBudgetExceeded(message, attempts)` *from* the last
#   `TransientError` (`raise ... from error`), so the traceback shows what kept failing.
# - Any other exception (a malformed request fails the same way every time) propagates unchanged, at once,
#   without any wait. A `max_attempts` below 1 raises `ValueError`.
#
# `sleep` and `rand` are arguments so that tests can pass fakes: a `sleep` that only records the wait, and
# a `rand` that returns chosen numbers. A test of a retry loop then runs in microseconds and gives the same
# result every time. In production you leave the defaults, `time.sleep` and `random.random`.

# %%
import random
import time


class TransientError(Exception):
    """A failure worth retrying (rate limit, server error, timeout); retry_after in seconds, or None."""

    def __init__(self, message="transient failure", retry_after=None):
        super().__init__(message)
        self.retry_after = retry_after


class RetryBudgetExceeded(Exception):
    """Every attempt failed; `attempts` says how many calls were made."""

    def __init__(self, message, attempts):
        super().__init__(message)
        self.attempts = attempts


def call_with_retry(fn, *, max_attempts=5, base_s=0.5, cap_s=8.0, sleep=time.sleep, rand=random.random):
    """Call fn() until it succeeds, retrying TransientError with capped exponential backoff and full jitter."""
    ### BEGIN SOLUTION
    if max_attempts < 1:
        raise ValueError(f"max_attempts must be at least 1, got {max_attempts}")
    for attempt in range(1, max_attempts + 1):
        try:
            return fn()
        except TransientError as error:
            if attempt == max_attempts:
                raise RetryBudgetExceeded(f"gave up after {attempt} attempts: {error}", attempt) from error
            wait = rand() * min(cap_s, base_s * 2 ** (attempt - 1))
            if error.retry_after is not None:
                wait = max(wait, error.retry_after)
            sleep(wait)
    ### END SOLUTION


# %% [markdown]
# A fake service that fails twice and then answers, a `sleep` that records instead of sleeping, and a
# `rand` that always returns 0.5:

# %%
class FlakyService:
    def __init__(self, failures):
        self.failures, self.calls = failures, 0

    def __call__(self):
        self.calls += 1
        if self.calls <= self.failures:
            raise TransientError(f"503 on call {self.calls}")
        return "the answer"


waits = []
service = FlakyService(failures=2)
print(call_with_retry(service, sleep=waits.append, rand=lambda: 0.5), "after", service.calls, "calls;",
      "waits", waits)

# %% [markdown] tags=["instructor"]
# Notes for instructors. The loop counts attempts from 1, so the retry number of the wait that follows
# attempt `a` is `a - 1`; the check for "last attempt" comes before the wait, which is what keeps the loop
# from sleeping after the final failure. `raise ... from error` sets `__cause__`, which the public check
# reads. Mistakes the checks catch: waiting the full ceiling with no jitter, or an exponent one too high
# (check_succeeds_after_failures); sleeping after the last attempt, returning None instead of raising, or
# raising without `from` (check_gives_up_after_budget); catching every `Exception` and so retrying a bad
# request (check_other_errors_not_retried); drawing the jitter once and reusing it, leaving out the cap, or
# ignoring `retry_after` (hidden check_fresh_jitter_cap_and_retry_after). The hidden
# check_single_attempt_and_no_real_sleep asks for waits of hundreds of seconds, so a solution that also
# calls `time.sleep` times out. Ask students who pass why full jitter (a uniform draw below the ceiling)
# spreads retries better than adding a small random amount to the ceiling, and what a retry loop without a
# cap does to a request that fails for a minute.
