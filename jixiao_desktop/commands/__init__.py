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
