"""``jixiao selfeval new DECLARED.jixiao -o EVAL.jixiao [--template ID] [--table N]``: a 自评表 from a saved
申报表 (``--table`` chooses which of its indicator tables — a department's 附表3, a child form — is evaluated).

Exit status: 0 written, 2 the declared form or the template cannot be used, 3 not written.
"""

from __future__ import annotations

import argparse
import sys

from jixiao_desktop.commands import document_target, find_template, open_for_command
from jixiao_desktop.storage import EXTENSION, DocumentError, save


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作", required=True)
    new = sub.add_parser("new", help="从已保存的申报表新建自评表", description="从已保存的申报表新建自评表")
    new.add_argument("declared", metavar="DECLARED", help=f"申报表文件（{EXTENSION}）")
    new.add_argument("-o", "--output", required=True, metavar="FILE", help=f"新自评表文件（{EXTENSION}）")
    new.add_argument("--template", metavar="ID",
                     help="自评表的表样编号（须是 kind = \"evaluation\" 的表样；默认：随申报表带入预算的那个自评表表样）")
    new.add_argument("--table", type=int, default=1, metavar="N",
                     help="评哪一张指标表（第N张有指标的表，默认1；部门表的附表3、表样的子表各是一张）")
    new.add_argument("--force", action="store_true", help="文件已存在时覆盖")


def run(args: argparse.Namespace) -> int:
    from jixiao_desktop.selfeval.new import NoSuchGrid, declared_grids, default_evaluation, selfeval_from
    from jixiao_desktop.templates import available

    template_id = args.template
    if template_id is None:
        template_id = default_evaluation(available()[0])
        if template_id is None:
            print("有不止一个（或没有）自评表表样，请用 --template 指定（jixiao template list 列出表样）", file=sys.stderr)
            return 2
    loaded = find_template(template_id)
    if loaded is None:
        return 2
    if loaded.meta.kind != "evaluation":
        print(f"表样“{template_id}”（{loaded.meta.name}）不是自评表（kind 不是 evaluation）", file=sys.stderr)
        return 2
    try:
        declared = open_for_command(args.declared)
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return 2
    try:
        form, notes = selfeval_from(declared, loaded, args.table - 1)
    except NoSuchGrid as exc:
        tables = "；".join(f"{i}. {g.label}（{g.project}）" for i, g in enumerate(declared_grids(declared), 1))
        print(f"{exc}。可选：{tables}", file=sys.stderr)
        return 2
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
