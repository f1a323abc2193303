import json
from pathlib import Path
import os
import signal
import subprocess
import sys
import textwrap

import pytest
from hypothesis import HealthCheck, given, settings

from jixiao_desktop import atomic
from jixiao_desktop.atomic import remove_stale_temps
from jixiao_desktop.forms.templates import new_form
from jixiao_desktop.resources import example_path
from jixiao_desktop.storage import DocumentError, backup_path, dumps, load, loads, save
from jixiao_desktop.storage import docfile, migrations
from tests.strategies import forms


def test_examples_save_and_reload_identically(example_name, tmp_path):
    original = load(example_path(example_name))
    target = tmp_path / "copy.jixiao"
    save(original, target)
    again = load(target)
    assert again == original
    assert dumps(again) == example_path(example_name).read_text(encoding="utf-8")


@pytest.mark.parametrize("kind", ["project", "department", "unit"])
def test_new_forms_round_trip(kind, tmp_path):
    form = new_form(kind, "2025")
    save(form, tmp_path / "a.jixiao")
    assert load(tmp_path / "a.jixiao") == form


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(forms)
def test_random_documents_round_trip_losslessly(form):
    text = dumps(form)
    assert loads(text) == form
    assert dumps(loads(text)) == text


def test_save_keeps_previous_version_as_backup(tmp_path):
    path = tmp_path / "f.jixiao"
    first = new_form("project", "2024")
    save(first, path)
    second = new_form("project", "2025")
    save(second, path)
    assert load(path).year == "2025"
    assert load(backup_path(path)).year == "2024"


def test_failure_between_write_and_rename_leaves_old_file(tmp_path, monkeypatch):
    path = tmp_path / "f.jixiao"
    save(new_form("project", "2024"), path)
    before = path.read_bytes()

    def crash(source, target, attempts=5):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "replace", crash)
    with pytest.raises(DocumentError) as info:
        save(new_form("project", "2099"), path)
    assert "原文件未改动" in str(info.value) and str(path) in str(info.value)
    assert path.read_bytes() == before
    assert [p.name for p in tmp_path.iterdir()] == ["f.jixiao"]  # no temp file left behind


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL")
def test_process_killed_mid_save_leaves_a_readable_file(tmp_path):
    path = tmp_path / "f.jixiao"
    save(new_form("project", "2024"), path)
    script = textwrap.dedent(
        f"""
        import os, signal
        from jixiao_desktop import atomic
        from jixiao_desktop.storage import docfile
        from jixiao_desktop.forms.templates import new_form
        real = atomic.replace
        def die(source, target, attempts=5):
            if str(target).endswith(".jixiao"):
                os.kill(os.getpid(), signal.SIGKILL)   # the new data is on disk, not yet renamed
            real(source, target, attempts)
        atomic.replace = die
        docfile.save(new_form("project", "2099"), {str(path)!r})
        """
    )
    proc = subprocess.run([sys.executable, "-c", script], capture_output=True)
    assert proc.returncode == -signal.SIGKILL
    assert load(path).year == "2024"
    # The killed save left its temporary file; the next start removes it (and nothing else).
    left = sorted(p.name for p in tmp_path.iterdir())
    assert left[1:] == ["f.jixiao", "f.jixiao.bak"] and left[0].startswith(".f.jixiao.~jx"), left
    assert remove_stale_temps(tmp_path) == []  # too recent: a save may still be running
    removed = remove_stale_temps(tmp_path, older_than_s=0)
    assert [p.name for p in removed] == [left[0]]
    assert sorted(p.name for p in tmp_path.iterdir()) == ["f.jixiao", "f.jixiao.bak"]


def test_permissions_are_the_usual_ones_not_private(tmp_path):
    path = tmp_path / "f.jixiao"
    save(new_form("project"), path)
    if os.name == "posix":
        umask = os.umask(0)
        os.umask(umask)
        assert path.stat().st_mode & 0o777 == 0o666 & ~umask


@pytest.mark.parametrize(
    "content, words",
    [
        (b"", "空的"),
        (b'{"format": "jixiao-desktop", "schema_ver', "不完整"),
        (b"{not json at all}", "损坏"),
        (b"\xff\xfe\x00\x01\x02binary", "不是绩效目标表文档"),
        (b'{"hello": "world"}', "不是绩效目标表文档"),
        (b"[1, 2, 3]", "不是绩效目标表文档"),
        (b'{"format": "jixiao-desktop", "schema_version": 99, "form": {}}', "较新版本"),
        (b'{"format": "jixiao-desktop", "schema_version": "x", "form": {}}', "版本号"),
        (b'{"format": "jixiao-desktop", "schema_version": 1}', "没有表格内容"),
        (b'{"format": "jixiao-desktop", "schema_version": 1, "form": {"kind": "bogus"}}', "未知的表格类型"),
        (b'{"format": "jixiao-desktop", "schema_version": 1, "form": {"kind": "project", "year": 5}}', "year"),
    ],
)
def test_bad_files_give_clear_messages_naming_the_file(tmp_path, content, words):
    path = tmp_path / "bad.jixiao"
    path.write_bytes(content)
    with pytest.raises(DocumentError) as info:
        load(path)
    message = str(info.value)
    assert str(path) in message and words in message


def test_missing_file_and_directory(tmp_path):
    with pytest.raises(DocumentError, match="不存在"):
        load(tmp_path / "nope.jixiao")
    with pytest.raises(DocumentError, match="文件夹"):
        load(tmp_path)


def test_unknown_field_is_refused_not_dropped(tmp_path):
    data = json.loads(dumps(new_form("project")))
    data["form"]["secret_field"] = "typed by someone"
    path = tmp_path / "x.jixiao"
    path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
    with pytest.raises(DocumentError, match="多出未知的项"):
        load(path)


def test_older_versions_are_upgraded_step_by_step(monkeypatch):
    """The migration path: a file of the current version is upgraded when the program's format is newer."""
    current = migrations.SCHEMA_VERSION
    data = json.loads(dumps(new_form("project", "2024")))
    data["form"]["year_old"] = data["form"].pop("year")  # pretend the older format named the field differently

    def step(raw):
        raw["form"]["year"] = raw["form"].pop("year_old")
        return raw

    monkeypatch.setitem(migrations.MIGRATIONS, current, step)
    monkeypatch.setattr(docfile, "SCHEMA_VERSION", current + 1)
    monkeypatch.setattr(migrations, "SCHEMA_VERSION", current + 1)
    form = loads(json.dumps(data))
    assert form.year == "2024"
    assert json.loads(dumps(form))["schema_version"] == current + 1


SCHEMA1 = sorted((Path(__file__).parent / "fixtures" / "schema1").glob("*.jixiao"))


@pytest.mark.parametrize("path", SCHEMA1, ids=lambda p: p.stem)
def test_a_schema_1_document_migrates_without_losing_a_character(path):
    """Format 1 (before documents carried their template): every value as typed, the template that
    describes the form added, the same form as the shipped example of format 2."""
    from jixiao_desktop.templates.bind import bound_template

    old = json.loads(path.read_text(encoding="utf-8"))
    assert old["schema_version"] == 1
    form = load(path)
    dumped = json.loads(dumps(form))
    assert dumped["schema_version"] == migrations.SCHEMA_VERSION
    carried = {k: dumped["form"].pop(k) for k in ("template_id", "template_version", "template_text")}
    assert dumped["form"] == old["form"]
    template = bound_template(form.kind)
    assert carried == {"template_id": template.id, "template_version": template.meta.version,
                       "template_text": template.text}
    assert form == load(example_path(path.stem))


@pytest.mark.parametrize("path", SCHEMA1, ids=lambda p: p.stem)
def test_a_migrated_document_prints_the_same_text(path):
    from jixiao_desktop.printing import render_bytes
    from pypdf import PdfReader
    import io

    def text(form):
        data, _ = render_bytes(form)
        return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]

    old = json.loads(path.read_text(encoding="utf-8"))["form"]
    from jixiao_desktop.forms import validate_form

    as_typed = validate_form(old)        # the form exactly as format 1 held it
    assert text(load(path)) == text(as_typed)


def test_file_names_its_kind_first():
    text = dumps(new_form("department"))
    assert json.loads(text)["form"] and list(json.loads(text)["form"])[0] == "kind"
