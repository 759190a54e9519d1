"""Help → User guide: the bilingual guide that ships with the app (resources/guide, plain
HTML written by packaging/guide_pages.py), shown offline in a text browser; F1 opens the
page of the screen in front."""

from __future__ import annotations

from PySide6.QtCore import QUrl
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QPushButton, QTextBrowser, QVBoxLayout, QWidget

from bsm_desk import paths
from bsm_desk.ui.shell import i18n

# The page F1 opens on each screen.
SCREEN_PAGES = {"overview": "setup", "delegates": "import", "badges": "badges",
                "checkin": "checkin", "attendance": "attendance", "programme": "programme",
                "speakers": "speakers", "roster": "roster", "history": "operators",
                "seating": "seating"}


def page_url(page: str, lang: str | None = None) -> QUrl:
    lang = lang if lang in ("en", "ru") else i18n.language()
    path = paths.resource("guide", lang, f"{page}.html")
    if not path.exists():
        path = paths.resource("guide", lang, "index.html")
    return QUrl.fromLocalFile(str(path))


class GuideWindow(QDialog):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.resize(980, 760)
        self.browser = QTextBrowser()
        self.browser.setOpenExternalLinks(False)
        self.back = QPushButton()
        self.home = QPushButton()
        self.back.clicked.connect(self.browser.backward)
        self.home.clicked.connect(lambda: self.show_page("index"))
        self.browser.backwardAvailable.connect(self.back.setEnabled)
        self.back.setEnabled(False)
        QShortcut(QKeySequence.StandardKey.Back, self, self.browser.backward)
        bar = QHBoxLayout()
        bar.addWidget(self.back)
        bar.addWidget(self.home)
        bar.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(bar)
        layout.addWidget(self.browser, 1)
        self.page = "index"
        self.retranslate_ui()
        i18n.follow_language(self)

    def show_page(self, page: str) -> None:
        self.page = page
        self.browser.setSource(page_url(page))
        self.setWindowTitle(self.browser.documentTitle() or self.tr("User guide"))

    def show_screen(self, screen: str) -> None:
        self.show_page(SCREEN_PAGES.get(screen, "index"))

    def retranslate_ui(self) -> None:
        self.back.setText(self.tr("Back"))
        self.home.setText(self.tr("Contents"))
        if self.browser.source().isValid():  # the language changed: the same page in it
            self.show_page(self.page)
