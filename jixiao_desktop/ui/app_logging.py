"""Logging to a file under the user's data folder (rotated, UTF-8)."""

from __future__ import annotations

import logging
from logging.handlers import RotatingFileHandler
from pathlib import Path

LOG_FILE = "jixiao.log"


def setup_logging(log_dir: Path, level: int = logging.INFO) -> Path | None:
    """Send the program's log to ``log_dir/jixiao.log``; returns its path (None if unwritable)."""
    root = logging.getLogger()
    root.setLevel(min(root.level or level, level))
    try:
        log_dir.mkdir(parents=True, exist_ok=True)
        path = log_dir / LOG_FILE
        handler = RotatingFileHandler(path, maxBytes=1_000_000, backupCount=3, encoding="utf-8")
    except OSError:
        logging.getLogger(__name__).warning("cannot write a log file in %s", log_dir, exc_info=True)
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
    root.addHandler(handler)
    return path
