import json
import subprocess
import sys

import pytest

from jixiao_desktop import __version__
from jixiao_desktop.cli import main
from jixiao_desktop.resources import example_paths


def run_cli(*args):
    return subprocess.run(
        [sys.executable, "-m", "jixiao_desktop", *args], capture_output=True, text=True, encoding="utf-8"
    )


def test_version():
    proc = run_cli("--version")
    assert proc.returncode == 0 and __version__ in proc.stdout


def test_check_json_on_every_example(capsys):
    paths = [str(p) for p in example_paths()]
    status = main(["check", "--json", *paths])
    lines = capsys.readouterr().out.strip().splitlines()
    assert len(lines) == len(paths)
    for path, line in zip(paths, lines):
        data = json.loads(line)
        assert data["file"] == path
        for finding in data["findings"]:
            assert {"rule", "severity", "location", "message"} <= finding.keys()
            assert finding["severity"] in ("error", "warning", "hint")
    assert status in (0, 1)


def test_check_exit_codes(tmp_path, capsys):
    from jixiao_desktop.forms.templates import new_form
    from jixiao_desktop.storage import save

    good = new_form("project", "2025")
    good.funding.annual.total = "100"
    good.funding.annual.county = "100"
    bad = good.model_copy(deep=True)
    bad.funding.annual.county = "90"
    save(bad, tmp_path / "bad.jixiao")
    assert main(["check", str(tmp_path / "bad.jixiao")]) == 1
    out = capsys.readouterr().out
    assert "总投入" in out and "相差10.00元" in out


def test_check_corrupt_file_exits_2_with_clear_message(tmp_path):
    path = tmp_path / "broken.jixiao"
    path.write_text('{"format": "jixiao-desktop", "schema_version": 1, "form": {"kind": "pro', encoding="utf-8")
    proc = run_cli("check", "--json", str(path))
    assert proc.returncode == 2
    data = json.loads(proc.stdout)
    assert data["file"] == str(path) and "不完整" in data["error"] and data["findings"] == []
    proc = run_cli("check", str(path))
    assert proc.returncode == 2 and "broken.jixiao" in proc.stderr


def test_bench_lists_figures():
    proc = run_cli("bench", "--only", "load_unit-*")
    assert proc.returncode == 0
    name, _, rest = proc.stdout.strip().partition("=")
    assert name == "load_unit-2024-minhang-ageing-center"
    value, unit = rest.split()
    assert float(value) > 0 and unit == "ms"


@pytest.mark.parametrize("args", [["check"], ["check", "--bogus"]])
def test_bad_usage_does_not_traceback(args):
    proc = run_cli(*args)
    assert "Traceback" not in proc.stderr


def test_output_piped_into_a_reader_that_stops_early_gives_no_traceback():
    """`jixiao check FILE | head -1`: the rest is dropped quietly."""
    import os
    import subprocess
    import sys

    from jixiao_desktop.templates import shipped_templates_dir

    example = shipped_templates_dir() / "examples" / "third-party-evaluation-wrong.jixiao"
    read_end, write_end = os.pipe()
    os.close(read_end)                  # the reader has already gone: the first write breaks the pipe
    try:
        writer = subprocess.run([sys.executable, "-m", "jixiao_desktop", "check", str(example)], stdout=write_end,
                                stderr=subprocess.PIPE, timeout=120)
    finally:
        os.close(write_end)
    assert b"Traceback" not in writer.stderr and b"BrokenPipe" not in writer.stderr
