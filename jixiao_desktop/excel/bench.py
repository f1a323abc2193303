"""Benchmarks of Excel: ``export_<example>`` and ``import_<example>``."""

from __future__ import annotations

import tempfile
from pathlib import Path

from jixiao_desktop.bench import Benchmark, timed
from jixiao_desktop.excel import export_workbook, import_workbook
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path
from jixiao_desktop.storage import load


def benchmarks():
    tmpdir = Path(tempfile.mkdtemp(prefix="jixiao-bench-excel-"))
    for name in EXAMPLE_NAMES:
        form = load(example_path(name))
        target = tmpdir / f"{name}.xlsx"
        yield Benchmark(f"export_{name}", timed(lambda f=form, t=target: export_workbook(f, t)), min_runs=5)
        export_workbook(form, target)
        yield Benchmark(f"import_{name}", timed(lambda t=target: import_workbook(t)), min_runs=5)
