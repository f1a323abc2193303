"""Subcommands of the ``jixiao`` command line, one module each."""


def open_for_command(path):
    """Open a document for a subcommand; what had to be repaired goes to stderr as 提示.

    Raises :class:`~jixiao_desktop.storage.DocumentError` like ``load``.
    """
    import sys

    from jixiao_desktop.storage import open_document

    opened = open_document(path)
    for note in opened.repairs:
        print(f"{path}：提示：{note}", file=sys.stderr)
    return opened.form


def document_target(output, force: bool):
    """Where a subcommand writes a document: ``output`` with the .jixiao ending, or None (said on stderr)
    when a file is there and ``force`` was not given."""
    import sys
    from pathlib import Path

    from jixiao_desktop.storage import EXTENSION

    target = Path(output)
    if target.suffix.lower() != EXTENSION:
        target = target.with_name(target.name + EXTENSION)
    if target.exists() and not force:
        print(f"{target}：文件已存在，未覆盖（加 --force 覆盖）", file=sys.stderr)
        return None
    return target


def find_template(template_id: str):
    """The template (shipped or the clerk's own) of ``template_id``, or None (said on stderr, with any
    user template that was refused)."""
    import sys

    from jixiao_desktop.templates import available

    found, refused = available()
    for exc in refused:
        print(f"未采用：{exc}", file=sys.stderr)
    loaded = found.get(template_id)
    if loaded is None:
        print(f"没有编号为“{template_id}”的表样（jixiao template list 列出可用的）", file=sys.stderr)
    return loaded
