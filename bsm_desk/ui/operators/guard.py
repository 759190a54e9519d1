"""Operators at the window: sign-in when an event with operators opens, the screen
locked after an idle time, switching operator in one dialog (the desk's checkpoint
kept), what the role may not do greyed out with the reason as its tooltip, and the
event's sealed personal data unlocked with its passphrase.

While locked at the Check-in screen, scanning goes on if the signed-in operator may
check people in (a door desk left to its scanner); everything else waits for sign-in.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtWidgets import QApplication, QPushButton

from bsm_desk import config
from bsm_desk.ui.shell.errors import translate_error

# services.operators is imported in the methods that use it: a window is built, and its
# first screen painted, before an event is opened whole (and only then has operators).

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.domain.operators import Permission
    from bsm_desk.services.event.changes import Changes

ACTIVITY = (QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel)


class OperatorGuard(QObject):
    changed = Signal()  # who is signed in, or what is unlocked, changed

    def __init__(self, window: Any, settings: config.Settings) -> None:
        super().__init__(window)
        self.window, self.settings = window, settings
        self.db: Database | None = None
        self.locked = False
        self.label = QPushButton()
        self.label.setFlat(True)
        self.label.clicked.connect(lambda: self.sign_in())
        self.label.hide()
        self.sealed = QPushButton()
        self.sealed.setFlat(True)
        self.sealed.clicked.connect(self.unlock_personal_data)
        self.sealed.hide()
        self.timer = QTimer(self, singleShot=True)
        self.timer.timeout.connect(self.lock)
        self._watching = False

    # -- the open event ------------------------------------------------------------------
    def opened(self, db: Database) -> None:
        from bsm_desk.services import operators
        from bsm_desk.services.operators import privacy

        self.db = db
        self.locked = False
        if privacy.protected(db) and not privacy.unlocked(db):
            privacy.unlock(db)  # from the OS keyring, if this machine keeps the key
        if operators.has_operators(db) and operators.signed_in(db) is None:
            self.sign_in()
        self.apply()

    def closed(self) -> None:
        self.db = None
        self._stop_idle()
        self.label.hide()
        self.sealed.hide()
        self._set_locked(False)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if event.type() in ACTIVITY and self.db is not None and self.timer.isActive():
            self.timer.start()
        return False

    # -- the idle time -------------------------------------------------------------------
    # Activity is watched by an application-wide event filter only while the idle time
    # runs (an operator signed in): a filter in Python sees every event of every object,
    # and the first it sees of a class Qt keeps to itself makes PySide6 build every
    # binding's enums to look for it (some 120 at once) — a cost a desk without operators
    # should never pay, at start-up least of all.
    def _start_idle(self) -> None:
        self.timer.start()
        app = QApplication.instance()
        if app is not None and not self._watching:
            app.installEventFilter(self)
            self._watching = True

    def _stop_idle(self) -> None:
        self.timer.stop()
        app = QApplication.instance()
        if app is not None and self._watching:
            app.removeEventFilter(self)
        self._watching = False

    # -- signing in, locking ---------------------------------------------------------------
    def sign_in(self, locked_by: str = "") -> bool:
        """The sign-in dialog (also to switch operator); False if cancelled."""
        from bsm_desk.services import operators

        if self.db is None or not operators.has_operators(self.db):
            return False
        from bsm_desk.ui.operators.sign_in import SignInDialog

        dialog = SignInDialog(self.db, self.settings.desk_id, self.window,
                              locked_by=locked_by)
        done = bool(dialog.exec())
        if done:
            self._set_locked(False)
        elif operators.signed_in(self.db) is None:
            self._set_locked(True)
        self.apply()
        self.changed.emit()
        return done

    def lock(self) -> None:
        """The idle time ran out (or Lock was asked for)."""
        from bsm_desk.domain.operators import Permission
        from bsm_desk.services import operators

        self._stop_idle()
        if self.db is None or not operators.has_operators(self.db):
            return
        who = operators.signed_in(self.db)
        if who is None:
            return
        scanning = getattr(self.window, "current_screen_name", lambda: "")() == "checkin" \
            and operators.allows(self.db, Permission.CHECK_IN)
        if scanning:  # a door desk: the scanner goes on, the rest waits for sign-in
            self._set_locked(True, keep_checkin=True)
            self.window.statusBar().showMessage(self.tr(
                "Locked: scanning goes on. Click {name} below to sign in.").format(
                name=who.name))
            self.apply()
            return
        operators.sign_out(self.db)
        self._set_locked(True)
        self.apply()
        self.sign_in(locked_by=who.name)

    def _set_locked(self, locked: bool, *, keep_checkin: bool = False) -> None:
        self.locked = locked
        window = self.window
        window.navigation.setEnabled(not locked)
        window.menuBar().setEnabled(not locked)
        stack = window.stack
        for index in range(stack.count()):
            page = stack.widget(index)
            page.setEnabled(not locked or (keep_checkin and page is
                                           window.screens.made.get("checkin")))

    def follow(self, changes: Changes) -> None:
        """Operators changed in the file (added at another desk or from the command
        line): once the event has operators, nobody works here without signing in."""
        from bsm_desk.services import operators

        if self.db is None or not changes.touches(frozenset({"operator"})):
            return
        if operators.has_operators(self.db) and operators.signed_in(self.db) is None \
                and not self.locked:
            self._set_locked(True)
            self.window.statusBar().showMessage(self.tr(
                "This event now has operators: sign in to go on (click below)."))
        self.apply()

    # -- what the role may do ------------------------------------------------------------
    def allows(self, permission: Permission) -> bool:
        if self.db is None:
            return True
        from bsm_desk.services import operators

        return operators.allows(self.db, permission)

    def why_not(self, permission: Permission) -> str:
        """The reason it is greyed out, in the user's language ('' when allowed)."""
        db = self.db
        if db is None or self.allows(permission):
            return ""
        from bsm_desk.domain.operators import Role, refusal
        from bsm_desk.services import operators

        who = operators.signed_in(db)
        return translate_error(refusal(who.name if who else None,
                                       Role(who.role) if who else None, permission))

    def apply(self) -> None:
        db = self.db
        if db is None:
            return
        from bsm_desk.domain.operators import ROLE_WORDS, Role
        from bsm_desk.services import operators
        from bsm_desk.services.operators import privacy

        if operators.has_operators(db):
            who = operators.signed_in(db)
            if who is None:
                self.label.setText(self.tr("Nobody signed in — sign in"))
            else:
                role = QApplication.translate("Operators", ROLE_WORDS[Role(who.role)])
                self.label.setText(f"{who.name} ({role})")
            self.label.setToolTip(self.tr("Sign in as another operator (switch)"))
            self.label.show()
            self.timer.setInterval(config.lock_after_s(self.settings) * 1000)
            if who is not None and not self.locked:
                self._start_idle()
        else:
            self.label.hide()
            self._stop_idle()
        if privacy.protected(db):
            self.sealed.setVisible(not privacy.unlocked(db))
            self.sealed.setText(self.tr("Personal data locked — unlock…"))
        else:
            self.sealed.hide()
        self._gate_window()

    def _gate_window(self) -> None:
        """Grey out what the role may not do; the tooltip says why."""
        from bsm_desk.domain.operators import Permission

        window = self.window
        for action, permission in ((window.settings_action, Permission.SETTINGS),
                                   (window.hub_action, Permission.EVENT_SETTINGS),
                                   (window.restore_action, Permission.REPLACE_EVENT),
                                   (window.backup_action, Permission.BACKUP),
                                   (window.operators_action, Permission.OPERATORS)):
            reason = self.why_not(permission)
            present = {window.restore_action: window.db_path is not None,  # a damaged file
                       window.backup_action: window.db is not None}.get(action, True)
            action.setEnabled(not reason and present)
            action.setToolTip(reason)
        row = window.screen_row("history")
        item = window.navigation.item(row)
        reason = self.why_not(Permission.HISTORY)
        item.setToolTip(reason)
        window.screen_actions[row].setEnabled(not reason)
        for screen in window.screens.all():
            if hasattr(screen, "set_access"):
                screen.set_access(self.allows, self.why_not)

    def unlock_personal_data(self) -> None:
        if self.db is None:
            return
        from bsm_desk.ui.operators.sign_in import PassphraseDialog

        if PassphraseDialog(self.db, self.window, desk_id=self.settings.desk_id).exec():
            self.apply()
            self.changed.emit()
