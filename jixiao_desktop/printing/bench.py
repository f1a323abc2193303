"""Benchmarks of printing: ``pdf_<example>`` renders each example to PDF bytes (warm process)."""

from __future__ import annotations

from jixiao_desktop.bench import Benchmark, timed
from jixiao_desktop.printing import PrintOptions, render_bytes
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path
from jixiao_desktop.storage import load


def benchmarks():
    for name in EXAMPLE_NAMES:
        form = load(example_path(name))
        # Checks included (they decide the 草稿 mark), as the program prints.
        yield Benchmark(f"pdf_{name}", timed(lambda f=form: render_bytes(f, options=PrintOptions(font="shipped"))))
