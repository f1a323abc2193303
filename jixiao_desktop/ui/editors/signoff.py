"""签字栏: 单位负责人, 填报人, 联系电话, 填报日期."""

from __future__ import annotations

from jixiao_desktop.ui.editors.sheet import Sheet


def signoff_sheet(editor) -> Sheet:
    sheet = Sheet("签字栏")
    for location in ("signoff.unit_head", "signoff.filler", "signoff.phone", "signoff.date"):
        editor.add_line(sheet, location)
    return sheet
