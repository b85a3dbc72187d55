"""Printing and PDF export: one renderer for Export PDF, Print (with preview) and
`briefing export`. Imports Qt; desktop.core stays Qt-free."""

from __future__ import annotations

from .pdf import PAGE_SIZES, ExportError, ExportResult, export_pdf, generation_time
from .render import RenderError, RenderResult, paint_briefing

__all__ = ["PAGE_SIZES", "ExportError", "ExportResult", "RenderError", "RenderResult",
           "export_pdf", "generation_time", "paint_briefing"]
