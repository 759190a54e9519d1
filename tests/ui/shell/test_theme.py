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
