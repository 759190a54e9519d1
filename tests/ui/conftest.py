from __future__ import annotations

from collections.abc import Iterator

import pytest

from bsm_desk import config
from bsm_desk.ui import i18n
from bsm_desk.ui.app import application
from bsm_desk.ui.main_window import MainWindow


@pytest.fixture
def app(qapp: object) -> object:
    return application()


@pytest.fixture
def window(app: object, qtbot: object) -> Iterator[MainWindow]:
    i18n.manager().set_language("en")
    win = MainWindow(config.load())
    qtbot.addWidget(win)  # type: ignore[attr-defined]
    yield win
    win.close_database()
    i18n.manager().set_language("en")
