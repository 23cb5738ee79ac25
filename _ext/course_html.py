"""Small fixes to the HTML that Jupyter Book 1's theme stack produces, found by the browser tests.

- sphinx-thebe registers its inline configuration script once per read phase, so pages can carry it twice
  and the browser reports "Identifier 'THEBE_JS_URL' has already been declared". We keep one copy.
- In LaTeX (PDF) builds, control characters that executed notebooks may print (a tiny language model's
  raw bytes, for example) are replaced by "?": TeX stops with "Text line contains an invalid character".
- ``_static/course-a11y.js`` (Jupyter Book loads every script in ``_static``) repairs accessibility
  problems that axe-core reports in the theme's chrome (see that file).
"""

from __future__ import annotations

import re
from typing import Any

from docutils import nodes
from sphinx.application import Sphinx

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def _strip_control_characters(app: Sphinx, doctree: nodes.document, docname: str) -> None:
    if app.builder.format != "latex":
        return
    for text in list(doctree.findall(nodes.Text)):
        if _CONTROL.search(text):
            text.parent.replace(text, nodes.Text(_CONTROL.sub("?", str(text))))


def _drop_duplicate_scripts(
    app: Sphinx, pagename: str, templatename: str, context: dict[str, Any], doctree: Any
) -> None:
    scripts = context.get("script_files")
    if not scripts:
        return
    seen: set[tuple[str, str]] = set()
    unique = []
    for script in scripts:
        # Inline scripts are registered with filename None by some extensions and '' by others.
        attributes = repr(sorted(getattr(script, "attributes", {}).items()))
        key = (str(getattr(script, "filename", script) or ""), attributes)
        if key in seen:
            continue
        seen.add(key)
        unique.append(script)
    scripts[:] = unique  # in place: the builder keeps a reference to this list


def setup(app: Sphinx) -> dict[str, Any]:
    # Early, because the first handler that returns a template name stops the event for the rest.
    app.connect("html-page-context", _drop_duplicate_scripts, priority=999)
    app.connect("doctree-resolved", _strip_control_characters)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
