"""The catalogue: importing this package registers every rule."""

from jixiao_desktop.checks.rules import amounts, totals  # noqa: F401
