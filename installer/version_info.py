"""The Windows version resource (VSVersionInfo) of the executables, from the package version.

Used by ``jixiao.spec``; also importable alone (tests). The version is read from
``jixiao_desktop/__init__.py`` as text, so building does not import the package.
"""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCT_NAME = "绩效目标表桌面填报"
DESCRIPTION = "绩效目标表填报"
COMPANY = "jixiao-desktop"
# 0x0804 = Chinese (PRC), 0x04B0 = 1200 = Unicode.
LANGUAGE, CODEPAGE = 0x0804, 0x04B0


def read_version(root: Path = ROOT) -> str:
    text = (root / "jixiao_desktop" / "__init__.py").read_text(encoding="utf-8")
    match = re.search(r'^__version__\s*=\s*["\']([^"\']+)["\']', text, re.MULTILINE)
    if not match:
        raise ValueError("jixiao_desktop/__init__.py has no __version__")
    return match.group(1)


def version_tuple(version: str) -> tuple[int, int, int, int]:
    """``"1.2.3rc1"`` → ``(1, 2, 3, 0)``: the leading number of each part, padded to four."""
    numbers = [int(m.group()) for part in version.split(".")[:4] if (m := re.match(r"\d+", part))]
    return tuple((numbers + [0, 0, 0, 0])[:4])


def version_file_text(version: str, exe_name: str = "jixiao.exe") -> str:
    """The version resource in PyInstaller's text format (what ``pyi-grab_version`` writes)."""
    numbers = version_tuple(version)
    strings = {
        "CompanyName": COMPANY,
        "FileDescription": DESCRIPTION,
        "FileVersion": version,
        "InternalName": Path(exe_name).stem,
        "LegalCopyright": "",
        "OriginalFilename": exe_name,
        "ProductName": PRODUCT_NAME,
        "ProductVersion": version,
    }
    table = ",\n".join(f"          StringStruct({k!r}, {v!r})" for k, v in strings.items())
    return f"""# UTF-8
VSVersionInfo(
  ffi=FixedFileInfo(
    filevers={numbers},
    prodvers={numbers},
    mask=0x3f,
    flags=0x0,
    OS=0x40004,
    fileType=0x1,
    subtype=0x0,
    date=(0, 0)
  ),
  kids=[
    StringFileInfo([
      StringTable(
        '{LANGUAGE:04x}{CODEPAGE:04x}',
        [
{table}
        ])
    ]),
    VarFileInfo([VarStruct('Translation', [{LANGUAGE}, {CODEPAGE}])])
  ]
)
"""


def write_version_file(folder: Path, version: str, exe_name: str) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"version-{Path(exe_name).stem}.txt"
    path.write_text(version_file_text(version, exe_name), encoding="utf-8")
    return path
