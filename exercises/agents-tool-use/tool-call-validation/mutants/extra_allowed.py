"""Leaves out extra="forbid": a misspelt argument is silently ignored."""
import json

from pydantic import BaseModel, Field, ValidationError


class SearchArgs(BaseModel):
    """Search the documents."""

    query: str = Field(min_length=2)
    limit: int = Field(5, ge=1, le=20)


def tool_schema():
    return {"name": "search", "description": SearchArgs.__doc__, "parameters": SearchArgs.model_json_schema()}


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
        return {"name": "search", "arguments": SearchArgs.model_validate(call["arguments"]).model_dump()}
    except ValidationError as error:
        return {"error": "; ".join(str(e["loc"][0]) + ": " + e["msg"] for e in error.errors())}
