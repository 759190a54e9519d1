from PySide6.QtGui import QPalette

from bsm_desk.ui.shell import theme


def test_dark_and_light_palettes_keep_text_readable(app) -> None:
    for dark in (False, True):
        p = theme.palette(dark)
        window = p.color(QPalette.ColorRole.Window).lightness()
        text = p.color(QPalette.ColorRole.WindowText).lightness()
        assert (window < 80) == dark
        assert abs(window - text) > 150, "contrast between text and background"


def test_the_app_uses_our_palette(app) -> None:
    theme.apply(app)
    assert app.palette().color(QPalette.ColorRole.Highlight) == \
        theme.palette(theme.is_dark()).color(QPalette.ColorRole.Highlight)


def test_every_icon_renders(app) -> None:
    from bsm_desk import paths
    from bsm_desk.ui.shell.icons import icon

    names = [p.stem for p in paths.resource("icons").glob("*.svg") if p.stem != "app"]
    assert len(names) >= 10
    for name in names:
        image = icon(name).pixmap(48, 48).toImage()
        assert any(image.pixelColor(x, y).alpha() > 0 for x in range(48) for y in range(48)), name


def test_icons_follow_the_palette_though_drawn_once(app) -> None:
    """Icons are drawn once per colour and size: a dark palette still gets light icons,
    and the light palette back its dark ones."""
    from bsm_desk.ui.shell.icons import icon

    def ink() -> int:
        image = icon("search").pixmap(32, 32).toImage()
        inked = [image.pixelColor(x, y) for x in range(32) for y in range(32)
                 if image.pixelColor(x, y).alpha() > 200]
        return max(c.lightness() for c in inked)

    before = app.palette()
    try:
        app.setPalette(theme.palette(False))
        light = ink()
        app.setPalette(theme.palette(True))
        dark = ink()
        app.setPalette(theme.palette(False))
        assert ink() == light < 100 < dark
        assert icon("search").pixmap(32, 32).cacheKey() == icon("search").pixmap(32, 32).cacheKey()
    finally:
        app.setPalette(before)


def test_a_card_turns_dark_with_the_system(app) -> None:
    """A card paints itself from the palette and a figure keeps its font: when the system
    turns dark while the desk runs, they take the dark palette too (a card stayed white
    before), and the card's rounded border is drawn in it."""
    from PySide6.QtWidgets import QLabel, QVBoxLayout, QWidget

    from bsm_desk.ui.widgets.card import Card

    window = QWidget()  # shown, as in the desk: the palette reaches what a window holds
    card = Card(window)
    figure = QLabel("700")
    QVBoxLayout(card).addWidget(figure)
    theme.give_role(figure, "figure")
    card.resize(200, 100)
    window.show()
    before = app.palette()
    try:
        theme.turn(app, False)
        app.processEvents()  # the palette's change reaches the widgets as events
        light = card.grab().toImage()
        assert light.pixelColor(100, 90).lightness() > 200
        # The corner outside the rounded border is left to what lies behind the card.
        assert light.pixelColor(0, 0) != light.pixelColor(100, 90)
        theme.turn(app, True)
        app.processEvents()
        dark = card.grab().toImage()
        assert dark.pixelColor(100, 90).lightness() < 60
        assert dark.pixelColor(100, 90) == app.palette().color(QPalette.ColorRole.Base)
        assert figure.font().pointSize() == 20  # its own sheet kept
    finally:
        app.setPalette(before)
        window.deleteLater()
