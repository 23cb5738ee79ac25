"""Looks fields up with .get, so a null value is reported as missing and as the wrong type."""
# ruff: noqa: F821 (the reference solution, which runs first, defines these names)
import json


def validate_reply(text, schema):
    def reject(word):
        raise ValueError(word)

    try:
        value = json.loads(text, parse_constant=reject)
    except ValueError as error:
        return [f"$: not valid JSON ({error})"]
    if not isinstance(value, dict):
        return [f"$: expected an object, got {json_type(value)}"]
    errors = [f"{name}: missing required field" for name in schema["required"] if value.get(name) is None]
    for name, item in value.items():
        wanted = schema["properties"].get(name)
        if wanted is None:
            errors.append(f"{name}: unexpected field")
        elif not has_type(item, wanted):
            errors.append(f"{name}: expected {wanted}, got {json_type(item)}")
    return errors
