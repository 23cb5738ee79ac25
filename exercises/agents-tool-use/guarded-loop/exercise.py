# %% [markdown]
# An agent is a loop: a *policy* (in production, a model) looks at what has happened so far and either calls a
# tool or answers. The loop is where safety lives. Write `run_agent(policy, tools, allowed, max_steps)`:
#
# - `policy(history)` returns either `("answer", text)` or `("call", tool_name, arguments)`, where
#   `arguments` is a dict of keyword arguments. `history` is the list of steps so far (see below); pass the
#   list itself, it grows as the run goes on.
# - `tools` is a dict from tool name to a Python function; `allowed` is a collection of the tool names this
#   run may use.
# - On `("answer", text)`: stop and return `{"status": "answered", "answer": text, "steps": steps, "history": history}`.
# - On `("call", name, arguments)`: if `max_steps` steps have already been taken, stop and return the same
#   dict with `"status": "step limit"` and `"answer": None` (the call is not made). Otherwise this is a step
#   (count it), and append one entry to `history`:
#   - `name` not in `allowed`: `{"tool": name, "status": "refused"}`; the tool is **not** called.
#   - the tool raises an exception `e`: `{"tool": name, "status": "error", "error": str(e)}`.
#   - otherwise: `{"tool": name, "status": "ok", "result": <what the tool returned>}`.
#
# A refused or failed call still counts as a step: a policy that keeps asking for a forbidden tool must
# still stop.

# %%
def run_agent(policy, tools, allowed, max_steps):
    """Run policy until it answers or max_steps tool calls were made; refuse tools outside allowed."""
    ### BEGIN SOLUTION
    history, steps = [], 0
    while True:
        action = policy(history)
        if action[0] == "answer":
            return {"status": "answered", "answer": action[1], "steps": steps, "history": history}
        _, name, arguments = action
        if steps >= max_steps:
            return {"status": "step limit", "answer": None, "steps": steps, "history": history}
        steps += 1
        if name not in allowed:
            history.append({"tool": name, "status": "refused"})
            continue
        try:
            result = tools[name](**arguments)
        except Exception as error:
            history.append({"tool": name, "status": "error", "error": str(error)})
        else:
            history.append({"tool": name, "status": "ok", "result": result})
    ### END SOLUTION


# %% [markdown]
# A policy that adds two numbers with a tool and answers, and one that never stops:

# %%
def add(x, y):
    return x + y


def adder(history):
    if not history:
        return ("call", "add", {"x": 2, "y": 3})
    return ("answer", f"the sum is {history[-1]['result']}")


def forever(history):
    return ("call", "add", {"x": len(history), "y": 1})


print(run_agent(adder, {"add": add}, {"add"}, max_steps=5))
print(run_agent(forever, {"add": add}, {"add"}, max_steps=3)["status"])

# %% [markdown] tags=["solution"]
# The limit is checked *before* the call is made, so with `max_steps=3` exactly three tools run. The refusal is
# decided from the allow-list alone, before looking the tool up, so a forbidden tool never runs even if it
# exists in `tools`. Catching `Exception` (not `BaseException`) keeps Ctrl-C and the grader's time limits
# working, and the error goes into the history where the policy (the model) can read it and try something
# else.
