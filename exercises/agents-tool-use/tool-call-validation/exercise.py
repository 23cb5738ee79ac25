# %% [markdown]
# A model asks for a tool by replying with JSON text such as
# `{"name": "search", "arguments": {"query": "rate limits", "limit": 3}}`. Models get this wrong: invalid JSON,
# a tool that does not exist, a missing or misspelt argument, a number out of range. The program must catch
# every one and answer with a message the model can use to correct itself. You write the three pieces, for a
# single tool named `search`:
#
# 1. `SearchArgs`, a Pydantic model: `query`, a string of at least 2 characters; `limit`, an integer from 1 to
#    20 with default 5. Unknown fields are an error (look up the `extra` setting of Pydantic's `ConfigDict`). Give the
#    class a docstring: it becomes the tool's description.
# 2. `tool_schema()` returns the tool as a model sees it: `{"name": "search", "description": <the
#    docstring>, "parameters": SearchArgs.model_json_schema()}`.
# 3. `parse_tool_call(raw)` takes the model's reply (a `str`) and returns either
#    `{"name": "search", "arguments": {...}}` with the validated arguments (defaults filled in, as a plain
#    dict), or `{"error": message}` where `message` is a `str` that says what is wrong:
#    - text that is not JSON, or JSON that is not an object with `"name"` and `"arguments"` (a dict):
#      a message containing the word `JSON`;
#    - a name other than `search`: a message naming the available tool, `search`;
#    - arguments that fail validation: a message naming **every** field that failed (Pydantic's
#      `ValidationError.errors()` lists them, each with a `"loc"` tuple).
#
#    `parse_tool_call` never raises.

# %%
import json

from pydantic import BaseModel, ConfigDict, Field, ValidationError


### BEGIN SOLUTION
class SearchArgs(BaseModel):
    """Search the documents and return the best matching passages."""

    model_config = ConfigDict(extra="forbid")
    query: str = Field(min_length=2, description="what to search for")
    limit: int = Field(5, ge=1, le=20, description="how many passages to return")


def tool_schema():
    """The search tool as a model sees it: name, description, JSON Schema of the arguments."""
    return {"name": "search", "description": SearchArgs.__doc__, "parameters": SearchArgs.model_json_schema()}


def parse_tool_call(raw):
    """Validate a model's tool call; return {"name", "arguments"} or {"error": message}."""
    try:
        call = json.loads(raw)
    except (json.JSONDecodeError, TypeError):
        return {"error": 'The reply is not valid JSON. Reply with one JSON object: '
                         '{"name": ..., "arguments": {...}}.'}
    if not isinstance(call, dict) or "name" not in call or not isinstance(call.get("arguments"), dict):
        return {"error": "The JSON must be an object with \"name\" and \"arguments\" (an object)."}
    if call["name"] != "search":
        return {"error": f"There is no tool {call['name']!r}. Available tools: search."}
    try:
        args = SearchArgs.model_validate(call["arguments"])
    except ValidationError as error:
        problems = "; ".join(f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in error.errors())
        return {"error": f"Invalid arguments for search: {problems}."}
    return {"name": "search", "arguments": args.model_dump()}
### END SOLUTION


# %%
print(json.dumps(tool_schema(), indent=1))
for raw in ['{"name": "search", "arguments": {"query": "rate limits"}}', 'search(rate limits)',
            '{"name": "search", "arguments": {"query": "x", "limit": 50, "page": 2}}']:
    print(parse_tool_call(raw))

# %% [markdown] tags=["instructor"]
# Notes for instructors. Mistakes the checks catch: no `extra="forbid"`, so a misspelt argument is silently
# dropped (check_error_messages); returning the raw arguments instead of the validated ones, so the default
# `limit` is missing (check_valid_calls); a generic "invalid arguments" message that names no field, or names
# only the first failing field (check_error_messages, hidden check_more_bad_calls); letting a `TypeError` or a
# `ValidationError` escape for odd input such as JSON `null` or a list (hidden). Discuss why the error goes
# back to the model as text rather than being raised: the model can correct itself on the next step, which is
# what the agent loop in the notebook relies on.
