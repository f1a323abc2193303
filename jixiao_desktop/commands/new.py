"""``jixiao new --template ID -o FILE``: a blank document of a template (shipped or the clerk's own).

Exit status: 0 written, 2 no such template (or a user template with a mistake), 3 not written.
"""

from __future__ import annotations

import argparse
import sys

from jixiao_desktop.commands import document_target, find_template
from jixiao_desktop.storage import EXTENSION, DocumentError, save
from jixiao_desktop.templates.document import new_document


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--template", required=True, metavar="ID", help="表样编号（jixiao template list 列出）")
    parser.add_argument("-o", "--output", required=True, metavar="FILE", help=f"新表格文件（{EXTENSION}）")
    parser.add_argument("--year", default="", help="年度")
    parser.add_argument("--force", action="store_true", help="文件已存在时覆盖")


def run(args: argparse.Namespace) -> int:
    loaded = find_template(args.template)
    if loaded is None:
        return 2
    target = document_target(args.output, args.force)
    if target is None:
        return 3
    try:
        save(new_document(loaded, year=args.year), target, backup=False)
    except DocumentError as exc:
        print(str(exc), file=sys.stderr)
        return 3
    print(f"已新建：{target}（表样：{loaded.meta.name}）")
    return 0
