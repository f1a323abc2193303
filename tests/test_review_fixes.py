"""Defects found in the review of this session's change, each pinned by a test that failed before its fix."""

from __future__ import annotations

import pytest

from jixiao_desktop.money import read_decimal
from jixiao_desktop.resources import template_example_paths
from jixiao_desktop.selfeval.live import follow_ups
from jixiao_desktop.selfeval.sheet import indicator_lines
from jixiao_desktop.selfeval.written import equations
from jixiao_desktop.storage import load


def _selfeval():
    path = next(p for p in template_example_paths() if p.stem.endswith("correct") and
                load(p).loaded.meta.kind == "evaluation")
    return load(path)


@pytest.mark.parametrize("text", ["nan", "NaN", "inf", "Infinity", "sNaN", "1e3", "1E+30", "1_000", "--1"])
def test_read_decimal_reads_only_plain_numbers(text):
    """Decimal() takes NaN, Infinity and 1E+30; a form's number is written in digits (a NaN or 1E+30 then
    broke every sum and rounding made from it)."""
    assert read_decimal(text) is None


@pytest.mark.parametrize("text", ["12", "1,200.5", "-3", "+4.5", "0.25", ".5", "１２"])
def test_read_decimal_still_reads_what_clerks_write(text):
    assert read_decimal(text) is not None


@pytest.mark.parametrize("typed", ["nan", "inf", "1E+30", "1e999999"])
def test_typing_a_strange_number_in_a_selfeval_score_cell_loses_nothing(typed):
    """The 自评表 works its scores out on every keystroke (selfeval/live.py); a 分值 typed as NaN or 1E+30
    raised there, so the keystroke never reached the form."""
    form = _selfeval()
    line = indicator_lines(form)[0]
    for column in ("weight", "actual"):
        follow_ups(form, f"{line.location}.{column}", typed)   # no exception


def test_written_arithmetic_never_raises():
    """selfeval.written_arithmetic's equations(): “never raises” — deep parentheses and huge products did,
    and the whole rule then fell silent for the form."""
    assert isinstance(equations("(" * 600 + "1+1" + ")" * 600 + "=2"), list)
    assert isinstance(equations("×".join(["9" * 4000] * 300) + "=1"), list)


def test_a_selfevals_headings_are_read_as_everywhere_else():
    """selfeval/sheet.py filled blank 一级/二级 down its own way: a 一级 written again on every row (as Excel
    fills a merged cell) dropped the 二级 above; forms/merged_levels.py — what the checks, printing and
    Excel read — keeps it."""
    form = _selfeval()
    table = next(iter(t for t, rows in form.content.tables.items() if rows and "level1" in rows[0]))
    rows = form.content.tables[table]
    rows[1]["level1"], rows[1]["level2"] = rows[0]["level1"], ""
    first, second = indicator_lines(form)[:2]
    assert second.level1 == first.level1
    assert second.level2 == first.level2 != ""


def _reimport(form, grid_index: int = 0):
    """What the indicator-list import does with a sheet holding the grid's own indicators: entries of
    headings, name and the list's cells only (indicator_list/importing.py)."""
    from jixiao_desktop.indicator_list.grids import LIST_CELLS, Entry, list_grids

    grid = list_grids(form)[grid_index]
    grid.replace([Entry(e.level1, e.level2, e.name, {k: v for k, v in e.cells.items() if k in LIST_CELLS})
                  for e in grid.entries])


def test_an_indicator_list_import_keeps_the_cells_of_a_row_under_a_merged_heading():
    """The import keeps an indicator's other cells (实际完成值, 偏差原因, 绩效标准…) when it comes back under
    the same headings and name; a row whose 二级 was blank (merged with the one above) was not recognised —
    the list's rows carry the heading — and lost them without a word."""
    form = _selfeval()
    rows = form.content.tables["indicators"]
    assert rows[0]["level2"] == rows[1]["level2"] and rows[1]["actual"].strip()
    rows[1]["level2"] = ""
    kept = {k: rows[1][k] for k in ("actual", "deviation")}
    _reimport(form)
    again = next(r for r in form.content.tables["indicators"] if r["name"] == rows[1]["name"])
    assert {k: again[k] for k in kept} == kept


def test_a_built_in_forms_standard_survives_an_import_under_a_merged_heading():
    from jixiao_desktop.resources import example_paths

    form = load(next(p for p in example_paths() if p.stem == "project-2024-chenggong-eldercare"))
    rows = form.indicators
    index = next(i for i in range(1, len(rows)) if rows[i].annual.level2 == rows[i - 1].annual.level2
                 and rows[i].level1 in ("", rows[i - 1].level1))
    rows[index].annual.level2 = ""
    rows[index].annual.standard = "按验收报告"
    name = rows[index].annual.name
    _reimport(form)
    assert next(r.annual for r in form.indicators if r.annual.name == name).standard == "按验收报告"


def test_find_lists_only_places_a_template_documents_editor_shows():
    """查找 in a template document counted the document's own year when the template has a 年度 field of its
    own (the editor shows no place for it, so 查找下一个 landed nowhere), and the built-in forms' 填报单位 and
    sign-off, which a template document does not have."""
    from jixiao_desktop.forms import search

    for path in template_example_paths():
        form = load(path)
        if form.kind != "template":
            continue
        outside = [loc for loc, _ in search.texts(form) if not loc.startswith("content.")]
        has_year = any(f.role == "year" for s in form.loaded.template.section for f in getattr(s, "field", []))
        assert outside == ([] if has_year else ["year"]), path.stem
