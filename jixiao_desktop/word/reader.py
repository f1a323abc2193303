"""``import_docx(path)``: a Word form (.docx) → a document, with the import report.

The body becomes sheet rows (:mod:`.body`) and is read by the Excel import's own readers, so a
label is matched one way whatever the file: the template (表样) is the one the file's program data
names, else the one ``template`` names, else the best match by labels
(:func:`~jixiao_desktop.excel.template_choice.choose_template`); a built-in form otherwise. The
paragraphs before a project form's table are its 申报书, read by their headings (:mod:`.narrative`).
A template's child forms (绩效目标表 per row) start at their headings, as the export writes them.
"""

from __future__ import annotations

import io
import re
import zipfile
from pathlib import Path

from jixiao_desktop.excel.cells import norm
from jixiao_desktop.excel.errors import ExcelError
from jixiao_desktop.excel.reader import ImportResult, _apply_program_data, _read_builtin
from jixiao_desktop.excel.report import ImportReport
from jixiao_desktop.excel.safety import MAX_ENTRIES, MAX_FILE_BYTES, MAX_RATIO, MAX_UNCOMPRESSED, OLE_MAGIC
from jixiao_desktop.excel.template_choice import choose_template
from jixiao_desktop.excel.template_labels import key
from jixiao_desktop.excel.template_read import read_template_sheets
from jixiao_desktop.templates.schema import ChildForms
from jixiao_desktop.word import program_data
from jixiao_desktop.word.body import Item, body_items, sheet_of
from jixiao_desktop.word.errors import WordError
from jixiao_desktop.word.narrative import read_narrative

OLD_FORMATS = (".doc", ".wps", ".dot", ".rtf")
SHEET = "Word"


def old_format_message(name: str) -> str:
    return (f"“{name}”是旧版Word文档（.doc）或WPS文档，本程序只能读取 .docx。请在Word或WPS中打开它，"
            "选“文件 → 另存为”，保存类型选“Word 文档（*.docx）”，再导入另存的文件。")


def import_docx(path: str | Path, template=None) -> ImportResult:
    """Read a .docx into a document; raises :class:`WordError` with a Chinese message."""
    path = Path(path)
    if path.suffix.lower() in OLD_FORMATS:
        raise WordError(old_format_message(path.name))
    try:
        size = path.stat().st_size
        if size > MAX_FILE_BYTES:
            raise WordError(f"“{path.name}”有{size // 1024 // 1024}MB，超过了Word表格文件可能的大小，未读取。")
        data = path.read_bytes()
    except FileNotFoundError as exc:
        raise WordError(f"无法读取文件：{path}（文件不存在）") from exc
    except PermissionError as exc:
        raise WordError(f"无法读取文件：{path}（没有读取权限，或文件正被其他程序占用）") from exc
    except OSError as exc:
        raise WordError(f"无法读取文件：{path}（{exc.strerror or exc}）") from exc
    return read_docx_bytes(data, path.name, template=template)


def read_docx_bytes(data: bytes, name: str, *, template=None, use_program_data: bool = True) -> ImportResult:
    """:func:`import_docx` of the file's bytes (``name`` is how the messages call it)."""
    doc = _open(data, name)
    report = ImportReport(source=name, medium="Word文档")
    rows = None
    try:
        if use_program_data:
            rows, problems = program_data.read(doc)
            report.warnings += problems
        items = body_items(doc)
    except Exception as exc:   # a damaged part python-docx could open but not walk
        raise WordError(f"无法读取Word文档“{name}”的内容，文件可能已损坏（{type(exc).__name__}）。") from exc
    if not items:
        raise WordError(f"Word文档“{name}”中没有任何文字或表格，无法导入。")
    try:
        loaded = choose_template(template, rows, [sheet_of(items, SHEET)], report)
        form = _template(items, loaded, report) if loaded is not None else _builtin(items, report)
        if rows is not None:
            form = _apply_program_data(form, rows, report)
    except ExcelError as exc:
        raise WordError(_word_terms(str(exc))) from exc
    report.warnings = [_word_terms(w) for w in report.warnings]
    report.missing = [_word_terms(m) for m in report.missing]
    report.guesses = [type(g)(g.where, g.text, _word_terms(g.note)) for g in report.guesses]
    return ImportResult(form, report)


def _word_terms(text: str) -> str:
    """An Excel reader's words for a Word file: no 工作簿 or 工作表 (the body is one “Word” sheet)."""
    text = re.sub(r"工作表“([^”]*)”中的", lambda m: "" if m[1] == SHEET else f"“{m[1]}”中的", text)
    return text.replace("工作簿", "Word文档").replace("张工作表", "份").replace("工作表", "部分")


def _open(data: bytes, name: str):
    from docx import Document

    if data[:8] == OLE_MAGIC:
        raise WordError(old_format_message(name))
    if not data.startswith(b"PK"):
        raise WordError(f"“{name}”不是Word文档（.docx），无法导入。")
    try:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            infos = archive.infolist()
            total = sum(i.file_size for i in infos)
            if len(infos) > MAX_ENTRIES or total > MAX_UNCOMPRESSED or total > MAX_RATIO * max(len(data), 1):
                raise WordError(f"“{name}”解压后异常庞大（可能是恶意构造的文件），已拒绝读取。")
            names = {i.filename for i in infos}
        if "word/document.xml" not in names:
            raise WordError(f"“{name}”不是Word文档（.docx）：其中没有正文，无法导入"
                            + ("（这是Excel工作簿，请用“导入Excel”）" if "xl/workbook.xml" in names else "") + "。")
        return Document(io.BytesIO(data))
    except WordError:
        raise
    except Exception as exc:   # zip, XML and package errors of every kind
        raise WordError(f"无法打开Word文档“{name}”，文件可能已损坏（{type(exc).__name__}）。"
                        "请在Word或WPS中打开并重新保存后再试。") from exc


def _form_start(items: list[Item]) -> int:
    """Where the form itself starts: its title (…绩效目标…表) or its first table."""
    for index, item in enumerate(items):
        if item.rows is not None:
            return index
        text = norm(item.text)
        if "绩效目标" in text and text.endswith(("表", "(样表)")) and len(text) < 60:
            return index
    return len(items)


def _builtin(items: list[Item], report: ImportReport):
    start = _form_start(items)
    proposal = read_narrative(items[:start], report) if start else None
    form = _read_builtin([sheet_of(items[start:] if proposal is not None else items, SHEET)], report)
    if form.kind != "project":
        _repeated_signoffs(form, report)
    if proposal is not None:
        if form.kind == "project":
            form.proposal = proposal
        else:
            report.warnings.append("文档开头有申报书各部分，而这是整体支出表（没有申报书），这些内容未导入。")
    return form


def _repeated_signoffs(form, report: ImportReport) -> None:
    """附表2/附表3 print the form's sign-off again: their labels and the same names are no content left
    unread (a name differing from the form's stays in the report)."""
    from jixiao_desktop.excel.read_project import SIGNOFF

    same = {norm(v) for v in form.signoff.model_dump().values() if isinstance(v, str) and v.strip()}
    same |= {norm(label) for label in SIGNOFF} | {"年月日"}
    kept = [u for u in report.unrecognised if norm(u.text).rstrip(":：") not in same]
    if len(kept) < len(report.unrecognised):
        report.add_guess("", f"附表的签字栏与主表相同，未重复读入（{len(report.unrecognised) - len(kept)}格）")
        report.unrecognised = kept


def _template(items: list[Item], loaded, report: ImportReport):
    """A template document: the main form, then a sheet per child form heading (``绩效目标表：名称``)."""
    labels = [key(s.label) for s in loaded.template.section if isinstance(s, ChildForms)]
    groups: list[tuple[str, list[Item]]] = [(SHEET, [])]
    for item in items:
        k = key(item.text) if item.rows is None else ""
        if k and any(label and k.startswith((label + ":", label + "(第")) for label in labels):
            groups.append((item.text.strip()[:80], []))
            continue
        groups[-1][1].append(item)
    return read_template_sheets([sheet_of(group, name) for name, group in groups], loaded, report)
