"""Export a briefing as a PDF file: painted by ``render`` on a QPdfWriter, finished by
``pdfpost`` (outline, subject, keywords, note destinations, fixed dates), written
atomically.

With SOURCE_DATE_EPOCH set, the dates come from it and the document id from the briefing
and the options, so the same briefing gives the same bytes (given QT_HASH_SEED=0 before Qt
loads, which `briefing export` sets).
"""

from __future__ import annotations

import hashlib
import os
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QMarginsF, QUuid
from PySide6.QtGui import QPagedPaintDevice, QPageLayout, QPageSize, QPdfWriter

from .. import __version__
from ..core import gcpause
from ..core.model import Briefing
from ..core.savefile import SaveError, save
from ..present.dates import readable
from .pdfpost import FinishError, Target, finish
from .qtapp import ensure_gui_app
from .render import RenderError, RenderResult, paint_briefing
from .xmp import xmp_packet

PAGE_SIZES = {"A4": QPageSize.PageSizeId.A4, "Letter": QPageSize.PageSizeId.Letter}
# The layout grid in dots per inch. Text and charts are vectors whatever it is, and the
# layout uses unhinted design metrics, so 72 loses nothing; it matters because the whole
# briefing is laid out as one column, and Qt's layout stops at 2**23 dots (measured: at
# 600 dpi a 50,000-entry briefing silently lost its last 2,000 pages). 72 dpi leaves room
# for about 9,900 A4 pages.
RESOLUTION = 72
CREATOR = f"Briefing Viewer {__version__}"


class ExportError(Exception):
    """The PDF could not be written; the message is one line for the user."""


@dataclass(frozen=True, slots=True)
class ExportResult:
    path: Path
    page_count: int
    byte_count: int


def generation_time() -> datetime:
    """SOURCE_DATE_EPOCH when set (reproducible builds), else now; always UTC."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch is None:
        return datetime.now(UTC).replace(microsecond=0)
    try:
        return datetime.fromtimestamp(int(epoch), UTC)
    except (ValueError, OverflowError, OSError):
        raise ExportError(f"SOURCE_DATE_EPOCH is not a number of seconds: {epoch!r}") from None


def export_pdf(briefing: Briefing, article_text: str | None, out_path: str | Path, *,
               page_size: str = "A4", query_label: str | None = None, pdfa: bool = False,
               source_name: str | None = None) -> ExportResult:
    """Write the briefing to ``out_path`` as a complete PDF, or raise ExportError and leave
    any existing file there untouched."""
    if page_size not in PAGE_SIZES:
        raise ExportError(f"unknown page size {page_size!r} (choose {', '.join(PAGE_SIZES)})")
    out_path = Path(out_path)
    generated = generation_time()
    reproducible = "SOURCE_DATE_EPOCH" in os.environ
    source_name = source_name or briefing.briefing.article.path
    options = (page_size, query_label, pdfa, source_name)
    info = _Info(briefing, query_label, generated,
                 _document_id(briefing, article_text, options, reproducible))
    # Many short-lived objects and no cycles; collections would only rescan the briefing.
    with gcpause.paused(freeze=False):
        data, result = _qt_pdf(briefing, article_text, page_size=page_size, pdfa=pdfa,
                               source_name=source_name, query_label=query_label, info=info)
        final = _finish(data, result, info)
    try:
        save(out_path, final)
    except SaveError as exc:
        raise ExportError(str(exc)) from None
    return ExportResult(path=out_path, page_count=result.page_count, byte_count=len(final))


@dataclass(frozen=True, slots=True)
class _Info:
    briefing: Briefing
    query_label: str | None
    generated: datetime
    document_id: uuid.UUID

    @property
    def title(self) -> str:
        return self.briefing.briefing.title

    @property
    def subject(self) -> str:
        head = self.briefing.briefing
        text = f"Briefing note: {head.place}, {readable(head.date)}"
        return f"{text} (filtered by query: {self.query_label})" if self.query_label else text

    @property
    def keywords(self) -> str:
        words = ["briefing"]
        words += [leader.name for leader in self.briefing.leaders[:10]]
        words += [org.acronym or org.name for org in self.briefing.organisations[:10]]
        seen: dict[str, None] = {}
        for word in words:
            seen.setdefault(word.replace(",", " "), None)
        return ", ".join(seen)


def _document_id(briefing: Briefing, article_text: str | None, options: tuple[object, ...],
                 reproducible: bool) -> uuid.UUID:
    if not reproducible:
        return uuid.uuid4()
    digest = hashlib.sha256(repr((briefing, article_text, options)).encode()).hexdigest()
    return uuid.uuid5(uuid.NAMESPACE_URL, f"briefing-export:{digest}")


def _qt_pdf(briefing: Briefing, article_text: str | None, *, page_size: str, pdfa: bool,
            source_name: str, query_label: str | None,
            info: _Info) -> tuple[bytes, RenderResult]:
    ensure_gui_app()
    array = QByteArray()
    buffer = QBuffer(array)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    writer = QPdfWriter(buffer)
    writer.setResolution(RESOLUTION)
    writer.setPageLayout(QPageLayout(QPageSize(PAGE_SIZES[page_size]),
                                     QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    writer.setTitle(info.title)
    writer.setCreator(CREATOR)
    writer.setDocumentId(QUuid(str(info.document_id)))
    if pdfa:
        writer.setPdfVersion(QPagedPaintDevice.PdfVersion.PdfVersion_A1b)
    writer.setDocumentXmpMetadata(QByteArray(xmp_packet(
        title=info.title, subject=info.subject, keywords=info.keywords, creator=CREATOR,
        producer=CREATOR, date=info.generated, document_id=info.document_id, pdfa=pdfa)))
    try:
        result = paint_briefing(writer, briefing, article_text, source_name=source_name,
                                query_label=query_label, generated=info.generated)
    except RenderError as exc:
        raise ExportError(f"cannot render the PDF: {exc}") from None
    del writer  # flushes the last page into the buffer
    buffer.close()
    return bytes(array.data()), result


def _finish(data: bytes, result: RenderResult, info: _Info) -> bytes:
    try:
        return finish(
            data, page_count=result.page_count,
            outline=[(m.title, Target(m.page, m.top_pt + 4)) for m in result.sections],
            destinations=[(name, Target(page, top + 4)) for name, page, top in result.notes],
            info={"/Title": info.title, "/Subject": info.subject, "/Keywords": info.keywords,
                  "/Creator": CREATOR, "/Producer": CREATOR},
            moment=info.generated)
    except FinishError as exc:
        raise ExportError(f"cannot finish the PDF: {exc}") from None
