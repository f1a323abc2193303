"""Tab-separated text as Excel and WPS put on the clipboard (quoted cells may hold newlines)."""

from __future__ import annotations


def parse_tsv(text: str) -> list[list[str]]:
    """Rows of cells. ``"a""b"`` is ``a"b``; a quoted cell may contain tabs and newlines;
    the final line break Excel adds is dropped; \\r\\n and \\r count as \\n."""
    if not text:
        return []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    rows: list[list[str]] = []
    row: list[str] = []
    cell: list[str] = []
    i, n = 0, len(text)
    at_cell_start = True
    while i < n:
        ch = text[i]
        if at_cell_start and ch == '"':
            # A quoted cell: up to the closing quote not followed by another quote.
            j = i + 1
            chunk: list[str] = []
            closed = False
            while j < n:
                if text[j] == '"':
                    if j + 1 < n and text[j + 1] == '"':
                        chunk.append('"')
                        j += 2
                        continue
                    closed = True
                    j += 1
                    break
                chunk.append(text[j])
                j += 1
            if closed and (j >= n or text[j] in "\t\n"):
                cell.extend(chunk)
                i = j
                at_cell_start = False
                continue
            # Not a well-formed quoted cell: keep the text as it is.
        if ch == "\t":
            row.append("".join(cell))
            cell, at_cell_start = [], True
        elif ch == "\n":
            row.append("".join(cell))
            rows.append(row)
            row, cell, at_cell_start = [], [], True
        else:
            cell.append(ch)
            at_cell_start = False
        i += 1
    if cell or row or not at_cell_start:
        row.append("".join(cell))
        rows.append(row)
    return rows


def _quote(cell: str) -> str:
    if any(ch in cell for ch in '\t\n"'):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def format_tsv(rows: list[list[str]]) -> str:
    """The inverse of :func:`parse_tsv`, ending with a line break as Excel does."""
    return "".join("\t".join(_quote(c) for c in row) + "\n" for row in rows)
