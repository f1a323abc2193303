"""Speed measurements for ``jixiao bench``: medians of many runs, one figure a line.

Each part of the program contributes a provider module with a function
``benchmarks() -> Iterable[Benchmark]``; list it in :data:`PROVIDERS`.
"""

from __future__ import annotations

import importlib
import statistics
import time
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass

PROVIDERS: tuple[str, ...] = (
    "jixiao_desktop.storage.bench",
    "jixiao_desktop.checks.bench",
    "jixiao_desktop.prose.bench",
    "jixiao_desktop.ui.bench",
    "jixiao_desktop.ui.print_bench",
    "jixiao_desktop.printing.bench",
    "jixiao_desktop.excel.bench",
)


@dataclass(frozen=True, slots=True)
class Benchmark:
    """``measure()`` runs the operation once and returns seconds (or None to time the call)."""

    name: str
    measure: Callable[[], float | None]
    unit: str = "ms"
    min_runs: int = 7
    max_runs: int = 200
    budget_s: float = 1.5
    warmup: int = 1


@dataclass(frozen=True, slots=True)
class Result:
    name: str
    median: float
    unit: str
    runs: int

    def line(self) -> str:
        value = self.median * (1000 if self.unit == "ms" else 1)
        return f"{self.name}={value:.{3 if value < 10 else 1}f} {self.unit}"


def timed(func: Callable[[], object]) -> Callable[[], float]:
    def measure() -> float:
        start = time.perf_counter()
        func()
        return time.perf_counter() - start

    return measure


def run_benchmark(bench: Benchmark) -> Result:
    for _ in range(bench.warmup):
        bench.measure()
    samples: list[float] = []
    started = time.perf_counter()
    while len(samples) < bench.max_runs:
        samples.append(bench.measure())
        if len(samples) >= bench.min_runs and time.perf_counter() - started > bench.budget_s:
            break
    return Result(bench.name, statistics.median(samples), bench.unit, len(samples))


def collect(providers: Iterable[str] = PROVIDERS) -> Iterator[Benchmark]:
    for module_name in providers:
        yield from importlib.import_module(module_name).benchmarks()
