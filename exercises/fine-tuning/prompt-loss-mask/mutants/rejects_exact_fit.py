"""Raises ValueError when the sequence fills the context exactly (>= instead of >)."""

_reference_make_example = make_example  # noqa: F821 (the reference defines it)


def make_example(prompt_ids, answer_ids, context, pad_id):
    if len(prompt_ids) + len(answer_ids) - 1 >= context:
        raise ValueError("too long")
    return _reference_make_example(prompt_ids, answer_ids, context, pad_id)
