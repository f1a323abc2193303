"""Where the program keeps its files: settings, recovery copies, logs, the user's library.

:meth:`AppPaths.standard` asks Qt for the platform's locations (on Windows
``%LOCALAPPDATA%\\jixiao\\jixiao-desktop`` and the like); tests pass folders of
their own, so nothing a test does touches the user's real settings.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QStandardPaths

from jixiao_desktop.settings import SETTINGS_FILE


@dataclass(frozen=True)
class AppPaths:
    config_dir: Path
    data_dir: Path

    @classmethod
    def standard(cls) -> AppPaths:
        """The platform's locations (needs the application's names set first)."""
        config = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppConfigLocation)
        data = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.AppDataLocation)
        return cls(Path(config), Path(data))

    @classmethod
    def under(cls, root: str | Path) -> AppPaths:
        """Everything under one folder (tests, benchmarks, portable use)."""
        root = Path(root)
        return cls(root / "config", root / "data")

    @property
    def settings_file(self) -> Path:
        return self.config_dir / SETTINGS_FILE

    @property
    def recovery_dir(self) -> Path:
        return self.data_dir / "recovery"

    @property
    def log_dir(self) -> Path:
        return self.data_dir / "logs"

    @property
    def user_library(self) -> Path:
        from jixiao_desktop.library import USER_LIBRARY_FILE   # the library loads when first used

        return self.data_dir / USER_LIBRARY_FILE
