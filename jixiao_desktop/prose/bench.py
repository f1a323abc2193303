"""Benchmarks of the prose reader: the corpus's two rates and the reading time of a long text.

``prose_found`` — share of the corpus's wrong sentences found with the right numbers (%);
``prose_false_alarms`` — share of its correct sentences that raise anything (%); the same two for
the second corpus (``prose_holdout_*``) and for the blind one, never used to change the reader
(``prose_blind_*``), and
``prose_read_40k`` — reading a 40,000-character field of calculation prose (uncached).
"""

from __future__ import annotations

from jixiao_desktop.bench import Benchmark, timed
from jixiao_desktop.prose.corpus import corpus_path, load_corpus, rates, run_corpus


def _rate(path, which: int):
    def measure() -> float:
        return rates(run_corpus(path))[which] * 100
    return measure


def benchmarks():
    main = corpus_path()
    yield Benchmark("prose_found", _rate(main, 0), unit="%", min_runs=1, max_runs=1, budget_s=0, warmup=0)
    yield Benchmark("prose_false_alarms", _rate(main, 1), unit="%", min_runs=1, max_runs=1, budget_s=0, warmup=0)
    for name in ["holdout"] + sorted((p.stem for p in main.parent.glob("blind*.jsonl")),
                                     key=lambda stem: int(stem[5:] or 1)):
        path = main.with_name(f"{name}.jsonl")
        if path.exists():
            yield Benchmark(f"prose_{name}_found", _rate(path, 0), unit="%", min_runs=1, max_runs=1, budget_s=0, warmup=0)
            yield Benchmark(f"prose_{name}_false_alarms", _rate(path, 1), unit="%", min_runs=1, max_runs=1, budget_s=0,
                            warmup=0)
    from jixiao_desktop.prose import lex, read

    # 40,000 characters of real calculation prose: the corpus's sentences one after another
    text = ("\n".join(entry["text"] for entry in load_corpus(main)) * 20)[:40000]

    def read_long():
        read.cache_clear()
        lex.cache_clear()
        read(text)

    yield Benchmark("prose_read_40k", timed(read_long))
