"""The main window, driven as a user would (offscreen)."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox

from bsm_desk import config, paths
from bsm_desk.ui.shell import i18n
from bsm_desk.ui.shell.first_start import FirstStartDialog
from bsm_desk.ui.shell.main_window import MainWindow


def test_opens_on_the_demo(window: MainWindow, demo_file: Path) -> None:
    assert window.open_database(demo_file)
    window.show()
    assert window.windowTitle() == "BSM22 — BSM Desk"
    assert "Border Security" in window.overview_screen.title.text()
    assert window.overview_screen.figures["delegates"].value.text() == "700"
    assert window.overview_screen.days.count() == 2
    assert window.db_label.text() == demo_file.name
    assert window.desk_label.text() == f"Desk: {config.load().desk_name}"
    assert config.load().last_db == str(demo_file.resolve())


def test_the_timetable_shows_each_day_by_room(window: MainWindow, demo_file: Path) -> None:
    window.open_database(demo_file)
    first = window.overview_screen.days.widget(0)
    titles = [b.title for b in first.blocks()]
    assert titles[0] == "High-Level Opening Session"
    side = next(b for b in first.blocks() if b.title.startswith("The Role of the National"))
    assert (side.start.strftime("%H:%M"), side.end.strftime("%H:%M")) == ("13:30", "14:30")
    assert side.kind == "side_event"
    assert side.column != next(b for b in first.blocks() if b.kind == "plenary").column


def test_language_switch_changes_visible_texts_and_back(window: MainWindow,
                                                        demo_file: Path) -> None:
    window.open_database(demo_file)
    window.show()
    window.set_language("ru")
    assert window.file_menu.title() == "&Файл"
    assert window.navigation.item(1).text() == "Участники"
    assert window.delegates_screen.title.text() == "Участники"
    assert window.overview_screen.title.text().startswith("Конференция высокого уровня")
    assert window.overview_screen.programme_label.text() == "Программа"
    assert window.language_actions["ru"].isChecked()
    window.navigation.setCurrentRow(1)
    header = window.delegates_screen.model.headerData(2, Qt.Orientation.Horizontal)
    assert header == "Пол"
    assert config.load().language == "ru"

    window.set_language("en")
    assert window.file_menu.title() == "&File"
    assert window.navigation.item(1).text() == "Delegates"
    assert window.overview_screen.title.text().startswith("High-Level Conference")
    assert config.load().language == "en"


def test_qt_standard_dialogs_speak_russian_too(window: MainWindow) -> None:
    from PySide6.QtCore import QCoreApplication

    window.set_language("ru")
    assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Отмена"


def test_navigation_with_the_keyboard(window: MainWindow, demo_file: Path, qtbot) -> None:
    window.open_database(demo_file)
    window.show()
    window.activateWindow()
    qtbot.waitUntil(window.isActiveWindow, timeout=60_000)
    qtbot.keyClick(window, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.delegates_screen
    qtbot.keyClick(window, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert window.stack.currentWidget() is window.overview_screen


def test_a_bad_file_keeps_the_open_event(window: MainWindow, demo_file: Path, tmp_path: Path,
                                         monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_database(demo_file)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "warning", lambda parent, title, text: shown.append(text))
    junk = tmp_path / "junk.sqlite"
    junk.write_text("not a database")
    assert not window.open_database(junk)
    assert shown and "not a BSM Desk event database" in shown[0]
    assert window.db_path == demo_file.resolve()
    assert window.overview_screen.figures["delegates"].value.text() == "700"


def test_first_start_offers_the_demo(window: MainWindow, monkeypatch: pytest.MonkeyPatch) -> None:
    def choose_demo(dialog: FirstStartDialog) -> int:
        dialog.choice = FirstStartDialog.DEMO
        return 1

    monkeypatch.setattr(FirstStartDialog, "exec", choose_demo)
    assert window.start()
    assert window.db_path == paths.demo_db().resolve()
    assert window.overview_screen.figures["delegates"].value.text() == "700"


def test_first_start_cancelled_means_quit(window: MainWindow,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(FirstStartDialog, "exec", lambda dialog: 0)
    assert not window.start()
    assert window.db is None


def test_the_last_event_reopens_without_asking(window: MainWindow, demo_copy: Path,
                                               monkeypatch: pytest.MonkeyPatch) -> None:
    window.open_database(demo_copy)
    window.close_database()
    again = MainWindow(config.load())
    monkeypatch.setattr(FirstStartDialog, "exec", lambda dialog: pytest.fail("asked"))
    assert again.start()
    assert again.db_path == demo_copy.resolve()
    again.close_database()


def test_first_start_dialog_texts(app, qtbot) -> None:
    dialog = FirstStartDialog()
    qtbot.addWidget(dialog)
    assert "demo conference" in dialog.demo.text()
    i18n.manager().set_language("ru")
    assert "демонстрационную конференцию" in dialog.demo.text()
    i18n.manager().set_language("en")


def test_backup_from_the_file_menu(window: MainWindow, demo_copy: Path, tmp_path: Path,
                                   monkeypatch: pytest.MonkeyPatch) -> None:
    from PySide6.QtWidgets import QFileDialog

    window.open_database(demo_copy)
    target = tmp_path / "copy.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    window.backup_action.trigger()
    assert target.exists()
    assert "Backup saved" in window.statusBar().currentMessage()


def test_about_names_version_and_database(window: MainWindow, demo_file: Path,
                                          monkeypatch: pytest.MonkeyPatch) -> None:
    from bsm_desk import __version__

    window.open_database(demo_file)
    shown: list[str] = []
    monkeypatch.setattr(QMessageBox, "about", lambda parent, title, text: shown.append(text))
    window.about_action.trigger()
    assert __version__ in shown[0] and str(demo_file.resolve()) in shown[0]


def test_window_geometry_is_remembered(app, qtbot, demo_file: Path) -> None:
    first = MainWindow(config.load())
    qtbot.addWidget(first)
    first.open_database(demo_file)
    first.resize(720, 530)
    first.close()
    second = MainWindow(config.load())
    qtbot.addWidget(second)
    assert (second.width(), second.height()) == (720, 530)


def test_every_screen_opens_in_a_fresh_process(demo_file: Path, tmp_path: Path) -> None:
    """What a packaged build is checked with (README, Packaging): the app shows every
    screen and leaves cleanly, with no traceback (a worker outliving the window, say)."""
    import os
    import subprocess
    import sys

    from bsm_desk.ui.shell.screen_registry import NAMES

    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", BSM_DESK_VISIT_SCREENS="1",
               BSM_DESK_HOME=str(tmp_path))
    done = subprocess.run([sys.executable, "-m", "bsm_desk", "--db", str(demo_file)], env=env,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert [line.split(": ")[1] for line in done.stdout.splitlines()
            if line.startswith("screen shown")] == list(NAMES)
    assert "Traceback" not in done.stderr


def test_widgets_follow_the_language_through_one_registration(app, qtbot) -> None:
    from PySide6.QtWidgets import QLabel

    from bsm_desk.ui.shell import i18n

    class Greeting(QLabel):
        def retranslate_ui(self) -> None:
            self.setText("ru" if i18n.language() == "ru" else "en")

    kept, gone = Greeting(), Greeting()
    i18n.follow_language(kept)
    i18n.follow_language(gone)
    assert kept.text() == "en"
    gone.deleteLater()
    qtbot.wait(10)  # destroyed: its registration goes with it
    i18n.manager().set_language("ru")
    assert kept.text() == "ru"
    i18n.manager().set_language("en")
    assert kept.text() == "en"


def test_no_widget_keeps_its_own_language_change_handler() -> None:
    from pathlib import Path

    ui = Path(__file__).resolve().parents[3] / "bsm_desk" / "ui"
    copies = [p.relative_to(ui).as_posix() for p in ui.rglob("*.py")
              if "LanguageChange" in p.read_text(encoding="utf-8")
              and p.name != "i18n.py"]
    assert copies == []


def test_qt_file_dialogs_speak_russian_too(app, qtbot) -> None:
    from PySide6.QtWidgets import QFileDialog, QLabel

    from bsm_desk.ui.shell import i18n

    i18n.manager().set_language("ru")
    try:
        dialog = QFileDialog(None, "x", "/")
        dialog.setOption(QFileDialog.Option.DontUseNativeDialog, True)
        qtbot.addWidget(dialog)
        labels = " ".join(label.text() for label in dialog.findChildren(QLabel))
        assert "Папка" in labels and "Тип файлов" in labels and "Look in" not in labels
    finally:
        i18n.manager().set_language("en")
