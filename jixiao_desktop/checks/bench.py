"""Benchmarks of the checks: ``check_<example>`` with the full catalogue; a 200-附表3 department
form and a project whose 项目基本概况 is 40,000 characters of numbers."""

from __future__ import annotations

from jixiao_desktop.bench import Benchmark, timed
from jixiao_desktop.checks import run_checks
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path, largest_template_example
from jixiao_desktop.storage import load


def benchmarks():
    for name in EXAMPLE_NAMES:
        form = load(example_path(name))
        yield Benchmark(f"check_{name}", timed(lambda f=form: run_checks(f)))
    template_form = load(largest_template_example())
    yield Benchmark("check_template_largest", timed(lambda: run_checks(template_form)))
    from jixiao_desktop.printing.bench import large_department

    big = large_department()
    yield Benchmark("check_department_200_annex3", timed(lambda: run_checks(big)), min_runs=3, budget_s=1.0)
    long_prose = load(example_path("project-2024-chenggong-eldercare"))
    long_prose.proposal.overview = "12万元+" * 8000  # 40,000 characters of numbers: read in linear time, capped
    from jixiao_desktop.prose import lex, read
    from jixiao_desktop.prose.mentions import mentions

    def uncached():  # as when the long text itself was just edited
        read.cache_clear()
        lex.cache_clear()
        mentions.cache_clear()
        run_checks(long_prose)

    yield Benchmark("check_project_40k_prose", timed(uncached))
