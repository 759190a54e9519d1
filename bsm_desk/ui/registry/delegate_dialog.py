"""Adding or editing one delegate, checked as you type, with the record's history."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QTabWidget,
    QToolButton,
    QVBoxLayout,
    QWidget,
)

from bsm_desk.domain import validation
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.model import DelegateStatus, Gender, ProtocolRank
from bsm_desk.domain.operators import Permission, Role, refusal
from bsm_desk.domain.people import Delegate
from bsm_desk.domain.protocol import explain_rank, rank_name
from bsm_desk.services import operators, registry
from bsm_desk.services.event import Overview
from bsm_desk.services.operators import Acting, privacy
from bsm_desk.services.registry import queries as registry_queries
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.widgets.people_model import GENDERS, STATUSES, model_text

if TYPE_CHECKING:
    from sqlite_utils import Database

ERROR_STYLE = "color: #c62828;"
TEXT_FIELDS = ("family_name", "given_name", "family_name_cyr", "given_name_cyr", "honorific",
               "function_en", "function_ru", "email", "phone", "nationality", "external_id")


class DelegateDialog(QDialog):
    def __init__(self, db: Database, overview: Overview, delegate: Delegate | None,
                 *, who: Acting, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.db, self.overview = db, overview
        self.original = delegate
        self.who = who
        self.saved_id: int | None = None
        self.edits = {name: QLineEdit() for name in TEXT_FIELDS}
        self.edits["email"].setInputMethodHints(Qt.InputMethodHint.ImhEmailCharactersOnly)
        self.gender = QComboBox()
        self.delegation = QComboBox()
        self.category = QComboBox()
        self.status = QComboBox()
        # Proposed from the function as it is typed, until the desk picks one by hand.
        self.rank = QComboBox()
        self._rank_chosen = False
        self.rank.activated.connect(self._rank_by_hand)
        self.rank_source = QLabel()  # the words of the function that proposed the rank
        self.rank_source.setObjectName("rank_source")
        self.rank_source.setStyleSheet("color: palette(mid)")
        self.passport = QLineEdit()
        self.passport.setEchoMode(QLineEdit.EchoMode.Password)
        self.reveal = QToolButton()
        self.reveal.setCheckable(True)
        self.reveal.toggled.connect(self._reveal)
        self.received = QDateEdit()
        self.received.setCalendarPopup(True)
        self.received.setDisplayFormat("yyyy-MM-dd")
        self.has_received = QCheckBox()
        self.has_received.toggled.connect(self.received.setEnabled)
        self.generated = QLabel()
        self.generated.setWordWrap(True)
        self.generated.setStyleSheet("color: #b26a00;")
        self.errors = {name: QLabel() for name in (*TEXT_FIELDS, "delegation_id", "category_id")}
        for label in self.errors.values():
            label.setStyleSheet(ERROR_STYLE)
            label.setVisible(False)
        self.labels: dict[str, QLabel] = {}
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        rows: list[tuple[str, QWidget]] = [
            ("family_name", self.edits["family_name"]), ("given_name", self.edits["given_name"]),
            ("family_name_cyr", self.edits["family_name_cyr"]),
            ("given_name_cyr", self.edits["given_name_cyr"]), ("gender", self.gender),
            ("honorific", self.edits["honorific"]), ("delegation_id", self.delegation),
            ("category_id", self.category), ("function_en", self.edits["function_en"]),
            ("function_ru", self.edits["function_ru"]),
            ("protocol_rank", self._row((self.rank, 1), (self.rank_source, 0))),
            ("email", self.edits["email"]),
            ("phone", self.edits["phone"]),
            ("passport_no", self._row((self.passport, 1), (self.reveal, 0))),
            ("nationality", self.edits["nationality"]), ("external_id", self.edits["external_id"]),
            ("status", self.status),
            ("credentials_received", self._row((self.has_received, 0), (self.received, 1))),
        ]
        focus = {"passport_no": self.passport, "credentials_received": self.has_received,
                 "protocol_rank": self.rank}
        for name, widget in rows:
            label = QLabel()
            label.setBuddy(focus.get(name, widget))
            self.labels[name] = label
            if name in self.errors:
                box = QVBoxLayout()
                box.setSpacing(1)
                box.addWidget(widget)
                box.addWidget(self.errors[name])
                self.form.addRow(label, box)
            else:
                self.form.addRow(label, widget)
        details = QWidget()
        details_layout = QVBoxLayout(details)
        details_layout.addWidget(self.generated)
        details_layout.addLayout(self.form)
        self.history = QListWidget()
        self.tabs = QTabWidget()
        self.tabs.addTab(details, "")
        self.tabs.addTab(self.history, "")
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save
                                        | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.tabs)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(620)
        self._fill_choices()
        self._load(delegate)
        for edit in self.edits.values():
            edit.textChanged.connect(self.check)
        for name in ("function_en", "function_ru"):
            self.edits[name].textEdited.connect(lambda _text: self._propose_rank())
        self.category.currentIndexChanged.connect(lambda _index: self._propose_rank())
        for combo in (self.delegation, self.category):
            combo.currentIndexChanged.connect(self.check)
        i18n.follow_language(self)
        self.check()

    @staticmethod
    def _row(*widgets: tuple[QWidget, int]) -> QWidget:
        """Widgets side by side in one form row (each with its stretch)."""
        row = QWidget()
        box = QHBoxLayout(row)
        box.setContentsMargins(0, 0, 0, 0)
        for widget, stretch in widgets:
            box.addWidget(widget, stretch)
        return row

    def _rank_by_hand(self, _index: int) -> None:
        self._rank_chosen = True
        self.rank_source.setText(self.tr("set by hand"))


    def _reveal(self, shown: bool) -> None:
        """Personal data shown in clear: a registrar's or above; each reveal audited."""
        if shown and self.original is not None and self.original.id is not None and \
                operators.has_operators(self.db):
            try:
                privacy.reveal(self.db, self.original.id, "passport_no", who=self.who)
            except UserError as exc:
                self.reveal.setChecked(False)
                self.errors["phone"].setText(translate_error(exc))
                return
        mode = QLineEdit.EchoMode.Normal if shown else QLineEdit.EchoMode.Password
        self.passport.setEchoMode(mode)
        self.edits["phone"].setEchoMode(mode)

    def _fill_choices(self) -> None:
        lang = i18n.language()
        for combo in (self.delegation, self.category):
            combo.clear()
            combo.addItem("—", 0)
        for d in sorted(self.overview.delegations, key=lambda d: d.name(lang).casefold()):
            self.delegation.addItem(d.name(lang), d.id)
        for c in self.overview.categories:
            self.category.addItem(c.name(lang), c.id)

    def _load(self, d: Delegate | None) -> None:
        d = d or Delegate(family_name="", given_name="", delegation_id=0, category_id=0)
        for name, edit in self.edits.items():
            edit.setText(str(getattr(d, name)))
        self.passport.setText(d.passport_no)
        self.edits["phone"].setEchoMode(QLineEdit.EchoMode.Password)
        for name, edit in (("passport_no", self.passport), ("phone", self.edits["phone"])):
            locked = name in d.sealed
            edit.setReadOnly(locked)
            edit.setPlaceholderText(self.tr("locked: this desk does not hold the event's key")
                                    if locked else "")
        reason = "" if operators.allows(self.db, Permission.REVEAL) else translate_error(
            refusal_for(self.db, Permission.REVEAL))
        self.reveal.setEnabled(not reason)
        self._reveal_reason = reason
        if reason:
            self.reveal.setToolTip(reason)
        self._gender, self._status, self._rank = d.gender, d.status, d.protocol_rank
        self._rank_chosen = d.rank_by_hand  # kept as set: the function proposes no other
        self.rank_source.setText(self.tr("set by hand") if d.rank_by_hand else "")
        self.delegation.setCurrentIndex(max(self.delegation.findData(d.delegation_id), 0))
        self.category.setCurrentIndex(max(self.category.findData(d.category_id), 0))
        day = d.credentials_received or date.today()
        self.received.setDate(QDate(day.year, day.month, day.day))
        self.has_received.setChecked(d.credentials_received is not None)
        self.received.setEnabled(d.credentials_received is not None)
        if d.id is not None:
            for change in registry_queries.history(self.db, d.id):
                fields = ", ".join(k for k in change.changes) or "—"
                at = change.at.astimezone(self.overview.event.zone)  # venue time, as elsewhere
                self.history.addItem(f"{at:%Y-%m-%d %H:%M}  {change.action}"
                                     f"  {fields}  ({change.operator or change.desk_id[:8]})")

    def delegate(self) -> Delegate:
        """The record as the form shows it now."""
        received = self.received.date()
        base = self.original or Delegate(family_name="", given_name="", delegation_id=0,
                                         category_id=0)
        values: dict[str, Any] = {name: edit.text().strip()
                                  for name, edit in self.edits.items()}
        changed_latin = self.original is not None and (
            values["family_name"], values["given_name"]) != (
            self.original.family_name, self.original.given_name)
        return replace(
            base, **values, passport_no=self.passport.text().strip(),
            gender=Gender(self.gender.currentData()),
            status=DelegateStatus(self.status.currentData()),
            delegation_id=self.delegation.currentData() or 0,
            category_id=self.category.currentData() or 0,
            credentials_received=date(received.year(), received.month(), received.day())
            if self.has_received.isChecked() else None,
            latin_generated=base.latin_generated and not changed_latin,
            protocol_rank=ProtocolRank(self.rank.currentData() or ProtocolRank.MEMBER),
            rank_by_hand=self._rank_chosen,
        )

    def _propose_rank(self) -> None:
        if self._rank_chosen:
            return
        category = next((c for c in self.overview.categories
                         if c.id == self.category.currentData()), None)
        proposed = explain_rank(self.edits["function_en"].text(),
                                self.edits["function_ru"].text(),
                                leads_delegation=category is not None and category.code == "hod")
        self.rank.setCurrentIndex(max(self.rank.findData(proposed.rank.value), 0))
        self.rank_source.setText(self.tr("from “{words}”").format(words=proposed.words)
                                 if proposed.words else "")

    def check(self) -> bool:
        """Show what is wrong under each field; enable Save only when nothing is."""
        found = validation.problems(self.delegate())
        for name, label in self.errors.items():
            message = found.get(name)
            label.setVisible(bool(message))
            label.setText(self.tr_validation(message) if message else "")
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(not found)
        return not found

    @staticmethod
    def tr_validation(text: str) -> str:
        from PySide6.QtCore import QCoreApplication

        return QCoreApplication.translate("Validation", text)

    def accept(self) -> None:
        if not self.check():
            return
        try:
            self.saved_id = registry.save_delegate(self.db, self.delegate(), who=self.who)
        except UserError as exc:
            self.generated.setText(translate_error(exc))
            return
        super().accept()


    def retranslate_ui(self) -> None:
        new = self.original is None
        self.setWindowTitle(self.tr("New delegate") if new else self.tr("Edit delegate"))
        texts = {
            "family_name": self.tr("&Family name (passport):"),
            "given_name": self.tr("&Given name (passport):"),
            "family_name_cyr": self.tr("Family name (C&yrillic):"),
            "given_name_cyr": self.tr("Given name (Cyr&illic):"),
            "gender": self.tr("Gen&der:"), "honorific": self.tr("&Honorific:"),
            "delegation_id": self.tr("&Delegation:"), "category_id": self.tr("Ca&tegory:"),
            "function_en": self.tr("Function (English):"),
            "function_ru": self.tr("Function (Russian):"), "email": self.tr("&E-mail:"),
            "phone": self.tr("&Phone:"), "passport_no": self.tr("Pa&ssport:"),
            "nationality": self.tr("&Nationality:"), "external_id": self.tr("E&xternal id:"),
            "status": self.tr("St&atus:"), "protocol_rank": self.tr("Protocol &rank:"),
            "credentials_received": self.tr("Credentials received:"),
        }
        for name, text in texts.items():
            self.labels[name].setText(text)
        self.reveal.setText(self.tr("Show"))
        self.reveal.setToolTip(getattr(self, "_reveal_reason", "")
                               or self.tr("Show the passport number"))
        self.tabs.setTabText(0, self.tr("Details"))
        self.tabs.setTabText(1, self.tr("History"))
        gender, status = self.gender.currentData(), self.status.currentData()
        self.gender.clear()
        for value in Gender:
            self.gender.addItem(model_text(GENDERS[value.value]), value.value)
        self.status.clear()
        for state in DelegateStatus:
            self.status.addItem(model_text(STATUSES[state.value]), state.value)
        self.gender.setCurrentIndex(self.gender.findData(gender or self._gender.value))
        self.status.setCurrentIndex(self.status.findData(status or self._status.value))
        rank = self.rank.currentData() or self._rank.value
        self.rank.clear()
        for level in ProtocolRank:
            self.rank.addItem(rank_name(level, i18n.language()), level.value)
        self.rank.setCurrentIndex(max(self.rank.findData(rank), 0))
        original = self.original
        self.generated.setVisible(bool(original and original.latin_generated))
        if original and original.latin_generated:
            self.generated.setText(self.tr("The Latin name was made from the Cyrillic one: "
                                           "check it against the passport."))
        self.check()


def refusal_for(db: Database, permission: Permission) -> UserError:
    who = operators.signed_in(db)
    return refusal(who.name if who else None, Role(who.role) if who else None, permission)
