"""Does not count refused calls as steps, so a policy asking for a forbidden tool never stops."""


def run_agent(policy, tools, allowed, max_steps):
    history, steps = [], 0
    for _ in range(1000):
        action = policy(history)
        if action[0] == "answer":
            return {"status": "answered", "answer": action[1], "steps": steps, "history": history}
        _, name, arguments = action
        if steps >= max_steps:
            return {"status": "step limit", "answer": None, "steps": steps, "history": history}
        if name not in allowed:
            history.append({"tool": name, "status": "refused"})
            continue
        steps += 1
        try:
            history.append({"tool": name, "status": "ok", "result": tools[name](**arguments)})
        except Exception as error:
            history.append({"tool": name, "status": "error", "error": str(error)})
    return {"status": "runaway", "answer": None, "steps": steps, "history": history}
