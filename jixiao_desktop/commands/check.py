"""``jixiao check FILE…``: findings in Chinese, or ``--json`` (one object per line).

Exit status: 0 no errors, 1 some file has an error, 2 some file could not be read.
"""

from __future__ import annotations

import argparse
import json
import sys

from jixiao_desktop.checks import RULES, Report, run_checks
from jixiao_desktop.forms import FORM_KINDS, FormBase
from jixiao_desktop.forms.locations import describe
from jixiao_desktop.commands import open_for_command
from jixiao_desktop.storage import DocumentError

EXIT_OK, EXIT_ERRORS, EXIT_UNREADABLE = 0, 1, 2


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("files", nargs="*", metavar="FILE", help="表格文件（.jixiao）")
    parser.add_argument("--json", action="store_true", help="以JSON输出，每个文件一行")
    parser.add_argument("--rules", action="store_true", help="列出全部检查规则（编号、级别、来源、说明）")


def run(args: argparse.Namespace) -> int:
    if args.rules:
        for item in RULES.values():
            switched = "" if item.default_on else "\t（表样开启时才检查）"
            print(f"{item.id}\t{item.severity.label}\t{item.source_label}\t{item.title}{switched}")
        return EXIT_OK
    if not args.files:
        print("请指定要检查的文件（.jixiao），或用 --rules 列出检查规则", file=sys.stderr)
        return EXIT_UNREADABLE
    status = EXIT_OK
    for path in args.files:
        try:
            form = open_for_command(path)
        except DocumentError as exc:
            status = EXIT_UNREADABLE
            if args.json:
                print(json.dumps({"file": path, "error": str(exc), "findings": []}, ensure_ascii=False))
            else:
                print(f"{path}：{exc}", file=sys.stderr)
            continue
        report = run_checks(form)
        if report.has_errors and status == EXIT_OK:
            status = EXIT_ERRORS
        if args.json:
            print(json.dumps(report_json(path, form, report), ensure_ascii=False))
        else:
            print(report_text(path, form, report))
    return status


def report_json(path: str, form: FormBase, report: Report) -> dict:
    return {
        "file": path,
        "kind": form.kind,
        "findings": [f.to_json(describe(form, f.location) if f.location else "") for f in report.findings],
    }


def report_text(path: str, form: FormBase, report: Report) -> str:
    name = getattr(form, "display_name", "") or "（未命名）"
    lines = [f"{path}：{FORM_KINDS.get(form.kind) or form.title}《{name}》"]
    for finding in report.findings:
        where = describe(form, finding.location) if finding.location else "整张表"
        mark = "（已说明）" if finding.explained else ""
        lines.append(f"  [{finding.severity.label}{mark}] {where}  〔{finding.rule}〕")
        lines.append(f"      {finding.message}")
        if finding.explained:
            lines.append(f"      出错说明：{finding.explanation}")
    lines.append(f"  共计：{report.summary()}")
    return "\n".join(lines)
