"""Hidden checks for agents-tool-use.tool-call-validation (instructors only)."""

from coursegrader.helpers import fail


def check_more_bad_calls(parse_tool_call):
    """Odd JSON never raises; every failing field is named; a valid call with extra spaces works."""
    for raw in ["null", "[1, 2]", '{"name": "search"}', '{"name": "search", "arguments": [1]}', "", "{"]:
        try:
            out = parse_tool_call(raw)
        except Exception as error:
            fail(f"parse_tool_call({raw!r}) raised {type(error).__name__}; it should return {{'error': ...}}.")
        if type(out) is not dict or type(out.get("error")) is not str:
            fail(f"parse_tool_call({raw!r}) should return {{'error': message}}.")
    out = parse_tool_call('{"name": "search", "arguments": {"query": "", "limit": 0}}')
    message = out.get("error", "") if type(out) is dict else ""
    if "query" not in message or "limit" not in message:
        fail("when two arguments fail, the error should name both of them.")
    out = parse_tool_call('  {"arguments": {"limit": 2, "query": "ok then"}, "name": "search"}  ')
    if type(out) is not dict or out.get("arguments") != {"query": "ok then", "limit": 2}:
        fail("a valid call with its keys in another order should be accepted.")
