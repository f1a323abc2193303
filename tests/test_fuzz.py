"""The standing fuzz suite: damaged documents and workbooks through every entry point.

Each entry point — open, check, save, print, export, import — either works or refuses with the
program's own error type (DocumentError, ExcelError, NotPrintable, FontUnavailable) and a Chinese
message: never another exception, never a rule failing inside (internal.rule_failed), never a
hang (a time limit per case). Damage is described in tests/fuzzing.py.

CI runs a fixed set of cases (derandomized) within its time budget; ``JIXIAO_FUZZ_EXAMPLES=2000
JIXIAO_FUZZ_RANDOM=1 pytest tests/test_fuzz.py`` searches further. A case it finds goes into
tests/fixtures/reliability with a line in tests/test_reliability.py.
"""

from __future__ import annotations

import io
import os
import tempfile
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings

from jixiao_desktop.checks import run_checks
from jixiao_desktop.checks.engine import INTERNAL_RULE
from jixiao_desktop.excel import ExcelError, build_workbook, import_workbook
from jixiao_desktop.printing import FontUnavailable, NotPrintable, PrintOptions, render_bytes
from jixiao_desktop.storage import DocumentError, dumps, loads, open_document
from tests.fuzzing import (
    assert_own_refusal,
    cell_damaged_workbooks,
    damaged_documents,
    damaged_workbooks,
    time_limit,
)

pytestmark = pytest.mark.fuzz

EXAMPLES = int(os.environ.get("JIXIAO_FUZZ_EXAMPLES", "0"))
FUZZ = settings(
    max_examples=EXAMPLES or 60,
    deadline=None,
    derandomize=not os.environ.get("JIXIAO_FUZZ_RANDOM"),
    database=None,
    suppress_health_check=list(HealthCheck),
)
CASE_LIMIT = 15  # seconds per case: far above what any case takes, low enough to call it a hang
EXCEL_FIXTURES = sorted((Path(__file__).parent / "fixtures" / "excel").glob("*.xlsx"))


def _use(form, *, print_it: bool) -> None:
    """Check, save and reopen, export, print an opened form: each works or refuses cleanly."""
    report = run_checks(form)
    assert not report.by_rule(INTERNAL_RULE), [f.message for f in report.by_rule(INTERNAL_RULE)]
    text = dumps(form)
    again = loads(text)
    assert again.model_dump() == form.model_dump()
    try:
        build_workbook(form).save(io.BytesIO())
    except ExcelError as exc:
        assert_own_refusal(exc)
    if print_it:
        try:
            render_bytes(form, options=PrintOptions(report=report))
        except (NotPrintable, FontUnavailable) as exc:
            assert_own_refusal(exc)


@FUZZ
@given(damaged_documents())
def test_damaged_documents(raw: bytes):
    with tempfile.TemporaryDirectory() as folder, time_limit(CASE_LIMIT):
        path = Path(folder) / "damaged.jixiao"
        path.write_bytes(raw)
        try:
            opened = open_document(path)
        except DocumentError as exc:
            assert_own_refusal(exc)
            return
        _use(opened.form, print_it=False)


@settings(FUZZ, max_examples=EXAMPLES or 15)
@given(damaged_documents())
def test_damaged_documents_print(raw: bytes):
    try:
        form = loads(raw.decode("utf-8"))
    except (DocumentError, UnicodeDecodeError):
        return  # refusals are covered above
    with time_limit(CASE_LIMIT):
        _use(form, print_it=True)


def _import(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder, time_limit(CASE_LIMIT):
        path = Path(folder) / "damaged.xlsx"
        path.write_bytes(data)
        try:
            result = import_workbook(path)
        except ExcelError as exc:
            assert_own_refusal(exc)
            return
        assert all(isinstance(w, str) for w in result.report.warnings)
        result.report.text()
        _use(result.form, print_it=False)


@FUZZ
@given(damaged_workbooks(EXCEL_FIXTURES))
def test_damaged_workbooks(data: bytes):
    _import(data)


@settings(FUZZ, max_examples=EXAMPLES or 30)
@given(cell_damaged_workbooks(EXCEL_FIXTURES))
def test_workbooks_with_odd_cells(data: bytes):
    _import(data)
