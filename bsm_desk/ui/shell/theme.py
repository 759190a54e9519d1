"""Fusion with a restrained palette: light by default, dark when the system is dark."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QGuiApplication, QPalette

from bsm_desk.domain.session_kinds import KIND_STYLE

if TYPE_CHECKING:
    from PySide6.QtWidgets import QApplication, QWidget

ACCENT = "#0b6fb8"  # a calm UN-like blue; enough contrast on white and on dark grey

# The programme's palette, by kind name (domain.programme.KIND_STYLE is the one place).
KIND_COLOURS = {kind.value: style.colour for kind, style in KIND_STYLE.items()}


def is_dark() -> bool:
    hints = QGuiApplication.styleHints()
    return bool(hints.colorScheme() == Qt.ColorScheme.Dark)


def palette(dark: bool) -> QPalette:
    p = QPalette()
    role = QPalette.ColorRole
    if dark:
        colours = {
            role.Window: "#202225", role.WindowText: "#e6e6e6", role.Base: "#17181a",
            role.AlternateBase: "#24262a", role.Text: "#e6e6e6", role.Button: "#2b2d31",
            role.ButtonText: "#e6e6e6", role.ToolTipBase: "#2b2d31", role.ToolTipText: "#e6e6e6",
            role.PlaceholderText: "#8a8f98", role.Highlight: "#2f80c8",
            role.HighlightedText: "#ffffff", role.Link: "#6cb4ee", role.Mid: "#3a3d42",
            role.Midlight: "#33363b", role.Dark: "#121314", role.Light: "#3f4248",
        }
    else:
        colours = {
            role.Window: "#f4f5f7", role.WindowText: "#1d2026", role.Base: "#ffffff",
            role.AlternateBase: "#f6f8fa", role.Text: "#1d2026", role.Button: "#eceef1",
            role.ButtonText: "#1d2026", role.ToolTipBase: "#ffffff", role.ToolTipText: "#1d2026",
            role.PlaceholderText: "#8a8f98", role.Highlight: ACCENT,
            role.HighlightedText: "#ffffff", role.Link: ACCENT, role.Mid: "#c9cdd3",
            role.Midlight: "#e1e4e8", role.Dark: "#a0a6ae", role.Light: "#ffffff",
        }
    for r, value in colours.items():
        p.setColor(r, QColor(value))
    grey = QColor("#7d828a")
    for r in (role.WindowText, role.Text, role.ButtonText):
        p.setColor(QPalette.ColorGroup.Disabled, r, grey)
    return p


# The few widgets that look apart carry their own style sheet. One for the whole
# application made Qt style every widget through its style-sheet engine: the Delegates
# table took 1.3 ms more to paint a screenful of rows.
NAVIGATION_SHEET = """
QListWidget#navigation { border: none; padding: 6px 0; font-size: 11pt; }
QListWidget#navigation { background: palette(window); }
QListWidget#navigation::item { padding: 9px 14px; border-radius: 6px; margin: 1px 6px;
                               color: palette(window-text); }
QListWidget#navigation::item:hover { background: palette(midlight); }
QListWidget#navigation::item:selected { background: palette(highlight);
                                        color: palette(highlighted-text); }
"""
# The text roles by font and palette alone: a style sheet makes Qt style the label (and
# what it holds) through its style-sheet engine, and the overview's two dozen took 4 ms
# of the window's start. A subtitle takes the palette's placeholder colour, and so
# follows a dark scheme by itself.
TEXT_ROLES = {"title": 15.0, "figure": 20.0}  # point sizes, semi-bold
ROLE_SHEETS = {  # (a card is a widget of its own: ui/widgets/card.py)
    "choice": 'QPushButton[role="choice"] { text-align: left; padding: 12px 16px;'
              ' font-size: 11pt; }',
}


def unshaped(widget: QWidget) -> None:
    """Text without the shaping only typography wants (kerning, ligatures) in a widget
    that repaints many short texts at once: the Delegates table paints a screenful 0.8 ms
    faster. Scripts that need shaping to be read still get it (Qt's PreferNoShaping)."""
    font = widget.font()
    font.setStyleStrategy(QFont.StyleStrategy.PreferNoShaping)
    widget.setFont(font)


def give_role(widget: QWidget, role: str) -> None:
    """Style a widget for its role: a title, a figure or a subtitle by its font and
    palette (TEXT_ROLES); a choice by its own sheet (ROLE_SHEETS), whose selector names
    the role, so that what it holds keeps its own look."""
    widget.setProperty("role", role)
    if role == "subtitle":
        widget.setForegroundRole(QPalette.ColorRole.PlaceholderText)
    elif role in TEXT_ROLES:
        font = widget.font()
        font.setPointSizeF(TEXT_ROLES[role])
        font.setWeight(QFont.Weight.DemiBold)
        widget.setFont(font)
    else:
        widget.setStyleSheet(ROLE_SHEETS[role])


def apply(app: QApplication, *, style: bool = True) -> None:
    """Fusion and our palette, following the system when it turns dark or light
    (``style=False``: the application was made with Fusion already, see app.py)."""
    if style:
        app.setStyle("Fusion")
    app.setPalette(palette(is_dark()))
    hints = QGuiApplication.styleHints()
    if not getattr(app, "_bsm_follows_scheme", False):
        hints.colorSchemeChanged.connect(
            lambda scheme: turn(app, scheme == Qt.ColorScheme.Dark))
        app._bsm_follows_scheme = True  # type: ignore[attr-defined]


def turn(app: QApplication, dark: bool) -> None:
    """The palette of the system's new scheme, on every widget: a style sheet takes the
    palette's colours when it is set, so the widgets that have one get it again (a
    card stayed white on a dark window)."""
    app.setPalette(palette(dark))
    for widget in app.allWidgets():
        sheet = widget.styleSheet()
        if sheet:
            widget.setStyleSheet("")
            widget.setStyleSheet(sheet)
