"""``jixiao pdf FILE [-o OUT.pdf]``: print a form to PDF in its official layout.

Exit status: 0 written, 1 not printable (a character the font cannot draw, a
text too long for its cell, no font), 2 the document could not be read or the PDF not written.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from jixiao_desktop.printing import FontUnavailable, NotPrintable, PrintOptions, render_pdf
from jixiao_desktop.commands import open_for_command
from jixiao_desktop.storage import DocumentError

EXIT_OK, EXIT_UNPRINTABLE, EXIT_UNREADABLE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("file", metavar="FILE", help="表格文件（.jixiao）")
    parser.add_argument("-o", "--output", metavar="OUT.pdf", help="输出的PDF文件（默认与表格文件同名）")
    parser.add_argument(
        "--font",
        default="auto",
        metavar="FONT",
        help="字体：auto（有Windows宋体/仿宋时用之，否则用随程序提供的字体）、shipped（随程序提供的字体）或字体文件路径",
    )
    draft = parser.add_mutually_exclusive_group()
    draft.add_argument("--draft", dest="draft", action="store_true", default=None, help="总是加“草稿”水印")
    draft.add_argument("--no-draft", dest="draft", action="store_false", help="不加“草稿”水印（即使有错误）")
    parser.add_argument("--no-appendix", action="store_true", help="不附已说明的警告")


def run(args: argparse.Namespace) -> int:
    try:
        form = open_for_command(args.file)
    except DocumentError as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNREADABLE
    output = Path(args.output) if args.output else Path(args.file).with_suffix(".pdf")
    options = PrintOptions(font=args.font, draft=args.draft, appendix=not args.no_appendix)
    try:
        result = render_pdf(form, output, options=options)
    except (NotPrintable, FontUnavailable) as exc:
        print(exc, file=sys.stderr)
        return EXIT_UNPRINTABLE
    except OSError as exc:
        print(f"无法写入“{output}”：{exc.strerror or exc}", file=sys.stderr)
        return EXIT_UNREADABLE
    notes = [f"共{result.pages}页", f"字体：{result.font}", f"文档校验码：{result.fingerprint}"]
    if result.draft:
        notes.append("有未改正的错误，已加“草稿”水印")
    if result.explained:
        notes.append(f"附已说明的警告{result.explained}项")
    print(f"已生成 {output}（{'，'.join(notes)}）")
    return EXIT_OK
