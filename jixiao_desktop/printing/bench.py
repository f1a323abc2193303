"""Benchmarks of printing: ``pdf_<example>`` renders each example to PDF bytes (warm process);
``pdf_template_largest`` the largest template example (a document of a template, with its child
forms); ``pdf_department_200_annex3`` a department form with 200 附表3 of 25 indicators each (seconds)."""

from __future__ import annotations

from jixiao_desktop.bench import Benchmark, timed
from jixiao_desktop.printing import PrintOptions, render_bytes
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path, largest_template_example
from jixiao_desktop.storage import load


def benchmarks():
    for name in EXAMPLE_NAMES:
        form = load(example_path(name))
        # Checks included (they decide the 草稿 mark), as the program prints.
        yield Benchmark(f"pdf_{name}", timed(lambda f=form: render_bytes(f, options=PrintOptions(font="shipped"))))
    template_form = load(largest_template_example())
    yield Benchmark("pdf_template_largest",
                    timed(lambda: render_bytes(template_form, options=PrintOptions(font="shipped"))))
    big = large_department()
    yield Benchmark("pdf_department_200_annex3", timed(lambda: render_bytes(big, options=PrintOptions(font="shipped"))),
                    unit="s", min_runs=1, max_runs=3, budget_s=0, warmup=0)


def large_department(funds: int = 200, indicators: int = 25):
    """The department example grown to ``funds`` 附表3 of ``indicators`` rows each (as a big bureau's)."""
    form = load(example_path("department-2023-shifeng-civil-affairs"))
    models = [f for f in form.special_funds if f.detail is not None and f.detail.indicators]
    grown = []
    for i in range(funds):
        fund = models[i % len(models)].model_copy(deep=True)
        fund.name = f"{fund.name}（{i + 1}）"
        fund.detail.name = fund.name
        rows = fund.detail.indicators
        fund.detail.indicators = [rows[k % len(rows)].model_copy(deep=True) for k in range(indicators)]
        grown.append(fund)
    form.special_funds = grown
    return form
