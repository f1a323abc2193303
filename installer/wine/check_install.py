"""Check what the setup program left on a Windows system (run by the Windows Python, under Wine).

    python check_install.py installed   --scope user|all --app-dir DIR
    python check_install.py uninstalled --scope user|all --app-dir DIR --keep FILE [--keep FILE ...]

``installed``: the program folder, the Start-menu and desktop shortcuts, the ``.jixiao`` file type
(HKCU or HKLM ``Software\\Classes`` by scope) and the uninstall entry are all there and point at the
installed ``jixiao.exe``. ``uninstalled``: all of that is gone, while every ``--keep`` file (the
user's documents and settings) is still there. Prints one line per check; exit 1 when one failed.
Standard library only: this runs in the bare Windows Python that builds the bundle.
"""

from __future__ import annotations

import argparse
import os
import sys
import winreg
from pathlib import Path

APP_NAME = "绩效目标表填报"
APP_ID = "{387A71C4-F360-4CF9-BF8E-A1D1973711C4}_is1"
EXTENSION = ".jixiao"
PROG_ID = "JixiaoDesktop.Document"
SHORTCUTS = (APP_NAME, "检查安装是否完好", f"卸载 {APP_NAME}")

failures: list[str] = []


def check(ok: bool, what: str) -> None:
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures.append(what)


def root_key(scope: str) -> int:
    return winreg.HKEY_CURRENT_USER if scope == "user" else winreg.HKEY_LOCAL_MACHINE


def read_value(scope: str, subkey: str, name: str = "") -> str | None:
    try:
        with winreg.OpenKey(root_key(scope), subkey) as key:
            return winreg.QueryValueEx(key, name)[0]
    except OSError:
        return None


def key_exists(scope: str, subkey: str) -> bool:
    try:
        winreg.OpenKey(root_key(scope), subkey).Close()
        return True
    except OSError:
        return False


def start_menu(scope: str) -> Path:
    base = os.environ["APPDATA"] if scope == "user" else os.environ.get("ProgramData", r"C:\ProgramData")
    return Path(base) / "Microsoft" / "Windows" / "Start Menu" / "Programs" / APP_NAME


def desktop(scope: str) -> Path:
    if scope == "user":
        return Path(os.environ["USERPROFILE"]) / "Desktop"
    return Path(os.environ.get("PUBLIC", r"C:\users\Public")) / "Desktop"


def shortcut_target_mentions(link: Path, name: str) -> bool:
    """A .lnk stores its target path; look for the file name in it (ANSI or UTF-16)."""
    data = link.read_bytes()
    return name.encode("ascii") in data or name.encode("utf-16-le") in data


def installed(scope: str, app_dir: Path) -> None:
    for name in ("jixiao.exe", "jixiao-cli.exe", "unins000.exe", r"_internal\resources\icons\jixiao-document.ico",
                 r"_internal\resources\fonts\wqy-microhei.ttc"):
        check((app_dir / name).is_file(), f"program file {app_dir / name}")
    for name in SHORTCUTS:
        link = start_menu(scope) / f"{name}.lnk"
        target = "unins000.exe" if name.startswith("卸载") else "jixiao.exe"
        check(link.is_file() and shortcut_target_mentions(link, target), f"Start-menu shortcut {link} → {target}")
    link = desktop(scope) / f"{APP_NAME}.lnk"
    check(link.is_file() and shortcut_target_mentions(link, "jixiao.exe"), f"desktop shortcut {link}")

    classes = r"Software\Classes"
    exe = str(app_dir / "jixiao.exe")
    check(read_value(scope, rf"{classes}\{EXTENSION}") == PROG_ID, f"{EXTENSION} → {PROG_ID}")
    command = read_value(scope, rf"{classes}\{PROG_ID}\shell\open\command")
    check(command == f'"{exe}" "%1"', f"open command {command!r}")
    icon = read_value(scope, rf"{classes}\{PROG_ID}\DefaultIcon")
    check(icon is not None and Path(icon).is_file(), f"document icon {icon!r}")
    check(read_value(scope, rf"{classes}\{PROG_ID}") == "绩效目标表文件", "document type name")

    uninstall = rf"Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"
    check(read_value(scope, uninstall, "DisplayName") == APP_NAME, "Apps & features entry (DisplayName)")
    uninstaller = (read_value(scope, uninstall, "UninstallString") or "").strip('"')
    check(Path(uninstaller) == app_dir / "unins000.exe", f"UninstallString {uninstaller!r}")


def uninstalled(scope: str, app_dir: Path, keep: list[Path]) -> None:
    check(not (app_dir / "jixiao.exe").exists() and not (app_dir / "_internal").exists(),
          f"program folder {app_dir} removed")
    check(not start_menu(scope).exists(), f"Start-menu folder {start_menu(scope)} removed")
    check(not (desktop(scope) / f"{APP_NAME}.lnk").exists(), "desktop shortcut removed")
    classes = r"Software\Classes"
    check(not key_exists(scope, rf"{classes}\{PROG_ID}"), f"{PROG_ID} removed")
    check(read_value(scope, rf"{classes}\{EXTENSION}") is None, f"{EXTENSION} no longer names {PROG_ID}")
    check(not key_exists(scope, rf"Software\Microsoft\Windows\CurrentVersion\Uninstall\{APP_ID}"),
          "Apps & features entry removed")
    for path in keep:
        check(path.is_file() and path.stat().st_size > 0, f"user file kept: {path}")


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("state", choices=("installed", "uninstalled"))
    parser.add_argument("--scope", choices=("user", "all"), required=True)
    parser.add_argument("--app-dir", type=Path, required=True)
    parser.add_argument("--keep", type=Path, action="append", default=[])
    args = parser.parse_args(argv)
    if args.state == "installed":
        installed(args.scope, args.app_dir)
    else:
        uninstalled(args.scope, args.app_dir, args.keep)
    print(f"{args.state} ({args.scope}): {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.stdout.reconfigure(errors="backslashreplace")
    sys.exit(main(sys.argv[1:]))
