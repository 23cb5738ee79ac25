"""Validates, but returns the raw arguments, so defaults are missing."""
import json

from pydantic import ValidationError


def parse_tool_call(raw):
    try:
        call = json.loads(raw)
    except (json.JSONDecodeError, TypeError):
        return {"error": "not JSON"}
    if not isinstance(call, dict) or not isinstance(call.get("arguments"), dict):
        return {"error": "JSON object with name and arguments expected"}
    if call.get("name") != "search":
        return {"error": "unknown tool; available: search"}
    try:
        SearchArgs.model_validate(call["arguments"])  # noqa: F821 (defined by the reference solution)
    except ValidationError as error:
        return {"error": "; ".join(str(e["loc"][0]) + ": " + e["msg"] for e in error.errors())}
    return {"name": "search", "arguments": call["arguments"]}
