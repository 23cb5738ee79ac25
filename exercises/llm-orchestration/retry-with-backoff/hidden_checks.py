"""Hidden checks for llm-orchestration.retry-with-backoff (instructors only; never shipped to students)."""

import itertools

import numpy as np

from coursegrader.helpers import expect_array, expect_int, expect_raises, fail


class _Script:
    def __init__(self, outcomes):
        self.outcomes, self.calls = list(outcomes), 0

    def __call__(self):
        self.calls += 1
        outcome = self.outcomes.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


def _half():
    return 0.5


def check_fresh_jitter_cap_and_retry_after(TransientError, call_with_retry):
    """A new rand() per wait; the ceiling stops at cap_s; retry_after is a floor on the wait."""
    draws = itertools.cycle([0.1, 0.9, 0.4, 1.0, 0.7, 0.2])
    done = object()
    service = _Script([TransientError() for _ in range(6)] + [done])
    waits = []
    if call_with_retry(service, max_attempts=7, base_s=1.0, cap_s=3.0, sleep=waits.append,
                       rand=lambda: next(draws)) is not done:
        fail("call_with_retry did not return the service's answer after 6 transient failures.")
    # ceilings 1, 2, 3 (capped), 3, 3, 3
    expect_array(np.asarray(waits, dtype=np.float64), np.array([0.1, 1.8, 1.2, 3.0, 2.1, 0.6]),
                 what="the waits with base_s=1, cap_s=3 and draws 0.1, 0.9, 0.4, 1.0, 0.7, 0.2", rtol=1e-9)
    service = _Script([TransientError("429", retry_after=5.0), TransientError("429", retry_after=0.01), "ok"])
    waits = []
    call_with_retry(service, max_attempts=3, base_s=0.5, cap_s=8.0, sleep=waits.append, rand=_half)
    expect_array(np.asarray(waits, dtype=np.float64), np.array([5.0, 0.5]),
                 what="the waits after errors with retry_after 5 s and 0.01 s", rtol=1e-9)


def check_single_attempt_and_no_real_sleep(TransientError, RetryBudgetExceeded, call_with_retry):
    """max_attempts=1 makes one call and no wait; 0 raises ValueError; long waits go to the fake sleep only."""
    service = _Script([TransientError()])
    waits = []
    expect_raises(RetryBudgetExceeded, lambda: call_with_retry(service, max_attempts=1, sleep=waits.append,
                                                               rand=_half),
                  what="call_with_retry(always failing, max_attempts=1)")
    expect_int(service.calls, 1, what="the number of calls with max_attempts=1")
    if waits:
        fail(f"with max_attempts=1 call_with_retry waited {waits}; there is no retry to wait for.")
    expect_raises(ValueError, lambda: call_with_retry(_Script(["x"]), max_attempts=0, sleep=waits.append,
                                                      rand=_half),
                  what="call_with_retry(..., max_attempts=0)")
    late = object()
    service = _Script([TransientError(), TransientError(), late])
    waits = []
    result = call_with_retry(service, max_attempts=3, base_s=200.0, cap_s=1000.0, sleep=waits.append,
                             rand=lambda: 1.0)
    if result is not late or len(waits) != 2:
        fail("with waits of 200 s and 400 s (fake sleep), call_with_retry should return the third answer.")
