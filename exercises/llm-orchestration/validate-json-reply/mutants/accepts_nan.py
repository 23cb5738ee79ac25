"""Parses with plain json.loads, which lets NaN and Infinity through as numbers."""
# ruff: noqa: F821 (the reference solution, which runs first, defines these names)
import json


def validate_reply(text, schema):
    try:
        value = json.loads(text)
    except ValueError as error:
        return [f"$: not valid JSON ({error})"]
    if not isinstance(value, dict):
        return [f"$: expected an object, got {json_type(value)}"]
    errors = [f"{name}: missing required field" for name in schema["required"] if name not in value]
    for name, item in value.items():
        wanted = schema["properties"].get(name)
        if wanted is None:
            errors.append(f"{name}: unexpected field")
        elif not has_type(item, wanted):
            errors.append(f"{name}: expected {wanted}, got {json_type(item)}")
    return errors
