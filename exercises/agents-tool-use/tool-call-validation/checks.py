"""Public checks for agents-tool-use.tool-call-validation (students see these)."""

import json

from coursegrader.helpers import describe, expect_str, fail


def _reply(value, what):
    if type(value) is not dict:
        fail(f"{what} returned {describe(value)}, expected a dict.")
    return value


def check_schema(tool_schema):
    """The schema names the tool, has a description, requires query, and gives limit a default of 5."""
    schema = _reply(tool_schema(), "tool_schema()")
    expect_str(schema.get("name"), "search", what="tool_schema()['name']")
    description = schema.get("description")
    if type(description) is not str or not description.strip():
        fail("tool_schema()['description'] should be the model's docstring (a non-empty string).")
    params = schema.get("parameters")
    if type(params) is not dict or set(params.get("properties", {})) != {"query", "limit"}:
        fail("tool_schema()['parameters'] should be SearchArgs.model_json_schema(), with properties query and limit.")
    if params.get("required") != ["query"]:
        fail(f"the schema's required list is {params.get('required')!r}, expected ['query'] (limit has a default).")
    if params["properties"]["limit"].get("default") != 5 or params["properties"]["limit"].get("maximum") != 20:
        fail("limit should have default 5 and maximum 20 in the schema: Field(5, ge=1, le=20).")
    if params.get("additionalProperties") is not False:
        fail("the schema should forbid unknown arguments: see the `extra` setting of Pydantic's ConfigDict.")


def check_valid_calls(parse_tool_call):
    """A valid call comes back with validated arguments, the default limit filled in."""
    out = _reply(parse_tool_call(json.dumps({"name": "search", "arguments": {"query": "rate limits"}})),
                 "parse_tool_call(valid call)")
    if out.get("name") != "search" or out.get("arguments") != {"query": "rate limits", "limit": 5}:
        fail(f"parse_tool_call returned {out!r}; expected name 'search' and arguments "
             "{'query': 'rate limits', 'limit': 5} (return the validated model's model_dump()).")
    out = _reply(parse_tool_call('{"name": "search", "arguments": {"query": "keys", "limit": 20}}'), "parse_tool_call")
    if out.get("arguments") != {"query": "keys", "limit": 20}:
        fail(f"with limit 20 parse_tool_call returned {out!r}.")


def check_error_messages(parse_tool_call):
    """Bad JSON, an unknown tool and bad arguments each give {'error': ...} saying what is wrong."""
    cases = [
        ("search(rate limits)", ["JSON"], "text that is not JSON"),
        ('{"name": "delete_all", "arguments": {}}', ["search"], "an unknown tool"),
        ('{"name": "search", "arguments": {"query": "x"}}', ["query"], "a query that is too short"),
        ('{"name": "search", "arguments": {"query": "keys", "limit": 50}}', ["limit"], "a limit above 20"),
        ('{"name": "search", "arguments": {"query": "keys", "lmit": 3}}', ["lmit"], "a misspelt argument"),
    ]
    for raw, words, what in cases:
        out = _reply(parse_tool_call(raw), f"parse_tool_call({what})")
        message = out.get("error")
        if type(message) is not str:
            fail(f"for {what}, parse_tool_call returned {out!r}; expected {{'error': message}}.")
        for word in words:
            if word not in message:
                fail(f"for {what}, the error {message!r} should mention {word!r} so the model can fix it.")
