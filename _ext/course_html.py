"""Small fixes to the HTML that Jupyter Book 1's theme stack produces, found by the browser tests.

- sphinx-thebe registers its inline configuration script once per read phase, so pages can carry it twice
  and the browser reports "Identifier 'THEBE_JS_URL' has already been declared". We keep one copy.
- ``_static/course-a11y.js`` (Jupyter Book loads every script in ``_static``) repairs accessibility
  problems that axe-core reports in the theme's chrome (see that file).
"""

from __future__ import annotations

from typing import Any

from sphinx.application import Sphinx


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
    return {"parallel_read_safe": True, "parallel_write_safe": True}
