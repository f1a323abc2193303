"""What a remainder takes off its whole: not the whole's own items.

本年资金2,000万元。1.产业路…1,200万元；2.…500万元；3.…300万元。资金来源：省级资金60%，计1,200万元；其余800万元由…
— the items listed first add up to the whole exactly: they are what the whole is made of, and the rest (其余) is of
the whole less the parts named after them (the sources), not less its own items once more.
"""

from __future__ import annotations

from decimal import Decimal


def without_own_items(whole, parts: list) -> list:
    """``parts`` (in the text's order) less a first run of two or more that adds up to ``whole`` exactly, where
    parts remain after it."""
    total = Decimal(0)
    for k, part in enumerate(parts[:-1]):
        total += part.value
        if total == whole.value:
            return parts[k + 1:] if k >= 1 else parts
        if total > whole.value:
            break
    return parts
