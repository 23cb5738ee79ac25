# %% [markdown]
# When a program consumes a model's reply, "looks like JSON" is not enough: a field may be missing, a
# number may come back as `"ten"`, or the model may invent a field. The notebook validated replies against
# a JSON schema and sent the error messages back to the model in a repair prompt. Here you write a small
# validator for a flat schema of this form:
#
# ```python
# TOPIC_CARD = {
#     "required": ["topic_id", "title", "hours"],
#     "properties": {"topic_id": "string", "title": "string", "hours": "number",
#                    "prerequisites": "array", "optional": "boolean"},
# }
# ```
#
# `properties` maps each allowed field to a type name: `"string"`, `"integer"`, `"number"`, `"boolean"` or
# `"array"`; `required` lists the fields that must be present (the others are optional).
#
# Write `validate_reply(text, schema)` that takes the reply as text and returns a list of error messages
# (strings), `[]` when the reply is valid. It never raises for a bad reply: every problem becomes a message.
#
# - Each message starts with the name of the field it is about, then a colon, for example
#   `"hours: expected number, got string"`. Problems with the reply as a whole start with `"$:"`.
# - Text that is not valid JSON gives one message, `"$: not valid JSON ..."`. Python's `json.loads` also
#   accepts `NaN`, `Infinity` and `-Infinity`, which are not JSON: reject them too (its `parse_constant`
#   argument is called for exactly those three words).
# - A reply that is not a JSON object gives one message (`"$: expected an object, got array"`).
# - A missing required field, a field of the wrong type and a field not in `properties` give one message
#   each, and every problem is reported (the model should fix them all in one go). A field that is present
#   with the value `null` has the wrong type; it is not missing.
# - Types are JSON's: `"integer"` is a whole number written without a decimal point (`json.loads` gives a
#   Python `int`), `"number"` is any number (`int` or `float`), `"array"` is a list. In Python `True` is an
#   `int`, but in JSON a boolean is not a number: `true` is neither an integer nor a number.
#
# The messages may be in any order; after the field name and the colon, the wording is yours.

# %%
import json


def validate_reply(text, schema):
    """Error messages for a model's JSON reply against a flat schema; [] means the reply is valid."""
    ### BEGIN SOLUTION
    def reject(word):
        raise ValueError(f"{word} is not valid JSON")

    try:
        value = json.loads(text, parse_constant=reject)
    except (ValueError, TypeError) as error:  # json.JSONDecodeError is a ValueError
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


def json_type(value):
    """The JSON name of a parsed value's type."""
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    return {str: "string", list: "array", dict: "object", type(None): "null"}[type(value)]


def has_type(value, wanted):
    """Whether a parsed value has the schema type `wanted` (a bool is not a number)."""
    kind = json_type(value)
    return kind == wanted or (wanted == "number" and kind == "integer")
    ### END SOLUTION


# %%
TOPIC_CARD = {
    "required": ["topic_id", "title", "hours"],
    "properties": {"topic_id": "string", "title": "string", "hours": "number",
                   "prerequisites": "array", "optional": "boolean"},
}
print(validate_reply('{"topic_id": "rag-pipeline", "title": "RAG", "hours": 10}', TOPIC_CARD))
print(validate_reply('{"topic_id": "rag-pipeline", "hours": "ten", "confidence": 0.9}', TOPIC_CARD))
print(validate_reply('{"topic_id": "rag-pipeline", "title": "RAG", "hours": NaN}', TOPIC_CARD))

# %% [markdown] tags=["solution"]
# The helpers can live inside the solution: `validate_reply` only has to exist by the time it is called.
# `json_type` tests `bool` before `int` because `bool` is a subclass of `int`; everything else follows from
# asking "what is the JSON type of this value?" once. A `float` is never an integer here, so `3.0` is
# rejected where the schema says integer, as in the notebook's validator (JSON Schema since draft 6 is more
# lenient and accepts any number with no fractional part). Missing
# fields are found by walking `required`, wrong and unexpected fields by walking the reply, so a field is
# reported at most once: a missing field is not also "of the wrong type". Catching `ValueError` covers
# both `json.JSONDecodeError` and the error raised for `NaN`; `TypeError` covers a reply that is not a
# string at all (such as `None` from an API that returned only tool calls).
