"""Uses isinstance(value, int), which accepts True and False as integers and numbers."""
import json


def validate_reply(text, schema):
    def reject(word):
        raise ValueError(word)

    try:
        value = json.loads(text, parse_constant=reject)
    except ValueError as error:
        return [f"$: not valid JSON ({error})"]
    if not isinstance(value, dict):
        return ["$: expected an object"]
    python_types = {"string": str, "integer": int, "number": (int, float), "boolean": bool, "array": list}
    errors = [f"{name}: missing required field" for name in schema["required"] if name not in value]
    for name, item in value.items():
        wanted = schema["properties"].get(name)
        if wanted is None:
            errors.append(f"{name}: unexpected field")
        elif not isinstance(item, python_types[wanted]):
            errors.append(f"{name}: expected {wanted}")
    return errors
