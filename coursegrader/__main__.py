"""``python -m coursegrader``: see :mod:`coursegrader.cli`."""

import sys

from coursegrader.cli import main

sys.exit(main())
