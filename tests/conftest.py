"""Test setup: Qt offscreen (set before anything imports Qt), example paths, GUI opt-in.

GUI tests are marked ``gui`` and use pytest-qt's ``qtbot`` explicitly; nothing
here builds a window for every test. ``pytest -m "not gui"`` runs the logic alone.
"""

from __future__ import annotations

import os

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

from pathlib import Path  # noqa: E402

import pytest  # noqa: E402

from jixiao_desktop.resources import EXAMPLE_NAMES, example_path  # noqa: E402
from jixiao_desktop.storage import load  # noqa: E402

# GUI fixtures (paths, make_window, window, boxes): built only for the tests that ask for them.
pytest_plugins = ["tests.gui_fixtures"]

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(params=EXAMPLE_NAMES)
def example_name(request) -> str:
    return request.param


@pytest.fixture
def example_form(example_name):
    return load(example_path(example_name))


def load_example(name: str):
    return load(example_path(name))
