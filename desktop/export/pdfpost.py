"""Finish Qt's PDF with an incremental update: outline, note destinations, full Info.

Qt writes no outline, subject or keywords, and stamps its Info dictionary with the
current time. Rewriting the whole file with pypdf costs time in the size of the file, so
the additions are appended as a standard incremental update instead (a new catalog, name
tree, outline and Info, a new xref section pointing back to Qt's): the cost depends on
the number of sections and notes, not on the size of the document. pypdf reads Qt's
trailer and serialises the new objects; Qt's own dates are overwritten in place (same
length), so with fixed dates and document id the bytes are reproducible.
"""

from __future__ import annotations

import io
import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

from pypdf import PdfReader
from pypdf.errors import PyPdfError
from pypdf.generic import (
    ArrayObject,
    ByteStringObject,
    DecodedStreamObject,
    DictionaryObject,
    FloatObject,
    IndirectObject,
    NameObject,
    NullObject,
    NumberObject,
    PdfObject,
    StreamObject,
    TextStringObject,
)


class FinishError(Exception):
    """Qt's output is not the PDF expected (so it is not written)."""


@dataclass(frozen=True, slots=True)
class Target:
    """A place in the document: page index and distance from the page's bottom, in pt."""

    page: int
    top_pt: float


def finish(data: bytes, *, page_count: int, outline: Iterable[tuple[str, Target]],
           destinations: Iterable[tuple[str, Target]], info: dict[str, str],
           moment: datetime, language: str = "en") -> bytes:
    """Qt's PDF bytes with the update appended (raises FinishError if they do not parse)."""
    try:
        return _finish(data, page_count, outline, destinations, info, moment, language)
    except (PyPdfError, KeyError, ValueError) as exc:
        raise FinishError(f"Qt's PDF could not be read back: {exc}") from None


def _finish(data: bytes, page_count: int, outline: Iterable[tuple[str, Target]],
            destinations: Iterable[tuple[str, Target]], info: dict[str, str],
            moment: datetime, language: str) -> bytes:
    try:
        # Strict skips pypdf's repair pass, which reads every object's header; Qt's xref
        # needs no repair, but if strict refuses, repair it.
        reader = PdfReader(io.BytesIO(data), strict=True)
    except PyPdfError:
        reader = PdfReader(io.BytesIO(data))
    pages = _page_refs(reader)
    if len(pages) != page_count:
        raise FinishError(f"the PDF has {len(pages)} pages, expected {page_count}")
    data = _restamp(data, reader, moment)
    update = _Update(int(reader.trailer["/Size"]))
    root_ref = reader.trailer.raw_get("/Root")
    root = reader.trailer["/Root"]

    catalog = DictionaryObject({NameObject(k): v for k, v in root.items()})
    catalog[NameObject("/Outlines")] = _outline(update, outline, pages)
    catalog[NameObject("/PageMode")] = NameObject("/UseOutlines")
    catalog[NameObject("/Lang")] = TextStringObject(language)
    names = DictionaryObject()
    if "/Names" in root:
        names.update({NameObject(k): v for k, v in root["/Names"].items()})
    existing = _name_tree_pairs(root["/Names"]["/Dests"]) if "/Dests" in names else []
    names[NameObject("/Dests")] = _name_tree(update, existing, destinations, pages)
    catalog[NameObject("/Names")] = update.add(names)
    update.put(root_ref.idnum, catalog)

    info_dict = DictionaryObject({NameObject(k): TextStringObject(v) for k, v in info.items()})
    stamp = moment.astimezone(UTC).strftime("D:%Y%m%d%H%M%S+00'00'")
    info_dict[NameObject("/CreationDate")] = TextStringObject(stamp)
    info_dict[NameObject("/ModDate")] = TextStringObject(stamp)
    info_ref = update.add(info_dict)
    _plain_spaces(reader, update, data)
    return update.append_to(data, root_ref, info_ref, reader.trailer.get("/ID"),
                            _last_startxref(data))


_TO_UNICODE = re.compile(rb"/ToUnicode (\d+) 0 R")
_ARRAY = re.compile(rb"\[([^\]]*)\]")
_CHAR_TO_TAB = re.compile(rb"(?m)^(<[0-9A-Fa-f]+>\s+)<0009>$")


def _plain_spaces(reader: PdfReader, update: _Update, data: bytes) -> None:
    """Each font's space read back as a space. Qt's font subsetter maps a glyph to the
    lowest code point that uses it, and DejaVu draws the tab with its space glyph, so
    every space of Qt's text layer reads as a tab: copied or searched, "first nine
    months" is "first\tnine\tmonths". The maps are rewritten in the update (a few small
    streams, one per font), the glyphs are untouched."""
    for number in sorted({int(m.group(1)) for m in _TO_UNICODE.finditer(data)}):
        stream = reader.get_object(number)
        if not isinstance(stream, StreamObject):
            continue
        cmap = stream.get_data()
        fixed = _ARRAY.sub(lambda m: b"[" + m.group(1).replace(b"<0009>", b"<0020>") + b"]",
                           cmap)
        fixed = _CHAR_TO_TAB.sub(rb"\1<0020>", fixed)
        if fixed != cmap:
            replacement = DecodedStreamObject()
            replacement.set_data(fixed)
            update.put(number, replacement.flate_encode())


def _page_refs(reader: PdfReader) -> list[IndirectObject | None]:
    """The pages' references in order. Qt writes one flat page tree, whose kids are the
    pages themselves: taken as they are, no page is parsed (pypdf's ``pages`` parses all
    of them). Any other shape goes through pypdf."""
    tree = reader.trailer["/Root"]["/Pages"]
    kids = tree.raw_get("/Kids") if "/Kids" in tree else None
    if isinstance(kids, IndirectObject):
        kids = kids.get_object()
    if isinstance(kids, ArrayObject) and int(tree.get("/Count", -1)) == len(kids) and all(
            isinstance(kid, IndirectObject) for kid in kids):
        return list(kids)
    return [page.indirect_reference for page in reader.pages]


class _Update:
    def __init__(self, size: int) -> None:
        self.size = size
        self.objects: dict[int, PdfObject] = {}

    def add(self, obj: PdfObject) -> IndirectObject:
        number = self.size
        self.size += 1
        self.objects[number] = obj
        return IndirectObject(number, 0, None)  # type: ignore[arg-type]

    def put(self, number: int, obj: PdfObject) -> None:
        self.objects[number] = obj

    def append_to(self, data: bytes, root: IndirectObject, info: IndirectObject,
                  file_id: PdfObject | None, previous: int) -> bytes:
        out = io.BytesIO()
        out.write(data if data.endswith(b"\n") else data + b"\n")
        offsets: dict[int, int] = {}
        for number in sorted(self.objects):
            offsets[number] = out.tell()
            out.write(b"%d 0 obj\n" % number)
            self.objects[number].write_to_stream(out)
            out.write(b"\nendobj\n")
        xref_at = out.tell()
        out.write(b"xref\n")
        for start, run in _runs(sorted(offsets)):
            out.write(b"%d %d\n" % (start, len(run)))
            out.writelines(b"%010d 00000 n \n" % offsets[n] for n in run)
        trailer = DictionaryObject({
            NameObject("/Size"): NumberObject(self.size),
            NameObject("/Root"): root,
            NameObject("/Info"): info,
            NameObject("/Prev"): NumberObject(previous),
        })
        if file_id is not None:
            trailer[NameObject("/ID")] = file_id
        out.write(b"trailer\n")
        trailer.write_to_stream(out)
        out.write(b"\nstartxref\n%d\n%%%%EOF\n" % xref_at)
        return out.getvalue()


def _runs(numbers: list[int]) -> list[tuple[int, list[int]]]:
    runs: list[tuple[int, list[int]]] = []
    for number in numbers:
        if runs and runs[-1][1][-1] + 1 == number:
            runs[-1][1].append(number)
        else:
            runs.append((number, [number]))
    return runs


def _destination(pages: list[IndirectObject | None], target: Target) -> ArrayObject:
    return ArrayObject([pages[target.page], NameObject("/XYZ"), FloatObject(0),
                        FloatObject(round(target.top_pt, 2)), NullObject()])


def _outline(update: _Update, items: Iterable[tuple[str, Target]],
             pages: list[IndirectObject | None]) -> IndirectObject:
    root = DictionaryObject({NameObject("/Type"): NameObject("/Outlines")})
    root_ref = update.add(root)
    refs: list[IndirectObject] = []
    for title, target in items:
        refs.append(update.add(DictionaryObject({
            NameObject("/Title"): TextStringObject(title),
            NameObject("/Parent"): root_ref,
            NameObject("/Dest"): _destination(pages, target),
        })))
    for index, ref in enumerate(refs):
        item = update.objects[ref.idnum]
        assert isinstance(item, DictionaryObject)
        if index:
            item[NameObject("/Prev")] = refs[index - 1]
        if index + 1 < len(refs):
            item[NameObject("/Next")] = refs[index + 1]
    if refs:
        root[NameObject("/First")] = refs[0]
        root[NameObject("/Last")] = refs[-1]
        root[NameObject("/Count")] = NumberObject(len(refs))
    return root_ref


def _name_key(name: str) -> ByteStringObject:
    # Qt writes destination names, in the name tree and in its links, as UTF-16BE with a
    # byte order mark; a name added here must be the same bytes for its links to find it.
    return ByteStringObject(b"\xfe\xff" + name.encode("utf-16-be"))


def _name_tree_pairs(node: PdfObject) -> list[tuple[bytes, PdfObject]]:
    node = node.get_object()
    assert isinstance(node, DictionaryObject)
    pairs: list[tuple[bytes, PdfObject]] = []
    if "/Names" in node:
        flat = node["/Names"]
        for i in range(0, len(flat) - 1, 2):
            key = flat[i]
            raw = key.original_bytes if hasattr(key, "original_bytes") else bytes(key)
            pairs.append((raw, flat.raw_get(i + 1) if hasattr(flat, "raw_get") else flat[i + 1]))
    for kid in node.get("/Kids", []):
        pairs.extend(_name_tree_pairs(kid))
    return pairs


def _name_tree(update: _Update, existing: list[tuple[bytes, PdfObject]],
               added: Iterable[tuple[str, Target]],
               pages: list[IndirectObject | None]) -> IndirectObject:
    entries = dict(existing)
    for name, target in added:
        entries[bytes(_name_key(name))] = _destination(pages, target)
    flat = ArrayObject()
    for key in sorted(entries):
        flat.append(ByteStringObject(key))
        flat.append(entries[key])
    return update.add(DictionaryObject({NameObject("/Names"): flat}))


_QT_DATE = re.compile(rb"\(D:\d{14}(Z|[+-]\d\d'\d\d')\)")


def _restamp(data: bytes, reader: PdfReader, moment: datetime) -> bytes:
    """Qt's Info dates ("now") overwritten with ``moment`` in one form, whatever the zone.

    Qt writes local time, as "Z" when the zone is UTC and "+09'00'" otherwise: with the
    same SOURCE_DATE_EPOCH, files made in Tokyo and in London differed in length. Both
    become ``+00'00'``, and the objects after Qt's Info move by the difference (its xref
    offsets rewritten), so the same moment gives the same bytes in every zone.
    """
    info_ref = reader.trailer.raw_get("/Info")
    start = reader.xref[info_ref.generation][info_ref.idnum]
    end = data.index(b"endobj", start)
    stamp = b"(D:" + moment.astimezone(UTC).strftime("%Y%m%d%H%M%S").encode() + b"+00'00')"
    body = _QT_DATE.sub(lambda _match: stamp, data[start:end])
    delta = len(body) - (end - start)
    data = data[:start] + body + data[end:]
    return _shift_offsets(data, start, delta) if delta else data


def _shift_offsets(data: bytes, after: int, delta: int) -> bytes:
    """``data`` with its classic xref table (the one Qt writes, found by ``startxref``) and
    ``startxref`` itself moved by ``delta`` for everything that began after ``after``."""
    old_xref = _last_startxref(data)
    xref = old_xref + delta if old_xref > after else old_xref
    if not data.startswith(b"xref", xref):
        raise FinishError("Qt's PDF has no classic xref table where startxref points")
    lines = data[xref:data.index(b"trailer", xref)].split(b"\n")
    out = [lines[0]]
    for line in lines[1:]:
        if len(line) >= 18 and line[17:18] == b"n":  # "oooooooooo ggggg n" and its EOL
            offset = int(line[:10])
            if offset > after:
                line = b"%010d" % (offset + delta) + line[10:]
        out.append(line)
    table = b"\n".join(out)
    tail_at = data.rindex(b"startxref")
    tail = data[tail_at:].replace(b"%d" % old_xref, b"%d" % xref, 1)
    return data[:xref] + table + data[xref + len(table):tail_at] + tail


def _last_startxref(data: bytes) -> int:
    at = data.rindex(b"startxref")
    return int(data[at + len(b"startxref"):].split()[0])
