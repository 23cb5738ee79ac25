"""Stops at the first problem, so the model has to be asked again for each one."""
# ruff: noqa: F821 (the reference solution, which runs first, defines these names)


_complete = validate_reply


def validate_reply(text, schema):
    return _complete(text, schema)[:1]
