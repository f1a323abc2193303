"""Document files: the versioned JSON format, atomic saves, backups (Qt-free)."""

from jixiao_desktop.storage.docfile import (
    EXTENSION,
    DocumentError,
    Opened,
    backup_path,
    dumps,
    load,
    loads,
    open_document,
    save,
)

__all__ = ["EXTENSION", "DocumentError", "Opened", "backup_path", "dumps", "load", "loads", "open_document", "save"]
