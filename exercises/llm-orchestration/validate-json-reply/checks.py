"""Public checks for llm-orchestration.validate-json-reply (students see these)."""

from coursegrader.helpers import expect_list_of_str, fail

TOPIC_CARD = {
    "required": ["topic_id", "title", "hours"],
    "properties": {"topic_id": "string", "title": "string", "hours": "number",
                   "prerequisites": "array", "optional": "boolean"},
}


def _fields(validate_reply, text, schema, label):
    """The field names that the messages start with, sorted."""
    errors = expect_list_of_str(validate_reply(text, schema), what=f"validate_reply({label})")
    fields = []
    for message in errors:
        if ":" not in message:
            fail(f"validate_reply({label}) returned {message!r}, which does not start with a field name and "
                 "a colon.")
        fields.append(message.split(":", 1)[0].strip())
    return sorted(fields), errors


def check_valid_replies(validate_reply):
    """Valid replies give []: optional fields may be left out, and a whole number is a number."""
    replies = {
        "a reply with the required fields": '{"topic_id": "rag-pipeline", "title": "RAG", "hours": 10}',
        "a reply with every field": '{"topic_id": "x", "title": "X", "hours": 2.5, "prerequisites": ["a"], '
                                    '"optional": false}',
        "a reply with spaces and newlines": '\n  {"hours": 0, "title": "", "topic_id": "y"}\n',
    }
    for label, text in replies.items():
        _, errors = _fields(validate_reply, text, TOPIC_CARD, label)
        if errors:
            fail(f"validate_reply({label}) should be [], got {errors}. (10 is a valid number: in JSON "
                 "every integer is also a number.)")


def check_every_problem_once(validate_reply):
    """A reply with a missing field, a wrong type and an extra field gets exactly one message for each."""
    text = '{"topic_id": "rag-pipeline", "hours": "ten", "confidence": 0.9}'
    fields, errors = _fields(validate_reply, text, TOPIC_CARD, "a reply with three problems")
    if fields != ["confidence", "hours", "title"]:
        fail(f"For {text} the messages are about {fields}, expected one each about 'confidence' "
             f"(unexpected), 'hours' (wrong type) and 'title' (missing). Messages: {errors}")
    text = '{"topic_id": 7, "title": null, "hours": 3, "prerequisites": "none"}'
    fields, errors = _fields(validate_reply, text, TOPIC_CARD, "a reply with null and wrong types")
    if fields != ["prerequisites", "title", "topic_id"]:
        fail(f"For {text} the messages are about {fields}, expected one each about 'prerequisites', "
             f"'title' and 'topic_id'. A null value has the wrong type; it is not also missing. "
             f"Messages: {errors}")


def check_not_json_or_not_object(validate_reply):
    """Malformed JSON, a JSON array and a bare string each give one message starting with '$:'."""
    for label, text in [("a reply cut off mid-object", '{"topic_id": "rag-pipeline", "title": "RA'),
                        ("a reply in prose", "Sure! Here is the JSON you asked for."),
                        ("a JSON array", '[{"topic_id": "x", "title": "X", "hours": 1}]'),
                        ("a JSON string", '"rag-pipeline"')]:
        fields, errors = _fields(validate_reply, text, TOPIC_CARD, label)
        if fields != ["$"]:
            fail(f"validate_reply({label}) should be one message starting with '$:', got {errors}. Catch "
                 "json.JSONDecodeError and check that the value is a dict before looking at fields.")
