"""Treats "number" as float only, so a whole number such as 10 is rejected."""
# ruff: noqa: F821 (the reference solution, which runs first, defines these names)


def has_type(value, wanted):
    return json_type(value) == wanted
