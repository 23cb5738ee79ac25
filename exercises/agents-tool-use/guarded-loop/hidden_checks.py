"""Hidden checks for agents-tool-use.guarded-loop (instructors only)."""

from coursegrader.helpers import expect_int, expect_str, fail


def check_history_shape_and_limits(run_agent):
    """Refusals count as steps; max_steps=0 makes no call; results are stored unchanged."""
    out = run_agent(lambda history: ("call", "nope", {}), {}, set(), 3)
    expect_str(out["status"], "step limit", what="the status of a policy that only asks for a forbidden tool")
    expect_int(out["steps"], 3, what="steps of refused calls")
    if [h.get("status") for h in out["history"]] != ["refused"] * 3:
        fail("each refused call should be one history entry with status 'refused'.")
    ran = []
    out = run_agent(lambda history: ("call", "t", {}), {"t": lambda: ran.append(1)}, {"t"}, 0)
    expect_str(out["status"], "step limit", what="the status with max_steps=0")
    if ran:
        fail("with max_steps=0 no tool may run.")

    def policy(history):
        return ("call", "pair", {"a": 1}) if not history else ("answer", "ok")
    out = run_agent(policy, {"pair": lambda a: [a, {"b": 2}]}, ["pair"], 2)
    if out["history"][0].get("result") != [1, {"b": 2}] or out["history"][0].get("tool") != "pair":
        fail("the ok entry should hold the tool's name and its result unchanged.")
