"""Help (Qt-free): the explanation of every check rule and the chapters of the manual.

Both are data under ``resources/help`` (``rules.toml``, ``*.md``), read on first use.
"""
