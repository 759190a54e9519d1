"""Badges to paper: a printer set up per layout, and PDF pages painted onto it.

The badge PDF is the one source of truth for what a badge looks like; a printer
gets its pages rasterised by PDFium at the printer's resolution (capped at
600 dpi). Each layout remembers its own printer, paper and orientation, because a
desk often has a card printer for CR80 and an office printer for A4 sheets.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

from PySide6.QtCore import QMarginsF, QRectF, QSizeF
from PySide6.QtGui import QImage, QPageLayout, QPageSize, QPainter
from PySide6.QtPrintSupport import QPrinter, QPrinterInfo

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.domain.model import BadgeLayout as Layout
from bsm_desk.ui.shell.state import window_settings

PRINTER_FAILED = QT_TRANSLATE_NOOP(
    "UserError", "The printer {printer} could not start printing. Check that it is "
                 "connected, switched on and has paper, then try again.")

PRINTER_MISSING = QT_TRANSLATE_NOOP(
    "UserError", "The printer {printer} is not installed (any more). Nothing was printed; "
                 "choose another printer and print again.")
PRINTER_STOPPED = QT_TRANSLATE_NOOP(
    "UserError", "The printer {printer} is stopped (paused, or out of order). Nothing was "
                 "printed and no badge was marked as printed: resume it in the computer's "
                 "printer settings, then print again.")
PRINTER_REJECTING = QT_TRANSLATE_NOOP(
    "UserError", "The printer {printer} is refusing new jobs. Nothing was printed and no "
                 "badge was marked as printed: let it accept jobs again in the computer's "
                 "printer settings, then print again.")

_PDFIUM = threading.Lock()  # PDFium is not thread-safe: previews and batch jobs take turns
_POINT_MM = 25.4 / 72


def has_printers() -> bool:
    return bool(QPrinterInfo.availablePrinters())


@contextmanager
def _document(pdf: bytes) -> Iterator[Any]:
    """``pdf`` opened with PDFium (loaded with the first badge shown or printed)."""
    import pypdfium2 as pdfium

    with _PDFIUM:
        document = pdfium.PdfDocument(pdf)
    try:
        yield document
    finally:
        with _PDFIUM:
            document.close()


def _image(document: Any, index: int, dots_per_inch: float) -> QImage:
    with _PDFIUM:
        bitmap = document[index].render(scale=dots_per_inch / 72, rev_byteorder=True)
        return QImage(bitmap.buffer, bitmap.width, bitmap.height, bitmap.stride,
                      QImage.Format.Format_RGB888 if bitmap.n_channels == 3
                      else QImage.Format.Format_RGBA8888).copy()


def page_image(pdf: bytes, index: int, dots_per_inch: float) -> QImage:
    """One page of ``pdf`` as an image, rendered at ``dots_per_inch``."""
    with _document(pdf) as document:
        return _image(document, index, dots_per_inch)


def page_points(pdf: bytes) -> tuple[float, float]:
    """Width and height of the first page, in points."""
    with _document(pdf) as document, _PDFIUM:
        width, height = document[0].get_size()
    return float(width), float(height)


def check_ready(printer: QPrinter) -> None:
    """Refuse, in words, before anything is sent, a printer that is not there, stopped
    (paused in its queue) or refusing jobs: Qt would hand CUPS the job and report
    success, and the badges would be logged as printed with nothing in the tray."""
    if printer.outputFormat() != QPrinter.OutputFormat.NativeFormat:
        return  # printing to a file
    name = printer.printerName()
    info = QPrinterInfo.printerInfo(name)
    if not name or info.isNull():
        raise UserError(PRINTER_MISSING, printer=name or "?")
    if info.state() == QPrinter.PrinterState.Error:
        raise UserError(PRINTER_STOPPED, printer=name)
    if not _accepting_jobs(name):
        raise UserError(PRINTER_REJECTING, printer=name)


def _accepting_jobs(name: str) -> bool:
    """CUPS's word on whether the queue takes jobs (Qt does not say). Where there is no
    CUPS (Windows) or it does not answer, taken as yes: printing then tells."""
    import os
    import shutil
    import subprocess

    lpstat = shutil.which("lpstat")
    if lpstat is None:
        return True
    try:
        done = subprocess.run([lpstat, "-a", name], capture_output=True, text=True,
                              timeout=10, env={**os.environ, "LC_ALL": "C", "LANG": "C"})
    except (OSError, subprocess.SubprocessError):
        return True
    return "not accepting" not in done.stdout


def _key(layout: Layout) -> str:
    return f"printing/{layout.value}"


def printer_for(layout: Layout) -> QPrinter:
    """A printer set up as this layout was last printed, or for its paper size."""
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    stored = window_settings()
    key = _key(layout)
    name = str(stored.value(f"{key}/printer", "") or "")
    if name and name in {p.printerName() for p in QPrinterInfo.availablePrinters()}:
        printer.setPrinterName(name)
    from bsm_desk.services.badges.pdf import page_size

    width, height = (v * _POINT_MM for v in page_size(layout))
    try:
        width = float(stored.value(f"{key}/width_mm", width))  # type: ignore[arg-type]
        height = float(stored.value(f"{key}/height_mm", height))  # type: ignore[arg-type]
        landscape = str(stored.value(f"{key}/orientation", "portrait")) == "landscape"
    except (TypeError, ValueError):
        landscape = False
    size = QPageSize(QSizeF(width, height), QPageSize.Unit.Millimeter, "",
                     QPageSize.SizeMatchPolicy.FuzzyMatch)
    printer.setPageLayout(QPageLayout(
        size, QPageLayout.Orientation.Landscape if landscape
        else QPageLayout.Orientation.Portrait, QMarginsF(0, 0, 0, 0)))
    printer.setFullPage(True)
    return printer


def remember(printer: QPrinter, layout: Layout) -> None:
    """Keep the printer, paper and orientation the user chose for this layout."""
    stored = window_settings()
    key = _key(layout)
    page = printer.pageLayout()
    size = page.pageSize().size(QPageSize.Unit.Millimeter)
    if printer.outputFormat() == QPrinter.OutputFormat.NativeFormat:
        stored.setValue(f"{key}/printer", printer.printerName())
    stored.setValue(f"{key}/width_mm", round(size.width(), 2))
    stored.setValue(f"{key}/height_mm", round(size.height(), 2))
    stored.setValue(f"{key}/orientation", "landscape" if page.orientation()
                    == QPageLayout.Orientation.Landscape else "portrait")
    stored.sync()


def paint_pdf(printer: QPrinter, pdf: bytes,
              progress: Callable[[int, int], None] | None = None) -> int:
    """Send every page of ``pdf`` to ``printer``; returns the pages sent.

    ``progress`` may raise to cancel: the print job is then aborted, so nothing
    half-printed is left in the queue.
    """
    with _document(pdf) as document:
        return _paint(printer, document, progress)


def _paint(printer: QPrinter, document: Any,
           progress: Callable[[int, int], None] | None) -> int:
    pages = len(document)
    painter = QPainter()
    if not painter.begin(printer):
        raise UserError(PRINTER_FAILED, printer=printer.printerName() or "PDF")
    try:
        dots = min(printer.resolution(), 600)
        for index in range(pages):
            if index and not printer.newPage():
                raise UserError(PRINTER_FAILED, printer=printer.printerName() or "PDF")
            image = _image(document, index, dots)
            target = QRectF(painter.viewport())
            scale = min(target.width() / image.width(), target.height() / image.height())
            drawn = QSizeF(image.width() * scale, image.height() * scale)
            painter.drawImage(QRectF(target.x() + (target.width() - drawn.width()) / 2,
                                     target.y() + (target.height() - drawn.height()) / 2,
                                     drawn.width(), drawn.height()), image)
            if progress:
                progress(index + 1, pages)
    except BaseException:
        printer.abort()
        raise
    finally:
        painter.end()
    return pages
