"""Form templates (表样) as data (Qt-free): the format, its formulas, loading and judging.

- :mod:`.schema` — what a template file declares (TOML; ``docs/templates.md``);
- :mod:`.formula` — the relations (审核公式) in a grammar of the program's own, blank is not zero;
- :mod:`.loader` — reading files, refusing a wrong one with a Chinese message naming file and line or key;
  shipped templates in ``resources/templates``, a clerk's own in :func:`~.loader.user_templates_dir`;
- :mod:`.bind` — a template's relations judged on a document of a built-in form.
"""

from jixiao_desktop.templates.formula import FormulaError, parse
from jixiao_desktop.templates.loader import (
    LoadedTemplate,
    TemplateError,
    available,
    load,
    load_text,
    shipped_templates_dir,
    user_templates_dir,
)

__all__ = ["FormulaError", "LoadedTemplate", "TemplateError", "available", "load", "load_text", "parse",
           "shipped_templates_dir", "user_templates_dir"]
