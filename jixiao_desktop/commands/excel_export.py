"""``jixiao export DOC -o FILE.xlsx|FILE.docx [--format xlsx|docx]``: write a document as a workbook or
a Word file in the official layout (the format from ``--format``, else the output's extension, else xlsx).

Exit status: 0 written, 2 the document could not be read, 3 the file could not be written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jixiao_desktop.excel import ExcelError, export_workbook
from jixiao_desktop.commands import open_for_command
from jixiao_desktop.storage import DocumentError
from jixiao_desktop.word import WordError, export_docx

FORMATS = ("xlsx", "docx")


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("document", metavar="DOC", help="表格文件（.jixiao）")
    parser.add_argument("-o", "--output", metavar="FILE.xlsx", help="输出的Excel工作簿或Word文档（.docx）（默认与表格文件同名）")
    parser.add_argument("--format", choices=FORMATS, help="输出格式：xlsx（Excel，默认）或 docx（Word）；不写则按输出文件的扩展名")


def run(args: argparse.Namespace) -> int:
    source = Path(args.document)
    fmt = args.format or (args.output and Path(args.output).suffix.lower().lstrip(".") in FORMATS
                          and Path(args.output).suffix.lower().lstrip(".")) or "xlsx"
    target = Path(args.output) if args.output else source.with_suffix(f".{fmt}")
    if target.suffix.lower() != f".{fmt}":
        target = target.with_name(target.name + f".{fmt}")
    try:
        form = open_for_command(source)
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        if fmt == "docx":
            export_docx(form, target)
        else:
            export_workbook(form, target)
    except (ExcelError, WordError) as exc:
        print(str(exc), file=sys.stderr)
        return 3
    print(f"已导出：{target}")
    return 0
