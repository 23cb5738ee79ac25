"""Public checks for agents-tool-use.guarded-loop (students see these)."""

from coursegrader.helpers import describe, expect_int, expect_str, fail


def _result(value, what):
    if type(value) is not dict:
        fail(f"{what} returned {describe(value)}, expected a dict with status, answer, steps and history.")
    for key in ("status", "answer", "steps", "history"):
        if key not in value:
            fail(f"{what} returned a dict without the key {key!r}.")
    return value


def check_answers_after_tool_calls(run_agent):
    """A policy that calls add twice and answers: status 'answered', 2 steps, both results in the history."""
    calls = []

    def add(x, y):
        calls.append((x, y))
        return x + y

    def policy(history):
        if len(history) < 2:
            return ("call", "add", {"x": len(history), "y": 10})
        return ("answer", f"{history[0]['result']} and {history[1]['result']}")

    out = _result(run_agent(policy, {"add": add}, {"add"}, 5), "run_agent")
    expect_str(out["status"], "answered", what="the status")
    expect_str(out["answer"], "10 and 11", what="the answer")
    expect_int(out["steps"], 2, what="the number of steps")
    if calls != [(0, 10), (1, 10)]:
        fail(f"the tool was called with {calls}, expected [(0, 10), (1, 10)].")


def check_step_limit(run_agent):
    """A policy that never answers stops at max_steps with status 'step limit', after exactly max_steps calls."""
    calls = []

    def ping():
        calls.append(1)
        return "pong"

    out = _result(run_agent(lambda history: ("call", "ping", {}), {"ping": ping}, {"ping"}, 4), "run_agent")
    expect_str(out["status"], "step limit", what="the status")
    expect_int(out["steps"], 4, what="the steps taken with max_steps=4")
    expect_int(len(calls), 4, what="the number of times the tool ran with max_steps=4",
               hint="Check the limit before making a call, not after.")
    if out["answer"] is not None:
        fail(f"the answer is {describe(out['answer'])}, expected None when the step limit stopped the run.")


def check_allow_list_and_errors(run_agent):
    """A forbidden tool is refused without running; a tool's exception becomes an 'error' entry."""
    ran = []

    def delete_everything():
        ran.append("delete")
        return "deleted"

    def divide(x, y):
        return x / y

    def policy(history):
        if not history:
            return ("call", "delete_everything", {})
        if len(history) == 1:
            return ("call", "divide", {"x": 1, "y": 0})
        return ("answer", "done")

    out = _result(run_agent(policy, {"delete_everything": delete_everything, "divide": divide}, {"divide"}, 5),
                  "run_agent")
    if ran:
        fail("a tool outside the allow-list was run; refuse it without calling it.")
    history = out["history"]
    if type(history) is not list or len(history) != 2:
        fail(f"the history is {describe(history)}, expected a list of 2 entries.")
    expect_str(history[0].get("status"), "refused", what="the status of the forbidden call")
    expect_str(history[1].get("status"), "error", what="the status of the call that divides by zero")
    if "zero" not in str(history[1].get("error", "")):
        fail("the error entry should hold str(exception), here a message about division by zero.")
    expect_str(out["status"], "answered", what="the status after the policy answers")
