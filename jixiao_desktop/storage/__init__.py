"""Document files: the versioned JSON format, atomic saves, backups (Qt-free)."""

from jixiao_desktop.storage.docfile import (
    EXTENSION,
    DocumentError,
    backup_path,
    dumps,
    load,
    loads,
    save,
)

__all__ = ["EXTENSION", "DocumentError", "backup_path", "dumps", "load", "loads", "save"]
