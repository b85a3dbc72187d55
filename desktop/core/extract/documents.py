"""Agreements and other documents: what kind, what it is called, where it stands."""

from __future__ import annotations

import re

from ..gazetteer import adjective_index
from ..model import Agreement
from .sentences import Sentence, sentence_case

_ADJECTIVES = adjective_index()
_COUNTRY_WORD = re.compile(
    r"(?<![\w])(?:" + "|".join(re.escape(w) for w in sorted(_ADJECTIVES, key=len, reverse=True))
    + r")(?![\w])")
_KINDS = (
    (r"memorand(?:um|a|ums) of understanding", "memorandum"),
    (r"memorand(?:um|a|ums)", "memorandum"), (r"agreements?", "agreement"),
    (r"declarations?", "declaration"), (r"decisions?", "decision"),
    (r"(?:joint\s+)?statements?", "statement"), (r"documents?", "documents"),
    (r"treaty|treaties", "treaty"), (r"protocols?", "protocol"),
    (r"programmes?|programs?|road\s?maps?", "programme"), (r"contracts?", "contract"),
)
# What makes the noun after it no document: "in agreement", "areas of agreement",
# "reached agreement on", "broad agreement", "a decision was taken".
_NO_DOCUMENT_BEFORE = re.compile(
    r"\b(?:in|areas?\s+of|points?\s+of|room\s+for|reached|reach|find|found|broad|"
    r"general|mutual|full|common)\s+(?:more\s+|an?\s+)?$", re.IGNORECASE)
DOCUMENT = re.compile(r"\b(?P<noun>" + "|".join(p for p, _ in _KINDS) + r")\b",
                      re.IGNORECASE)
# Cue words, strongest first within the same distance.
_CUES = (
    (r"\b(?:will|to|would|plan(?:s|ned)? to|expected to|are to|is to)\s+(?:be\s+)?sign",
     "planned"),
    (r"\b(?:entered|came|has entered|is) (?:into|in) force\b", "in_force"),
    (r"\bsign(?:ed|ing|s)?\b|\binked\b|\bconcluded\b|\bexchanged\b", "signed"),
    (r"\badopt(?:ed|ion|s)?\b|\bapprov(?:ed|al)\b|\bratifi(?:ed|cation)\b", "adopted"),
    (r"\bpropos(?:ed|al|es)\b|\bsuggest(?:ed|ion)\b|\binitiative\b", "proposed"),
    (r"\bconsider(?:ed|ation|s)?\b|\bdiscuss(?:ed|ion|es)?\b|\breview(?:ed)?\b|\bdraft\b",
     "considered"),
)
_DEFAULT_STATUS = {"statement": "issued", "declaration": "adopted"}
_STOP_BEFORE = frozenset({
    "the", "a", "an", "of", "including", "and", "with", "in", "on", "to", "by", "for",
    "number", "series", "several", "said", "also", "signed", "adopted", "these", "those",
    "this", "that", "its", "their", "his", "her", "other", "some", "all", "new", "two",
    "three", "four", "five", "which", "were", "was", "is", "are", "be", "been", "as",
    "inked", "concluded", "approved", "resulted", "exchanged", "package", "set",
})
# What may follow a document's noun as part of its name, and where the name stops.
_POST_START = re.compile(
    r"\s+(?:on|of|in|for|between|with|by|to|until|till|during|concerning|regarding|about|"
    r"worth|signed|adopted|concluded|reached|valid)\b")
_POST_END = re.compile(
    r"[.;:!?](?:\s|$)|\s+(?:which|that|who)\s+|\s+and\s+(?:a|an|the|signed|adopted)\s+|"
    r"\s+(?:is|are|was|were|will|would|has|have|had|can|could|should|may|must)\s+")
_SEGMENT = re.compile(r",\s+|;\s+|\s+as well as\s+|:\s+")
_VALIDITY = re.compile(r"\b(?:until|till|through|up to)\s+(?:19|20)\d{2}\b|"
                       r"\bfor (?:a period of )?(?:\d+|two|three|four|five|ten) years\b")


def _kind(noun: str) -> str:
    for pattern, kind in _KINDS:
        if re.fullmatch(pattern, noun, re.IGNORECASE):
            return kind
    return "documents"


def _segments(text: str) -> list[tuple[int, int]]:
    """Spans between commas, semicolons and "as well as", never inside quotation marks."""
    spans, begin = [], 0
    quoted = [(m.start(), m.end()) for m in re.finditer(r"“[^”]*”|\"[^\"]*\"", text)]
    for m in _SEGMENT.finditer(text):
        if any(a < m.start() < b for a, b in quoted):
            continue
        spans.append((begin, m.start()))
        begin = m.end()
    spans.append((begin, len(text)))
    return spans


def _status(text: str, at: int, kind: str, segment: tuple[int, int],
            previous: tuple[int, int] | None) -> str:
    local = text[segment[0]:segment[1]]
    if previous is not None and re.match(r"\s*including\b", local):
        local = text[previous[0]:segment[1]]
    found = _nearest(local, at - (segment[0] if previous is None or not re.match(
        r"\s*including\b", text[segment[0]:segment[1]]) else previous[0]))
    if found:
        return found
    if kind in _DEFAULT_STATUS:
        return _DEFAULT_STATUS[kind]
    return _nearest(text, at) or "considered"


def _nearest(text: str, at: int) -> str | None:
    best: tuple[int, int, str] | None = None
    for rank, (pattern, status) in enumerate(_CUES):
        for m in re.finditer(pattern, text, re.IGNORECASE):
            distance = abs(m.start() - at)
            if best is None or (distance, rank) < best[:2]:
                best = (distance, rank, status)
    return best[2] if best else None


def _title(text: str, m: re.Match[str], segment: tuple[int, int]) -> tuple[str, bool]:
    """The document's name: modifiers before the noun, and after it up to the segment's end
    or a quoted title. Also whether anything but the bare noun was found."""
    before = text[segment[0]:m.start()].split()
    pre: list[str] = []
    for word in reversed(before):
        clean = word.strip("“”\"'(")
        if clean.lower() in _STOP_BEFORE or not re.fullmatch(r"[\w’'-]+", clean) or \
                len(pre) >= 4:
            break
        pre.insert(0, clean)
    after = text[m.end():segment[1]]
    quoted = re.match(r"\s+(?:on\s+)?(“[^”]+”|\"[^\"]+\")", after)
    if quoted is not None:
        post = after[:quoted.end()]
    elif _POST_START.match(after):
        post = _POST_END.split(after)[0]
        words = post.split()
        if len(words) > 16:
            post = " " + " ".join(words[:16])
    else:  # "the agreement the two countries are negotiating": a clause, not a name
        post = ""
    title = " ".join([*pre, m.group("noun")]) + post.rstrip(" .")
    return sentence_case(" ".join(title.split())), bool(pre or post.strip())


def _parties(segment_text: str, sentence_text: str, main: list[str]) -> tuple[str, ...]:
    for text in (segment_text, sentence_text):
        found: list[str] = []
        for m in _COUNTRY_WORD.finditer(text):
            country = _ADJECTIVES[m.group()]
            if country not in found:
                found.append(country)
        if len(found) >= 2:
            return tuple(found)
    if re.search(r"\b(?:bilateral|two countries|both countries|two sides)\b", segment_text,
                 re.IGNORECASE) and len(main) >= 2:
        return tuple(main[:2])
    return ()


def agreements(sentence: Sentence, main_countries: list[str],
               organisation_spans: list[tuple[int, int]]) -> list[Agreement]:
    text = sentence.text
    segments = _segments(text)
    out: list[Agreement] = []
    for m in DOCUMENT.finditer(text):
        if any(a <= m.start() < b for a, b in organisation_spans):
            continue  # "Collective Security Treaty Organisation"
        follows = text[m.end():m.end() + 20]
        if re.match(r"\s+(?:to|that)\s", follows) or \
                _NO_DOCUMENT_BEFORE.search(text[max(0, m.start() - 40):m.start()]):
            continue  # "the decision to ...", "in agreement with", "areas of agreement"
        index = next(i for i, (a, b) in enumerate(segments) if a <= m.start() <= b)
        segment = segments[index]
        title, specific = _title(text, m, segment)
        plural = m.group("noun").lower().endswith("s") and _kind(m.group("noun")) != "documents"
        if not specific or (plural and re.match(r"\s*,\s+including\b", text[m.end():])):
            continue  # "signed agreements, including ...": the included one is the entry
        kind = _kind(m.group("noun"))
        previous = segments[index - 1] if index else None
        status = _status(text, m.start(), kind, segment, previous)
        validity = _VALIDITY.search(title)
        out.append(Agreement(
            title=title, kind=kind,  # type: ignore[arg-type]
            parties=_parties(text[segment[0]:segment[1]], text, main_countries),
            status=status,  # type: ignore[arg-type]
            validity=validity.group() if validity else None, source=(text,)))
    return out
