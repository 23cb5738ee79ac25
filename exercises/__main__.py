"""``python -m exercises``: see :mod:`exercises.cli`."""

import sys

from exercises.cli import main

sys.exit(main())
