"""``jixiao bench``: print ``name=value unit`` per line, medians of many runs."""

from __future__ import annotations

import argparse
import fnmatch

from jixiao_desktop.bench import collect, run_benchmark


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--only", metavar="PATTERN", help="只测名称匹配的项（通配符，如 check_*）")
    parser.add_argument("--list", action="store_true", help="只列出各项名称")


def run(args: argparse.Namespace) -> int:
    for bench in collect():
        if args.only and not fnmatch.fnmatch(bench.name, args.only):
            continue
        if args.list:
            print(bench.name)
            continue
        print(run_benchmark(bench).line(), flush=True)
    return 0
