"""Runs the tool first and only then records that it was not allowed."""


def run_agent(policy, tools, allowed, max_steps):
    history, steps = [], 0
    while True:
        action = policy(history)
        if action[0] == "answer":
            return {"status": "answered", "answer": action[1], "steps": steps, "history": history}
        _, name, arguments = action
        if steps >= max_steps:
            return {"status": "step limit", "answer": None, "steps": steps, "history": history}
        steps += 1
        try:
            result = tools[name](**arguments)
        except Exception as error:
            history.append({"tool": name, "status": "error", "error": str(error)})
            continue
        status = "ok" if name in allowed else "refused"
        history.append({"tool": name, "status": status, "result": result})
