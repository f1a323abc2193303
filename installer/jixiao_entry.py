"""Entry point of the frozen program (PyInstaller): the same as the ``jixiao`` command."""

import sys

from jixiao_desktop.cli import main

if __name__ == "__main__":
    sys.exit(main())
