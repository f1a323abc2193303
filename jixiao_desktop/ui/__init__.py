"""The Qt user interface: a thin layer over the Qt-free core."""

from jixiao_desktop.ui.qt_workarounds import guard_none_refcount

guard_none_refcount()  # PySide6 6.12 + Python 3.11: processEvents() over-releases None
