"""Hidden checks for llm-orchestration.validate-json-reply (instructors only; never shipped to students)."""

from coursegrader.helpers import expect_list_of_str, fail

SCHEMA = {
    "required": ["count", "score", "ok", "tags"],
    "properties": {"count": "integer", "score": "number", "ok": "boolean", "tags": "array", "note": "string"},
}


def _about(validate_reply, text):
    errors = expect_list_of_str(validate_reply(text, SCHEMA), what=f"validate_reply({text!r})")
    return sorted(message.split(":", 1)[0].strip() for message in errors), errors


def check_json_type_traps(validate_reply):
    """Booleans are not numbers, 2.5 is not an integer, NaN and Infinity are not JSON, 1 is not a boolean."""
    cases = [
        ('{"count": 3, "score": -1.5e3, "ok": true, "tags": []}', []),
        ('{"count": true, "score": false, "ok": true, "tags": []}', ["count", "score"]),
        ('{"count": 2.5, "score": 1, "ok": 1, "tags": {}}', ["count", "ok", "tags"]),
        ('{"count": 1, "score": NaN, "ok": true, "tags": []}', ["$"]),
        ('{"count": 1, "score": -Infinity, "ok": true, "tags": []}', ["$"]),
        ('{"count": 1, "score": 2, "ok": false, "tags": [], "note": ["x"], "extra": 1}', ["extra", "note"]),
        ("", ["$"]),
        ("{}", ["count", "ok", "score", "tags"]),
    ]
    for text, want in cases:
        fields, errors = _about(validate_reply, text)
        if fields != want:
            fail(f"validate_reply({text!r}) gave messages about {fields}, expected {want}: {errors}")
