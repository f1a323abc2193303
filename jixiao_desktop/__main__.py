"""``python -m jixiao_desktop``: same as the ``jixiao`` command."""

import sys

from jixiao_desktop.cli import main

sys.exit(main())
