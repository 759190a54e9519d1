"""Operators at the window: an event with operators asks for sign-in when it opens;
what the role may not do is greyed out and says why; the screen locks after the idle
time (at the Check-in screen the scanner goes on); switching operator keeps the desk's
checkpoint; the History screen is a supervisor's; sealed personal data unlock."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import QEvent, Qt

from bsm_desk.domain.operators import Role
from bsm_desk.services import demo, operators
from bsm_desk.store import audit
from bsm_desk.ui.operators.guard import OperatorGuard
from bsm_desk.ui.operators.sign_in import SignInDialog
from bsm_desk.ui.shell.screen_registry import NAMES
from tests.acting import who_at

PEOPLE = {role: (name, secret) for name, role, secret in demo.DEMO_OPERATORS}


@pytest.fixture
def staffed_demo(tmp_path: Path) -> Path:
    path = tmp_path / "staffed.sqlite"
    demo.build_demo(path, delegates=40, desk_id="test", operators=True)
    yield path
    audit.SIGNED.clear()


def signs_in_as(monkeypatch, role: Role | None,
                asked: list[str]) -> None:  # type: ignore[no-untyped-def]
    """The sign-in dialog answered as ``role`` would (None: cancelled)."""
    def answer(dialog: SignInDialog) -> int:
        asked.append(dialog.intro.text())
        if role is None:
            return 0
        name, secret = PEOPLE[role]
        dialog.name.setCurrentText(name)
        dialog.secret.setText(secret)
        dialog.try_sign_in()
        return int(dialog.signed is not None)

    monkeypatch.setattr(SignInDialog, "exec", answer)


def test_opening_asks_to_sign_in_and_the_role_greys_out_the_rest(
        window, staffed_demo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    signs_in_as(monkeypatch, Role.DESK, asked)
    assert window.open_database(staffed_demo)
    assert len(asked) == 1 and "sign in" in asked[0]
    assert window.guard.label.text() == "Aliya Rahimova (desk)"
    assert not window.settings_action.isEnabled()
    assert "may not change this desk's settings" in window.settings_action.toolTip()
    assert not window.operators_action.isEnabled()
    history = NAMES.index("history")
    assert not window.screen_actions[history].isEnabled()
    assert "may not read the history" in window.navigation.item(history).toolTip()
    # Copying or replacing the event file is not a desk's either, in any language.
    assert not window.backup_action.isEnabled() and not window.restore_action.isEnabled()
    assert "may not copy the event file" in window.backup_action.toolTip()
    window.set_language("ru")
    assert not window.backup_action.isEnabled()
    window.set_language("en")


def test_a_cancelled_sign_in_leaves_the_window_locked(window, staffed_demo: Path,
                                                      monkeypatch) -> None:  # type: ignore[no-untyped-def]
    signs_in_as(monkeypatch, None, [])
    window.open_database(staffed_demo)
    assert window.guard.locked and not window.navigation.isEnabled()
    assert window.guard.label.text().startswith("Nobody signed in")
    signs_in_as(monkeypatch, Role.SUPERVISOR, [])
    window.guard.label.click()
    assert not window.guard.locked and window.navigation.isEnabled()


def test_idle_locks_and_the_checkin_screen_keeps_scanning(window, staffed_demo: Path,
                                                          monkeypatch, qtbot) -> None:  # type: ignore[no-untyped-def]
    signs_in_as(monkeypatch, Role.DESK, [])
    window.settings.lock_after_min = 1
    window.open_database(staffed_demo)
    window.show()
    window.navigation.setCurrentRow(NAMES.index("checkin"))
    screen = window.checkin_screen
    point = screen.desk.checkpoint.id if getattr(screen, "desk", None) else None
    assert window.guard.timer.isActive() and window.guard.timer.interval() == 60_000
    window.guard.timer.setInterval(50)
    window.guard.timer.start()
    qtbot.waitUntil(lambda: window.guard.locked, timeout=60_000)
    assert not window.navigation.isEnabled() and screen.isEnabled()
    assert operators.signed_in(window.db) is not None  # scanning goes on as Aliya
    # Switching operator: one dialog, the checkpoint kept.
    signs_in_as(monkeypatch, Role.REGISTRAR, [])
    window.guard.label.click()
    assert operators.signed_in(window.db).name == "Мадина Саидова"
    assert not window.guard.locked
    if point is not None:
        assert screen.desk.checkpoint.id == point


def _counting_filter(monkeypatch) -> list[int]:  # type: ignore[no-untyped-def]
    """How many events the guard's filter has seen (one entry each)."""
    seen: list[int] = []
    watch = OperatorGuard.eventFilter

    def counted(self, watched, event):  # type: ignore[no-untyped-def]
        seen.append(int(event.type().value))
        return watch(self, watched, event)

    monkeypatch.setattr(OperatorGuard, "eventFilter", counted)
    return seen


def test_activity_is_watched_only_while_the_idle_time_runs(window, staffed_demo: Path,
                                                           tmp_path: Path, monkeypatch,
                                                           qtbot) -> None:  # type: ignore[no-untyped-def]
    seen = _counting_filter(monkeypatch)
    plain = tmp_path / "plain.sqlite"
    demo.build_demo(plain, delegates=10, desk_id="test")
    window.open_database(plain)  # no operators: no idle time, no filter on every event
    window.show()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert seen == [] and not window.guard.timer.isActive()
    signs_in_as(monkeypatch, Role.DESK, [])
    window.open_database(staffed_demo)  # signed in: each key press restarts the time
    assert window.guard.timer.isActive()
    window.guard.timer.setInterval(3_600_000)
    window.guard.timer.start()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert int(QEvent.Type.KeyPress.value) in seen
    assert window.guard.timer.isActive()
    signs_in_as(monkeypatch, None, [])
    window.guard.lock()  # locked away from Check-in: signed out, nothing watched
    seen.clear()
    qtbot.keyClick(window.navigation, Qt.Key.Key_Down)
    assert seen == [] and not window.guard.timer.isActive()


def test_idle_elsewhere_signs_out_and_asks_again(window, staffed_demo: Path, monkeypatch,
                                                 qtbot) -> None:  # type: ignore[no-untyped-def]
    asked: list[str] = []
    signs_in_as(monkeypatch, Role.SUPERVISOR, asked)
    window.open_database(staffed_demo)
    window.navigation.setCurrentRow(NAMES.index("delegates"))
    signs_in_as(monkeypatch, None, asked)
    window.guard.lock()
    assert "The screen was locked (Farrukh Nazarov" in asked[-1]
    assert operators.signed_in(window.db) is None and window.guard.locked
    actions = [r[0] for r in window.db.execute(
        "SELECT action FROM audit WHERE action LIKE 'sign_%' ORDER BY id").fetchall()]
    assert actions[-2:] == ["sign_in", "sign_out"]


def test_the_history_screen_is_a_supervisors(window, staffed_demo: Path,
                                             monkeypatch) -> None:  # type: ignore[no-untyped-def]
    signs_in_as(monkeypatch, Role.SUPERVISOR, [])
    window.open_database(staffed_demo)
    window.show()
    window.navigation.setCurrentRow(NAMES.index("history"))
    screen = window.history_screen
    assert screen.table.rowCount() > 100
    assert screen.table.item(0, 1).text() == "Farrukh Nazarov"  # newest first: sign-in
    screen.who.setCurrentIndex(screen.who.findData("Farrukh Nazarov"))
    assert all(screen.table.item(r, 1).text() == "Farrukh Nazarov"
               for r in range(screen.table.rowCount()))
    monkeypatch.setattr("PySide6.QtWidgets.QMessageBox.information",
                        lambda *a: seen.append(a[2]))
    seen: list[str] = []
    screen.verify()
    assert seen and "unbroken" in seen[0]
    signs_in_as(monkeypatch, Role.DESK, [])
    window.guard.sign_in()
    screen.reload()
    assert screen.refusal.isVisible() or "may not read the history" in screen.refusal.text()


def test_first_operator_from_the_window(window, demo_copy: Path,
                                        monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.ui.operators.dialog import OperatorDialog, OperatorsDialog

    window.open_database(demo_copy)
    assert not window.guard.label.isVisible()

    def fill(dialog: OperatorDialog) -> int:
        dialog.name.setText("Root Admin")
        dialog.secret.setText("root-password")
        dialog.again.setText("root-password")
        dialog.passphrase.setText("dushanbe-passphrase")
        dialog.passphrase_again.setText("dushanbe-passphrase")
        dialog._check()
        return int(dialog.result() == 1)

    monkeypatch.setattr(OperatorDialog, "exec", fill)
    dialog = OperatorsDialog(window.db, window.settings, window)
    dialog.add()
    assert [(o.name, o.role) for o in operators.operators(window.db)] == [
        ("Root Admin", Role.ADMINISTRATOR)]
    assert operators.signed_in(window.db).name == "Root Admin"
    audit.SIGNED.clear()


def test_a_desk_without_the_key_is_unlocked_once_then_masks_and_reveals(
        window, staffed_demo: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Another computer (it does not keep the event's key) cannot check any password: the
    sign-in says so; the event's passphrase, once, makes the desk keep the key; then a
    desk operator sees personal data masked and a registrar reveals it (audited)."""
    from bsm_desk.services.operators import keystore
    from bsm_desk.store import connect
    from bsm_desk.store import privacy as sealing
    from bsm_desk.ui.operators.sign_in import PassphraseDialog
    from bsm_desk.ui.registry.delegate_dialog import DelegateDialog

    with connect(staffed_demo) as db:
        person = db.execute("SELECT id FROM delegate WHERE passport_no <> '' ORDER BY id"
                            " LIMIT 1").fetchone()[0]
        keystore.drop(db)
    sealing.KEYS.clear()
    audit.SIGNED.clear()
    asked: list[str] = []
    signs_in_as(monkeypatch, Role.DESK, asked)
    window.open_database(staffed_demo)
    assert "does not hold the event's key" in asked[0] and window.guard.locked
    unlock = PassphraseDialog(window.db, window)
    assert unlock.remember.isChecked()
    unlock.passphrase.setText("wrong one")
    unlock.try_unlock()
    assert "not this event's passphrase" in unlock.problem.text()
    unlock.passphrase.setText(demo.DEMO_PASSPHRASE)
    unlock.try_unlock()
    assert keystore.get(window.db) is not None  # kept: the next start asks for nothing
    window.guard.sign_in()
    assert window.guard.label.text() == "Aliya Rahimova (desk)"
    from bsm_desk.store import delegates as delegate_store

    def dialog() -> DelegateDialog:
        found = delegate_store.get_delegate(window.db, person)
        return DelegateDialog(window.db, window.overview, found, who=who_at(window.db, "test"),
                              parent=window)

    masked = dialog()
    assert masked.passport.echoMode() != masked.passport.EchoMode.Normal
    assert not masked.reveal.isEnabled() and "see personal data" in masked.reveal.toolTip()
    signs_in_as(monkeypatch, Role.REGISTRAR, [])
    window.guard.sign_in()
    shown = dialog()
    assert not shown.passport.isReadOnly() and shown.passport.text()
    shown.reveal.setChecked(True)
    assert shown.passport.echoMode() == shown.passport.EchoMode.Normal
    assert window.db.execute("SELECT operator FROM audit WHERE action = 'reveal'"
                             ).fetchone()[0] == "Мадина Саидова"
    sealing.KEYS.clear()


def test_a_protected_event_without_operators_shows_its_data_locked(
        window, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.services.operators import keystore, privacy
    from bsm_desk.store import connect
    from bsm_desk.store import privacy as sealing
    from bsm_desk.ui.operators.sign_in import PassphraseDialog

    with connect(demo_copy) as db:
        privacy.protect(db, "dushanbe-passphrase", who=who_at(db, "test"))
        keystore.drop(db)
    sealing.KEYS.clear()
    window.open_database(demo_copy)
    assert window.guard.sealed.text().startswith("Personal data locked")
    unlock = PassphraseDialog(window.db, window)
    unlock.passphrase.setText("dushanbe-passphrase")
    unlock.try_unlock()
    window.guard.apply()
    assert not window.guard.sealed.isVisible()
    sealing.KEYS.clear()


def test_screens_offer_only_what_the_role_may(window, staffed_demo: Path,
                                              monkeypatch) -> None:  # type: ignore[no-untyped-def]
    signs_in_as(monkeypatch, Role.DESK, [])
    window.open_database(staffed_demo)
    window.navigation.setCurrentRow(NAMES.index("delegates"))
    acts = window.delegates_screen.delegate_actions
    assert not acts.add.isVisible() and not acts.import_.isVisible()
    window.navigation.setCurrentRow(NAMES.index("badges"))
    badge_acts = window.badges_screen.badge_actions
    assert not badge_acts.reprint.isVisible() and badge_acts.print_one.isVisible()
    signs_in_as(monkeypatch, Role.REGISTRAR, [])
    window.guard.sign_in()
    assert acts.add.isVisible() and acts.import_.isVisible() and badge_acts.reprint.isVisible()
    assert not acts.duplicates.isVisible()  # merging is a supervisor's
