"""Says only "invalid arguments", naming no field."""
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
        return {"name": "search", "arguments": SearchArgs.model_validate(call["arguments"]).model_dump()}  # noqa: F821
    except ValidationError:
        return {"error": "invalid arguments"}
