"""The main window: navigation between screens, menus, status bar, the open event."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QSize, Qt, qVersion
from PySide6.QtGui import QAction, QActionGroup, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QWidget,
)

from bsm_desk import __version__, config
from bsm_desk.domain.errors import UserError
from bsm_desk.services import event as event_service
from bsm_desk.services.event import Overview
from bsm_desk.ui.event.file_care import EventFileCare
from bsm_desk.ui.event.file_menu import EventFileActions
from bsm_desk.ui.hub.link import HubLink
from bsm_desk.ui.operators.guard import OperatorGuard
from bsm_desk.ui.shell import errors, i18n, theme
from bsm_desk.ui.shell.errors import translate_error
from bsm_desk.ui.shell.event_opening import EventOpening
from bsm_desk.ui.shell.file_watch import FileWatch
from bsm_desk.ui.shell.i18n import LANGUAGE_LABELS
from bsm_desk.ui.shell.icons import app_icon, icon
from bsm_desk.ui.shell.screen_registry import NAMES, SCREENS, Screens
from bsm_desk.ui.shell.state import keep_window, restore_window

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.services.event.changes import Changes
    from bsm_desk.services.event.glance import Glance, LookAhead

class MainWindow(QMainWindow):
    def __init__(self, settings: config.Settings) -> None:
        super().__init__()
        self.settings = settings
        self.db: Database | None = None
        self.opening = EventOpening(self)
        self.db_path: Path | None = None
        self.overview: Overview | None = None
        self.setWindowIcon(app_icon())

        self.navigation = QListWidget()
        self.navigation.setObjectName("navigation")
        self.navigation.setStyleSheet(theme.NAVIGATION_SHEET)
        self.navigation.setIconSize(QSize(20, 20))
        self.navigation.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.stack = QStackedWidget()
        # Screens are made when first shown (or asked for): start-up pays only for the
        # overview. Their table is screen_registry.SCREENS.
        self.screens = Screens(settings, self.stack,
                               status=lambda text: self.statusBar().showMessage(text, 10000),
                               changed=self.refresh_overview, window=self,
                               event=lambda: self.opening.event_now())
        for spec in SCREENS:
            self.navigation.addItem(QListWidgetItem(icon(spec.name), ""))
        self.navigation.currentRowChanged.connect(
            lambda row: self.stack.setCurrentWidget(self.screens.get(NAMES[row])))
        self.navigation.currentRowChanged.connect(
            lambda row: self.screens.come_forward(NAMES[row]))
        # Whatever writes to the open file (this window, the command line, another desk
        # on the same file, the hub's worker), the screens that show it follow.
        self.watch = FileWatch(self)
        self.watch.changed.connect(self.follow_file)
        central = QWidget()
        layout = QHBoxLayout(central)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        layout.addWidget(self.navigation)
        layout.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.event_label = QLabel()
        self.db_label = QLabel()
        self.desk_label = QLabel()
        for label in (self.event_label, self.db_label, self.desk_label):
            label.setContentsMargins(6, 0, 6, 0)
            self.statusBar().addPermanentWidget(label)
        self.statusBar().setSizeGripEnabled(True)
        self.hub_link = HubLink(settings, self)
        self.statusBar().insertPermanentWidget(0, self.hub_link.label)
        self.hub_link.pulled.connect(lambda _count: self.refresh_overview())
        self.guard = OperatorGuard(self, settings)
        # A screen made when first shown learns then what the role may do there.
        self.navigation.currentRowChanged.connect(lambda _row: self.guard.apply())
        self.statusBar().insertPermanentWidget(0, self.guard.sealed)
        self.statusBar().insertPermanentWidget(0, self.guard.label)

        self.care = EventFileCare(settings, self, close_event=self.close_database,
                                  open_event=self.open_database,
                                  show_message=lambda text: self.statusBar().showMessage(
                                      text, 10000))
        self.files = EventFileActions(self, self)
        self._make_actions()
        self._make_menus()
        self.navigation.setCurrentRow(0)
        restore_window(self)
        i18n.follow_language(self)

    # -- actions and menus -------------------------------------------------------------
    def _action(self, icon_name: str | None, slot: object, shortcut: object = None) -> QAction:
        action = QAction(self)
        if icon_name:
            action.setIcon(icon(icon_name))
        if shortcut is not None:
            action.setShortcut(shortcut)  # type: ignore[arg-type,call-overload]
        action.triggered.connect(slot)  # type: ignore[arg-type]
        return action

    def _make_actions(self) -> None:
        key = QKeySequence.StandardKey
        self.new_action = self._action("new", self.files.new_event, key.New)
        self.open_action = self._action("open", self.files.open_file, key.Open)
        self.demo_action = self._action("demo", self.files.open_demo)
        self.backup_action = self._action("backup", self.files.backup,
                                          QKeySequence("Ctrl+Shift+S"))
        self.restore_action = self._action("open", self.files.restore)
        self.hub_action = self._action("backup", self.edit_hub)
        self.sign_in_action = self._action("operator", lambda: self.guard.sign_in(),
                                           QKeySequence("Ctrl+Shift+O"))
        self.lock_action = self._action("lock", lambda: self.guard.lock(),
                                        QKeySequence("Ctrl+Shift+L"))
        self.operators_action = self._action("operator", self.edit_operators)
        self.settings_action = self._action("settings", self.edit_settings, key.Preferences)
        if self.settings_action.shortcut().isEmpty():
            self.settings_action.setShortcut(QKeySequence("Ctrl+,"))
        self.quit_action = self._action("quit", self.close, key.Quit)
        self.quit_action.setMenuRole(QAction.MenuRole.QuitRole)
        self.guide_action = self._action("about", self.show_guide, key.HelpContents)
        if self.guide_action.shortcut().isEmpty():
            self.guide_action.setShortcut(QKeySequence("F1"))
        self.about_action = self._action("about", self.show_about)
        self.about_action.setMenuRole(QAction.MenuRole.AboutRole)
        self.language_group = QActionGroup(self)
        self.language_actions: dict[str, QAction] = {}
        for lang, label in LANGUAGE_LABELS.items():
            action = QAction(label, self, checkable=True)
            action.setData(lang)
            action.triggered.connect(lambda _=False, code=lang: self.set_language(code))
            self.language_group.addAction(action)
            self.language_actions[lang] = action
        # The room's and the booths' windows, fed by the Speakers screen.
        self.projector_action = self._action(None, lambda: self._speakers_window("projector"),
                                             QKeySequence("Ctrl+Shift+J"))
        self.booths_action = self._action(None, lambda: self._speakers_window("booths"),
                                          QKeySequence("Ctrl+Shift+B"))
        self.screen_actions = []
        for index in range(len(SCREENS)):  # Ctrl+1 … Ctrl+9, then Ctrl+0 for the tenth
            action = self._action(None, lambda _=False, i=index: self.navigation.setCurrentRow(i),
                                  QKeySequence(f"Ctrl+{(index + 1) % 10}") if index < 10
                                  else QKeySequence())
            self.screen_actions.append(action)

    def _make_menus(self) -> None:
        bar = self.menuBar()
        self.file_menu = bar.addMenu("")
        for action in (self.new_action, self.open_action, self.demo_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.backup_action)
        self.file_menu.addAction(self.restore_action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.settings_action)
        self.file_menu.addAction(self.hub_action)
        self.file_menu.addSeparator()
        for action in (self.sign_in_action, self.lock_action, self.operators_action):
            self.file_menu.addAction(action)
        self.file_menu.addSeparator()
        self.file_menu.addAction(self.quit_action)
        self.view_menu = bar.addMenu("")
        for action in self.screen_actions:
            self.view_menu.addAction(action)
        self.view_menu.addSeparator()
        self.view_menu.addAction(self.projector_action)
        self.view_menu.addAction(self.booths_action)
        self.view_menu.addSeparator()
        self.language_menu = self.view_menu.addMenu(icon("language"), "")
        for action in self.language_actions.values():
            self.language_menu.addAction(action)
        self.help_menu = bar.addMenu("")
        self.help_menu.addAction(self.guide_action)
        self.help_menu.addAction(self.about_action)

    def _speakers_window(self, which: str) -> None:
        """View → Projector / Booths: the Speakers screen comes forward and opens it."""
        self.navigation.setCurrentRow(NAMES.index("speakers"))
        screen = self.screens.get("speakers")
        (screen.open_projector if which == "projector" else screen.open_booths)()

    # -- the event database ------------------------------------------------------------
    def open_database(self, path: str | Path, *, rest_after_paint: bool = False,
                      glance: Glance | None = None) -> bool:
        """Open ``path``; on failure say why and keep the event that was open. With
        ``rest_after_paint`` (the window's start), what the first screen does not need
        waits for the window's first paint (event_opening.py)."""
        return self.opening.open(path, rest_after_paint=rest_after_paint, glance=glance)

    def refresh_overview(self) -> None:
        """The registry changed: new figures on the overview, new lists for the filters."""
        if self.db is None:
            return
        self.overview = event_service.overview(self.db, self.db_path or "")
        for screen in self.screens.all():
            screen.set_overview(self.overview)

    def follow_file(self, changes: Changes) -> None:
        """Something was committed to the open file: new overview figures if they may
        have moved, then each screen that shows a changed table reads it again."""
        if self.db is None:
            return
        from bsm_desk.services.event.changes import OVERVIEW_TABLES

        if changes.touches(OVERVIEW_TABLES):
            try:
                self.refresh_overview()
            except UserError as exc:  # the event row itself is gone: say so, keep going
                self.statusBar().showMessage(translate_error(exc), 10000)
        self.screens.follow(changes, self.current_screen_name())
        self.guard.follow(changes)

    def reprint_badge(self, delegate_id: int) -> None:
        """A name was corrected on a printed badge: show the Badges screen and reprint."""
        from bsm_desk.domain.model import ReissueReason

        self.navigation.setCurrentRow(NAMES.index("badges"))
        self.screens.get("badges").reprint(delegate_id, ReissueReason.NAME)

    def print_badge(self, delegate_id: int) -> None:
        """Check-in found someone without a printed badge: print it now."""
        self.screens.get("badges").badge_actions.print_ids([delegate_id])

    def __getattr__(self, attr: str) -> Any:
        # window.badges_screen and the like, for tests and scripts.
        if attr.endswith("_screen") and attr[: -len("_screen")] in NAMES:
            return self.screens.get(attr[: -len("_screen")])
        raise AttributeError(attr)

    def hub_poke(self) -> None:
        """A scan (or another change to send): a round with the hub now."""
        self.hub_link.poke()

    def close_database(self) -> None:
        self.opening.drop()  # opened, and closed before its first paint
        self.watch.stop()
        self.hub_link.closed()
        self.guard.closed()
        if self.db is not None:
            from bsm_desk.services import operators

            operators.sign_out(self.db)
            for screen in self.screens.all():
                screen.unload()
            self.db.close()
            self.db = None
            self.care.closing()

    def start(self, db: Path | None = None, demo: bool = False,
              ahead: LookAhead | None = None) -> bool:
        """Open what the command line asked for, the last event, or ask the user;
        ``ahead``: the first look at it, if one was taken (services/event/glance.py)."""
        if demo:
            return self.files.build_demo_now()
        path = db if db is not None else config.last_event(self.settings)
        if db is None and not path.exists():
            return self.first_start()
        glance = ahead.take(path) if ahead is not None else None
        return self.open_database(path, rest_after_paint=True, glance=glance) \
            or self.first_start()

    def first_start(self) -> bool:
        return self.files.first_start()

    # -- settings, language, about -------------------------------------------------------
    def edit_hub(self) -> None:
        from bsm_desk.ui.hub.dialog import HubDialog

        dialog = HubDialog(self.settings, self.db, self.db_path, self)
        dialog.joined.connect(self.open_database)
        dialog.exec()
        if self.db is not None and self.db_path is not None and self.overview is not None:
            self.hub_link.opened(self.db, self.db_path, self.overview.event.zone)

    def current_screen_name(self) -> str:
        return NAMES[self.navigation.currentRow()]

    def screen_row(self, name: str) -> int:
        """Where a screen sits in the navigation (and its Go menu)."""
        return NAMES.index(name)

    def edit_operators(self) -> None:
        from bsm_desk.ui.operators.dialog import OperatorsDialog

        if self.db is not None:
            OperatorsDialog(self.db, self.settings, self).exec()
            self.guard.apply()

    def edit_settings(self) -> None:
        from bsm_desk.ui.shell.settings import SettingsDialog

        if SettingsDialog(self.settings, self).exec():
            if "checkin" in self.screens.made:
                self.screens.get("checkin").settings_changed()
            self.retranslate_ui()

    def set_language(self, lang: str) -> None:
        self.settings.language = lang
        config.save(self.settings)
        i18n.manager().set_language(lang)

    def show_guide(self) -> None:
        """Help → User guide (F1): the page of the screen in front, offline."""
        from bsm_desk.ui.shell.guide import GuideWindow

        if getattr(self, "guide", None) is None:
            self.guide = GuideWindow(self)
        self.guide.show_screen(self.current_screen_name())
        self.guide.show()
        self.guide.raise_()

    def show_about(self) -> None:
        from PySide6.QtWidgets import QMessageBox

        QMessageBox.about(self, self.tr("About BSM Desk"), self.tr(
            "<h3>BSM Desk {version}</h3>"
            "<p>Registration, badges, check-in, attendance, rooms, speakers and interpreters "
            "for bilingual international conferences, working offline.</p>"
            "<p><b>Event database:</b> {path}<br><b>Desk:</b> {desk} ({desk_id})<br>"
            "<b>Qt:</b> {qt}</p>").format(
            version=__version__, path=self.db_path or "—", desk=self.settings.desk_name,
            desk_id=self.settings.desk_id, qt=qVersion()))

    def show_error(self, exc: BaseException) -> None:
        errors.show_error(self, self.tr("BSM Desk"), exc)

    # -- window state --------------------------------------------------------------------
    def closeEvent(self, event: QCloseEvent) -> None:
        keep_window(self)
        self.close_database()
        super().closeEvent(event)

    def retranslate_ui(self) -> None:
        lang = i18n.language()
        event = self.overview.event if self.overview else None
        self.setWindowTitle(f"{event.code} — BSM Desk" if event else "BSM Desk")
        names = [spec.label() for spec in SCREENS]
        for index, name in enumerate(names):
            self.navigation.item(index).setText(name)
            self.screen_actions[index].setText(name)
        # Measured with the style sheet's font (11 pt), applied only once polished: before
        # the window is first shown, fontMetrics() would still be the default font's.
        self.navigation.ensurePolished()
        widest = max(self.navigation.fontMetrics().horizontalAdvance(n) for n in names)
        self.navigation.setFixedWidth(max(190, widest + 90))
        self.file_menu.setTitle(self.tr("&File"))
        self.view_menu.setTitle(self.tr("&View"))
        self.language_menu.setTitle(self.tr("&Language"))
        self.help_menu.setTitle(self.tr("&Help"))
        self.new_action.setText(self.tr("&New event…"))
        self.open_action.setText(self.tr("&Open…"))
        self.demo_action.setText(self.tr("Open the &demo conference"))
        self.backup_action.setText(self.tr("Save a &backup copy…"))
        self.restore_action.setText(self.tr("&Restore a backup…"))
        self.settings_action.setText(self.tr("Desk &settings…"))
        self.hub_action.setText(self.tr("&Hub on the LAN…"))
        self.sign_in_action.setText(self.tr("Sign &in or switch operator…"))
        self.lock_action.setText(self.tr("&Lock the screen"))
        self.operators_action.setText(self.tr("&Operators…"))
        self.quit_action.setText(self.tr("&Quit"))
        self.about_action.setText(self.tr("&About BSM Desk"))
        self.guide_action.setText(self.tr("&User guide"))
        self.projector_action.setText(self.tr("&Projector (speakers and countdown)"))
        self.booths_action.setText(self.tr("&Booths (for the interpreters)"))
        self.language_actions[lang].setChecked(True)
        self.backup_action.setEnabled(self.db is not None)
        self.restore_action.setEnabled(self.db_path is not None)
        if self.db is not None:
            self.guard.apply()  # what the signed-in role may not do stays greyed out
        self.projector_action.setEnabled(self.db is not None)
        self.booths_action.setEnabled(self.db is not None)
        for action in (self.sign_in_action, self.lock_action, self.operators_action):
            action.setEnabled(self.db is not None)
        self.guard.apply()
        self.event_label.setText(event.title(lang)[:60] + ("…" if event and len(
            event.title(lang)) > 60 else "") if event else self.tr("No event open"))
        self.event_label.setToolTip(event.title(lang) if event else "")
        self.db_label.setText(self.db_path.name if self.db_path else "")
        self.db_label.setToolTip(str(self.db_path or ""))
        self.desk_label.setText(self.tr("Desk: {name}").format(name=self.settings.desk_name))


