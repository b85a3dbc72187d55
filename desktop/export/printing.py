"""Print and print preview: the same renderer as the PDF, painted on a QPrinter."""

from __future__ import annotations

from collections.abc import Callable
from datetime import UTC, datetime

from PySide6.QtPrintSupport import QPrinter

from ..core.model import Briefing
from .render import paint_briefing

PRINT_DPI = 300


def paint_request_handler(briefing: Briefing, article_text: str | None, *,
                          source_name: str | None = None,
                          query_label: str | None = None) -> Callable[[QPrinter], None]:
    """A slot for QPrintPreviewDialog.paintRequested (and for printing after QPrintDialog):
    paints the briefing on the printer it is given. The generation time is fixed when the
    handler is made, so every preview refresh and the final print agree.

    The slot raises RenderError if the printer cannot be painted on; the window should
    catch it around ``dialog.exec()`` / the print call and show it.
    """
    generated = datetime.now(UTC).replace(microsecond=0)

    def paint(printer: QPrinter) -> None:
        # Layout coordinates run out at 2**23 dots (see pdf.RESOLUTION): at the usual
        # 1200 dpi that is ~600 pages, at 300 dpi ~2,400. Output stays vector either way.
        if printer.resolution() > PRINT_DPI:
            printer.setResolution(PRINT_DPI)
        paint_briefing(printer, briefing, article_text, source_name=source_name,
                       query_label=query_label, generated=generated)

    return paint
