"""Leaders: who is named with a title, later mentions resolved to them, what they said."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from ..gazetteer import COUNTRIES, LEADER_NOUNS, TITLES, adjective_index
from ..model import Leader, Statement
from .sentences import Sentence, sentence_case

_ADJECTIVES = adjective_index()
_NAME_WORD = r"[A-Z][a-zà-ÿA-Z'’-]*[a-zà-ÿ](?:-[A-Z][a-zà-ÿ]+)?"
# Capitalised words that begin sentences or name things rather than people.
_NOT_NAMES = frozenset({
    "The", "A", "An", "In", "At", "On", "Of", "And", "But", "He", "She", "It", "They",
    "This", "That", "During", "After", "Before", "With", "For", "By", "As", "Among",
    "Minister", "President", "Prime", "Foreign", "Affairs", "Republic", "Said", "Also",
    "State", "Government", "Ministry", "National", "University", "Union", "Day", "Days",
})
_TITLE_ALT = "|".join(re.escape(t) for t in sorted(TITLES, key=len, reverse=True))
_ADJ_ALT = "|".join(re.escape(a) for a in sorted(_ADJECTIVES, key=len, reverse=True))
_NAME = rf"(?P<name>{_NAME_WORD}(?:\s+{_NAME_WORD}){{0,2}})"
# "Latvian President Anna Berzina", "Prime Minister of Mongolia Bat Erdene",
# "President Ozols"
_TITLE_FIRST = re.compile(
    rf"(?:(?P<adj>{_ADJ_ALT})\s+)?(?P<title>{_TITLE_ALT})"
    rf"(?:\s+of\s+(?:the\s+)?(?P<of>{_ADJ_ALT}),?)?\s+{_NAME}")
# "Li Qiang, the Chinese Premier," / "Ilham Aliyev, President of Azerbaijan,"
_NAME_FIRST = re.compile(
    rf"{_NAME},\s+(?:the\s+)?(?:(?P<adj>{_ADJ_ALT})\s+)?(?P<title>{_TITLE_ALT}|"
    rf"{_TITLE_ALT.lower()})(?:\s+of\s+(?:the\s+)?(?P<of>{_ADJ_ALT}))?")
_ANY_TITLE = re.compile(rf"(?:{_TITLE_ALT}|{_TITLE_ALT.lower()})", re.IGNORECASE)
_ADVERBS = r"(?:(?:also|then|further|again|later|too|once\s+again|\w+ly)\s+){0,3}"
_VERBS = (
    "said", "says", "noted", "stressed", "emphasised", "emphasized", "proposed",
    "suggested", "declared", "announced", "assessed", "called", "urged", "expressed",
    "praised", "welcomed", "invited", "highlighted", "pointed out", "added", "underlined",
    "reaffirmed", "confirmed", "described", "told", "thanked", "hoped", "warned",
    "recalled", "outlined", "offered", "promised", "pledged", "voiced", "spoke",
)
_VERB_ALT = "|".join(_VERBS)
_QUOTE = re.compile(r"“(?P<a>[^”]+)”|\"(?P<b>[^\"]+)\"")
_NOUN_ALT = "|".join(LEADER_NOUNS)


@dataclass
class _Person:
    name: str
    role: str
    country: str
    source: str
    statements: list[Statement] = field(default_factory=list)

    @property
    def surname(self) -> str:
        return self.name.split()[-1]


def _clean_name(name: str) -> str | None:
    parts = name.split()
    while parts and parts[-1] in _NOT_NAMES | set(_ADJECTIVES):
        parts.pop()
    if not parts or parts[0] in _NOT_NAMES or parts[0] in _ADJECTIVES:
        return None
    return " ".join(parts)


def _country(match: re.Match[str]) -> str | None:
    for group in ("adj", "of"):
        word = match.group(group)
        if word:
            return _ADJECTIVES.get(word)
    return None


class People:
    """Leaders in order of first mention, and the resolution of later mentions."""

    def __init__(self, fallback_country: str | None) -> None:
        self.people: list[_Person] = []
        self.last: _Person | None = None
        self.fallback = fallback_country
        self._mentions: tuple[tuple[str, ...], str] | None = None

    def introduce(self, sentence: Sentence) -> None:
        if _ANY_TITLE.search(sentence.text) is None:
            return  # most sentences name no one with a title; skip the costlier patterns
        for pattern in (_TITLE_FIRST, _NAME_FIRST):
            for m in pattern.finditer(sentence.text):
                name = _clean_name(m.group("name"))
                if name is None:
                    continue
                title = m.group("title")
                role = TITLES.get(title) or TITLES.get(title.title()) or title
                country = _country(m) or self.fallback or "Unknown"
                existing = self.find(name)
                if existing is not None:
                    if len(name) > len(existing.name):  # "President Ozols", later in full
                        existing.name = name
                    continue
                self.people.append(_Person(name, role, country, sentence.text))

    def find(self, name: str) -> _Person | None:
        surname = name.split()[-1]
        for person in self.people:
            if person.surname == surname:
                return person
        if " " not in name:  # family name first, as in "Zhang said" for Zhang Wei
            for person in self.people:
                if person.name.split()[0] == name and " " in person.name:
                    return person
        return None

    def resolve(self, mention: str) -> _Person | None:
        """A person for "Berzina", "he", "the Latvian leader"."""
        mention = re.sub(r"^(?:Mr|Mrs|Ms|Dr)\.?\s+", "", mention)
        words = mention.split()
        if not words:
            return None
        if words[-1].lower() in ("he", "she"):
            return self.last
        low = mention.lower()
        for noun in LEADER_NOUNS:
            if low.endswith(noun):
                adjective = mention[:len(mention) - len(noun)].strip()
                adjective = re.sub(r"^(?:the|The)\s+", "", adjective)
                country = _ADJECTIVES.get(adjective)
                if country is None:
                    return None
                matches = [p for p in self.people if p.country == country]
                return matches[0] if len(matches) == 1 else None
        return self.find(mention)

    def _mention_alt(self) -> str:
        key = tuple(p.name for p in self.people)
        if self._mentions is None or self._mentions[0] != key:
            self._mentions = (key, self._build_mention_alt())
        return self._mentions[1]

    def _build_mention_alt(self) -> str:
        names = sorted({p.name for p in self.people} | {p.surname for p in self.people}
                       | {p.name.split()[0] for p in self.people if " " in p.name},
                       key=len, reverse=True)
        alts = [re.escape(n) for n in names]
        alts.append(rf"(?:[Tt]he\s+)?(?:{_ADJ_ALT})\s+(?:{_NOUN_ALT})")
        alts.append(r"[Hh]e|[Ss]he")
        return rf"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+)?(?:{'|'.join(alts)})"

    def attribute(self, sentence: Sentence) -> None:
        """Record a quoted or reported statement in the sentence, if a leader made it."""
        if not self.people:
            return
        text = sentence.text
        mention = self._mention_alt()
        quote = _QUOTE.search(text)
        if quote is not None:
            outside = text[:quote.start()] + " " + text[quote.end():]
            m = re.search(rf"\b(?:{_VERB_ALT})\s+(?P<m>{mention})\b|"
                          rf"(?P<m2>{mention})\s+{_ADVERBS}(?:{_VERB_ALT})\b", outside)
            if m is not None:
                person = self.resolve(m.group("m") or m.group("m2"))
                if person is not None:
                    said = (quote.group("a") or quote.group("b")).strip()
                    said = re.sub(r"[,;:]$", ".", said)
                    person.statements.append(Statement(text=said, kind="quote",
                                                       source=(text,)))
                    self.last = person
                    return
        # Reported speech: a leader is the subject ("Berzina said ...", "He also
        # declared ...", "In this regard, Belarusian leader proposed ..."), possibly after
        # an opening phrase that ends with a comma.
        m = re.match(rf"(?:[^,“\"]{{0,80}},\s+)?(?P<m>{mention})\s+(?P<rest>{_ADVERBS}"
                     rf"(?:{_VERB_ALT})\b.*)$", text)
        if m is not None:
            person = self.resolve(m.group("m"))
            if person is not None:
                rest = re.sub(r"^(?:also|then|further|again)\s+", "", m.group("rest"))
                person.statements.append(Statement(text=sentence_case(rest), kind="reported",
                                                   source=(text,)))
                self.last = person
                return
        for p in self.people:  # the last leader named is who "he" means next
            if re.search(rf"\b{re.escape(p.surname)}\b(?!’s|'s)", text) or \
                    re.search(rf"\b{re.escape(p.name)}\b", text):
                self.last = p

    def leaders(self) -> tuple[Leader, ...]:
        return tuple(Leader(name=p.name, role=p.role, country=p.country,
                            statements=tuple(p.statements), source=(p.source,))
                     for p in self.people)

    def countries(self) -> list[str]:
        seen: list[str] = []
        for p in self.people:
            if p.country in COUNTRIES and p.country not in seen:
                seen.append(p.country)
        return seen
