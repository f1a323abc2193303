"""Subcommands of the ``jixiao`` command line, one module each."""


def open_for_command(path):
    """Open a document for a subcommand; what had to be repaired goes to stderr as 提示.

    Raises :class:`~jixiao_desktop.storage.DocumentError` like ``load``.
    """
    import sys

    from jixiao_desktop.storage import DocumentError, open_document

    advice = _not_a_document(path)
    if advice:
        raise DocumentError(path, advice)
    opened = open_document(path)
    for note in opened.repairs:
        print(f"{path}：提示：{note}", file=sys.stderr)
    return opened.form


def _not_a_document(path) -> str | None:
    """What to do with a workbook (import it first) or an old Word/WPS file given where a document is wanted."""
    from pathlib import Path

    from jixiao_desktop.excel.opening import REFUSED_SUFFIXES, WORKBOOK_SUFFIXES

    suffix = Path(path).suffix.lower()
    if suffix in WORKBOOK_SUFFIXES and Path(path).is_file():
        return f"这是Excel工作簿，请先导入为表格文件：jixiao import {path} -o 表格.jixiao"
    if suffix in REFUSED_SUFFIXES and Path(path).is_file():
        from jixiao_desktop.excel import ExcelError
        from jixiao_desktop.excel.safety import inspect

        try:
            inspect(path)
        except ExcelError as exc:
            return str(exc)
    return None


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
