"""Settings: typed, versioned, upgraded from older files, never a reason not to start."""

from __future__ import annotations

import json

from jixiao_desktop.settings import MAX_RECENT, SETTINGS_VERSION, Settings, load_settings, save_settings


def test_missing_file_gives_defaults(tmp_path):
    settings = load_settings(tmp_path / "none.json")
    assert settings == Settings()
    assert settings.version == SETTINGS_VERSION


def test_round_trip(tmp_path):
    path = tmp_path / "cfg" / "settings.json"
    settings = Settings(last_folder=str(tmp_path), window_geometry="AAAA")
    settings.add_recent(tmp_path / "a.jixiao")
    settings.printer.printer_name = "办公室打印机"
    save_settings(settings, path)
    again = load_settings(path)
    assert again == settings
    assert again.printer.printer_name == "办公室打印机"


def test_recent_files_unique_newest_first_and_capped(tmp_path):
    settings = Settings()
    for i in range(MAX_RECENT + 3):
        settings.add_recent(tmp_path / f"{i}.jixiao")
    settings.add_recent(tmp_path / "5.jixiao")
    assert len(settings.recent_files) == MAX_RECENT
    assert settings.recent_files[0].endswith("5.jixiao")
    assert sum(p.endswith("5.jixiao") for p in settings.recent_files) == 1
    settings.remove_recent(tmp_path / "5.jixiao")
    assert not any(p.endswith("5.jixiao") for p in settings.recent_files)


def test_version_1_is_upgraded(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 1, "recent": ["C:/表格/甲.jixiao"], "last_folder": "C:/表格"}),
                    encoding="utf-8")
    settings = load_settings(path)
    assert settings.version == SETTINGS_VERSION
    assert settings.recent_files == ["C:/表格/甲.jixiao"]
    assert settings.last_folder == "C:/表格"


def test_corrupt_file_gives_defaults_and_is_kept_aside(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text("{not json", encoding="utf-8")
    assert load_settings(path) == Settings()
    assert (tmp_path / "settings.json.bad").read_text(encoding="utf-8") == "{not json"


def test_newer_version_keeps_known_keys(tmp_path):
    path = tmp_path / "settings.json"
    path.write_text(json.dumps({"version": 99, "last_folder": "D:/x", "future_key": 1}), encoding="utf-8")
    settings = load_settings(path)
    assert settings.last_folder == "D:/x"
