"""Cooperation areas: fields named in enumerations, with places and what is made there."""

from __future__ import annotations

import re

from ..gazetteer import capital_index
from ..model import CooperationArea, Place
from .sentences import Sentence, sentence_case

_HEAD = r"(?:cooperation|collaboration|co-operation|partnership|interaction)"
# "cooperation in trade and industry, transport and transit ...", "contacts in education"
_IN_LIST = re.compile(
    rf"\b(?:{_HEAD}|contacts|ties|cooperate|collaborate|talks|discussions|negotiations|"
    rf"consultations)\s+(?:in|on|about)\s+(?:the\s+)?"
    r"(?:(?:fields?|areas?|spheres?|sectors?)\s+of\s+)?(?P<list>[^.;:“”\"]+)")
_ANY_HEAD = re.compile(_HEAD)
_SPHERE = re.compile(r"^(?P<adj>[a-z]+)\s+(?:sphere|field|sector|area)s?\b")
_WITHIN = re.compile(
    rf"\b{_HEAD}\s+within\s+(?:the\s+)?(?P<org>[A-Z][\w’'-]*(?:\s+[A-Z][\w’'-]*)*)")
# "cultural, humanitarian, scientific and technical collaboration"
_ADJ_LIST = re.compile(
    rf"\b(?P<list>(?:[a-z][a-z-]+,\s+)*[a-z][a-z-]+(?:,?\s+and\s+[a-z][a-z-]+)?)\s+{_HEAD}\b")
_NOT_FIELDS = frozenset({
    "bilateral", "further", "closer", "mutual", "mutually", "beneficial", "strategic",
    "comprehensive", "close", "deeper", "practical", "successful", "such", "this", "that",
    "our", "their", "its", "fruitful", "long-term", "all-round", "and", "strengthen",
    "strengthening", "expand", "expanding", "develop", "developing", "deepen", "deepening",
    "boost", "boosting", "for", "of", "the", "in", "on", "active", "good", "effective",
    "discussed", "developed", "existing", "future", "broader", "wider", "new", "regular",
    "economic", "more", "foreign", "direct", "private",
})
_NOT_TOPICS = frozenset({
    "sidelines", "margins", "results", "outcome", "outcomes", "way", "ways", "prospects",
    "matters", "issues", "topics", "questions", "a", "an", "their", "his", "her", "its",
    "bilateral", "relations", "further", "how", "what", "whether", "this", "that", "these",
})
_SECTORS = re.compile(
    r"\b(?:companies|firms|enterprises|businesses|representatives)\s+(?:working|operating|"
    r"engaged|specialising|specializing|active)\s+in\s+(?P<list>[^.;:]+?)(?=\s+(?:took|take|"
    r"attended|participated|joined|were|are|came)\b|[.;]|$)")
_SECURITY = re.compile(r"\bstrengthen(?:ing)?\s+(?:the\s+)?(?P<adj>[a-z]+)\s+"
                       r"(?P<noun>security|stability|connectivity)\b")
_LIST_END = re.compile(r",?\s+(?:which|who|said|says|as well as|while|whereas|to\s+[a-z]+|"
                       r"with\s+(?:the|a)\b|at\s+(?:the|a)\b|during|between|by)\b.*$")
_MAKING = re.compile(r"\b(?:assembled|produced|manufactured|made|built)\b")
_PLACES = re.compile(r"\bin\s+(?P<places>[A-Z][\w’'-]+(?:(?:,\s+|\s+and\s+)[A-Z][\w’'-]+)*)")
_CAPITALS = capital_index()
# "a joint industrial park in <Town>, where tiles ... are produced"; "a joint venture in
# <Town> has assembled buses"
_FACILITY = re.compile(
    r"\b(?:a|an|the)\s+(?:[A-Z][\w’'-]*-[A-Z][\w’'-]*\s+)?(?P<what>(?:joint\s+)?(?:[a-z]+\s+)?"
    r"(?:park|venture|plant|factory|hub|zone|enterprise|facility|cluster))\s+in\s+"
    r"(?P<place>[A-Z][\w’'-]+)(?P<rest>[^.;]*)")
_GOODS = re.compile(
    r"\bwhere\s+(?P<a>[^.;]+?)\s+(?:are|is|will be)\s+(?:produced|made|assembled|manufactured)"
    r"|\b(?:has|have)?\s*(?:assembled|produced|manufactured|made|built|assembles|produces|"
    r"makes|builds)\s+(?P<b>[^.;]+)")
_SINCE = re.compile(r"\b(?:[Ii]n|[Ss]ince)\s+((?:19|20)\d{2})\b")
# "the North–South transport corridor", "a gas pipeline"
_ROUTE = re.compile(
    r"\b(?P<name>(?:[A-Z][\w’'–-]*\s+){0,4}(?:transport|transit|trade|energy|gas|oil|logistics)"
    r"\s+(?:corridor|route|pipeline|railway|highway))\b")
# "investment in wind power", "to invest in our oil and gas sectors"
_INVEST = re.compile(
    r"\binvest(?:ment|ments|ing|s)?\s+in\s+(?:(?:our|their|its|the)\s+)?"
    r"(?P<field>[a-z][a-z-]+(?:\s+and\s+[a-z][a-z-]+|\s+[a-z][a-z-]+)?)"
    r"(?:\s+(?:sectors?|industry|industries))?(?=[.,;”\"]|$)")
# "a Year of Tourism", "Days of Cinema": exchanges named after their field
_YEAR_OF = re.compile(r"\b(?:Years?|Days?|Weeks?|Months?|Festival)\s+of\s+"
                      r"(?P<field>[A-Z][a-z]+(?:\s+and\s+[A-Z][a-z]+)?)")


def _items(listing: str) -> list[str]:
    """Fields in an enumeration. Single words together name one broad field ("education,
    culture and health"); phrases name one field each."""
    listing = _LIST_END.sub("", listing).strip(" ,")
    items = [i.strip() for i in re.split(r",\s+", listing) if i.strip()]
    if not items:
        return []
    last = items.pop()
    if " and the " in last:
        items.extend(last.split(" and the ", 1))
    elif items and any(" and " in i for i in items):
        items.append(last)
    else:
        items.extend(re.split(r"\s+and\s+", last, maxsplit=1) if items else [last])
    cleaned = [re.sub(r"^(?:the\s+)?(?:development|field|sphere|area|sector)\s+of\s+(?:the\s+)?"
                      r"|^the\s+", "", i) for i in items]
    # "defence industry cooperation" names the field "defence industry"
    cleaned = [re.sub(rf"\s+{_HEAD}$", "", i) for i in cleaned]
    # fields are common nouns; "talks on Tuesday", "talks on the sidelines" name none
    cleaned = [i for i in cleaned if i[:1].islower() and i.split()[0] not in _NOT_TOPICS]
    if len(cleaned) > 1 and all(len(i.split()) == 1 for i in cleaned):
        return [listing]
    return [i for i in cleaned if i and len(i.split()) <= 8]


class Areas:
    """Collects areas sentence by sentence; places attach to the area just named."""

    def __init__(self) -> None:
        self.areas: list[CooperationArea] = []
        self._keys: set[str] = set()
        self._last_sentence: int | None = None

    def _add(self, area: str, text: str, details: str | None = None) -> None:
        key = area.lower()
        if key in self._keys or not area.strip():
            return
        self._keys.add(key)
        self.areas.append(CooperationArea(area=sentence_case(area), details=details,
                                          source=(text,)))

    def scan(self, sentence: Sentence, index: int) -> None:
        text = sentence.text
        before = len(self.areas)
        listed: list[tuple[int, int]] = []
        for m in _IN_LIST.finditer(text):
            listed.append(m.span("list"))
            sphere = _SPHERE.match(m.group("list"))
            if sphere is not None:
                self._add(f"{sphere.group('adj')} sphere", text)
                continue
            for item in _items(m.group("list")):
                self._add(item, text)
        for m in _WITHIN.finditer(text):
            self._add(m.group("org"), text)
        for m in (_ADJ_LIST.finditer(text) if _ANY_HEAD.search(text) else ()):
            if any(a <= m.start() < b for a, b in listed):
                continue  # the tail of an enumeration already split into fields
            words = [w for w in re.split(r",?\s+and\s+|,\s+", m.group("list"))]
            while words and words[0] in _NOT_FIELDS:
                words.pop(0)
            if words and not any(w in _NOT_FIELDS for w in words):
                self._add(m.group("list")[m.group("list").find(words[0]):] + " " +
                          m.group()[len(m.group("list")):].strip(), text)
        for m in _SECTORS.finditer(text):
            self._add("Business sectors", text, details=sentence_case(m.group("list")))
        for m in _SECURITY.finditer(text):
            if m.group("adj") not in _NOT_FIELDS:
                self._add(f"{m.group('adj')} {m.group('noun')}", text)
        for m in _ROUTE.finditer(text):
            self._add(m.group("name"), text)
        for m in _INVEST.finditer(text):
            if m.group("field").split()[0] not in _NOT_FIELDS:
                self._add(f"investment in {m.group('field')}", text)
        for m in _YEAR_OF.finditer(text):
            self._add(m.group("field").lower(), text)
        for m in _FACILITY.finditer(text):
            self._facility(m, text)
        if len(self.areas) > before:
            self._last_sentence = index
        elif self._last_sentence == index - 1 and _MAKING.search(text):
            self._attach_places(text)

    def _facility(self, m: re.Match[str], text: str) -> None:
        goods = _GOODS.search(m.group("rest"))
        products: tuple[str, ...] = ()
        if goods is not None:
            listing = goods.group("a") or goods.group("b")
            products = tuple(p for p in re.split(r",\s+|\s+and\s+", listing.strip()) if p)
        since = _SINCE.search(text)
        place = Place(name=m.group("place"), country=_CAPITALS.get(m.group("place")),
                      products=products, established=since.group(1) if since else None)
        key = m.group("what").lower()
        if key in self._keys:
            return
        self._keys.add(key)
        self.areas.append(CooperationArea(area=sentence_case(m.group("what")), places=(place,),
                                          source=(text,)))

    def _attach_places(self, text: str) -> None:
        """"Trucks ... in Town A, Town B and buses in Town C are assembled":
        each group of capitalised names after "in", with the goods listed before it."""
        places: list[Place] = []
        previous_end = 0
        for m in _PLACES.finditer(text):
            goods = text[previous_end:m.start()].strip(" ,")
            goods = re.sub(r"^and\s+", "", goods)
            products = tuple(p.strip() for p in re.split(r",\s+(?![^()]*\))", goods)
                             if p.strip())
            names = re.split(r",\s+|\s+and\s+", m.group("places"))
            for name in names:
                places.append(Place(name=name, country=_CAPITALS.get(name),
                                    products=products))
            previous_end = m.end()
        if not places:
            return
        area = self.areas[-1]
        self.areas[-1] = CooperationArea(area=area.area, details=area.details,
                                         places=area.places + tuple(places),
                                         source=area.source + (text,))
