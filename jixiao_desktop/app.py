"""Starting the GUI: the only module outside ``ui/`` that touches Qt (lazily)."""

from __future__ import annotations

import sys


def run_gui(argv: list[str]) -> int:
    from jixiao_desktop.ui.application import run

    return run(argv)


if __name__ == "__main__":  # pragma: no cover
    sys.exit(run_gui(sys.argv[1:]))
