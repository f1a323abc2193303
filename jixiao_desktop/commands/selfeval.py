"""``jixiao selfeval new DECLARED.jixiao -o EVAL.jixiao [--template ID]``: a 自评表 from a saved 申报表.

Exit status: 0 written, 2 the declared form or the template cannot be used, 3 not written.
"""

from __future__ import annotations

import argparse
import sys

from jixiao_desktop.commands import document_target, find_template, open_for_command
from jixiao_desktop.storage import EXTENSION, DocumentError, save

DEFAULT_TEMPLATE = "mof-selfeval-project"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作", required=True)
    new = sub.add_parser("new", help="从已保存的申报表新建自评表", description="从已保存的申报表新建自评表")
    new.add_argument("declared", metavar="DECLARED", help=f"申报表文件（{EXTENSION}）")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help=f"新自评表文件（{EXTENSION}）")
    new.add_argument("--template", default=DEFAULT_TEMPLATE, metavar="ID",
                     help=f"自评表的表样编号（默认 {DEFAULT_TEMPLATE}；须是 kind = \"evaluation\" 的表样）")
    new.add_argument("--force", action="store_true", help="文件已存在时覆盖")


def run(args: argparse.Namespace) -> int:
    from jixiao_desktop.selfeval.new import selfeval_from

    loaded = find_template(args.template)
    if loaded is None:
        return 2
    if loaded.meta.kind != "evaluation":
        print(f"表样“{args.template}”（{loaded.meta.name}）不是自评表（kind 不是 evaluation）", file=sys.stderr)
        return 2
    try:
        declared = open_for_command(args.declared)
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    form, notes = selfeval_from(declared, loaded)
    for note in notes:
        print(f"提示：{note}", file=sys.stderr)
    target = document_target(args.output, args.force)
    if target is None:
        return 3
    try:
        save(form, target, backup=False)
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return 3
    print(f"已新建自评表：{target}（表样：{loaded.meta.name}）")
    return 0
