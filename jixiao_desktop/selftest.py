"""``jixiao --selftest``: is this installation healthy? (Qt-free core of the self test)

Run on a clerk's PC (or in a frozen build) it opens every example, checks it,
prints it to PDF with the shipped font, round-trips it through Excel (one through Word), and asks
a child process to start Qt (platform plugin, Chinese fonts, translations, the
main window, the settings and recovery folders). One line per step with
通过/失败/跳过, then a summary; exit status 0 when nothing failed, else 1.

The Qt part runs in a child process (``jixiao --selftest-qt RESULT.json``, see
:mod:`jixiao_desktop.ui.selftest_probe`): a missing platform plugin aborts the
process that tries to load it, and this report must still be written.

A windowed program (``jixiao.exe`` on Windows) has no console: the report is
then written to ``jixiao-selftest.txt`` in the temporary folder and opened.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

from jixiao_desktop import __version__
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path, resource_path, resource_root

PASS, FAIL, SKIP = "通过", "失败", "跳过"
QT_FLAG = "--selftest-qt"
QT_TIMEOUT = 120  # seconds for the Qt child process (a slow PC's first start)
FONT_SAMPLE = "绩效目标表项目支出申报（单位）整体资金总额万元年度指标值≥≤％"


class StepFailed(Exception):
    """The step failed; ``str()`` says why, in Chinese."""


class StepSkipped(Exception):
    """The step could not run here; ``str()`` says why."""


@dataclass(frozen=True)
class StepResult:
    name: str
    status: str
    detail: str = ""

    def line(self) -> str:
        return f"[{self.status}] {self.name}" + (f"：{self.detail}" if self.detail else "")


@dataclass
class Outcome:
    results: list[StepResult]

    @property
    def failed(self) -> list[StepResult]:
        return [r for r in self.results if r.status == FAIL]

    @property
    def ok(self) -> bool:
        return not self.failed

    def summary(self) -> str:
        counts = {s: sum(r.status == s for r in self.results) for s in (PASS, FAIL, SKIP)}
        verdict = "安装完好" if self.ok else "安装有问题，请把本报告交给技术人员"
        return (f"自检结果：{verdict}（通过 {counts[PASS]} 项，失败 {counts[FAIL]} 项，"
                f"跳过 {counts[SKIP]} 项）")


def run_step(name: str, action: Callable[[], str | None]) -> StepResult:
    """Run one step; an unexpected exception is a failure with its message, never a crash."""
    try:
        detail = action() or ""
    except StepSkipped as exc:
        return StepResult(name, SKIP, str(exc))
    except StepFailed as exc:
        return StepResult(name, FAIL, str(exc))
    except Exception as exc:  # noqa: BLE001 - the report must name whatever went wrong
        return StepResult(name, FAIL, f"{type(exc).__name__}: {exc}")
    return StepResult(name, PASS, detail)


# --- the steps ------------------------------------------------------------------
def check_commands() -> str:
    """Every ``jixiao`` subcommand's module imports (a frozen build lists them by hand)."""
    from jixiao_desktop.cli import COMMANDS, build_parser

    build_parser()
    return "、".join(COMMANDS)


def check_resources() -> str:
    root = resource_root()
    needed = [resource_path("fonts", "wqy-microhei.ttc"), resource_path("library", "indicators.json"),
              resource_path("icons", "jixiao.png"), *(example_path(n) for n in EXAMPLE_NAMES)]
    missing = [str(p.relative_to(root)) if p.is_relative_to(root) else str(p) for p in needed if not p.is_file()]
    if missing:
        raise StepFailed(f"资源文件缺失（{root}）：" + "、".join(missing))
    return str(root)


def check_font() -> str:
    from jixiao_desktop.printing.fonts import SHIPPED_FONT, load, missing_characters, windows_fonts

    font = load(SHIPPED_FONT)
    missing = missing_characters(font, set(FONT_SAMPLE))
    if missing:
        raise StepFailed(f"字体“{SHIPPED_FONT.label}”缺少字符：{''.join(sorted(missing))}")
    found = "、".join(spec.label for spec in windows_fonts())
    return f"{SHIPPED_FONT.label}可用" + (f"；本机另有{found}" if found else "")


def check_old_excel() -> str:
    """An old Excel (.xls) workbook opens through calamine (a compiled library the bundle must carry)."""
    from jixiao_desktop.indicator_list import read_list

    path = resource_path("selftest", "old-excel.xls")
    if not path.is_file():
        raise StepFailed(f"资源文件缺失：{path}")
    rows = read_list(path).rows
    values = [row.value for row in rows]
    if values != ["95%", "1234567.89"]:
        raise StepFailed(f"旧版Excel读出的内容不对：{values}")
    return f"读出{len(rows)}个指标（百分比、金额无误）"


class ExampleSteps:
    """The four steps for one example; later steps fail cleanly when it could not be opened."""

    def __init__(self, name: str, workdir: Path):
        self.name = name
        self.workdir = workdir
        self.form = None

    def open(self) -> str:
        from jixiao_desktop.storage import load

        self.form = load(example_path(self.name))
        return getattr(self.form, "display_name", "") or self.form.title

    def _need_form(self):
        if self.form is None:
            raise StepFailed("示例未能打开，无法继续")
        return self.form

    def check(self) -> str:
        from jixiao_desktop.checks import Severity, run_checks

        counts = run_checks(self._need_form()).counts()
        return "，".join(f"{s.label}{counts.get(s, 0)}条" for s in Severity)

    def pdf(self) -> str:
        from jixiao_desktop.printing import PrintOptions, render_bytes

        data, result = render_bytes(self._need_form(), options=PrintOptions(font="shipped"))
        if not data.startswith(b"%PDF") or b"%%EOF" not in data[-64:]:
            raise StepFailed("生成的PDF不完整")
        if b"/FontFile2" not in data:
            raise StepFailed(f"PDF中没有嵌入字体“{result.font}”")
        return f"{result.pages}页，{len(data) // 1024} KB，已嵌入{result.font}"

    def excel(self) -> str:
        if importlib.util.find_spec("jixiao_desktop.excel") is None:
            raise StepSkipped("未安装Excel模块")
        from jixiao_desktop.excel import export_workbook, import_workbook

        form = self._need_form()
        path = self.workdir / f"{self.name}.xlsx"
        export_workbook(form, path)
        result = import_workbook(path)
        if result.form != form:
            raise StepFailed("导出再导入后与原表不同：" + first_difference(form, result.form))
        return f"导出并读回一致（{path.stat().st_size // 1024} KB）"


def check_word(workdir: Path) -> str:
    """A small Word file written and read back (python-docx and its default.docx are in the build)."""
    from jixiao_desktop.storage import load
    from jixiao_desktop.word import export_docx, import_docx

    form = load(example_path(EXAMPLE_NAMES[0]))
    path = workdir / "selftest.docx"
    export_docx(form, path)
    result = import_docx(path)
    if result.form != form:
        raise StepFailed("Word导出再导入后与原表不同：" + first_difference(form, result.form))
    return f"导出并读回一致（{path.stat().st_size // 1024} KB）"


def first_difference(a, b) -> str:
    """The first field path where two forms differ (for the report)."""
    def walk(x, y, path: str) -> str | None:
        if isinstance(x, dict) and isinstance(y, dict):
            for key in list(x) + [k for k in y if k not in x]:
                found = walk(x.get(key), y.get(key), f"{path}.{key}" if path else str(key))
                if found:
                    return found
            return None
        if isinstance(x, list) and isinstance(y, list):
            if len(x) != len(y):
                return f"{path}（{len(x)}行/{len(y)}行）"
            for i, (u, v) in enumerate(zip(x, y)):
                found = walk(u, v, f"{path}[{i}]")
                if found:
                    return found
            return None
        return None if x == y else f"{path}（“{x}”/“{y}”）"

    return walk(a.model_dump(mode="json"), b.model_dump(mode="json"), "") or "（内容相同，类型不同）"


def qt_command(result_file: Path) -> list[str]:
    """How to start this program again for the Qt probe, frozen or not."""
    if getattr(sys, "frozen", False):
        return [sys.executable, QT_FLAG, str(result_file)]
    return [sys.executable, "-m", "jixiao_desktop", QT_FLAG, str(result_file)]


def qt_results(workdir: Path) -> list[StepResult]:
    """Start the Qt probe in a child process and read its steps back."""
    name = "图形界面（Qt）启动"
    if importlib.util.find_spec("PySide6") is None:
        return [StepResult(name, SKIP, "未安装PySide6，只能使用命令行")]
    result_file = workdir / "qt-probe.json"
    # The child's output goes to a file, not a pipe: a process it starts in turn (Windows helpers)
    # may inherit a pipe and keep it open long after the child has finished.
    output_file = workdir / "qt-probe.log"
    try:
        with output_file.open("wb") as output:
            proc = subprocess.run(qt_command(result_file), stdout=output, stderr=subprocess.STDOUT,
                                  timeout=QT_TIMEOUT, stdin=subprocess.DEVNULL)
    except subprocess.TimeoutExpired:
        return [StepResult(name, FAIL, f"{QT_TIMEOUT}秒内没有完成")]
    except OSError as exc:
        return [StepResult(name, FAIL, f"无法启动检查进程：{exc}")]
    try:
        items = json.loads(result_file.read_text(encoding="utf-8"))
        results = [StepResult(i["name"], i["status"], i.get("detail", "")) for i in items]
    except (OSError, ValueError, KeyError, TypeError):
        tail = output_file.read_bytes().decode("utf-8", "replace").strip().splitlines()[-3:]
        return [StepResult(name, FAIL, f"检查进程异常退出（代码{proc.returncode}）：" + " / ".join(tail))]
    if proc.returncode != 0 and all(r.status != FAIL for r in results):
        results.append(StepResult(name, FAIL, f"检查进程退出代码{proc.returncode}"))
    return results


def steps(workdir: Path, *, qt: bool = True) -> Iterator[StepResult]:
    """Every step in order, each as soon as it is done."""
    yield StepResult("程序版本", PASS, f"jixiao-desktop {__version__}，Python {sys.version.split()[0]}"
                     + ("，打包版" if getattr(sys, "frozen", False) else "，源代码版"))
    yield run_step("命令行", check_commands)
    yield run_step("资源文件", check_resources)
    yield run_step("中文字体可用于打印", check_font)
    yield run_step("旧版Excel（.xls/.et）读取", check_old_excel)
    for name in EXAMPLE_NAMES:
        example = ExampleSteps(name, workdir)
        yield run_step(f"打开示例 {name}", example.open)
        yield run_step(f"检查示例 {name}", example.check)
        yield run_step(f"打印PDF {name}", example.pdf)
        yield run_step(f"Excel往返 {name}", example.excel)
    yield run_step("Word文档往返", lambda: check_word(workdir))
    if qt:
        yield from qt_results(workdir)


def run_selftest(write: Callable[[str], None] = print, *, qt: bool = True) -> Outcome:
    """Run all steps, writing one line each and the summary; returns the outcome."""
    results: list[StepResult] = []
    write(f"绩效目标表填报 自检（jixiao-desktop {__version__}）")
    # A helper process of the Qt child may still hold a file there (Windows): never fail on cleanup.
    with tempfile.TemporaryDirectory(prefix="jixiao-selftest-", ignore_cleanup_errors=True) as tmp:
        for result in steps(Path(tmp), qt=qt):
            results.append(result)
            write(result.line())
    outcome = Outcome(results)
    write(outcome.summary())
    return outcome


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="jixiao --selftest", description="检查本机安装是否完好")
    parser.add_argument("--selftest", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument("--no-qt", action="store_true", help="不检查图形界面（Qt）")
    parser.add_argument("--report", metavar="FILE", help="同时把报告写入此文件（UTF-8）")
    return parser


def main(argv: list[str]) -> int:
    """``jixiao --selftest [--no-qt] [--report FILE]`` and the hidden ``--selftest-qt FILE``."""
    if argv and argv[0] == QT_FLAG:
        from jixiao_desktop.ui.selftest_probe import main as probe_main

        return probe_main(argv[1:])
    args = _parser().parse_args(argv)
    lines: list[str] = []

    def write(line: str) -> None:
        lines.append(line)
        if sys.stdout is not None:
            print(line, flush=True)

    outcome = run_selftest(write, qt=not args.no_qt)
    report = args.report
    if report is None and sys.stdout is None:  # windowed program: no console to print to
        report = str(Path(tempfile.gettempdir()) / "jixiao-selftest.txt")
    if report:
        Path(report).write_text("\n".join(lines) + "\n", encoding="utf-8-sig")
        if sys.stdout is None and hasattr(os, "startfile"):
            os.startfile(report)  # noqa: S606 - shows the report in Notepad
    return 0 if outcome.ok else 1
