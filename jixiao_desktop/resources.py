"""Where the program's resources (fonts, icons, templates, examples) are.

One function answers for a source checkout and for a frozen (PyInstaller) build.
"""

from __future__ import annotations

import sys
from pathlib import Path


def resource_root() -> Path:
    frozen_base = getattr(sys, "_MEIPASS", None)
    if getattr(sys, "frozen", False) and frozen_base:
        return Path(frozen_base) / "resources"
    return Path(__file__).resolve().parent.parent / "resources"


def resource_path(*parts: str) -> Path:
    """``resource_path("examples", "x.jixiao")`` → the file's absolute path."""
    return resource_root().joinpath(*parts)


EXAMPLE_NAMES = (
    "project-2024-chenggong-eldercare",
    "project-2020-chenggong-service-contest",
    "department-2023-shifeng-civil-affairs",
    "unit-2024-minhang-ageing-center",
)


def example_path(name: str) -> Path:
    from jixiao_desktop.storage.docfile import EXTENSION

    return resource_path("examples", name + EXTENSION)


def example_paths() -> list[Path]:
    return [example_path(name) for name in EXAMPLE_NAMES]
