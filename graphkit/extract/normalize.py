"""Typographic normalisation that keeps every character offset.

spaCy and the alias tables see straight quotes and plain spaces; the spans we
report still point into the file's text as read, because every replacement is
one character for one character.
"""
from __future__ import annotations

import re

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


_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*")


def sentence_case_headlines(text: str) -> str:
    """Headline Case Lines Confuse The Tagger: lower-case a headline's words that the body
    of the same text writes in lower case ("Militants In Idlib Are Not Complying" ->
    "Militants in Idlib are not complying"). Same length, so offsets do not move."""
    lines = text.split("\n")
    heads = [i for i, ln in enumerate(lines) if _is_title_case(ln)]
    if not heads:
        return text
    lower, upper = {}, {}
    for i, ln in enumerate(lines):
        if i in heads:
            continue
        for m in _WORD.finditer(ln):
            w = m.group()
            k = w.lower()
            before = ln[:m.start()].rstrip()
            if not before or before[-1] in '.!?"\'':
                continue   # sentence-initial capitals say nothing
            if w[0].isupper():
                upper[k] = upper.get(k, 0) + 1
            else:
                lower[k] = lower.get(k, 0) + 1
    for i in heads:
        ln = lines[i]
        out = list(ln)
        for n, m in enumerate(_WORD.finditer(ln)):
            w = m.group()
            if n == 0 or not w[0].isupper() or w.isupper():
                continue
            k = w.lower()
            if lower.get(k, 0) > upper.get(k, 0) or (k in _FUNCTION_WORDS and not upper.get(k)):
                out[m.start()] = w[0].lower()
        lines[i] = "".join(out)
    return "\n".join(lines)


_FUNCTION_WORDS = {"a", "an", "the", "and", "or", "but", "of", "in", "on", "at", "to", "for", "with", "by",
                   "from", "as", "is", "are", "was", "were", "be", "not", "after", "over", "into", "amid"}


def _is_title_case(line: str) -> bool:
    words = [w for w in _WORD.findall(line) if len(w) > 3]
    if len(words) < 4 or line.rstrip().endswith("."):
        return False
    caps = sum(1 for w in words if w[0].isupper())
    return caps / len(words) >= 0.8
