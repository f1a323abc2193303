"""The installer files fit the program: files they name exist, versions and the extension match."""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest
from PIL import Image

from jixiao_desktop import __version__
from jixiao_desktop.storage import EXTENSION

ROOT = Path(__file__).resolve().parent.parent
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "jixiao.spec"
ISS = INSTALLER / "jixiao.iss"

sys.path.insert(0, str(INSTALLER))
import version_info  # noqa: E402


def iss_text() -> str:
    data = ISS.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf"), "Inno Setup reads non-ASCII scripts as UTF-8 only with a BOM"
    return data.decode("utf-8-sig")


def iss_defines() -> dict[str, str]:
    return dict(re.findall(r'^#define (\w+) "([^"]*)"', iss_text(), re.MULTILINE))


def iss_section(name: str) -> list[str]:
    match = re.search(rf"^\[{name}\]\r?\n(.*?)(?=^\[|\Z)", iss_text(), re.MULTILINE | re.DOTALL)
    assert match, f"[{name}] missing"
    return [line for line in match.group(1).splitlines() if line.strip() and not line.startswith(";")]


# --- the PyInstaller spec --------------------------------------------------------
def test_spec_names_existing_files():
    text = SPEC.read_text(encoding="utf-8")
    for parts in re.findall(r'ROOT((?: / "[^"]+")+)', text):
        path = ROOT.joinpath(*re.findall(r'"([^"]+)"', parts))
        assert path.exists(), path
    assert '(str(ROOT / "resources"), "resources")' in text  # where resource_root() looks when frozen
    assert 'APP = "jixiao"' in text and 'CLI = "jixiao-cli"' in text


def test_spec_keeps_unused_qt_out():
    text = SPEC.read_text(encoding="utf-8")
    for module in ("QtWebEngineCore", "QtWebEngineWidgets", "Qt3DCore", "QtQuick", "QtQml", "QtMultimedia"):
        assert f'"{module}"' in text
    assert "collect_submodules(\"jixiao_desktop\")" in text  # commands are imported by name


def test_frozen_resource_root(monkeypatch, tmp_path):
    from jixiao_desktop import resources

    monkeypatch.setattr(sys, "frozen", True, raising=False)
    monkeypatch.setattr(sys, "_MEIPASS", str(tmp_path), raising=False)
    assert resources.resource_root() == tmp_path / "resources"


def test_version_resource_matches_package():
    assert version_info.read_version() == __version__
    text = version_info.version_file_text(__version__, "jixiao.exe")

    def record(name):
        return lambda *args, **kwargs: (name, args, kwargs)

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct",
             "VarFileInfo", "VarStruct")
    tree = eval(text, {name: record(name) for name in names})  # noqa: S307 - our own generated text
    fixed = tree[2]["ffi"][2]
    numbers = tuple(int(n) for n in re.findall(r"\d+", __version__)[:4])
    assert fixed["filevers"][: len(numbers)] == numbers == fixed["prodvers"][: len(numbers)]
    strings = dict(s[1] for s in tree[2]["kids"][0][1][0][0][1][1])
    assert strings["ProductVersion"] == strings["FileVersion"] == __version__
    assert strings["OriginalFilename"] == "jixiao.exe"


@pytest.mark.parametrize("text, expected", [("1.2.3", (1, 2, 3, 0)), ("0.1.0rc1", (0, 1, 0, 0)),
                                            ("2.0", (2, 0, 0, 0)), ("1.2.3.4.5", (1, 2, 3, 4))])
def test_version_tuple(text, expected):
    assert version_info.version_tuple(text) == expected


# --- the Inno Setup script -------------------------------------------------------
def test_iss_setup_directives():
    text = iss_text()
    assert re.search(r"^AppId=\{\{[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}\}\r?$", text, re.MULTILINE)
    for line in ("PrivilegesRequired=lowest", "PrivilegesRequiredOverridesAllowed=dialog", "ChangesAssociations=yes",
                 r"DefaultDirName={autopf}\{#AppDirName}"):
        assert re.search(rf"^{re.escape(line)}\r?$", text, re.MULTILINE), line
    assert "ChineseSimplified.isl" in text


def test_iss_matches_program_and_spec():
    defines = iss_defines()
    assert defines["DocExtension"] == EXTENSION
    assert defines["AppExeName"] == "jixiao.exe"
    # Files the script takes from the repository exist; the document icon lands where the spec puts resources.
    assert (INSTALLER / "../resources/icons/jixiao.ico").resolve().is_file()
    icon = defines["DocIcon"].replace("\\", "/")
    assert icon.startswith("_internal/resources/")
    assert (ROOT / icon.removeprefix("_internal/")).is_file()
    assert "AppVersion" not in defines  # taken from the built jixiao.exe or /DAppVersion, never stale


def test_iss_association_and_uninstall_keep_user_data():
    registry = iss_section("Registry")
    assert registry and all(line.startswith("Root: HKA;") for line in registry)
    assert any(r'Subkey: "Software\Classes\{#DocExtension}"' in line for line in registry)
    assert any(r'shell\open\command' in line and '""%1""' in line for line in registry)
    text = iss_text()
    assert "[UninstallDelete]" not in text
    for user_place in ("{userappdata}", "{localappdata}", "{userdocs}", "{commonappdata}"):
        assert user_place not in text
    icons = "\n".join(iss_section("Icons"))
    assert "{autodesktop}" in icons and "{group}" in icons and '"--selftest"' in icons


def test_build_script_runs_every_stage():
    bat = (INSTALLER / "build_windows.bat").read_bytes()
    assert b"\r\n" in bat and b"\n" not in bat.replace(b"\r\n", b"")  # cmd.exe wants CRLF
    text = bat.decode("ascii")
    for part in (r"installer\jixiao.spec", "--selftest", r"installer\jixiao.iss", "/DAppVersion=", '".[build]"'):
        assert part in text


def test_icons_have_all_sizes():
    for name in ("jixiao.ico", "jixiao-document.ico"):
        sizes = Image.open(ROOT / "resources" / "icons" / name).info["sizes"]
        assert {(s, s) for s in (16, 24, 32, 48, 64, 128, 256)} <= set(sizes)


def test_readme_has_installer_section():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    section = readme.split("## Windows installer", 1)[1]
    for needed in ("build_windows.bat", "ChineseSimplified.isl", "Inno Setup", "--selftest", "build_frozen.sh"):
        assert needed in section
