"""Where BSM Desk finds its shipped files and keeps the user's own.

Shipped files (``resources/``, ``i18n/``) sit at the top of a checkout, inside the
package of an installed wheel (see pyproject's force-include) and under
``sys._MEIPASS`` in a frozen build; :func:`shipped` hides the difference.

User files go to the platform's folders (platformdirs). ``BSM_DESK_HOME`` moves them
all under one folder: tests, portable installs on a USB stick, and the demo kiosk
use it.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

import platformdirs

_PACKAGE_DIR = Path(__file__).resolve().parent
_APP = "bsm-desk"


def _shipped_roots() -> list[Path]:
    roots = [_PACKAGE_DIR, _PACKAGE_DIR.parent]
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        roots.insert(0, Path(frozen) / "bsm_desk")
    return roots


def shipped(name: str) -> Path:
    """The folder of shipped files called ``name`` ('resources' or 'i18n')."""
    for root in _shipped_roots():
        candidate = root / name
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"BSM Desk is installed without its '{name}' folder")


def resource(*parts: str) -> Path:
    return shipped("resources").joinpath(*parts)


def _home() -> Path | None:
    value = os.environ.get("BSM_DESK_HOME")
    return Path(value) if value else None


def data_dir() -> Path:
    """Event databases, the demo conference, backups."""
    home = _home()
    path = home / "data" if home else Path(platformdirs.user_data_dir(_APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def config_dir() -> Path:
    """The desk's identity and preferences."""
    home = _home()
    path = home / "config" if home else Path(platformdirs.user_config_dir(_APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def cache_dir() -> Path:
    """Files that can be made again: compiled translations."""
    home = _home()
    path = home / "cache" if home else Path(platformdirs.user_cache_dir(_APP, appauthor=False))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db() -> Path:
    return data_dir() / "event.sqlite"


def demo_db() -> Path:
    return data_dir() / "demo-dushanbe-2022.sqlite"


def log_file() -> Path:
    """What the window said that nobody at a desk needs to read (Qt's and the sound
    system's messages): kept here, shown on the console only with --verbose."""
    home = _home()
    folder = home / "log" if home else Path(platformdirs.user_log_dir(_APP, appauthor=False))
    folder.mkdir(parents=True, exist_ok=True)
    return folder / "bsm-desk.log"
