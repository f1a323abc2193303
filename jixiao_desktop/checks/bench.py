"""Benchmarks of the checks: ``check_<example>`` with the full catalogue."""

from __future__ import annotations

from jixiao_desktop.bench import Benchmark, timed
from jixiao_desktop.checks import run_checks
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path
from jixiao_desktop.storage import load


def benchmarks():
    for name in EXAMPLE_NAMES:
        form = load(example_path(name))
        yield Benchmark(f"check_{name}", timed(lambda f=form: run_checks(f)))
