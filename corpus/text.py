"""Text normalisation shared by the parsers: whitespace, and HTML fragments rendered as plain text."""
from __future__ import annotations

import re
from html.parser import HTMLParser

_SPACES = re.compile(r"[\s\u00a0\u202f\u2007\u200b]+")


def clean(text: str) -> str:
    """One line: every run of whitespace (non-breaking spaces included) becomes one space."""
    return _SPACES.sub(" ", text).strip()


def clean_lines(text: str) -> str:
    """Whitespace normalised within each line; empty lines dropped."""
    return "\n".join(line for line in (clean(part) for part in text.split("\n")) if line)


_BLOCK_TAGS = {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "tr", "table", "ul", "ol", "blockquote", "section"}
_HEADING_TAGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
_SKIPPED_TAGS = {"script", "style"}


class _HtmlText(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[str] = []
        self.current: list[str] = []
        self.prefix = ""
        self.list_depth = 0
        self.skipping = 0
        self.cells: list[str] | None = None

    def _flush(self) -> None:
        line = clean("".join(self.current))
        self.current = []
        if line:
            self.lines.append(self.prefix + line)
            self.prefix = ""

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping += 1
        elif tag == "br":
            self._flush()
        elif tag == "li":
            self._flush()
            self.prefix = "  " * max(self.list_depth - 1, 0) + "- "
        elif tag in ("ul", "ol"):
            self._flush()
            self.list_depth += 1
        elif tag in ("td", "th"):
            self.current.append(" ; " if self.current and clean("".join(self.current)) else "")
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIPPED_TAGS:
            self.skipping = max(self.skipping - 1, 0)
        elif tag in ("ul", "ol"):
            self._flush()
            self.list_depth = max(self.list_depth - 1, 0)
        elif tag == "li" or tag in _BLOCK_TAGS:
            if tag in _HEADING_TAGS and self.current:
                heading = clean("".join(self.current))
                if heading and not heading.endswith((":", "!", "?", ".")):
                    self.current = [heading + " :"]
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self.skipping:
            self.current.append(data)

    def text(self) -> str:
        self._flush()
        return "\n".join(self.lines)


def html_to_text(html: str) -> str:
    """Paragraphs and `<br>` as lines, list items as `- item` lines, inline markup dropped."""
    parser = _HtmlText()
    parser.feed(html)
    parser.close()
    return parser.text()
