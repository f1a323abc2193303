"""``jixiao import FILE.xlsx|FILE.docx -o DOC [--template ID]``: read a workbook or a Word form into a document
and print the import report (a .docx / .doc by :mod:`jixiao_desktop.word`, the rest as a workbook).

FILE may be an .xlsx/.xlsm, an old Excel .xls or a WPS .et workbook (found by content); a Word .doc or
WPS .wps file, or an HTML "xls", is refused with what to do (另存为 .docx / .xlsx).

The form is the one the workbook's own data sheet names (a workbook this program wrote), else the
template ``--template`` names, else the template (or built-in form) whose labels the workbook shows best.

Exit status: 0 read, 2 the workbook could not be read (message on stderr), 3 the document could
not be written. ``--quiet`` prints only the summary line of the report.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jixiao_desktop.commands import document_target
from jixiao_desktop.excel import ExcelError, import_workbook
from jixiao_desktop.storage import DocumentError, save
from jixiao_desktop.storage.docfile import EXTENSION
from jixiao_desktop.word import WordError, import_docx
from jixiao_desktop.word.reader import OLD_FORMATS

WORD_SUFFIXES = (".docx", *OLD_FORMATS)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("workbook", metavar="FILE.xlsx",
                        help="要导入的Excel工作簿（.xlsx、.xlsm、旧版.xls或WPS表格.et）或Word文档（.docx）")
    parser.add_argument("-o", "--output", metavar="DOC", help=f"保存为的表格文件（默认与工作簿同名，扩展名{EXTENSION}）")
    parser.add_argument("-q", "--quiet", action="store_true", help="只显示导入报告的汇总行")
    parser.add_argument("--force", action="store_true", help="目标文件已存在时覆盖")
    parser.add_argument("--template", metavar="ID", help="工作簿所按的表样编号（jixiao template list 列出；不写则自动判断）")


def run(args: argparse.Namespace) -> int:
    source = Path(args.workbook)
    target = document_target(args.output or source.with_suffix(EXTENSION), args.force)
    if target is None:
        return 3
    try:
        if source.suffix.lower() in WORD_SUFFIXES:
            result = import_docx(source, template=args.template)
        else:
            result = import_workbook(source, template=args.template)
    except (ExcelError, WordError) as exc:
        print(f"{source}：{exc}", file=sys.stderr)
        return 2
    print(result.report.summary() if args.quiet else result.report.text())
    try:
        save(result.form, target)
    except (DocumentError, OSError) as exc:
        print(f"{target}：无法保存：{exc}", file=sys.stderr)
        return 3
    print(f"已保存：{target}")
    return 0
