"""Benchmarks of document files: ``load_<example>`` and ``save_<example>``, and of the largest
shipped template example (``load_template_largest``, ``save_template_largest``)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from jixiao_desktop.bench import Benchmark, timed
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path, largest_template_example
from jixiao_desktop.storage import load, save


def benchmarks():
    tmpdir = Path(tempfile.mkdtemp(prefix="jixiao-bench-"))
    for name in EXAMPLE_NAMES:
        path = example_path(name)
        yield Benchmark(f"load_{name}", timed(lambda p=path: load(p)))
        form = load(path)
        target = tmpdir / f"{name}.jixiao"
        yield Benchmark(f"save_{name}", timed(lambda f=form, t=target: save(f, t)))
    path = largest_template_example()
    yield Benchmark("load_template_largest", timed(lambda: load(path)))
    form = load(path)
    target = tmpdir / "template.jixiao"
    yield Benchmark("save_template_largest", timed(lambda: save(form, target)))
