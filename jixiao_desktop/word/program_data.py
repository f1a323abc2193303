"""What the paper has no place for, kept inside the .docx (the Word counterpart of 填报程序数据).

The rows are those of :mod:`jixiao_desktop.excel.program_data` (位置, 类型, 值, 校验: a row applies on
import only while the form still says what it said at export, so a clerk's later edits in Word win).
They are one JSON text in a custom XML part of the package (``customXml/itemN.xml``, related from the
document as Word's own data parts are), which Word keeps when the file is edited and saved, and which
the clerk never sees.
"""

from __future__ import annotations

import json
from xml.sax.saxutils import escape

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part

NS = "urn:jixiao-desktop:program-data"
ROOT = "programData"
Rows = list[tuple[str, str, object, str]]


def embed(doc, rows: Rows) -> None:
    text = json.dumps([list(row) for row in rows], ensure_ascii=False)
    xml = (f'<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<{ROOT} xmlns="{NS}" version="1">'
           f"{escape(text)}</{ROOT}>")
    package = doc.part.package
    name = package.next_partname("/customXml/item%d.xml")
    part = Part(PackURI(name), "application/xml", xml.encode("utf-8"), package)
    doc.part.relate_to(part, RT.CUSTOM_XML)


def read(doc) -> tuple[Rows | None, list[str]]:
    """The rows kept in ``doc`` (None when it has none) and problems, in Chinese."""
    import defusedxml.ElementTree as SafeET

    for rel in list(doc.part.rels.values()):
        if rel.reltype != RT.CUSTOM_XML or rel.is_external:
            continue
        blob = rel.target_part.blob
        if NS.encode() not in blob[:400]:
            continue
        try:
            root = SafeET.fromstring(blob)
            data = json.loads(root.text or "[]")
            rows = [(str(p), str(k), v, str(c)) for p, k, v, c in data]
        except Exception:   # damaged or hand-edited: the form is read from what it shows
            return None, ["文档中保存的填报程序数据已损坏，未采用（表格内容照常读入）。"]
        return rows, []
    return None, []
