"""``jixiao template list | show ID | check FILE…``: the form templates (表样) the program knows.

Exit status: 0 fine, 1 a template file has a mistake (the message names file and line or key),
2 no such template.
"""

from __future__ import annotations

import argparse
import sys

from jixiao_desktop.templates import TemplateError, available, load, user_templates_dir


def add_arguments(parser: argparse.ArgumentParser) -> None:
    sub = parser.add_subparsers(dest="action", metavar="操作")
    sub.add_parser("list", help="列出可用的表样（随程序提供的和用户文件夹中的）")
    show = sub.add_parser("show", help="显示一个表样的内容")
    show.add_argument("id", metavar="ID")
    check = sub.add_parser("check", help="检查表样文件是否写对")
    check.add_argument("files", nargs="+", metavar="FILE")


def run(args: argparse.Namespace) -> int:
    if args.action == "check":
        status = 0
        for path in args.files:
            try:
                loaded = load(path)
            except TemplateError as exc:
                print(exc, file=sys.stderr)
                status = 1
                continue
            meta = loaded.meta
            print(f"{path}：表样“{meta.name}”（{meta.id} 第{meta.version}版）可以使用，"
                  f"{len(loaded.template.section)}个部分，{len(loaded.relations)}条审核公式")
        return status
    found, refused = available()
    for exc in refused:
        print(f"未采用：{exc}", file=sys.stderr)
    if args.action == "show":
        loaded = found.get(args.id)
        if loaded is None:
            print(f"没有编号为“{args.id}”的表样（jixiao template list 列出可用的）", file=sys.stderr)
            return 2
        print(loaded.text)
        return 0
    print(f"用户表样文件夹：{user_templates_dir()}")
    for loaded in sorted(found.values(), key=lambda t: (t.meta.region, t.id)):
        meta = loaded.meta
        print(f"{meta.id}\t第{meta.version}版\t{meta.region or '通用'}\t{meta.name}")
    return 0
