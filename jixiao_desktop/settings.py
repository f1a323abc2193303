"""User settings (Qt-free): declared once, typed, versioned, stored as JSON.

The GUI passes the file's path (under the platform's config location); this
module knows nothing of Qt, so it is tested alone. Older files are brought up
to :data:`SETTINGS_VERSION` by the steps in :data:`UPGRADES`; a file that
cannot be read gives default settings and a logged warning (settings are never
worth refusing to start over), and the unreadable file is kept as ``.bad``.
"""

from __future__ import annotations

import json
import logging
import os
from collections.abc import Callable
from pathlib import Path
from typing import Literal

from jixiao_desktop.atomic import write_atomic
from jixiao_desktop.model import Model, ValidationError, field

log = logging.getLogger(__name__)

SETTINGS_VERSION = 2
MAX_RECENT = 10
SETTINGS_FILE = "settings.json"


class PrinterSettings(Model):
    """打印设置: what the clerk chose in the print dialog last time, offered again next time.

    The page range is not carried over by default (``page_range="all"``: every
    print starts with 全部 pages, a range chosen for one form would silently cut
    another); ``"last"`` keeps the last range when the form has those pages.
    Paper is always A4 at 100 % (the forms are laid out for it).
    """

    model_config = {"extra": "allow"}   # a newer version's keys are kept

    printer_name: str = field(default="", title="打印机")
    paper: str = field(default="A4", title="纸张")
    landscape: bool = field(default=False, title="横向")
    copies: int = field(default=1, ge=1, le=999, title="份数")
    collate: bool = field(default=True, title="逐份打印")
    duplex: Literal["none", "long", "short", "auto"] = field(default="none", title="双面打印")
    grayscale: bool = field(default=False, title="灰度")
    page_range: Literal["all", "last"] = field(default="all", title="页码范围")
    from_page: int = field(default=0, ge=0, title="上次起始页")
    to_page: int = field(default=0, ge=0, title="上次结束页")


class Settings(Model):
    model_config = {"extra": "ignore"}

    version: int = SETTINGS_VERSION
    recent_files: list[str] = field(default_factory=list, title="最近文件")
    window_geometry: str = field(default="", title="窗口位置（base64）")
    window_state: str = field(default="", title="工具栏与面板布局（base64）")
    last_folder: str = field(default="", title="上次使用的文件夹")
    autosave_seconds: int = field(default=5, ge=1, le=600, title="自动保存间隔（秒）")
    # a damaged printer entry gives default printing, not the loss of every setting
    printer: PrinterSettings = field(default_factory=PrinterSettings, title="打印设置", on_error="default")
    recent_templates: list[str] = field(default_factory=list, title="最近使用的表样")

    def add_recent(self, path: str | os.PathLike) -> None:
        """Put ``path`` first in the recent files, without duplicates, at most MAX_RECENT."""
        text = str(Path(path).resolve())
        items = [p for p in self.recent_files if not _same_path(p, text)]
        self.recent_files = [text, *items][:MAX_RECENT]

    def add_recent_template(self, template_id: str) -> None:
        """Put a template first among the recently used ones (新建 lists them first)."""
        self.recent_templates = [template_id, *(t for t in self.recent_templates if t != template_id)][:MAX_RECENT]

    def remove_recent(self, path: str | os.PathLike) -> None:
        text = str(Path(path).resolve())
        self.recent_files = [p for p in self.recent_files if not _same_path(p, text)]


def _same_path(a: str, b: str) -> bool:
    return os.path.normcase(os.path.normpath(a)) == os.path.normcase(os.path.normpath(b))


# --- upgrades: each step takes the data of version N and returns version N+1 ----
def _v1_to_v2(data: dict) -> dict:
    """Version 1 called the recent files ``recent`` and had no printer slot."""
    data = dict(data)
    if "recent" in data and "recent_files" not in data:
        data["recent_files"] = data.pop("recent")
    data.setdefault("printer", {})
    return data


UPGRADES: dict[int, Callable[[dict], dict]] = {1: _v1_to_v2}


def upgrade(data: dict) -> dict:
    version = data.get("version", 1)
    if not isinstance(version, int) or version < 1:
        version = 1
    while version < SETTINGS_VERSION:
        data = UPGRADES[version](data)
        version += 1
        data["version"] = version
    return data


def load_settings(path: str | os.PathLike) -> Settings:
    """The settings in ``path``; defaults when the file is missing or unreadable."""
    path = Path(path)
    if not path.exists():
        return Settings()
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
        if not isinstance(data, dict):
            raise ValueError("not an object")
        if data.get("version", 1) > SETTINGS_VERSION:
            log.warning("settings %s are from a newer version; newer keys are ignored", path)
            data["version"] = SETTINGS_VERSION
        return Settings.model_validate(upgrade(data))
    except (OSError, ValueError, ValidationError, KeyError):
        log.warning("settings %s unreadable; using defaults", path, exc_info=True)
        try:
            path.replace(path.with_suffix(path.suffix + ".bad"))
        except OSError:
            pass
        return Settings()


def save_settings(settings: Settings, path: str | os.PathLike) -> None:
    """Write atomically (temporary file + rename); creates the folder."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    text = settings.model_dump_json(indent=1)
    write_atomic(path, text.encode("utf-8"))
