"""Printing (Qt-free): forms to A4 PDFs in their official layouts.

For the GUI (打印预览 / 打印 / 导出PDF) and the command line (``jixiao pdf``)::

    from jixiao_desktop.printing import PrintOptions, UnprintableCharacters, render_pdf, render_bytes

    result = render_pdf(form, "out.pdf", options=PrintOptions())   # path or binary stream
    data, result = render_bytes(form)                                # bytes for QtPdf's preview

- ``render_pdf(form, path_or_stream, *, options=PrintOptions()) -> RenderResult``:
  writes the PDF (a path only once it is complete). ``RenderResult`` has ``pages``,
  ``font`` (Chinese name of the font used), ``draft`` (草稿 watermark printed),
  ``fingerprint`` (the 8-hex 文档校验码 in the footer) and ``explained``
  (number of explained warnings in the appendix).
- ``PrintOptions(font="auto"|"shipped"|PATH, draft=None|True|False, appendix=True,
  grouping=None|True|False, invariant=True, report=None)``: see its docstring;
  pass ``report=`` when the checks have just run to avoid running them again.
- Errors: ``NotPrintable`` — ``UnprintableCharacters`` (a character the font
  cannot draw; ``str()`` is the Chinese message naming the characters and
  fields, ``.places`` gives ``(location, description, chars)`` to jump to) or
  ``TextTooLong`` (a text beyond ``MAX_PRINT_CHARS``, same ``.places``) —
  and ``FontUnavailable``.
  Nothing is written when they are raised.
- Rendering the largest example takes well under a second; still run it through
  the GUI's background helper.

The PDF is A4 at 100 % (portrait; landscape for a template that says so): print it with no
scaling ("实际大小").
"""

from jixiao_desktop.printing.coverage import NotPrintable, TextTooLong, UnprintableCharacters
from jixiao_desktop.printing.fonts import SHIPPED_FONT, FontUnavailable
from jixiao_desktop.printing.render import PrintOptions, RenderResult, fingerprint, render_bytes, render_pdf

__all__ = [
    "SHIPPED_FONT",
    "FontUnavailable",
    "NotPrintable",
    "PrintOptions",
    "RenderResult",
    "TextTooLong",
    "UnprintableCharacters",
    "fingerprint",
    "render_bytes",
    "render_pdf",
]
