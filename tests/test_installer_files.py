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


class _Recorder:
    """Stands in for PyInstaller's Analysis/PYZ/EXE/COLLECT: keeps what the spec passes."""

    def __init__(self, *args, **kwargs):
        self.args, self.kwargs = args, kwargs
        self.datas = [("resources/x.txt", "src", "DATA"),
                      ("PySide6/translations/qtbase_de.qm", "src", "DATA"),
                      ("PySide6/translations/qtbase_zh_CN.qm", "src", "DATA")]
        self.binaries = [("PySide6/plugins/platforms/qwindows.dll", "src", "BINARY"),
                         ("PySide6/plugins/platforms/libqeglfs.so", "src", "BINARY"),
                         ("PySide6/plugins/tls/qschannelbackend.dll", "src", "BINARY")]
        self.pure = self.scripts = []


def run_spec(tmp_path) -> dict:
    names = {"SPECPATH": str(INSTALLER), "workpath": str(tmp_path), "__file__": str(SPEC)}
    names.update({name: type(name, (_Recorder,), {}) for name in ("Analysis", "PYZ", "EXE", "COLLECT")})
    saved = list(sys.path)
    try:
        exec(compile(SPEC.read_text(encoding="utf-8"), str(SPEC), "exec"), names)  # noqa: S102 - our spec
    finally:
        sys.path[:] = saved
    return names


def test_spec_lists_every_module_from_the_source_tree(tmp_path):
    """Commands and bench providers are imported by name: the spec lists them without importing the package."""
    from jixiao_desktop.bench import PROVIDERS
    from jixiao_desktop.cli import COMMANDS

    names = run_spec(tmp_path)
    analysis = names["a"]
    hidden = set(analysis.kwargs["hiddenimports"])
    assert {module for module, _ in COMMANDS.values()} <= hidden
    assert "jixiao_desktop.ui.selftest_probe" in hidden and "jixiao_desktop" in hidden
    assert {p.split(":")[0] for p in PROVIDERS if isinstance(p, str)} <= hidden
    assert not any(name.endswith(".__init__") for name in hidden)
    # Only Chinese Qt translations, no kiosk platforms or TLS plugins (the program never uses them).
    assert [d[0] for d in analysis.datas] == ["resources/x.txt", "PySide6/translations/qtbase_zh_CN.qm"]
    assert [b[0] for b in analysis.binaries] == ["PySide6/plugins/platforms/qwindows.dll"]
    exes = [e for e in names["coll"].args if isinstance(e, names["EXE"])]
    assert [(e.kwargs["name"], e.kwargs["console"]) for e in exes] == [("jixiao", False), ("jixiao-cli", True)]


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
                 "DefaultDirName={code:DefaultAppDir}"):
        assert re.search(rf"^{re.escape(line)}\r?$", text, re.MULTILINE), line
    # {autopf} spelled out (Wine cannot resolve {userpf}): per user without admin rights, else Program Files.
    code = text.split("function DefaultAppDir", 1)[1].split("end;", 1)[0]
    admin, _, user = code.partition("else")
    assert "IsAdminInstallMode" in admin and r"{commonpf}\{#AppDirName}" in admin
    assert r"{localappdata}\Programs\{#AppDirName}" in user
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
    # Nothing installed into, or deleted from, the places where the user's documents and settings live.
    for section in ("Files", "Dirs", "InstallDelete"):
        if f"[{section}]" in text:
            for user_place in ("{userappdata}", "{localappdata}", "{userdocs}", "{commonappdata}"):
                assert not any(user_place in line for line in iss_section(section)), (section, user_place)
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
    for needed in ("build_windows.bat", "ChineseSimplified.isl", "Inno Setup", "--selftest", "build_frozen.sh",
                   "build_windows_wine.sh"):
        assert needed in section


def test_chinese_wizard_messages_ship_with_the_script():
    """installer/ChineseSimplified.isl: Inno Setup's messages in Chinese, no download needed."""
    data = (INSTALLER / "ChineseSimplified.isl").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf") and b"\r\n" in data and b"\n" not in data.replace(b"\r\n", b"")
    text = data.decode("utf-8-sig")
    text.encode("gbk")  # every character shows on a Chinese Windows
    entries = dict(re.findall(r"^(\w+)=(.*?)\r?$", text, re.MULTILINE))
    assert entries["LanguageID"] == "$0804" and entries["LanguageCodePage"] == "936"
    assert entries["ButtonNext"] == "下一步(&N) >" and entries["ButtonCancel"] == "取消"
    assert len(entries) > 250
    for name in ("PrivilegesRequiredOverrideAllUsers", "PrivilegesRequiredOverrideCurrentUser", "WizardSelectDir",
                 "ConfirmUninstall", "FinishedLabel"):
        assert re.search("[\u4e00-\u9fff]", entries[name]), name
