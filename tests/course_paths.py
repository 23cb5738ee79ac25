"""Where the course's files are, defined once for every test module (and the ``root`` fixture).

The tests run from a checkout; ``ROOT`` is its top folder. ``scripts/`` is not a package, so
:func:`import_script` loads one of its modules by name for the tests that exercise it directly.
"""

from __future__ import annotations

import importlib
import sys
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
SCRIPTS = ROOT / "scripts"


def import_script(name: str) -> ModuleType:
    """Import ``scripts/<name>.py`` as module ``name``."""
    if str(SCRIPTS) not in sys.path:
        sys.path.insert(0, str(SCRIPTS))
    return importlib.import_module(name)
