"""Organisations: the gazetteer's (with acronyms) and names built on an organisation word."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gazetteer import (
    BODY_NOUNS,
    COUNTRIES,
    COUNTRY_ALIASES,
    CURRENCY_WORDS,
    MONTH_NAMES,
    ORGANISATION_HEADS,
    ORGANISATIONS,
    TITLES,
)
from ..model import Organisation
from .sentences import Sentence

_KNOWN = re.compile(r"\b(?:" + "|".join(
    re.escape(n) for n in sorted(ORGANISATIONS, key=len, reverse=True)) + r")\b")
_ACRONYMS = re.compile(r"\b(?:" + "|".join(
    sorted({re.escape(a) for a in ORGANISATIONS.values()}, key=len, reverse=True)) + r")\b")
_CAP = r"[A-Z][\w’'-]*"
_HEADS = "|".join(ORGANISATION_HEADS)
# "Moldovan State Agrarian University", "National University named after <Person>",
# "Ministry of Foreign Affairs", "Chamber of Commerce and Industry"
_NAMED = re.compile(
    rf"(?:{_CAP}\s+){{1,5}}(?:{_HEADS})\b(?:\s+named after(?:\s+{_CAP}){{1,3}})?"
    rf"|(?:{_HEADS})\s+(?:of|for)\s+(?:the\s+)?{_CAP}(?:\s+(?:and\s+|of\s+)?{_CAP}){{0,4}}")
# "the Kazakh-Belarusian commission for scientific and technical cooperation"
_BODY = re.compile(rf"(?:{_CAP}-{_CAP}|{_CAP})\s+(?:(?:joint|intergovernmental)\s+)?"
                   rf"(?:{'|'.join(BODY_NOUNS)})\s+(?:for|on)\s+[a-z][a-z ,-]*?[a-z]"
                   r"(?=[.,;]|$|\s+(?:will|would|is|are|was|were|has|have|had|met|meets|meet|"
                   r"held|holds|said|says|can|should|which|that)\b)")
_ANY_HEAD = re.compile(rf"\b(?:{_HEADS}|{'|'.join(BODY_NOUNS)})\b")
# An acronym the gazetteer does not know is most often a company or an agency ("SOCAR");
# these are the common ones that are not.
_ACRONYM_LIKE = re.compile(r"\b[A-Z]{3,6}\b")
_NOT_ORGANISATIONS = frozenset({
    "GDP", "GNP", "LNG", "CEO", "VAT", "COVID", "FDI", "SME", "SMES", "ICT", "CIF", "FOB",
    "USA", "UAE", "UK", "USSR", "CNG", "LPG", "GMT", "UTC", "AIDS", "HIV", "PPP", "IPO",
    "NGO", "NGOS", "MOU", "KWH", "MWH", "GWH", "TWH", "BCM", "BPD", "TEU", "ATM",
    *CURRENCY_WORDS, *COUNTRY_ALIASES,
})
# Words an article writes in capitals that are no organisation: a dateline's city
# ("ASTANA –"), a country, a title set in capitals ("PRIME Minister"), a month; and Roman
# numerals ("the XVIII summit").
_ORDINARY_IN_CAPITALS = frozenset(word.upper() for word in (
    *(w for name, (demonyms, capital) in COUNTRIES.items()
      for w in (*name.split(), *demonyms, *capital.split())),
    *(w for title in TITLES for w in title.replace("-", " ").split()),
    *MONTH_NAMES,
))
_ROMAN = re.compile(r"M{0,3}(?:CM|CD|D?C{0,3})(?:XC|XL|L?X{0,3})(?:IX|IV|V?I{0,3})")
_LEADING = re.compile(r"^(?:(?:The|In|At|On|Among|During|After|Before|With|For|By|And|As|"
                      r"Both|Its|Their)\s+)+")


@dataclass
class _Org:
    name: str
    acronym: str | None
    sources: list[str] = field(default_factory=list)
    spans: list[tuple[int, int]] = field(default_factory=list)


class Organisations:
    """Collects organisations sentence by sentence, in order of first mention."""

    def __init__(self) -> None:
        self.found: dict[str, _Org] = {}

    def _add(self, key: str, name: str, acronym: str | None, text: str) -> None:
        org = self.found.setdefault(key, _Org(name, acronym))
        if acronym and org.acronym is None:
            org.acronym = acronym
        if text not in org.sources and len(org.sources) < 2:
            org.sources.append(text)

    def scan(self, sentence: Sentence) -> list[tuple[int, int]]:
        """Record the sentence's organisations; return their spans (to skip as documents)."""
        text = sentence.text
        spans: list[tuple[int, int]] = []
        for m in _KNOWN.finditer(text):
            acronym = ORGANISATIONS[m.group()]
            self._add(acronym, m.group(), None, text)
            spans.append(m.span())
        for m in _ACRONYMS.finditer(text):
            if any(a <= m.start() < b for a, b in spans):
                continue
            acronym = m.group()
            full = next(n for n, a in ORGANISATIONS.items() if a == acronym)
            self._add(acronym, full, acronym, text)
            spans.append(m.span())
        if sum(c.isupper() for c in text) < len(text) / 3:  # not a headline in capitals
            for m in _ACRONYM_LIKE.finditer(text):
                word = m.group()
                if word not in _NOT_ORGANISATIONS and word not in ORGANISATIONS.values() \
                        and word not in _ORDINARY_IN_CAPITALS and not _ROMAN.fullmatch(word) \
                        and not any(a <= m.start() < b for a, b in spans):
                    self._add(word.lower(), word, word, text)
                    spans.append(m.span())
        if _ANY_HEAD.search(text) is None:
            return spans
        for pattern in (_NAMED, _BODY):
            for m in pattern.finditer(text):
                if any(a <= m.start() < b or a < m.end() <= b for a, b in spans):
                    continue
                name = _LEADING.sub("", m.group()).strip()
                if len(name.split()) < 2 or (name.split()[0] in ORGANISATION_HEADS and \
                        " of " not in name and " for " not in name):
                    continue
                self._add(name.lower(), name, None, text)
                spans.append(m.span())
        return spans

    def organisations(self) -> tuple[Organisation, ...]:
        return tuple(Organisation(name=o.name, acronym=o.acronym, source=tuple(o.sources))
                     for o in self.found.values())
