"""Damaging documents and workbooks for the fuzz suite (tests/test_fuzz.py).

Documents are damaged at the JSON level (keys deleted, values replaced by other
types, huge or deeply nested values, texts with lone surrogates, control
characters, long number-heavy prose, rows multiplied) and at the byte level
(truncated, bytes flipped, invalid UTF-8). Workbooks are damaged at the XML
level inside the zip (cell references, style indexes, values, formulas that
refer to each other, merged ranges, truncated parts, members missing) and at
the cell level through openpyxl. Each entry point must then work or refuse
with the program's own error and a Chinese message, within a time limit.
"""

from __future__ import annotations

import contextlib
import copy
import io
import json
import re
import signal
import threading
import zipfile

from hypothesis import strategies as st

from jixiao_desktop.excel import ExcelError, build_workbook
from jixiao_desktop.printing import FontUnavailable, NotPrintable
from jixiao_desktop.resources import EXAMPLE_NAMES, example_path
from jixiao_desktop.storage import DocumentError
from jixiao_desktop.storage.docfile import form_to_data

OWN_ERRORS = (DocumentError, ExcelError, NotPrintable, FontUnavailable)
_CHINESE = re.compile(r"[\u4e00-\u9fff]")


def assert_own_refusal(exc: BaseException) -> None:
    """A refusal is the program's own error type with a Chinese message."""
    assert isinstance(exc, OWN_ERRORS), f"{type(exc).__name__}: {exc}"
    assert _CHINESE.search(str(exc)), f"message not in Chinese: {exc}"


class Hang(Exception):
    pass


@contextlib.contextmanager
def time_limit(seconds: float):
    """Raise :class:`Hang` in the test if the block runs longer than ``seconds`` (POSIX, main thread)."""
    if not hasattr(signal, "setitimer") or threading.current_thread() is not threading.main_thread():
        yield
        return

    def expire(_signum, _frame):
        raise Hang(f"took longer than {seconds} s")

    previous = signal.signal(signal.SIGALRM, expire)
    signal.setitimer(signal.ITIMER_REAL, seconds)
    try:
        yield
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, previous)


# -- documents ---------------------------------------------------------------

def example_data() -> dict[str, dict]:
    data = {}
    for name in EXAMPLE_NAMES:
        data[name] = json.loads(example_path(name).read_text(encoding="utf-8"))
    data["template-yunnan"] = _template_document()
    return data


def _template_document() -> dict:
    """A document of the shipped Yunnan template, partly filled (a TemplateForm)."""
    from jixiao_desktop.templates import available
    from jixiao_desktop.templates.document import new_document

    form = new_document(available()[0]["yunnan-project"], year="2025")
    form.content.fields.update(project_name="社区养老服务", overview="为27个社区提供服务，每个2.4万元，共64.8万元")
    form.content.tables["funding"][1].update(total="648000", county="648000")
    return json.loads(json.dumps(form_to_data(form), ensure_ascii=False))


_WEIRD_TEXT = st.sampled_from([
    "", " ", "\ud800", "a\udfffb", "\x00", "\x0b\x0c", "\u202e", "𠀀😀", "\ufeff",
    "1" * 60, "1111111111111111111亿", "9" * 31 + "元", "1e28", "NaN", "-0", "１２３４５６万元",
    "12万元+" * 800, "共计" * 300, "市、区按3:7承担" * 200, "1-" * 2000, "市" * 3000 + "3:7",
    "≥" * 50, "80-89周岁", "2023.07-2024.01", "=SUM(A1:B2)", "<b>&amp;</b>", "%", "0:0",
    "0.000000001万元", "1,2,3,4,5,6,7", "1" * 5000,
])
_TEXT = st.one_of(st.text(max_size=40), _WEIRD_TEXT,
                  st.text(st.sampled_from(list("0123456789.,万元个人月年%:：共计其余按市区县各配套承担约每/×*")), max_size=200))
_SCALAR = st.one_of(st.none(), st.booleans(), st.integers(-10**30, 10**30), st.floats(allow_nan=False), _TEXT)
_JSON = st.recursive(_SCALAR, lambda inner: st.one_of(st.lists(inner, max_size=4),
                                                       st.dictionaries(st.text(max_size=8), inner, max_size=4)),
                     max_leaves=8)


def _places(node, path=()):
    """Every (container, key) in a JSON tree."""
    if isinstance(node, dict):
        for key, value in node.items():
            yield node, key
            yield from _places(value, path + (key,))
    elif isinstance(node, list):
        for index, value in enumerate(node):
            yield node, index
            yield from _places(value, path + (index,))


@st.composite
def damaged_documents(draw) -> bytes:
    """The bytes of a damaged document file."""
    bases = example_data()
    data = copy.deepcopy(bases[draw(st.sampled_from(sorted(bases)))])
    for _ in range(draw(st.integers(1, 4))):
        places = list(_places(data["form"]))
        container, key = draw(st.sampled_from(places))
        op = draw(st.sampled_from(["replace", "text", "delete", "multiply", "deep", "type"]))
        value = container[key]
        if op == "replace":
            container[key] = draw(_JSON)
        elif op == "text" or (op == "type" and isinstance(value, str)):
            container[key] = draw(_TEXT) if op == "text" else draw(st.sampled_from([1, 2.5, None, [], {}, True]))
        elif op == "delete":
            if isinstance(container, dict):
                del container[key]
            else:
                container.pop(key)
        elif op == "multiply" and isinstance(value, list) and value:
            container[key] = value * draw(st.integers(2, 30))
        elif op == "deep":  # written into the text below: too deep for json.dumps itself
            container[key] = f"__DEEP_{draw(st.sampled_from([5, 50, 3000]))}__"
        elif op == "type":
            container[key] = str(value)
    text = json.dumps(data, ensure_ascii=draw(st.booleans()), indent=draw(st.sampled_from([None, 1])))
    text = re.sub(r'"__DEEP_(\d+)__"', lambda m: "[" * int(m[1]) + '"x"' + "]" * int(m[1]), text)
    if draw(st.integers(0, 9)) == 0:  # a number too long for Python's int(), written into the text
        text = text.replace('"schema_version": 1', '"schema_version": 1, "x": ' + "7" * 5000, 1)
    raw = text.encode("utf-8", "surrogatepass")
    damage = draw(st.sampled_from(["none", "none", "none", "truncate", "flip", "insert"]))
    if damage == "truncate":
        raw = raw[: draw(st.integers(0, len(raw)))]
    elif damage == "flip":
        at = draw(st.integers(0, len(raw) - 1))
        raw = raw[:at] + bytes([raw[at] ^ draw(st.integers(1, 255))]) + raw[at + 1:]
    elif damage == "insert":
        at = draw(st.integers(0, len(raw)))
        raw = raw[:at] + draw(st.binary(min_size=1, max_size=8)) + raw[at:]
    return raw


# -- workbooks ---------------------------------------------------------------

_BASE_WORKBOOKS: dict[str, bytes] = {}


def base_workbooks(extra_paths=()) -> dict[str, bytes]:
    """Exported examples and the bureau-style fixtures, as bytes (built once)."""
    if not _BASE_WORKBOOKS:
        from jixiao_desktop.storage import load

        for name in EXAMPLE_NAMES:
            buffer = io.BytesIO()
            build_workbook(load(example_path(name))).save(buffer)
            _BASE_WORKBOOKS[name] = buffer.getvalue()
        for path in extra_paths:
            _BASE_WORKBOOKS[path.name] = path.read_bytes()
    return _BASE_WORKBOOKS


_CELL_REF = st.one_of(
    st.builds(lambda c, r: f"{c}{r}", st.sampled_from(["A", "B", "C", "Z", "AA", "XFD", "XFE", "a", ""]),
              st.sampled_from(["1", "2", "10", "0", "-1", "1A", "99999999", "1" * 30, ""])),
    st.text(max_size=6),
)
_VALUE_TEXT = st.one_of(st.sampled_from(["1e28", "1e308", "inf", "nan", "-0", "1" * 40, "", "abc", "1.5", "45657",
                                         "99999999999999999999999", "0.1234567890123"]),
                        st.text(st.sampled_from(list("0123456789.-eE+")), max_size=12))


@st.composite
def damaged_workbooks(draw, extra_paths=()) -> bytes:
    """The bytes of a damaged .xlsx."""
    bases = base_workbooks(extra_paths)
    data = bases[draw(st.sampled_from(sorted(bases)))]
    source = zipfile.ZipFile(io.BytesIO(data))
    members = {info.filename: source.read(info.filename) for info in source.infolist()}
    sheets = sorted(n for n in members if n.startswith("xl/worksheets/") and n.endswith(".xml"))
    for _ in range(draw(st.integers(1, 3))):
        op = draw(st.sampled_from(["ref", "style", "value", "formula", "cycle", "merge", "truncate", "drop",
                                   "flip", "type"]))
        name = draw(st.sampled_from(sheets)) if op not in ("drop", "flip") else draw(st.sampled_from(sorted(members)))
        if name not in members:
            continue
        text = members[name].decode("utf-8", "surrogateescape")
        if op == "ref":
            text = _sub_one(draw, text, r'<c r="[^"]*"', lambda m: f'<c r="{draw(_CELL_REF)}"')
        elif op == "style":
            text = _sub_one(draw, text, r'<c ([^>]*?)s="\d+"',
                            lambda m: f'<c {m[1]}s="{draw(st.sampled_from(["999", "-1", "x", "1" * 20]))}"')
        elif op == "value":
            text = _sub_one(draw, text, r"<v>[^<]*</v>", lambda m: f"<v>{draw(_VALUE_TEXT)}</v>")
        elif op == "type":
            text = _sub_one(draw, text, r' t="\w+"', lambda m: f' t="{draw(st.sampled_from(["n", "s", "b", "e", "d", "str", "zz"]))}"')
        elif op == "formula":
            text = _sub_one(draw, text, r"<v>[^<]*</v>",
                            lambda m: f"<f>{draw(st.sampled_from(['SUM(A1:XFD1048576)', 'A1+B1', 'SUM(B2:C2)', '1/0', 'SUM(', '=A1']))}</f><v></v>")
        elif op == "cycle":
            cells = "".join(f'<c r="{c}40"><f>SUM(B40:{chr(ord(c) + 1)}40)+{c}40</f></c>' for c in "BCDEF")
            text = text.replace("</sheetData>", f'<row r="40">{cells}</row></sheetData>', 1)
        elif op == "merge":
            count = draw(st.sampled_from([1, 50, 500]))
            merges = "".join(f'<mergeCell ref="A{i + 1}:BL3000"/>' for i in range(count))
            if "<mergeCells" in text:
                text = text.replace("</mergeCells>", merges + "</mergeCells>", 1)
            else:
                text = text.replace("</sheetData>", f"</sheetData><mergeCells>{merges}</mergeCells>", 1)
        elif op == "truncate":
            text = text[: draw(st.integers(0, len(text)))]
        elif op == "drop":
            del members[name]
            continue
        elif op == "flip":
            raw = bytearray(members[name])
            if raw:
                at = draw(st.integers(0, len(raw) - 1))
                raw[at] ^= draw(st.integers(1, 255))
            members[name] = bytes(raw)
            continue
        members[name] = text.encode("utf-8", "surrogateescape")
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as target:
        for name, content in members.items():
            target.writestr(name, content)
    return out.getvalue()


def _sub_one(draw, text: str, pattern: str, make) -> str:
    matches = list(re.finditer(pattern, text))
    if not matches:
        return text
    match = draw(st.sampled_from(matches))
    return text[: match.start()] + make(match) + text[match.end():]


@st.composite
def cell_damaged_workbooks(draw, extra_paths=()) -> bytes:
    """A workbook whose cells were overwritten through openpyxl with odd values."""
    import openpyxl

    bases = base_workbooks(extra_paths)
    wb = openpyxl.load_workbook(io.BytesIO(bases[draw(st.sampled_from(sorted(bases)))]))
    ws = wb.worksheets[draw(st.integers(0, len(wb.worksheets) - 1))]
    values = st.one_of(
        st.integers(-10**30, 10**30), st.floats(allow_nan=False, allow_infinity=False), st.booleans(),
        st.sampled_from(["=SUM(A1:A3)", "=B5+C5", "=A1", "=SUM(C12:C12)", "1-12月", "≥100%", "合计", "小计", "",
                         "项目名称", "一级指标", "金额单位：万元", "12万元+" * 300]),
        st.text(max_size=30).map(lambda s: "".join(ch for ch in s if ch.isprintable())),
    )
    for _ in range(draw(st.integers(1, 12))):
        row = draw(st.integers(1, max(ws.max_row, 1) + 2))
        col = draw(st.integers(1, max(ws.max_column, 1) + 1))
        with contextlib.suppress(AttributeError):  # a merged child cell cannot be written
            ws.cell(row=row, column=col).value = draw(values)
    if draw(st.booleans()):
        r0, c0 = draw(st.integers(1, 30)), draw(st.integers(1, 8))
        with contextlib.suppress(Exception):
            ws.merge_cells(start_row=r0, start_column=c0, end_row=r0 + draw(st.integers(0, 5)),
                           end_column=c0 + draw(st.integers(0, 3)))
    buffer = io.BytesIO()
    wb.save(buffer)
    return buffer.getvalue()


def document_bytes(form) -> bytes:
    return json.dumps(form_to_data(form), ensure_ascii=False).encode("utf-8")
