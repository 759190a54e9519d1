"""The Seating screen's paper: the chart or the workbook of the plan, the nameplates
(asked: the language, only the changed ones) and the place cards, written in the
background or at once, each said done in the status line. The screen mixes this in;
its words are in the SeatingScreen context, with the screen's."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QWidget,
)

from bsm_desk.services import seating
from bsm_desk.services.operators import acting_at
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import show_error
from bsm_desk.ui.shell.workers import run_with_progress

if TYPE_CHECKING:
    from PySide6.QtCore import SignalInstance
    from sqlite_utils import Database

    from bsm_desk import config


def seating_tr(text: str) -> str:
    return QCoreApplication.translate("Seating", text)


class SeatingPaper:
    """Mixed into SeatingScreen (``self`` is the screen)."""

    def _screen(self) -> QWidget:
        return cast(QWidget, self)

    if TYPE_CHECKING:  # what the screen brings
        db: Database | None
        path: Path | None
        settings: config.Settings
        plan: seating.SeatingPlan | None
        message: SignalInstance

    def _target(self, target: str | Path | None, title: str, name: str) -> Path | None:
        """Where to write: ``target`` if given, else asked beside the event file with
        ``name`` proposed (None: not chosen); its suffix is ``name``'s if it has none."""
        suffix = Path(name).suffix
        if target is None:
            folder = self.path.parent if self.path else Path.home()
            chosen, _ = QFileDialog.getSaveFileName(
                self._screen(),
                title,
                str(folder / name),
                QCoreApplication.translate("SeatingScreen", "PDF (*.pdf)")
                if suffix == ".pdf"
                else QCoreApplication.translate("SeatingScreen", "Excel workbook (*.xlsx)"),
            )
            if not chosen:
                return None
            target = chosen
        out = Path(target)
        return out if out.suffix else out.with_suffix(suffix)

    def save(self, kind: str, target: str | Path | None = None) -> None:
        """The chart (pdf) or the plan (xlsx), names in the window's language."""
        plan, lang = self.plan, i18n.language()
        if plan is None:
            self.message.emit(
                QCoreApplication.translate("SeatingScreen", "Seat the session first (Ctrl+R).")
            )
            return
        out = self._target(
            target,
            QCoreApplication.translate("SeatingScreen", "Save the seating plan"),
            f"seating-{plan.session.id}-{lang}.{kind}",
        )
        if out is None:
            return
        run_with_progress(
            self._screen(),
            QCoreApplication.translate("SeatingScreen", "Writing the seating plan…"),
            lambda _p: seating.write(plan, out, seating_tr, lang),
            on_done=lambda p: self.message.emit(
                QCoreApplication.translate("SeatingScreen", "Saved: {path}").format(path=p)
            ),
            on_failed=lambda exc: show_error(
                self._screen(), QCoreApplication.translate("SeatingScreen", "Seating"), exc
            ),
        )

    def nameplates(
        self, target: str | Path | None = None, lang: str | None = None, changed: bool | None = None
    ) -> None:
        """The nameplates as PDF: asks the language, whether only the changed ones, and
        where, unless given."""
        plan, db = self.plan, self.db
        if plan is None or db is None or plan.session.id is None:
            self.message.emit(
                QCoreApplication.translate("SeatingScreen", "Seat the session first (Ctrl+R).")
            )
            return
        if lang is None or changed is None:
            asked = self._ask_plates(plan.lang)
            if asked is None:
                return
            lang, changed = asked
        out = self._target(
            target,
            QCoreApplication.translate("SeatingScreen", "Save the nameplates"),
            f"nameplates-{plan.session.id}-{lang}.pdf",
        )
        if out is None:
            return
        session_id = plan.session.id
        try:
            path, plates = seating.print_nameplates(
                db, session_id, out, lang, changed=changed, who=acting_at(db, self.settings)
            )
        except Exception as exc:  # noqa: BLE001 - nothing changed, a full disk
            show_error(
                self._screen(), QCoreApplication.translate("SeatingScreen", "Nameplates"), exc
            )
            return
        self.message.emit(
            QCoreApplication.translate(
                "SeatingScreen", "Saved: {path} ({plates} nameplates)"
            ).format(path=path, plates=plates)
        )

    def place_cards(self, target: str | Path | None = None) -> None:
        """Personal place cards (a closed session's): names in the window's language."""
        plan, db, lang = self.plan, self.db, i18n.language()
        if plan is None or db is None or plan.session.id is None:
            self.message.emit(
                QCoreApplication.translate("SeatingScreen", "Seat the session first (Ctrl+R).")
            )
            return
        out = self._target(
            target,
            QCoreApplication.translate("SeatingScreen", "Save the place cards"),
            f"place-cards-{plan.session.id}-{lang}.pdf",
        )
        if out is None:
            return
        session_id = plan.session.id

        def job(_progress: object) -> tuple[Path, int]:
            from contextlib import closing

            from bsm_desk.services.event.files import connect

            assert self.path is not None
            with closing(connect(self.path)) as own:  # a connection of the job's own
                cards = seating.place_cards(own, session_id, lang)
            return seating.write_place_cards(cards, out, plan.session.title(lang)), len(cards)

        run_with_progress(
            self._screen(),
            QCoreApplication.translate("SeatingScreen", "Writing the place cards…"),
            job,
            on_done=lambda done: self.message.emit(
                QCoreApplication.translate(
                    "SeatingScreen", "Saved: {path} ({cards} place cards)"
                ).format(path=done[0], cards=done[1])
            ),
            on_failed=lambda exc: show_error(
                self._screen(), QCoreApplication.translate("SeatingScreen", "Place cards"), exc
            ),
        )

    def _ask_plates(self, lang: str) -> tuple[str, bool] | None:
        dialog = QDialog(self._screen())
        dialog.setWindowTitle(QCoreApplication.translate("SeatingScreen", "Nameplates"))
        language = QComboBox()
        for code, text in (
            ("en", "English"),
            ("ru", "Русский"),
            ("both", QCoreApplication.translate("SeatingScreen", "Both (English and Russian)")),
        ):
            language.addItem(text, code)
        language.setCurrentIndex(max(language.findData(lang), 0))
        only = QCheckBox(
            QCoreApplication.translate(
                "SeatingScreen", "Only the plates that changed since the last printing"
            )
        )
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(dialog.accept)
        buttons.rejected.connect(dialog.reject)
        form = QFormLayout(dialog)
        form.addRow(QCoreApplication.translate("SeatingScreen", "Language"), language)
        form.addRow(only)
        form.addRow(buttons)
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return None
        return str(language.currentData()), only.isChecked()
