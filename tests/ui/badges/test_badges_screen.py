from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pypdfium2 as pdfium
import pytest
from PySide6.QtCore import QMarginsF, QSizeF
from PySide6.QtGui import QPageLayout, QPageSize
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QFileDialog, QInputDialog, QMessageBox

from bsm_desk.domain.model import ReissueReason
from bsm_desk.services import badges
from bsm_desk.services.badges.pdf import Layout
from bsm_desk.store import badges as badge_store
from bsm_desk.store import connect
from bsm_desk.store.delegates import get_delegate
from bsm_desk.ui.badges import printing
from bsm_desk.ui.badges.screen import BadgesScreen
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.main_window import MainWindow
from tests.acting import who_at

BADGES_ROW = 2


def show_badges(window: MainWindow, path: Path) -> BadgesScreen:
    window.open_database(path)
    window.show()
    window.navigation.setCurrentRow(BADGES_ROW)
    return window.badges_screen


def pick(screen: BadgesScreen, name: str) -> int:
    screen.search.setText(name)
    screen._take_first()
    chosen = screen.selected_id()
    assert chosen is not None
    return chosen


def no_printer(monkeypatch: pytest.MonkeyPatch, target: Path) -> list[str]:
    said: list[str] = []
    monkeypatch.setattr(printing, "has_printers", lambda: False)
    monkeypatch.setattr(QMessageBox, "information",
                        lambda _parent, _title, text, *a: said.append(text))
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    return said


def test_the_list_leaves_out_the_cancelled_and_previews_the_badge(
        window: MainWindow, demo_copy: Path) -> None:
    screen = show_badges(window, demo_copy)
    db = connect(demo_copy)
    active = db.execute("SELECT count(*) FROM delegate WHERE status != 'cancelled'"
                        " AND merged_into IS NULL").fetchone()[0]
    db.close()
    assert screen.model.rowCount() == active < 700
    assert not screen.badge_actions.print_one.isEnabled()
    pick(screen, "Қурбонзода")
    screen.update_preview()
    pixmap = screen.preview.pixmap()
    assert not pixmap.isNull() and pixmap.height() > pixmap.width()  # an A6 page
    assert "version 1" in screen.info.text() and "Not printed" in screen.info.text()
    assert screen.badge_actions.print_one.isEnabled()
    screen.layout_box.setCurrentIndex(screen.layout_box.findData("cr80"))
    assert screen.preview.pixmap().width() > screen.preview.pixmap().height()


def test_print_on_arrival_without_a_printer_saves_a_pdf_and_logs_it(
        window: MainWindow, demo_copy: Path, tmp_path: Path, qtbot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    screen = show_badges(window, demo_copy)
    screen.unprinted.setChecked(True)
    waiting = screen.model.rowCount()
    chosen = pick(screen, "Qurbonzoda Iskandar")
    target = tmp_path / "one.pdf"
    said = no_printer(monkeypatch, target)
    screen.badge_actions.print_one.trigger()
    assert said and "No printer" in said[0]
    qtbot.waitUntil(lambda: target.exists(), timeout=60_000)
    qtbot.waitUntil(lambda: chosen not in screen.model.ids(), timeout=60_000)
    db = connect(demo_copy)
    assert [p.version for p in badge_store.prints(db, chosen)] == [1]
    db.close()
    screen.search.clear()
    screen._apply_filter()
    assert screen.model.rowCount() == waiting - 1  # no longer waiting for a badge


def test_reprint_revokes_and_prints_the_new_version(
        window: MainWindow, demo_copy: Path, tmp_path: Path, qtbot,
        monkeypatch: pytest.MonkeyPatch) -> None:
    screen = show_badges(window, demo_copy)
    chosen = pick(screen, "Qurbonzoda Iskandar")
    target = tmp_path / "again.pdf"
    no_printer(monkeypatch, target)
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Damaged", True))
    screen.badge_actions.reprint.trigger()
    qtbot.waitUntil(lambda: target.exists(), timeout=60_000)
    db = connect(demo_copy)
    assert badge_store.current_version(db, chosen) == 2
    qtbot.waitUntil(lambda: len(badge_store.prints(db, chosen)) == 1, timeout=60_000)
    assert [i.reason for i in badge_store.issues(db, chosen)] == ["damaged"]
    db.close()
    assert screen.selected_id() == chosen
    qtbot.waitUntil(lambda: "version 2" in screen.info.text(), timeout=60_000)


def test_a_name_correction_offers_the_reprint(window: MainWindow, demo_copy: Path,
                                              qtbot, monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_database(demo_copy)
    window.show()
    db = window.db
    delegate_id = badges.select(db, delegation="Tajikistan")[0]
    badges.log_prints(db, [(delegate_id, 1)], Layout.A6, who=who_at(db, "d"))
    before = get_delegate(db, delegate_id)
    after = replace(before, family_name=before.family_name + "i")
    asked: list[str] = []
    monkeypatch.setattr(QMessageBox, "question", lambda _p, _t, text, *a:
                        asked.append(text) or QMessageBox.StandardButton.Yes)
    from bsm_desk.services import registry

    registry.save_delegate(db, after, who=who_at(db, "d"))
    reprinted: list[tuple[int, ReissueReason]] = []
    monkeypatch.setattr(window.badges_screen, "reprint",
                        lambda i, reason: reprinted.append((i, reason)))
    window.delegates_screen.delegate_actions._offer_reprint(before, delegate_id)
    assert asked and "REVOKED" in asked[0]
    assert reprinted == [(delegate_id, ReissueReason.NAME)]
    assert window.stack.currentWidget() is window.badges_screen
    # An edit that leaves the name alone asks nothing.
    asked.clear()
    window.delegates_screen.delegate_actions._offer_reprint(after, delegate_id)
    assert asked == []


def test_paint_pdf_sends_every_page_to_the_printer(demo_file: Path, tmp_path: Path,
                                                   app) -> None:
    db = connect(demo_file)
    prepared = badges.prepare(db, badges.select(db)[:3], Layout.CR80)
    db.close()
    printer = QPrinter(QPrinter.PrinterMode.HighResolution)
    printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
    printer.setOutputFileName(str(tmp_path / "printed.pdf"))
    printer.setPageLayout(QPageLayout(QPageSize(QSizeF(85.6, 54), QPageSize.Unit.Millimeter),
                                      QPageLayout.Orientation.Portrait, QMarginsF()))
    printer.setFullPage(True)
    seen: list[tuple[int, int]] = []
    assert printing.paint_pdf(printer, prepared.pdf, lambda d, t: seen.append((d, t))) == 3
    assert seen[-1] == (3, 3)
    printed = pdfium.PdfDocument(str(tmp_path / "printed.pdf"))
    assert len(printed) == 3
    width, height = printed[0].get_size()
    assert abs(width / 72 * 25.4 - 85.6) < 1 and abs(height / 72 * 25.4 - 54) < 1


def test_the_printer_set_up_is_remembered_per_layout(app) -> None:
    printer = printing.printer_for(Layout.CR80)
    size = printer.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(size.width(), 1), round(size.height(), 1)) == (85.6, 54.0)
    printer.setPageLayout(QPageLayout(QPageSize(QPageSize.PageSizeId.A4),
                                      QPageLayout.Orientation.Landscape, QMarginsF()))
    printing.remember(printer, Layout.CR80)
    again = printing.printer_for(Layout.CR80)
    assert again.pageLayout().orientation() == QPageLayout.Orientation.Landscape
    size = again.pageLayout().pageSize().size(QPageSize.Unit.Millimeter)
    assert (round(size.width()), round(size.height())) == (210, 297)
    a6 = printing.printer_for(Layout.A6).pageLayout().pageSize().size(
        QPageSize.Unit.Millimeter)
    assert (round(a6.width()), round(a6.height())) == (105, 148)


def test_the_screen_speaks_russian(window: MainWindow, demo_file: Path) -> None:
    screen = show_badges(window, demo_file)
    i18n.manager().set_language("ru")
    assert screen.title.text() == "Бейджи"
    assert screen.unprinted.text().replace("&", "") == "Не напечатанные"
    assert window.navigation.item(BADGES_ROW).text() == "Бейджи"


def test_a_photo_goes_on_the_badge_and_comes_off(window: MainWindow, demo_copy: Path,
                                                 tmp_path: Path,
                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from PIL import Image

    screen = show_badges(window, demo_copy)
    chosen = pick(screen, "Qurbonzoda Iskandar")
    photo = tmp_path / "face.png"
    Image.new("RGB", (1200, 1600), (40, 90, 160)).save(photo)
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(photo), ""))
    assert not screen.badge_actions.remove_photo.isEnabled()
    screen.badge_actions.photo.trigger()
    assert screen.badge_actions.remove_photo.isEnabled()
    stored = badge_store.photos(window.db, [chosen])[chosen]
    assert Image.open(__import__("io").BytesIO(stored)).size == (480, 640)  # made small
    assert b"/Subtype /Image" in badges.pdf_bytes(window.db, [chosen], Layout.A6)
    screen.badge_actions.remove_photo.trigger()
    assert badge_store.photos(window.db, [chosen]) == {}

    broken = tmp_path / "broken.png"
    broken.write_bytes(b"\x89PNG not really")
    errors: list[str] = []
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *a, **k: (str(broken), ""))
    monkeypatch.setattr(QMessageBox, "warning", lambda _p, _t, text, *a: errors.append(text))
    screen.badge_actions.photo.trigger()
    assert errors and "broken.png" in errors[0]
    assert badge_store.photos(window.db, [chosen]) == {}


def test_save_dialogs_propose_a_file_name_that_says_what_is_in_it(window, demo_copy) -> None:
    screen = show_badges(window, demo_copy)
    screen.delegation.setCurrentIndex(screen.delegation.findText("Tajikistan"))
    screen.layout_box.setCurrentIndex(screen.layout_box.findData("a6"))
    assert screen.file_name(None) == "badges-tajikistan-a6.pdf"
    screen.unprinted.setChecked(True)
    assert screen.file_name(None) == "badges-tajikistan-not-printed-a6.pdf"
    first = screen.list_ids()[0]
    person = get_delegate(screen.db, first)
    assert screen.file_name(first).startswith(f"badge-{person.family_name.lower()[:3]}")


def test_the_empty_preview_says_what_to_do_in_both_languages(window, demo_copy) -> None:
    screen = show_badges(window, demo_copy)
    assert screen.selected_id() is None
    assert screen.preview.text() == "Select a delegate to see the badge."
    i18n.manager().set_language("ru")
    try:
        assert screen.preview.text() and "Select" not in screen.preview.text()
    finally:
        i18n.manager().set_language("en")


def test_the_list_is_counted_not_ordered_whole_at_each_filter(window: MainWindow,
                                                             demo_copy: Path) -> None:
    """Like the Delegates list: a filter orders the first rows and counts the rest; what
    the screen shows and enables (Print all) does not ask for the whole order."""
    from bsm_desk.ui.widgets.people_model import FIRST

    screen = show_badges(window, demo_copy)
    for unprinted in (False, True):
        screen.unprinted.setChecked(unprinted)
        assert screen.model.rowCount() > FIRST
        assert len(screen.model._ids) == FIRST
        assert screen.badge_actions.print_all.isEnabled()
        assert str(screen.model.rowCount()) in screen.count.text()
    assert len(screen.list_ids()) == screen.model.rowCount()  # all, when printed


def test_the_badge_column_says_what_is_printed_in_amber_until_it_is(
        window: MainWindow, demo_copy: Path) -> None:
    """The badge column's text and colour, worked out once a row: "not printed" in amber;
    once printed (the screen told), the time in the usual colour; the other columns
    never coloured."""
    from PySide6.QtCore import Qt
    from PySide6.QtGui import QColor

    screen = show_badges(window, demo_copy)
    chosen = pick(screen, "Қурбонзода")
    model = screen.model
    row = model.row_of(chosen)
    assert row is not None
    badge = [key for _, key in model.columns].index("badge")
    cell = model.index(row, badge)
    foreground = Qt.ItemDataRole.ForegroundRole
    assert model.data(cell) == "v1 · not printed"
    assert model.data(cell, foreground) == QColor("#b45309")
    assert all(model.data(model.index(row, c), foreground) is None
               for c in range(model.columnCount()) if c != badge)
    db = connect(demo_copy)
    badge_store.record_prints(db, [(chosen, 1)], "a6", desk_id="d")
    db.close()
    screen.badges_changed([chosen])
    row = model.row_of(chosen)
    assert row is not None
    cell = model.index(row, badge)
    assert model.data(cell).startswith("v1 · printed ")
    assert model.data(cell, foreground) is None
    i18n.manager().set_language("ru")
    try:
        assert model.data(cell).startswith("в.1 · напечатан ")
    finally:
        i18n.manager().set_language("en")
