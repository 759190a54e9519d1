"""What the Speakers screen does to a list: inscribe (the chair may override a refusal,
with a reason), withdraw, move by dragging (the reason asked and recorded), undo, run
the list (next, pause or resume, end, close, reopen), its order and limit, and the
statement's text for the booths. Each verb goes through the services as whoever is
signed in at this desk, and tells its host to read the list again."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QFileDialog, QInputDialog, QWidget

from bsm_desk.domain.speakers import EntryKind
from bsm_desk.services import speakers
from bsm_desk.services.operators import acting_at
from bsm_desk.services.speakers import queries as speaker_queries
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error, translate_error
from bsm_desk.ui.speakers.undo import INSCRIBED, MOVED, WITHDREW, SpeakersUndo, Step

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from sqlite_utils import Database

    from bsm_desk import config


class SpeakersHost(Protocol):
    """What the Speakers screen's verbs need of it."""

    settings: config.Settings
    db: Database | None
    listed: speakers.SpeakerList | None
    undo: SpeakersUndo
    message: SignalInstance

    def session_id(self) -> int | None: ...

    def selected_entry(self) -> int | None: ...

    def refresh(self) -> None: ...


class SpeakerActions(QObject):
    """The Speakers screen's verbs, for ``host`` (what they read and refresh) with
    ``widget`` as the parent of their dialogs."""

    def __init__(self, host: SpeakersHost, widget: QWidget) -> None:
        super().__init__(widget)
        self.host, self.widget = host, widget

    def _say(self, exc: Exception) -> None:
        self.host.message.emit(translate_error(exc))

    # -- inscribing ---------------------------------------------------------------------
    def inscribe(self, delegate_id: int, kind: EntryKind = EntryKind.STATEMENT,
                 language: str = "en", override: str = "") -> bool:
        """Put the delegate on the list; refused by the rules, the chair may still accept
        with a reason (asked, recorded)."""
        host = self.host
        session_id = host.session_id()
        if host.db is None or session_id is None:
            return False
        try:
            added = speakers.inscribe(host.db, session_id, delegate_id, kind=kind,
                                      language=language, override=override,
                                      lang=i18n.language(),
                                      who=acting_at(host.db, host.settings))
        except speakers.Refused as exc:
            reason, ok = QInputDialog.getText(
                self.widget, self.tr("Refused"), translate_error(exc) + "\n\n" +
                self.tr("The chair may still accept it. Why? (recorded)"))
            if ok and reason.strip():
                return self.inscribe(delegate_id, kind, language, reason.strip())
            return False
        except Exception as exc:  # noqa: BLE001 - a locked or full database, say so
            show_error(self.widget, self.tr("Speakers"), exc)
            return False
        host.undo.push(Step(INSCRIBED, session_id, added.id, added.name))
        host.refresh()
        return True

    # -- withdrawing, moving, undoing ---------------------------------------------------
    def waiting_entry(self, entry_id: int | None) -> speakers.Listed | None:
        waiting = self.host.listed.waiting() if self.host.listed else []
        return next((e for e in waiting if e.id == entry_id), None)

    def withdraw_selected(self) -> None:
        host = self.host
        entry = self.waiting_entry(host.selected_entry())
        session_id = host.session_id()
        if host.db is None or session_id is None or entry is None:
            host.message.emit(self.tr("Choose a waiting speaker in the list first."))
            return
        try:
            speakers.withdraw(host.db, session_id, entry.id,
                              who=acting_at(host.db, host.settings))
        except Exception as exc:  # noqa: BLE001 - a locked or full database, say so
            self._say(exc)
        else:
            host.undo.push(Step(WITHDREW, session_id, entry.id, entry.name))
        host.refresh()

    def move_entry(self, entry_id: int, position: int, reason: str | None = None) -> bool:
        """Put a waiting entry at ``position`` (1: next), asking the reason, recorded."""
        host = self.host
        entry = self.waiting_entry(entry_id)
        session_id = host.session_id()
        if host.db is None or session_id is None or entry is None or host.listed is None:
            return False
        before = host.listed.waiting().index(entry) + 1
        if before == position:
            return False
        if reason is None:
            reason, ok = QInputDialog.getText(
                self.widget, self.tr("Move {name}").format(name=entry.name),
                self.tr("Why is the speaker moved to place {position}? (recorded)").format(
                    position=position))
            if not ok or not reason.strip():
                return False
        try:
            speakers.move(host.db, session_id, entry.id, position, reason,
                          who=acting_at(host.db, host.settings))
        except Exception as exc:  # noqa: BLE001 - a locked or full database, say so
            self._say(exc)
            return False
        host.undo.push(Step(MOVED, session_id, entry.id, entry.name, position=before))
        host.refresh()
        return True

    def undo_last(self) -> None:
        host = self.host
        session_id = host.session_id()
        if host.db is None or session_id is None:
            return
        try:
            step = host.undo.undo(host.db, session_id, reason=self.tr("Undone"),
                                  who=acting_at(host.db, host.settings))
        except Exception as exc:  # noqa: BLE001 - spoken meanwhile, a locked database…
            self._say(exc)
            step = None
        if step is not None:
            host.message.emit(self.tr("Undone: {name}").format(name=step.name))
        host.refresh()

    # -- running the list ---------------------------------------------------------------
    def _run(self, verb: str) -> None:
        host = self.host
        session_id = host.session_id()
        if host.db is None or session_id is None:
            return
        who = acting_at(host.db, host.settings)
        try:
            if verb == "next":
                speakers.next_speaker(host.db, session_id, who=who)
            elif verb == "end":
                speakers.end(host.db, session_id, who=who)
            elif verb in ("pause", "resume"):
                speakers.pause(host.db, session_id, resume=verb == "resume", who=who)
            elif verb == "close":
                speakers.close(host.db, session_id, who=who)
            else:
                speakers.reopen(host.db, session_id, who=who)
        except Exception as exc:  # noqa: BLE001 - nobody waiting, a locked database…
            self._say(exc)
        host.refresh()

    def next_speaker(self) -> None:
        self._run("next")

    def end(self) -> None:
        self._run("end")

    def pause_or_resume(self) -> None:
        host = self.host
        current = host.listed.current if host.listed else None
        if current is not None and host.db is not None:
            self._run("pause" if speaker_queries.running(host.db, current.id) else "resume")

    def close_or_reopen(self) -> None:
        self._run("reopen" if self.host.listed and self.host.listed.closed_at else "close")

    # -- the chair's rules --------------------------------------------------------------
    def set_order(self, order: str) -> None:
        """How this session's statements are ordered; the list is ordered anew at once."""
        host = self.host
        session_id = host.session_id()
        if host.db is None or session_id is None or host.listed is None \
                or order == host.listed.order.value:
            return
        try:
            speakers.set_order(host.db, session_id, order,
                               who=acting_at(host.db, host.settings))
        except Exception as exc:  # noqa: BLE001 - a locked or full database, say so
            self._say(exc)
        host.refresh()

    def set_limit(self, seconds: int) -> None:
        """The chair's limit for statements at this session; it applies at once."""
        host = self.host
        session_id = host.session_id()
        if host.db is None or session_id is None or host.listed is None:
            return
        if seconds == speakers.statement_limit(host.db, host.listed.session):
            return
        try:
            speakers.set_statement_limit(host.db, session_id, seconds,
                                         who=acting_at(host.db, host.settings))
        except Exception as exc:  # noqa: BLE001 - a locked or full database, say so
            self._say(exc)
        host.refresh()

    # -- the text for the booths --------------------------------------------------------
    def hand_in_text(self, path: str | Path | None = None) -> bool:
        """Keep the selected entry's statement text for the booths; a wrong file is
        refused with a message and nothing is kept."""
        host = self.host
        session_id, entry_id = host.session_id(), host.selected_entry()
        if host.db is None or session_id is None or entry_id is None:
            host.message.emit(self.tr("Choose the speaker in the list first."))
            return False
        if path is None:
            chosen, _filter = QFileDialog.getOpenFileName(
                self.widget, self.tr("The text of the statement"), "",
                self.tr("Statements (*.pdf *.docx *.txt)"))
            if not chosen:
                return False
            path = chosen
        try:
            name = speakers.hand_in_text(host.db, session_id, entry_id, path,
                                         who=acting_at(host.db, host.settings))
        except Exception as exc:  # noqa: BLE001 - a wrong file, a locked database…
            show_error(self.widget, self.tr("Speakers"), exc)
            return False
        host.message.emit(self.tr("{file} is with the booths.").format(file=name))
        host.refresh()
        return True
