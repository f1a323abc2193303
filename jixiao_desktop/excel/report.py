"""The import report: what was read where, what was not recognised, what was guessed."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True, slots=True)
class ReadEntry:
    """A field filled from a cell: ``项目名称 ← 项目表!B4``."""

    where: str
    field: str
    text: str


@dataclass(frozen=True, slots=True)
class CellNote:
    """A cell (or the whole workbook when ``where`` is empty) with a note in Chinese."""

    where: str
    text: str
    note: str = ""


def _short(text: str, limit: int = 40) -> str:
    flat = " ".join(text.split())
    return flat if len(flat) <= limit else flat[: limit - 1] + "…"


@dataclass
class ImportReport:
    """Everything an import did, for the clerk to check; rendered by :meth:`text`."""

    source: str = ""
    kind_label: str = ""
    read: list[ReadEntry] = field(default_factory=list)
    unrecognised: list[CellNote] = field(default_factory=list)
    guesses: list[CellNote] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    missing: list[str] = field(default_factory=list)   # what the template declares and the workbook lacks
    medium: str = "工作簿"   # what was read, in the report's words (a Word import says Word文档)

    def add_missing(self, what: str) -> None:
        self.missing.append(what)

    def add_read(self, where: str, field_label: str, text: str) -> None:
        self.read.append(ReadEntry(where, field_label, text))

    def add_unrecognised(self, where: str, text: str, note: str = "") -> None:
        self.unrecognised.append(CellNote(where, text, note))

    def add_guess(self, where: str, note: str, text: str = "") -> None:
        self.guesses.append(CellNote(where, text, note))

    @property
    def clean(self) -> bool:
        return not (self.unrecognised or self.guesses or self.warnings or self.missing)

    def summary(self) -> str:
        return (
            f"读入{len(self.read)}项，未识别{len(self.unrecognised)}处，"
            f"推断{len(self.guesses)}处，提醒{len(self.warnings)}条"
        ) + (f"，未找到{len(self.missing)}项" if self.missing else "")

    def text(self, *, details: bool = True) -> str:
        """The report in Chinese, one finding a line."""
        lines = [f"导入报告：{self.source}" + (f"（{self.kind_label}）" if self.kind_label else "")]
        lines.append(self.summary())
        if self.warnings:
            lines.append("提醒：")
            lines += [f"  {w}" for w in self.warnings]
        if self.missing:
            lines.append(f"表样中有、{self.medium}中未找到的栏目（留空）：")
            lines += [f"  {m}" for m in self.missing]
        if self.unrecognised:
            lines.append("未识别的内容（未导入，请核对）：")
            for item in self.unrecognised:
                note = f"（{item.note}）" if item.note else ""
                lines.append(f"  {item.where or self.medium}：“{_short(item.text)}”{note}")
        if self.guesses:
            lines.append("推断（请核对）：")
            for item in self.guesses:
                shown = f"“{_short(item.text)}” " if item.text else ""
                lines.append(f"  {item.where or self.medium}：{shown}{item.note}")
        if details and self.read:
            lines.append("读入的内容：")
            for entry in self.read:
                lines.append(f"  {entry.field} ← {entry.where}：“{_short(entry.text)}”")
        return "\n".join(lines)
