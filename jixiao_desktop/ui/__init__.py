"""The Qt user interface: a thin layer over the Qt-free core."""

from jixiao_desktop.ui.qt_workarounds import guard_singleton_refcounts

guard_singleton_refcounts()  # PySide6 6.12 + Python 3.11 over-releases None and True (qt_workarounds.py)
