"""The catalogue: importing this package registers every rule."""

from jixiao_desktop.checks.rules import (  # noqa: F401
    amounts,
    annexes,
    arithmetic,
    completeness,
    costing,
    counts,
    layout,
    periods,
    refusals,
    returns,
    returns_texts,
    selfeval,
    selfeval_groups,
    templates,
    totals,
    values,
)
