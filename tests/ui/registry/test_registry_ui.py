"""Editing, bulk actions with undo, duplicates and the import wizard, driven offscreen."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QDialogButtonBox, QInputDialog, QLineEdit, QMessageBox, QWizard

from bsm_desk.domain.model import DelegateStatus
from bsm_desk.store import connect, history
from bsm_desk.store import delegate_lists as lists
from bsm_desk.store import delegates as store
from bsm_desk.ui.registry.delegate_dialog import DelegateDialog
from bsm_desk.ui.registry.duplicates_dialog import DuplicatesDialog
from bsm_desk.ui.registry.import_wizard import ImportWizard
from bsm_desk.ui.shell.main_window import MainWindow
from tests.acting import who_at
from tests.conftest import DESK


def select_rows(screen, *rows: int) -> None:
    """Select whole rows without depending on keyboard state left by other tests."""
    flags = QItemSelectionModel.SelectionFlag
    screen.table.selectionModel().clearSelection()
    for row in rows:
        screen.table.selectionModel().select(screen.model.index(row, 0),
                                             flags.Select | flags.Rows)


def open_delegates(window: MainWindow, path: Path):
    window.open_database(path)
    window.show()
    window.navigation.setCurrentRow(1)
    return window.delegates_screen


def test_the_edit_dialog_checks_as_you_type_and_saves(window: MainWindow, demo_copy: Path,
                                                      qtbot) -> None:
    screen = open_delegates(window, demo_copy)
    dialog = DelegateDialog(screen.db, screen.overview, None,
                            who=who_at(screen.db, DESK), parent=screen)
    qtbot.addWidget(dialog)
    save = dialog.buttons.button(QDialogButtonBox.StandardButton.Save)
    assert not save.isEnabled()  # nothing filled in yet
    qtbot.keyClicks(dialog.edits["family_name"], "Odinaev")
    dialog.edits["family_name_cyr"].setText("Rakhimov")  # Latin in the Cyrillic field
    assert dialog.errors["family_name_cyr"].isVisibleTo(dialog)
    assert "Cyrillic" in dialog.errors["family_name_cyr"].text()
    dialog.edits["family_name_cyr"].setText("Одинаев")
    dialog.edits["email"].setText("not-an-email")
    assert "not an e-mail" in dialog.errors["email"].text() and not save.isEnabled()
    dialog.edits["email"].setText("s.odinaev@mfa.tj")
    dialog.delegation.setCurrentIndex(dialog.delegation.findText("Tajikistan"))
    dialog.category.setCurrentIndex(dialog.category.findText("Delegate"))
    assert save.isEnabled()
    dialog.accept()
    saved = store.get_delegate(screen.db, dialog.saved_id)
    assert (saved.family_name, saved.family_name_cyr, saved.email) == (
        "Odinaev", "Одинаев", "s.odinaev@mfa.tj")
    assert [c.action for c in history.for_delegate(screen.db, saved.id)] == ["created"]


def test_the_passport_is_masked_until_revealed(window: MainWindow, demo_copy: Path,
                                               qtbot) -> None:
    screen = open_delegates(window, demo_copy)
    someone = next(d for d in store.all_delegates(screen.db) if d.passport_no)
    dialog = DelegateDialog(screen.db, screen.overview, someone,
                            who=who_at(screen.db, DESK), parent=screen)
    qtbot.addWidget(dialog)
    assert dialog.passport.echoMode() == QLineEdit.EchoMode.Password
    dialog.reveal.click()
    assert dialog.passport.echoMode() == QLineEdit.EchoMode.Normal
    assert dialog.passport.text() == someone.passport_no
    assert dialog.history.count() >= 0


def test_bulk_cancel_then_undo(window: MainWindow, demo_copy: Path, qtbot,
                               monkeypatch: pytest.MonkeyPatch) -> None:
    screen = open_delegates(window, demo_copy)
    screen.table.selectRow(0)
    qtbot.keyClick(screen.table, Qt.Key.Key_Down, Qt.KeyboardModifier.ShiftModifier)
    ids = screen.selected_ids()
    assert len(ids) == 2 and screen.delegate_actions.cancel.isEnabled()
    monkeypatch.setattr(QMessageBox, "question",
                        lambda *a, **k: QMessageBox.StandardButton.Yes)
    screen.delegate_actions.cancel.trigger()
    assert {store.get_delegate(screen.db, i).status for i in ids} == {DelegateStatus.CANCELLED}
    assert screen.delegate_actions.undo.isEnabled()
    assert "Undo" in screen.delegate_actions.undo.text()
    screen.delegate_actions.undo.trigger()
    assert DelegateStatus.CANCELLED not in {store.get_delegate(screen.db, i).status for i in ids}
    assert not screen.delegate_actions.undo.isEnabled()


def test_change_category_for_a_selection(window: MainWindow, demo_copy: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    screen = open_delegates(window, demo_copy)
    select_rows(screen, 0, 3, 5)
    ids = screen.selected_ids()
    before = {d.id: d.category_id for d in store.all_delegates(screen.db)}
    monkeypatch.setattr(QInputDialog, "getItem", lambda *a, **k: ("Expert", True))
    screen.delegate_actions.category.trigger()
    expert = next(c.id for c in screen.overview.categories if c.code == "expert")
    assert len(ids) == 3
    assert [store.get_delegate(screen.db, i).category_id for i in ids] == [expert] * 3
    after = {d.id: d.category_id for d in store.all_delegates(screen.db)}
    assert {i: c for i, c in after.items() if i not in ids} == \
        {i: c for i, c in before.items() if i not in ids}  # nobody else changed


def test_the_delegation_banner_shows_head_and_limit(window: MainWindow, demo_copy: Path) -> None:
    screen = open_delegates(window, demo_copy)
    screen.delegation.setCurrentIndex(screen.delegation.findText("Russian Federation"))
    assert screen.banner.isVisible()
    text = screen.banner.text()
    assert text.startswith("Russian Federation: ") and "Head of delegation: H.E." in text
    assert "Limit: 12." in text
    screen.delegation.setCurrentIndex(0)
    assert not screen.banner.isVisible()


def test_merging_duplicates_in_the_dialog(window: MainWindow, demo_copy: Path, qtbot) -> None:
    screen = open_delegates(window, demo_copy)
    dialog = DuplicatesDialog(screen.db, who=who_at(screen.db, DESK), parent=screen)
    qtbot.addWidget(dialog)
    pairs = len(dialog.pairs)
    assert pairs >= 1 and dialog.list.count() == pairs
    keep, drop = dialog.pairs[0].ids
    dialog.keep_left.click()
    assert store.get_delegate(screen.db, drop).merged_into == keep
    assert len(dialog.pairs) == pairs - 1 and dialog.changed
    if dialog.pairs:
        a, b = dialog.pairs[0].ids
        dialog.different.click()
        assert (a, b) not in [p.ids for p in dialog.pairs]


def checked_wizard(window: MainWindow, path: Path, listing: Path, qtbot) -> ImportWizard:
    """The import wizard over the Delegates screen, ``listing`` chosen and checked (its
    columns as proposed)."""
    screen = open_delegates(window, path)
    wizard = ImportWizard(path, who=who_at(screen.db, DESK), parent=screen)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files.path.setText(str(listing))
    wizard.next()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check.report is not None, timeout=60_000)
    return wizard


def test_the_import_wizard_end_to_end(window: MainWindow, demo_copy: Path, tmp_path: Path,
                                      qtbot) -> None:
    listing = tmp_path / "mongolia.csv"
    listing.write_text("Surname;Name;Sex;Country;Position\n"
                       "Batbayar;Enkhbold;M;Mongolia;Colonel\n"
                       "Tsetseg;Oyun;F;Mongolia;Counsellor\n", encoding="utf-8")
    screen = open_delegates(window, demo_copy)
    wizard = ImportWizard(demo_copy, who=who_at(screen.db, DESK), parent=screen)
    qtbot.addWidget(wizard)
    wizard.show()
    wizard.files.path.setText(str(listing))
    assert wizard.files.isComplete()
    wizard.next()
    assert wizard.currentPage() is wizard.columns
    assert wizard.columns.mapping() == {0: "family_name", 1: "given_name", 2: "gender",
                                        3: "delegation", 4: "function_en"}
    wizard.next()
    qtbot.waitUntil(lambda: wizard.check.report is not None, timeout=60_000)
    assert "2 to add" in wizard.check.summary.text()
    assert wizard.check.isComplete()
    wizard.next()
    qtbot.waitUntil(lambda: wizard.imported, timeout=60_000)
    assert "2 added" in wizard.done_page.summary.text()
    other = connect(demo_copy)
    assert [h for h in lists.search_ids(other, "Batbayar")]


def test_the_wizard_stops_on_errors(window: MainWindow, demo_copy: Path, tmp_path: Path,
                                    qtbot) -> None:
    listing = tmp_path / "bad.csv"
    listing.write_text("Surname,Sex,Country\nBatbayar,M,Mongolia\nTsetseg,??,Mongolia\n",
                       encoding="utf-8")
    wizard = checked_wizard(window, demo_copy, listing, qtbot)
    assert not wizard.check.isComplete()
    assert wizard.check.problems.rowCount() == 1
    assert wizard.check.problems.item(0, 0).text() == "3"
    assert "Unknown gender" in wizard.check.problems.item(0, 2).text()
    assert wizard.button(QWizard.WizardButton.CommitButton).isEnabled() is False


def test_the_wizard_checks_again_as_it_imports_and_writes_nothing_if_the_event_changed(
        window: MainWindow, demo_copy: Path, tmp_path: Path, qtbot) -> None:
    """Between the check and the import another desk registers two Tajik namesakes of
    the list's one: the import finds it (a question, not a guess) and writes nothing."""
    from dataclasses import replace

    from bsm_desk.domain.people import Delegate
    from bsm_desk.services.registry.records import save_delegate

    listing = tmp_path / "tajikistan.csv"
    listing.write_text("Surname;Name;Country\nQodirov;Bahodur;Tajikistan\n"
                       "Ismoilzoda;Firuza;Tajikistan\n", encoding="utf-8")
    wizard = checked_wizard(window, demo_copy, listing, qtbot)
    assert "2 to add" in wizard.check.summary.text()
    other = connect(demo_copy)  # another desk, on the same file
    tajik = other.execute("SELECT id FROM delegation WHERE iso_code = 'TJ'").fetchone()[0]
    category = other.execute("SELECT id FROM category ORDER BY id").fetchone()[0]
    namesake = Delegate(family_name="Qodirov", given_name="Bahodur", delegation_id=tajik,
                        category_id=category)
    before = store.all_delegates(other)
    for email in ("b.qodirov@example.tj", "bahodur.q@example.tj"):
        save_delegate(other, replace(namesake, email=email), who=who_at(other, "other"))
    wizard.next()
    qtbot.waitUntil(lambda: wizard.done_page.report is not None, timeout=60_000)
    assert not wizard.imported
    assert "Nothing was imported" in wizard.done_page.summary.text()
    assert wizard.done_page.problems.rowCount() >= 1
    assert len(store.all_delegates(other)) == len(before) + 2  # the namesakes, no one else
    other.close()


def test_switching_language_keeps_the_selection(window: MainWindow, demo_copy: Path) -> None:
    from bsm_desk.ui.shell import i18n

    screen = open_delegates(window, demo_copy)
    select_rows(screen, 2, 7)
    chosen = screen.selected_ids()
    badges_screen = window.badges_screen
    window.navigation.setCurrentRow(2)
    badges_screen.table.selectRow(4)
    badge = badges_screen.selected_id()
    try:
        i18n.manager().set_language("ru")
        assert screen.selected_ids() == chosen and len(chosen) == 2
        assert badges_screen.selected_id() == badge is not None
    finally:
        i18n.manager().set_language("en")


def test_switching_language_before_a_screen_was_first_shown(window: MainWindow,
                                                           demo_copy: Path) -> None:
    from bsm_desk.ui.shell import i18n

    window.open_database(demo_copy)
    made_not_shown = [window.delegates_screen, window.badges_screen]
    try:
        i18n.manager().set_language("ru")  # an exception in a slot fails the test here
        assert made_not_shown[0].title.text() == "Участники"
    finally:
        i18n.manager().set_language("en")


def test_the_protocol_rank_is_proposed_from_the_function_shown_and_editable(
        window: MainWindow, demo_copy: Path, qtbot) -> None:
    from bsm_desk.domain.model import ProtocolRank

    screen = open_delegates(window, demo_copy)
    dialog = DelegateDialog(screen.db, screen.overview, None,
                            who=who_at(screen.db, DESK), parent=screen)
    qtbot.addWidget(dialog)
    russian = dialog.edits["function_ru"]
    russian.setText("Заместитель министра иностранных дел")
    russian.textEdited.emit(russian.text())  # as typing does (keyClicks knows no Cyrillic)
    assert dialog.rank.currentData() == ProtocolRank.DEPUTY_MINISTER.value
    assert dialog.rank.currentText() == "Deputy Minister"
    # The words that proposed it are said beside it.
    assert dialog.rank_source.text() == "from “заместитель министра”"
    dialog.rank.setCurrentIndex(dialog.rank.findData(ProtocolRank.AMBASSADOR.value))
    dialog.rank.activated.emit(dialog.rank.currentIndex())  # chosen by hand: kept
    assert dialog.rank_source.text() == "set by hand"
    qtbot.keyClicks(dialog.edits["function_en"], "Minister")
    assert dialog.delegate().protocol_rank is ProtocolRank.AMBASSADOR
    assert dialog.delegate().rank_by_hand  # a re-import's new function proposes no other
    someone = store.get_delegate(screen.db, screen.model.ids()[0])
    shown = DelegateDialog(screen.db, screen.overview, someone,
                           who=who_at(screen.db, DESK), parent=screen)
    qtbot.addWidget(shown)
    assert shown.rank.currentData() == someone.protocol_rank.value
