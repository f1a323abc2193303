"""``jixiao export DOC -o FILE.xlsx``: write a document as a workbook in the official layout.

Exit status: 0 written, 2 the document could not be read, 3 the workbook could not be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jixiao_desktop.excel import ExcelError, export_workbook
from jixiao_desktop.commands import open_for_command
from jixiao_desktop.storage import DocumentError


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("document", metavar="DOC", help="表格文件（.jixiao）")
    parser.add_argument("-o", "--output", metavar="FILE.xlsx", help="输出的Excel工作簿（默认与表格文件同名）")


def run(args: argparse.Namespace) -> int:
    source = Path(args.document)
    target = Path(args.output) if args.output else source.with_suffix(".xlsx")
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    try:
        form = open_for_command(source)
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        export_workbook(form, target)
    except ExcelError as exc:
        print(str(exc), file=sys.stderr)
        return 3
    print(f"已导出：{target}")
    return 0
