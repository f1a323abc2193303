"""Benchmarks of document files: ``load_<example>`` and ``save_<example>``."""

from __future__ import annotations

import tempfile
from pathlib import Path

from jixiao_desktop.bench import Benchmark, timed
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path
from jixiao_desktop.storage import load, save


def benchmarks():
    tmpdir = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    for name in EXAMPLE_NAMES:
        path = example_path(name)
        yield Benchmark(f"load_{name}", timed(lambda p=path: load(p)))
        form = load(path)
        target = tmpdir / f"{name}.jixiao"
        yield Benchmark(f"save_{name}", timed(lambda f=form, t=target: save(f, t)))
