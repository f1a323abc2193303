"""The ``jixiao`` command: the GUI with no arguments, subcommands otherwise.

Each subcommand lives in ``jixiao_desktop/commands/<name>.py`` with
``add_arguments(parser)`` and ``run(args) -> int``; it is imported only when
used, so ``jixiao check`` does not load Qt and the GUI starts without argparse
work beyond this module.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from jixiao_desktop import __version__

# name → (module, help text)
COMMANDS: dict[str, tuple[str, str]] = {
    "check": ("jixiao_desktop.commands.check", "检查表格，列出错误、警告和提示"),
    "bench": ("jixiao_desktop.commands.bench", "测量各项操作的速度（中位数）"),
    "import": ("jixiao_desktop.commands.excel_import", "从Excel工作簿或Word文档导入表格，显示导入报告"),
    "export": ("jixiao_desktop.commands.excel_export", "把表格导出为正式表样的Excel工作簿或Word文档（--format docx）"),
    "pdf": ("jixiao_desktop.commands.pdf", "把表格打印为PDF（A4，官方版式）"),
    "template": ("jixiao_desktop.commands.template", "表样：列出、显示、检查表样文件"),
    "new": ("jixiao_desktop.commands.new", "按表样新建一份空白表格"),
    "indicators": ("jixiao_desktop.commands.indicators", "预算管理一体化系统的指标清单：导出、导入（每行一个指标）"),
    "selfeval": ("jixiao_desktop.commands.selfeval", "绩效自评：从申报表新建自评表"),
}


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="jixiao",
        description="绩效目标表桌面填报。不带参数运行时打开图形界面。",
    )
    parser.add_argument("--version", action="version", version=f"jixiao-desktop {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="命令")
    for name, (module_name, help_text) in COMMANDS.items():
        module = importlib.import_module(module_name)
        command_parser = sub.add_parser(name, help=help_text, description=help_text)
        module.add_arguments(command_parser)
        command_parser.set_defaults(_module=module)
    return parser


def _utf8_streams() -> None:
    """Never crash on a console that cannot show a character (Windows GBK)."""
    for stream in (sys.stdout, sys.stderr):
        reconfigure = getattr(stream, "reconfigure", None)
        if reconfigure is not None:
            try:
                reconfigure(errors="backslashreplace")
            except (ValueError, OSError):  # pragma: no cover - exotic streams
                pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    _utf8_streams()
    if argv and argv[0] in ("--selftest", "--selftest-qt"):
        from jixiao_desktop.selftest import main as selftest_main
        return selftest_main(argv)
    if not argv:
        from jixiao_desktop.app import run_gui

        return run_gui([])
    if argv[0] not in COMMANDS and not argv[0].startswith("-"):
        # ``jixiao FILE.jixiao`` opens the file in the GUI (file association).
        from jixiao_desktop.app import run_gui

        return run_gui(argv)
    args = build_parser().parse_args(argv)
    if args.command is None:
        build_parser().print_help()
        return 0
    try:
        return int(args._module.run(args) or 0)
    except BrokenPipeError:
        # `jixiao check … | head`: the reader stopped listening; no traceback, and none at exit either.
        import os

        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 0


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())
