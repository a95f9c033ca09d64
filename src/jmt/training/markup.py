"""Lesson bodies are written in a small Markdown subset; this turns them into safe HTML.

Supported: ``##`` / ``###`` headings, paragraphs, ``-`` and ``1.`` lists, pipe tables, ``**bold**``.
Every piece of text is HTML-escaped first, so an author (or a back-office user) cannot inject markup.
"""

from __future__ import annotations

import html
import re

BOLD = re.compile(r"\*\*(.+?)\*\*")
ORDERED = re.compile(r"^\d+\.\s+")
TABLE_RULE = re.compile(r"^\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?$")


def _inline(text: str) -> str:
    return BOLD.sub(r"<strong>\1</strong>", html.escape(text.strip(), quote=True))


def _cells(line: str) -> list[str]:
    return [cell.strip() for cell in line.strip().strip("|").split("|")]


def to_html(markdown: str) -> str:
    out: list[str] = []
    lines = markdown.replace("\r\n", "\n").split("\n")
    i = 0
    while i < len(lines):
        line = lines[i].rstrip()
        if not line.strip():
            i += 1
        elif line.startswith("### ") or line.startswith("## "):
            level = 3 if line.startswith("### ") else 2
            out.append(f"<h{level}>{_inline(line[level + 1 :])}</h{level}>")
            i += 1
        elif line.lstrip().startswith("|") and i + 1 < len(lines) and TABLE_RULE.match(lines[i + 1].strip()):
            head = "".join(f"<th>{_inline(c)}</th>" for c in _cells(line))
            rows: list[str] = []
            i += 2
            while i < len(lines) and lines[i].lstrip().startswith("|"):
                rows.append("<tr>" + "".join(f"<td>{_inline(c)}</td>" for c in _cells(lines[i])) + "</tr>")
                i += 1
            out.append(f"<table><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>")
        elif line.lstrip().startswith("- ") or ORDERED.match(line.lstrip()):
            ordered = bool(ORDERED.match(line.lstrip()))
            items: list[str] = []
            while i < len(lines) and (
                (ordered and ORDERED.match(lines[i].lstrip())) or (not ordered and lines[i].lstrip().startswith("- "))
            ):
                text = ORDERED.sub("", lines[i].lstrip(), count=1) if ordered else lines[i].lstrip()[2:]
                items.append(f"<li>{_inline(text)}</li>")
                i += 1
            tag = "ol" if ordered else "ul"
            out.append(f"<{tag}>{''.join(items)}</{tag}>")
        else:
            para: list[str] = []
            while i < len(lines) and lines[i].strip() and not _starts_block(lines, i):
                para.append(lines[i].strip())
                i += 1
            out.append(f"<p>{_inline(' '.join(para))}</p>")
    return "\n".join(out)


def _starts_block(lines: list[str], i: int) -> bool:
    line = lines[i].lstrip()
    return (
        line.startswith(("## ", "### ", "- "))
        or bool(ORDERED.match(line))
        or (line.startswith("|") and i + 1 < len(lines) and bool(TABLE_RULE.match(lines[i + 1].strip())))
    )


def plain_text(markdown: str) -> str:
    """The body without markup, for retrieval passages and excerpts: lines kept, a table row becomes
    its cells joined with 「，」, list markers become 「· 」."""
    text = BOLD.sub(r"\1", markdown)
    text = re.sub(r"^\|?\s*:?-{3,}.*$\n?", "", text, flags=re.M)
    text = re.sub(r"^\s*\|(.*)\|\s*$", lambda m: "，".join(c.strip() for c in m.group(1).split("|")), text, flags=re.M)
    return re.sub(r"^\s*-\s+", "· ", text, flags=re.M)
