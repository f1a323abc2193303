"""``jixiao --selftest`` on the source tree: every step passes; failures are reported, never raised."""

from __future__ import annotations

import subprocess
import sys

import pytest

from jixiao_desktop import cli, selftest
from jixiao_desktop.resources import EXAMPLE_NAMES
from jixiao_desktop.selftest import FAIL, PASS, SKIP, StepFailed, StepSkipped, run_step


@pytest.fixture
def scratch_home(tmp_path, monkeypatch):
    """Qt's settings and data folders (Linux: XDG) in a scratch folder, not the user's."""
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    return tmp_path


@pytest.mark.slow
def test_selftest_passes_on_source_tree(scratch_home):
    lines: list[str] = []
    outcome = selftest.run_selftest(lines.append)
    assert outcome.ok, "\n".join(lines)
    names = [r.name for r in outcome.results]
    for example in EXAMPLE_NAMES:
        for step in ("打开示例", "检查示例", "打印PDF", "Excel往返"):
            assert f"{step} {example}" in names
    assert "命令行" in names
    for step in ("图形界面（Qt）启动", "界面中文字体", "Qt中文翻译", "设置、恢复、日志文件夹可写", "主窗口与表格编辑区",
                 "单实例（本地连接）"):
        assert step in names
    assert all(r.status == PASS for r in outcome.results)
    # The real editors, not a stand-in (a frozen build once showed "表格编辑区尚未安装" and passed).
    [window] = [r for r in outcome.results if r.name == "主窗口与表格编辑区"]
    assert "DepartmentEditor、ProjectEditor" in window.detail
    assert lines[-1].startswith("自检结果：安装完好")
    # The folder check wrote (and removed) its probe in the scratch home, not the user's.
    assert (scratch_home / "data" / "jixiao" / "jixiao-desktop" / "recovery").is_dir()
    assert not list((scratch_home / "data").rglob(".selftest-*"))


def test_cli_flag_prints_one_line_per_step(capsys, tmp_path):
    report = tmp_path / "report.txt"
    assert cli.main(["--selftest", "--no-qt", "--report", str(report)]) == 0
    out = capsys.readouterr().out
    assert "[通过] 打印PDF unit-2024-minhang-ageing-center" in out
    assert "已嵌入文泉驿微米黑" in out
    assert "自检结果：安装完好" in out
    assert report.read_text(encoding="utf-8-sig").splitlines() == out.splitlines()


def test_command_modules_are_a_step(monkeypatch):
    """A frozen build that left a command module out fails its self test (it once did)."""
    assert run_step("命令行", selftest.check_commands) == selftest.StepResult(
        "命令行", PASS, "、".join(cli.COMMANDS))
    monkeypatch.setitem(cli.COMMANDS, "pdf", ("jixiao_desktop.commands.no_such_module", "打印"))
    result = run_step("命令行", selftest.check_commands)
    assert result.status == FAIL and "jixiao_desktop.commands.no_such_module" in result.detail


def test_missing_resource_fails_with_exit_code_1(capsys, monkeypatch, tmp_path):
    monkeypatch.setattr(selftest, "resource_root", lambda: tmp_path)
    monkeypatch.setattr(selftest, "resource_path", lambda *parts: tmp_path.joinpath(*parts))
    assert selftest.main(["--selftest", "--no-qt"]) == 1
    out = capsys.readouterr().out
    assert "[失败] 资源文件：资源文件缺失" in out
    assert "fonts/wqy-microhei.ttc" in out
    assert "安装有问题" in out


def test_steps_report_instead_of_raising():
    assert run_step("a", lambda: "ok") == selftest.StepResult("a", PASS, "ok")

    def broken():
        raise ZeroDivisionError("boom")

    def failed():
        raise StepFailed("坏了")

    def skipped():
        raise StepSkipped("未安装")

    assert run_step("b", broken).status == FAIL and "ZeroDivisionError: boom" in run_step("b", broken).detail
    assert run_step("c", failed).line() == "[失败] c：坏了"
    assert run_step("d", skipped).line() == "[跳过] d：未安装"


def test_later_example_steps_fail_cleanly_when_the_file_cannot_be_opened(tmp_path, monkeypatch):
    monkeypatch.setattr(selftest, "example_path", lambda name: tmp_path / "missing.jixiao")
    example = selftest.ExampleSteps(EXAMPLE_NAMES[0], tmp_path)
    assert run_step("open", example.open).status == FAIL
    for action in (example.check, example.pdf, example.excel):
        result = run_step("x", action)
        assert result.status == FAIL and "未能打开" in result.detail


def test_qt_child_that_dies_is_a_failure_with_its_message(tmp_path, monkeypatch):
    script = "import sys; sys.stderr.write('could not load the Qt platform plugin'); sys.exit(134)"
    monkeypatch.setattr(selftest, "qt_command", lambda result_file: [sys.executable, "-c", script])
    [result] = selftest.qt_results(tmp_path)
    assert result.status == FAIL
    assert "代码134" in result.detail and "platform plugin" in result.detail


def test_qt_child_command_runs_the_probe_flag(tmp_path):
    command = selftest.qt_command(tmp_path / "r.json")
    assert command[-2:] == ["--selftest-qt", str(tmp_path / "r.json")]
    proc = subprocess.run([sys.executable, "-m", "jixiao_desktop", "--selftest-qt"], capture_output=True, text=True)
    assert proc.returncode == 2 and "用法" in proc.stderr


def test_first_difference_names_the_field(example_form):
    changed = example_form.model_copy(update={"year": "1999"})
    assert selftest.first_difference(example_form, changed).startswith("year（")


def test_skip_counts_in_summary():
    outcome = selftest.Outcome([selftest.StepResult("a", PASS), selftest.StepResult("b", SKIP)])
    assert outcome.ok
    assert outcome.summary() == "自检结果：安装完好（通过 1 项，失败 0 项，跳过 1 项）"


def test_qt_child_leaving_a_helper_behind_does_not_stall_the_report(tmp_path, monkeypatch):
    """Under Windows (seen under Wine) the Qt child may start a helper that inherits its output
    handles; the self test must not wait for that helper, only for the child."""
    import json
    import os
    import signal
    import time

    pid_file = tmp_path / "helper.pid"
    script = (
        "import json, subprocess, sys\n"
        "helper = subprocess.Popen([sys.executable, '-c', 'import time; time.sleep(30)'])\n"
        f"open({str(pid_file)!r}, 'w').write(str(helper.pid))\n"
        "json.dump([{'name': '图形界面（Qt）启动', 'status': '通过', 'detail': 'ok'}],"
        " open(sys.argv[1], 'w', encoding='utf-8'))\n"
        "print('child done')\n"
    )
    monkeypatch.setattr(selftest, "qt_command", lambda result_file: [sys.executable, "-c", script, str(result_file)])
    start = time.monotonic()
    try:
        results = selftest.qt_results(tmp_path)
        assert time.monotonic() - start < 20
        assert results == [selftest.StepResult("图形界面（Qt）启动", PASS, "ok")]
    finally:
        if pid_file.exists():
            os.kill(int(pid_file.read_text()), signal.SIGKILL)
    assert json.loads((tmp_path / "qt-probe.json").read_text(encoding="utf-8"))[0]["detail"] == "ok"
