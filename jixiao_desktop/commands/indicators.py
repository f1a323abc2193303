"""``jixiao indicators export|import``: the budget system's indicator sheet (one row per indicator).

``export DOC -o LIST.xlsx`` writes the document's 年度 indicators and prints every value that cannot be
split into 指标性质 | 指标值 | 度量单位 (written as typed; fix it before uploading).
Exit status: 0 written and every value split, 1 written but some values could not be split,
2 the document could not be read, 3 the workbook could not be written.

``import LIST.xlsx --into DOC`` replaces, in DOC, the 年度 indicators of each project of the list (a
backup of DOC is kept; ``-o FILE`` writes elsewhere); ``import LIST.xlsx --template ID -o DIR`` makes
one new document per project. The import report is printed.
Exit status: 0 imported, 1 imported with something to check, 2 the list, document or template could not
be read, 3 nothing written.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path

from jixiao_desktop.commands import document_target, find_template, open_for_command
from jixiao_desktop.excel import ExcelError
from jixiao_desktop.storage import EXTENSION, DocumentError, save

EXIT_OK, EXIT_CHECK, EXIT_UNREADABLE, EXIT_NOT_WRITTEN = 0, 1, 2, 3


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作", required=True)
    export = sub.add_parser(
        "export", help="导出为预算管理一体化系统的指标清单（.xlsx，每行一个指标）",
        description="把表格的年度绩效指标导出为预算管理一体化系统的指标清单：项目名称、一级指标、二级指标、三级指标、"
                    "指标性质、指标值、度量单位、权重/分值、指标方向性。无法拆分的指标值按原样写出并列出，请在上传前改正。"
                    "退出码：0 已导出且全部拆分；1 已导出，但有指标值无法拆分；2 表格无法读取；3 无法写出。")
    export.add_argument("document", metavar="DOC", help="表格文件（.jixiao）")
    export.add_argument("-o", "--output", metavar="LIST.xlsx", help="输出的指标清单（默认与表格文件同名，加“-指标清单”）")
    export.set_defaults(_action=_export)
    imp = sub.add_parser(
        "import", help="从指标清单导入年度指标（--into 已有表格，或 --template 新建表格）",
        description="读入预算管理一体化系统的指标清单（按表头识别栏目）。--into：替换该表格中同名项目的年度指标，其余内容不变；"
                    "--template：按表样为清单中的每个项目新建一份表格。"
                    "退出码：0 已导入；1 已导入，但有需要核对之处；2 清单、表格或表样无法读取；3 未写出。")
    imp.add_argument("list", metavar="LIST.xlsx", help="指标清单（.xlsx、.xlsm、旧版.xls或WPS表格.et）")
    target = imp.add_mutually_exclusive_group(required=True)
    target.add_argument("--into", metavar="DOC", help="导入到这份表格（.jixiao）")
    target.add_argument("--template", metavar="ID", help="按此表样新建表格（jixiao template list 列出）")
    imp.add_argument("-o", "--output", metavar="DIR|FILE",
                     help="--template：新表格存放的文件夹（必填）；--into：另存为此文件（默认写回原表格，并保留备份）")
    imp.add_argument("--year", default="", help="新表格的年度（--template）")
    imp.add_argument("--force", action="store_true", help="文件已存在时覆盖")
    imp.set_defaults(_action=_import)


def run(args: argparse.Namespace) -> int:
    return args._action(args)


def _export(args: argparse.Namespace) -> int:
    from jixiao_desktop.indicator_list import export_rows, write_sheet

    source = Path(args.document)
    target = Path(args.output) if args.output else source.with_name(f"{source.stem}-指标清单.xlsx")
    if target.suffix.lower() != ".xlsx":
        target = target.with_name(target.name + ".xlsx")
    try:
        form = open_for_command(source)
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    exported = export_rows(form)
    try:
        write_sheet(exported.rows, target)
    except OSError as exc:
        print(f"无法写出指标清单：{target}（{exc.strerror or exc}）", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    print(f"已导出指标清单：{target}（{len(exported.rows)}个指标）")
    if exported.problems:
        print(f"以下{len(exported.problems)}个指标值无法拆分为指标性质、指标值、度量单位，已按原样写出，请改正后再上传：")
        for line in exported.problems:
            print(f"  {line}")
        return EXIT_CHECK
    return EXIT_OK


def _import(args: argparse.Namespace) -> int:
    from jixiao_desktop.indicator_list import read_list

    try:
        read = read_list(args.list)
    except ExcelError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    if not read.rows:
        print(f"{read.source}中没有指标（表头下没有填写三级指标或指标值的行），未导入", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    return _into(args, read) if args.into else _new(args, read)


def _into(args: argparse.Namespace, read) -> int:
    from jixiao_desktop.indicator_list import import_into

    try:
        form = open_for_command(args.into)
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    report = import_into(form, read)
    print(report.text())
    if not report.lines or all("未改动" in line for line in report.lines):
        print("清单中的项目在表格中都找不到，表格未改动", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    target = document_target(args.output, args.force) if args.output else Path(args.into)
    if target is None:
        return EXIT_NOT_WRITTEN
    try:
        save(form, target, backup=not args.output)
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_NOT_WRITTEN
    print(f"已写入：{target}")
    return EXIT_CHECK if report.problems else EXIT_OK


_UNSAFE_RE = re.compile(r'[\\/:*?"<>|\x00-\x1f]+')


def _file_name(project: str, fallback: str) -> str:
    """A project's name as a file name: characters Windows refuses become ``_``; at most 80 characters."""
    name = _UNSAFE_RE.sub("_", project).strip(" .") or fallback
    return name[:80]


def _new(args: argparse.Namespace, read) -> int:
    from jixiao_desktop.indicator_list import new_documents

    if not args.output:
        print("--template 需要用 -o 指定新表格存放的文件夹", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    loaded = find_template(args.template)
    if loaded is None:
        return EXIT_UNREADABLE
    stem = Path(args.list).stem
    try:
        documents, report = new_documents(loaded, read, year=args.year, name=stem)
    except ValueError as exc:
        print(str(exc), file=sys.stderr)
        return EXIT_UNREADABLE
    print(report.text())
    folder = Path(args.output)
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        print(f"无法建立文件夹：{folder}（{exc.strerror or exc}）", file=sys.stderr)
        return EXIT_NOT_WRITTEN
    written, used = 0, set()
    for index, (project, form) in enumerate(documents, start=1):
        name = _file_name(project, f"{stem}-{index}")
        while name.lower() in used:
            name = f"{name}-{index}"
        used.add(name.lower())
        target = document_target(folder / f"{name}{EXTENSION}", args.force)
        if target is None:
            continue
        try:
            save(form, target, backup=False)
        except DocumentError as exc:
            print(str(exc), file=sys.stderr)
            continue
        print(f"已新建：{target}")
        written += 1
    if written < len(documents):
        return EXIT_NOT_WRITTEN
    return EXIT_CHECK if report.problems else EXIT_OK
