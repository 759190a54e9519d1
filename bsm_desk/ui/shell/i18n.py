"""Switching the interface language at runtime.

A widget with words of its own registers its ``retranslate_ui`` once, with
:func:`follow_language` (as Frescobaldi's ``translateUI`` does): it is called at once
and again after every switch, for as long as the widget lives. Qt's own widgets follow
the ``QEvent.LanguageChange`` that installing a translator sends. Data that has both
languages (titles EN/RU) is chosen with :func:`language`.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, QEvent, QLocale, QObject, QTranslator, Signal

from bsm_desk import config, translations

LANGUAGE_LABELS = {"en": "English", "ru": "Русский"}


class LanguageManager(QObject):
    changed = Signal(str)

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._lang = "en"
        self._installed: list[QTranslator] = []

    @property
    def lang(self) -> str:
        return self._lang

    def set_language(self, lang: str) -> None:
        if lang not in config.LANGUAGES:
            lang = "en"
        app = QCoreApplication.instance()
        assert app is not None
        self._lang = lang  # first, so screens retranslating on the events see it
        for translator in self._installed:
            app.removeTranslator(translator)
        # Qt looks in the translator installed last first: ours, then the gaps in Qt's
        # own translation, then Qt's.
        self._installed = [t for t in (translations.qt_translator(lang),
                                       translations.qt_extra_translator(lang),
                                       translations.app_translator(lang)) if t is not None]
        QLocale.setDefault(QLocale(QLocale.Language.Russian if lang == "ru"
                                   else QLocale.Language.English,
                                   QLocale.Country.Russia if lang == "ru"
                                   else QLocale.Country.UnitedKingdom))
        for translator in self._installed:
            app.installTranslator(translator)
        # QApplication posts LanguageChange to each window; deliver them now so that the
        # whole interface has switched when this call returns.
        QCoreApplication.sendPostedEvents(None, QEvent.Type.LanguageChange)
        self.changed.emit(lang)


_manager: LanguageManager | None = None


def manager() -> LanguageManager:
    global _manager
    if _manager is None:
        _manager = LanguageManager()
    return _manager


def language() -> str:
    return manager().lang


def number(value: int) -> str:
    """A count as the interface's language writes it: 100,000 in English, 100 000 in
    Russian (with the %Ln of a translated text, the same)."""
    return QLocale().toString(int(value))


def follow_language(widget: QObject, retranslate: Callable[[], None] | None = None) -> None:
    """Call ``retranslate`` (the widget's ``retranslate_ui`` by default) now and after
    every language switch. The connection goes with the widget when it is destroyed."""
    update = retranslate or widget.retranslate_ui  # type: ignore[attr-defined]
    update()
    manager().changed.connect(update)
