"""The 出错说明 dialog: the clerk explains why a warning stands."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QVBoxLayout,
    QWidget,
)

from jixiao_desktop.checks import Finding

MIN_EXPLANATION_LENGTH = 10


def explanation_problem(text: str) -> str | None:
    """Why ``text`` is not yet an acceptable 出错说明, or None when it is."""
    length = len("".join(text.split()))
    if length < MIN_EXPLANATION_LENGTH:
        return f"出错说明至少{MIN_EXPLANATION_LENGTH}个字（现有{length}个字），请写明为何如此填写。"
    return None


class ExplanationDialog(QDialog):
    def __init__(self, finding: Finding, where: str, text: str = "", parent: QWidget | None = None):
        super().__init__(parent)
        self.setWindowTitle("添加出错说明")
        self.setMinimumWidth(480)
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"<b>位置：</b>{where}<br><b>警告：</b>{finding.message}<br><br>"
            "请说明为何如此填写（例如政策依据、资金安排的特殊情况）。说明随文件保存，"
            "填写后该警告计为“已说明”。"
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.editor = QPlainTextEdit(text)
        self.editor.setPlaceholderText(f"至少{MIN_EXPLANATION_LENGTH}个字")
        layout.addWidget(self.editor)
        self.problem = QLabel()
        self.problem.setStyleSheet("color: #b00020")
        layout.addWidget(self.problem)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setText("确定")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText("取消")
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.editor.textChanged.connect(self._update)
        self._update()

    def text(self) -> str:
        return self.editor.toPlainText().strip()

    def _update(self) -> None:
        problem = explanation_problem(self.text())
        self.problem.setText(problem or "")
        self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(problem is None)

    def accept(self) -> None:
        if explanation_problem(self.text()) is None:
            super().accept()
