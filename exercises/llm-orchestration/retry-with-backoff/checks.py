"""Public checks for llm-orchestration.retry-with-backoff (students see these).

Nothing here sleeps: each check passes a `sleep` that records the waits and a `rand` with chosen values.
"""

from coursegrader.helpers import describe, expect_array, expect_int, fail


class FakeService:
    """Plays back a script: an exception instance is raised, anything else is returned. Counts calls."""

    def __init__(self, script):
        self.script, self.calls = list(script), 0

    def __call__(self):
        self.calls += 1
        if not self.script:
            raise AssertionError("the service was called more often than the check expected")
        outcome = self.script.pop(0)
        if isinstance(outcome, BaseException):
            raise outcome
        return outcome


def _waits(waits, expected, what):
    import numpy as np

    if any(type(w) not in (int, float) and not isinstance(w, np.floating) for w in waits):
        fail(f"{what}: sleep() was called with {[describe(w) for w in waits]}, expected numbers of seconds.")
    expect_array(np.asarray(waits, dtype=np.float64), np.asarray(expected, dtype=np.float64),
                 what=f"the waits {what}", rtol=1e-9,
                 hint="Wait rand() * min(cap_s, base_s * 2**r) before retry r = 0, 1, 2, ...")


def check_succeeds_after_failures(TransientError, call_with_retry):
    """Two transient failures, then an answer: it is returned after 3 calls and waits of 0.25 s and 0.5 s."""
    answer = object()
    service = FakeService([TransientError("503"), TransientError("429"), answer])
    waits = []
    result = call_with_retry(service, max_attempts=5, base_s=0.5, cap_s=8.0, sleep=waits.append,
                             rand=lambda: 0.5)
    if result is not answer:
        fail(f"call_with_retry returned {describe(result)}, not the object the service returned.")
    expect_int(service.calls, 3, what="the number of calls to the service")
    _waits(waits, [0.25, 0.5], "with rand() = 0.5, base_s = 0.5")


def check_gives_up_after_budget(TransientError, RetryBudgetExceeded, call_with_retry):
    """Always failing: 4 calls, 3 waits (none after the last), then RetryBudgetExceeded from the last error."""
    errors = [TransientError(f"503 number {i}") for i in range(4)]
    service = FakeService(errors)
    waits = []
    try:
        result = call_with_retry(service, max_attempts=4, base_s=0.5, cap_s=8.0, sleep=waits.append,
                                 rand=lambda: 0.5)
    except RetryBudgetExceeded as exc:
        raised = exc
    else:
        fail(f"call_with_retry returned {describe(result)} after every attempt failed; it should raise "
             "RetryBudgetExceeded.")
    expect_int(service.calls, 4, what="the number of calls with max_attempts=4")
    _waits(waits, [0.25, 0.5, 1.0], "for 4 failed attempts (no wait after the last one)")
    expect_int(raised.attempts, 4, what="RetryBudgetExceeded.attempts")
    if raised.__cause__ is not errors[-1]:
        fail("RetryBudgetExceeded should be raised from the last TransientError: "
             "`raise RetryBudgetExceeded(...) from error`.")


def check_other_errors_not_retried(TransientError, call_with_retry):
    """A ValueError (say, a malformed request) is raised at once: one call, no wait, the same exception."""
    bad_request = ValueError("400 bad request")
    service = FakeService([bad_request, "never reached"])
    waits = []
    try:
        result = call_with_retry(service, max_attempts=5, sleep=waits.append, rand=lambda: 0.5)
    except ValueError as exc:
        if exc is not bad_request:
            fail("call_with_retry raised a different ValueError; let the service's own exception through.")
    except Exception as exc:
        fail(f"call_with_retry raised {type(exc).__name__} for a ValueError from the service; let errors "
             "that are not TransientError through unchanged.")
    else:
        fail(f"call_with_retry returned {describe(result)}: a ValueError is not transient, so it should "
             "be raised at once, not retried.")
    expect_int(service.calls, 1, what="the number of calls after a non-transient error")
    if waits:
        fail(f"call_with_retry waited {waits} after a non-transient error; it should not wait at all.")
