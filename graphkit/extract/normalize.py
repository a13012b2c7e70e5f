"""Typographic normalisation that keeps every character offset.

spaCy and the alias tables see straight quotes and plain spaces; the spans we
report still point into the file's text as read, because every replacement is
one character for one character.
"""
from __future__ import annotations

_ONE_FOR_ONE = {
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'", "\u02bc": "'", "\u02bb": "'",
    "`": "'", "\u00b4": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u2033": '"', "\u00ab": '"', "\u00bb": '"',
    "\u00a0": " ", "\u2007": " ", "\u202f": " ", "\u2009": " ", "\u200a": " ", "\u2002": " ", "\u2003": " ",
    "\u2010": "-", "\u2011": "-", "\u2012": "-", "\u00ad": "-",
    "\u200b": " ", "\ufeff": " ", "\u200e": " ", "\u200f": " ",
}
_TABLE = str.maketrans(_ONE_FOR_ONE)


def normalize(text: str) -> str:
    """Same length as ``text``: quotes straightened, odd spaces and hyphens made plain."""
    out = text.translate(_TABLE)
    assert len(out) == len(text)
    return out


def fold(text: str) -> str:
    """Key for alias look-ups: normalised, lower case, single spaces, no 'the'."""
    t = normalize(text).lower().strip()
    t = " ".join(t.replace(" - ", "-").replace("- ", "-").split())
    for art in ("the ", "a ", "an "):
        if t.startswith(art):
            t = t[len(art):]
    return t.strip(" .,;:'\"")
