"""新建自评表 from a declared form with several projects: the clerk chooses which one is evaluated, and that
project's own name, goal, budget and indicators travel in (not the first table's, not the parent's)."""

from __future__ import annotations

import pytest

from jixiao_desktop.cli import main
from jixiao_desktop.selfeval.new import declared_grids, default_evaluation, selfeval_from
from jixiao_desktop.storage import load, save
from jixiao_desktop.templates import available, shipped_templates_dir
from tests.conftest import load_example

EXAMPLES = shipped_templates_dir() / "examples"


def _evaluation():
    return available()[0]["mof-selfeval-project"]


def test_a_departments_special_fund_is_evaluated_with_its_own_budget_and_targets():
    declared = load_example("department-2023-shifeng-civil-affairs")
    grids = declared_grids(declared)
    index = next(i for i, g in enumerate(grids) if g.path.startswith("special_funds[1]"))
    fund = declared.special_funds[1]
    form, notes = selfeval_from(declared, _evaluation(), index)
    fields = form.content.fields
    assert fields["project_name"] == grids[index].project
    assert fields["annual_goal"] == (fund.detail.annual_goal or fund.annual_goal).strip()
    names = [r["name"] for r in form.content.tables["indicators"]]
    assert names == [e.name for e in grids[index].entries]
    assert form.content.tables["budget"][0]["full"]          # the fund's amount, not the department's total
    assert any(grids[index].label in n and grids[0].label in n for n in notes)


def test_a_child_form_is_evaluated_as_its_own_project():
    declared = load(EXAMPLES / "county-distribution-correct.jixiao")
    grids = declared_grids(declared)
    assert len(grids) > 1
    form, _ = selfeval_from(declared, _evaluation(), 1)
    assert form.content.fields["project_name"] == grids[1].project
    assert [r["name"] for r in form.content.tables["indicators"]] == [e.name for e in grids[1].entries]


def test_the_command_line_chooses_a_table_and_lists_them_when_there_is_none_such(tmp_path, capsys):
    declared = tmp_path / "dept.jixiao"
    save(load_example("department-2023-shifeng-civil-affairs"), declared, backup=False)
    out = tmp_path / "eval.jixiao"
    assert main(["selfeval", "new", str(declared), "-o", str(out), "--table", "3"]) == 0
    grids = declared_grids(load(declared))
    assert load(out).content.fields["project_name"] == grids[2].project
    assert main(["selfeval", "new", str(declared), "-o", str(tmp_path / "x.jixiao"), "--table", "99"]) == 2
    err = capsys.readouterr().err
    assert "没有第99张" in err and grids[1].label in err


def test_the_default_evaluation_template_is_the_one_that_takes_the_declared_budget():
    templates = available()[0]
    assert default_evaluation(templates) == "mof-selfeval-project"
    only_third_party = {k: v for k, v in templates.items() if k == "third-party-evaluation"}
    assert default_evaluation(only_third_party) is None


def _declared_examples():
    from jixiao_desktop.resources import EXAMPLE_NAMES, example_path

    out = [example_path(name) for name in EXAMPLE_NAMES]
    for path in sorted(EXAMPLES.glob("*-correct.jixiao")):
        form = load(path)
        if getattr(getattr(form, "loaded", None), "meta", None) is None or form.loaded.meta.kind != "evaluation":
            out.append(path)
    return out


DECLARED = _declared_examples()


@pytest.mark.parametrize("path", DECLARED, ids=lambda p: p.stem)
def test_selfeval_new_from_every_example_form_on_the_command_line(tmp_path, path):
    out = tmp_path / "eval.jixiao"
    assert main(["selfeval", "new", str(path), "-o", str(out)]) == 0
    form = load(out)
    grids = declared_grids(load(path))
    assert form.loaded.meta.kind == "evaluation"
    assert len([r for r in form.content.tables["indicators"] if r.get("name") or r.get("value")]) == \
        (len(grids[0].entries) if grids else 0)


@pytest.mark.gui
def test_selfeval_new_from_every_example_form_in_the_window(make_window, monkeypatch):
    from jixiao_desktop.ui import new_forms

    from jixiao_desktop.ui.main_window import MainWindow

    window = make_window()
    # every window (the declared forms open in windows of their own) picks the same template
    monkeypatch.setattr(MainWindow, "choose_template", lambda *a, **k: ("mof-selfeval-project", ""))
    monkeypatch.setattr(new_forms, "ask_grid", lambda w, grids: len(grids) - 1)    # the last project
    from jixiao_desktop.ui.windows import open_windows

    for path in DECLARED:
        assert window.open_path(path, ask=False), path
        declared = open_windows()[-1]
        grids = declared_grids(declared.document.form)
        assert declared.new_selfeval(), path
        evaluation = open_windows()[-1]
        form = evaluation.document.form
        assert evaluation is not declared and form.loaded.meta.kind == "evaluation"
        names = [r.get("name") for r in form.content.tables["indicators"] if r.get("name") or r.get("value")]
        assert names == ([e.name for e in grids[-1].entries] if grids else []), path
        for done in (evaluation, declared):
            if done is not window:
                done.document.undo_stack.setClean()
                done.close()


def test_the_clerk_is_told_to_give_each_indicator_its_points():
    form, notes = selfeval_from(load(EXAMPLES / "mof-project-correct.jixiao"), _evaluation())
    assert any("分值" in n and "产出指标50分" in n for n in notes)
