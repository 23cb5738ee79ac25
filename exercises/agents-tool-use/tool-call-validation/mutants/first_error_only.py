"""Names only the first failing field, and crashes on JSON that is not an object."""
import json

from pydantic import ValidationError


def parse_tool_call(raw):
    try:
        call = json.loads(raw)
    except json.JSONDecodeError:
        return {"error": "not JSON"}
    if call["name"] != "search":
        return {"error": "unknown tool; available: search"}
    try:
        return {"name": "search", "arguments": SearchArgs.model_validate(call["arguments"]).model_dump()}  # noqa: F821
    except ValidationError as error:
        first = error.errors()[0]
        return {"error": f"{first['loc'][0]}: {first['msg']}"}
