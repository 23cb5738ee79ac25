"""Checks the step limit after making the call, so one call too many runs."""


def run_agent(policy, tools, allowed, max_steps):
    history, steps = [], 0
    while True:
        action = policy(history)
        if action[0] == "answer":
            return {"status": "answered", "answer": action[1], "steps": steps, "history": history}
        _, name, arguments = action
        steps += 1
        if name not in allowed:
            history.append({"tool": name, "status": "refused"})
        else:
            try:
                history.append({"tool": name, "status": "ok", "result": tools[name](**arguments)})
            except Exception as error:
                history.append({"tool": name, "status": "error", "error": str(error)})
        if steps > max_steps:
            return {"status": "step limit", "answer": None, "steps": steps, "history": history}
