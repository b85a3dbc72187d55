"""Sentences and clauses of an article, each kept verbatim for use as a source excerpt."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Abbreviations whose full stop does not end a sentence ("Nov. 29", "Mr. Li").
_ABBREVIATIONS = frozenset({
    "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec",
    "mr", "mrs", "ms", "dr", "st", "gen", "lt", "col", "no", "vs", "jr", "sr", "prof",
    "approx", "est", "inc", "ltd", "co", "corp",
})
_OPEN_QUOTES = "“‘«"
_CLOSE_QUOTES = "”’»"
_END = ".!?"
_DATELINE = re.compile(
    r"^\s*(?P<city>[A-Z][A-Z .'-]{1,40}?)(?:,\s*[A-Za-z .]{2,30})?\s*(?:[–—-]{1,2}|\(\w+\))\s+")


@dataclass(frozen=True, slots=True)
class Sentence:
    """A sentence with its position in the article (for ordering) and its paragraph."""

    text: str
    start: int
    paragraph: int


def dateline(text: str) -> tuple[str | None, int]:
    """The dateline city ("ASTANA –") and where the body starts after it."""
    match = _DATELINE.match(text)
    if match is None or not match.group("city").strip().isupper():
        return None, 0
    return match.group("city").strip(), match.end()


def sentences(text: str, start: int = 0) -> list[Sentence]:
    """Split into sentences without cutting quotations or abbreviations.

    A linear scan: one pass over the characters, so a 5 MB article costs no more than
    reading it. Quotes are tracked so a quotation of several sentences stays whole, as
    its attribution ("..., he said.") belongs with it.
    """
    result: list[Sentence] = []
    paragraph = 0
    for para_match in re.finditer(r"[^\n]+", text[start:]):
        para = para_match.group()
        offset = start + para_match.start()
        if para.strip():
            result.extend(_split_paragraph(para, offset, paragraph))
            paragraph += 1
    return result


def _split_paragraph(para: str, offset: int, paragraph: int) -> list[Sentence]:
    out: list[Sentence] = []
    depth = 0
    straight_open = False
    begin = 0
    n = len(para)
    i = 0
    while i < n:
        ch = para[i]
        if ch in _OPEN_QUOTES:
            depth += 1
        elif (ch in _CLOSE_QUOTES and ch != "’") or (ch == "’" and depth and _closes(para, i)):
            depth = max(0, depth - 1)
        elif ch == '"':
            straight_open = not straight_open
        elif ch in _END and depth == 0 and not straight_open and _ends_sentence(para, i):
            j = i + 1
            while j < n and para[j] in _CLOSE_QUOTES + '"':
                j += 1
            _emit(out, para, begin, j, offset, paragraph)
            begin = j
        i += 1
    _emit(out, para, begin, n, offset, paragraph)
    return out


def _closes(para: str, i: int) -> bool:
    """A right single quote closes a quotation unless it is an apostrophe (Kazakhstan’s)."""
    return not (i + 1 < len(para) and para[i + 1].isalpha())


def _ends_sentence(para: str, i: int) -> bool:
    j = i + 1
    if j < len(para) and not para[j].isspace():
        return False
    while j < len(para) and para[j].isspace():
        j += 1
    if j >= len(para):
        return True
    if para[j].islower():
        return False
    if para[i] == ".":
        word = re.search(r"([A-Za-z]+)$", para[max(0, i - 12):i])
        if word and word.group(1).lower() in _ABBREVIATIONS:
            return False
        if re.search(r"(?:^|\s)(?:[A-Z]\.)+[A-Z]?$", para[max(0, i - 8):i + 1]):
            return not para[j].isupper()  # "U.S. President" goes on
    return True


def _emit(out: list[Sentence], para: str, begin: int, end: int, offset: int,
          paragraph: int) -> None:
    piece = para[begin:end]
    # Stray punctuation left between sentences (". . More") is not part of either.
    stripped = piece.lstrip(" \t.;,")
    lead = len(piece) - len(stripped)
    stripped = stripped.rstrip()
    if re.search(r"\w", stripped):
        out.append(Sentence(stripped, offset + begin + lead, paragraph))


def clauses(sentence: str) -> list[str]:
    """Clauses split at commas and semicolons, each verbatim (used to keep excerpts short)."""
    return [c.strip() for c in re.split(r"[;,](?=\s)", sentence) if c.strip()]


def words(text: str) -> list[str]:
    return re.findall(r"[A-Za-z][A-Za-z'’-]*", text)


def clip(text: str, limit: int = 120) -> str:
    """Shorten at a word boundary, for titles built from a sentence."""
    text = " ".join(text.split()).strip(" ,;:")
    if len(text) <= limit:
        return text
    cut = text[:limit].rsplit(" ", 1)[0]
    return cut.rstrip(" ,;:") + " ..."


def sentence_case(text: str) -> str:
    text = text.strip()
    return text[:1].upper() + text[1:] if text else text
