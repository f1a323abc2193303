"""Reading calculations written as prose (Qt-free): a lexer and a reader with a small grammar.

:func:`~jixiao_desktop.prose.reader.read` turns a 测算说明 into a :class:`~.steps.Reading`: the
relations the text states (products, sums, sub-totals, shares, remainders, percentages of a base),
each a :class:`~.reader.Step` with its numbers, and the amount the text arrives at for the form.
"""

from jixiao_desktop.prose.lexer import MAX_NUMBERS, MAX_TEXT_CHARS, Token, lex
from jixiao_desktop.prose.reader import read
from jixiao_desktop.prose.steps import Reading, Step, level_of

__all__ = ["MAX_NUMBERS", "MAX_TEXT_CHARS", "Reading", "Step", "Token", "lex", "level_of", "read"]
