"""What the recognizers read: the text with look-alike characters folded to ASCII one for one, so that offsets
still point into the original. A value typed with no-break, zero-width or direction marks, full-width digits or
typographic dashes is the same value."""

from __future__ import annotations

import unicodedata

_SPACES = "\u00a0\u2007\u2009\u202f\u200a\u2002\u2003\u2004\u2005\u2006\u2008\u205f\u3000"
"""Tabs stay: they are the columns of a table copied from a spreadsheet (`recognizers.tables`)."""
INVISIBLES = (
    "\u200b\u200c\u200d\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2060\u2061\u2062\u2063\u2064\u2065\u2066\u2067"
    "\u2068\u2069\ufeff\u00ad"
)
"""Zero-width spaces and joiners, direction marks and isolates, invisible operators, the byte-order mark and the
soft hyphen: they show nothing on the page."""
_DASHES = "\u2010\u2011\u2012\u2013\u2212\ufe63\uff0d"
_FULL_WIDTH = {code: code - 0xFEE0 for code in range(0xFF01, 0xFF5F)}
_FOLD = {
    **_FULL_WIDTH,
    **{ord(char): " " for char in _SPACES + INVISIBLES},
    **{ord(char): "-" for char in _DASHES},
}


def fold(text: str) -> str:
    return text.translate(_FOLD)


def without_accents(text: str) -> str:
    """Each letter without its accent, one character for one (« Cécile » and « cecile » meet; offsets hold)."""
    return "".join(unicodedata.normalize("NFD", char)[0] for char in text)
