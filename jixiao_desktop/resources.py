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


def template_example_paths() -> list[Path]:
    """The shipped templates' filled examples (``resources/templates/examples/*.jixiao``), by name."""
    return sorted(resource_path("templates", "examples").glob("*.jixiao"))


def largest_template_example() -> Path:
    """The largest correct template example: what the template benchmarks measure."""
    correct = [p for p in template_example_paths() if p.stem.endswith("-correct")]
    return max(correct, key=lambda p: p.stat().st_size)
