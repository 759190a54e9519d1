"""The desk's identity and preferences, shared by the GUI and the CLI.

Kept in a small JSON file rather than QSettings so that the command line (which
does not start Qt) stamps the same desk id on what it records and speaks the same
language as the window. Window geometry, which only the GUI cares about, stays in
QSettings.
"""

from __future__ import annotations

import json
import os
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from bsm_desk import paths
from bsm_desk.domain.errors import QT_TRANSLATE_NOOP

LANGUAGES = ("en", "ru")
VERSION = "settings_version"  # the file's format, upgraded step by step (as Picard does)


def _host_name() -> str:
    """This computer's name (the socket module only when a desk is first named)."""
    import socket

    return socket.gethostname()


def _v2_checkin(raw: dict[str, object]) -> dict[str, object]:
    """Check-in came: the desk's checkpoint, verdict sounds (on by default), a camera."""
    return {"checkpoint": "", "sounds": "on", "camera": "", **raw}


def _v3_backups(raw: dict[str, object]) -> dict[str, object]:
    """Automatic backups came, beside the event file unless a folder is chosen. A
    'sounds' kept as true/false by hand becomes the on/off the desk reads."""
    found = {"backup_folder": "", **raw}
    if isinstance(found.get("sounds"), bool):
        found["sounds"] = "on" if found["sounds"] else "off"
    return found


def _v4_operators(raw: dict[str, object]) -> dict[str, object]:
    """Operators came: the screen locks after 5 idle minutes by default."""
    found = {"lock_after_min": "5", **raw}
    if isinstance(found["lock_after_min"], (int, float)):
        found["lock_after_min"] = str(int(found["lock_after_min"]))
    return found


def _v5_typed(raw: dict[str, object]) -> dict[str, object]:
    """Settings became typed: sounds a true/false, the lock's minutes a number."""
    found = dict(raw)
    if isinstance(found.get("sounds"), str):
        found["sounds"] = str(found["sounds"]).strip().lower() != "off"
    if isinstance(found.get("lock_after_min"), str):
        text = str(found["lock_after_min"]).strip()
        found["lock_after_min"] = int(text) if text.isascii() and text.isdigit() else 5
    return found


# A file without a version is from the first release (desk id, name, language, last
# event). Each step takes the file from the version before it to its own.
STEPS = ((2, _v2_checkin), (3, _v3_backups), (4, _v4_operators), (5, _v5_typed))
LATEST = STEPS[-1][0]
_kept: dict[str, object] = {}  # keys a newer version wrote: saved back as they were


def upgrade(raw: dict[str, object]) -> dict[str, object]:
    """The settings as this version reads them, from any earlier version's."""
    try:
        version = int(str(raw.get(VERSION, 1)))
    except ValueError:
        version = 1
    found = dict(raw)
    for number, step in STEPS:
        if version < number:
            found = step(found)
    found[VERSION] = max(version, LATEST)
    return found


def _new_desk_id() -> str:
    """A desk's id, made once and kept in its settings (uuid loads only to make one)."""
    import uuid

    return str(uuid.uuid4())


@dataclass
class Settings:
    desk_id: str = field(default_factory=_new_desk_id)
    desk_name: str = field(default_factory=lambda: _host_name() or "Desk 1")
    language: str = "en"
    last_db: str = ""
    checkpoint: str = ""  # where this desk checks people in (an id of the open event)
    sounds: bool = True  # verdict sounds
    camera: str = ""  # the camera chosen for scanning (its id), "" for none
    backup_folder: str = ""  # where automatic backups go; "" for beside the event file
    lock_after_min: int = 5  # an event with operators: the screen locks after this idle


@dataclass(frozen=True)
class Option:
    """One desk setting: its type, what it takes (said to a user who gives another
    value) and how a typed text becomes it (ValueError when it cannot)."""

    name: str
    kind: type
    takes: str  # "Cli" context: said when a value is refused
    parse: Callable[[str], Any]
    settable: bool = True  # desk_id and last_db are the desk's own


def _text(longest: int, shortest: int = 0) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if not shortest <= len(text) <= longest:
            raise ValueError(text)
        return text
    return parse


def _choice(*choices: str) -> Callable[[str], str]:
    def parse(text: str) -> str:
        if text not in choices:
            raise ValueError(text)
        return text
    return parse


def _on_off(text: str) -> bool:
    if text.lower() not in ("on", "off"):
        raise ValueError(text)
    return text.lower() == "on"


def _minutes(text: str) -> int:
    if not (text.isascii() and text.isdigit() and 1 <= int(text) <= 240):
        raise ValueError(text)
    return int(text)


def _folder(text: str) -> str:
    if text and not Path(text).is_dir():
        raise ValueError(text)
    return str(Path(text).resolve()) if text else ""


# Every desk setting, with its type and what it takes (the CLI's settings set, the
# settings file's reading): one registry, as Picard keeps its options.
OPTIONS = (
    Option("desk_id", str, "", _text(80, 1), settable=False),
    Option("desk_name", str, QT_TRANSLATE_NOOP("Cli", "a name of 1 to 80 characters"),
           _text(80, 1)),
    Option("language", str, QT_TRANSLATE_NOOP("Cli", "en or ru"), _choice(*LANGUAGES)),
    Option("last_db", str, "", _text(4096), settable=False),
    Option("checkpoint", str, QT_TRANSLATE_NOOP(
        "Cli", "a checkpoint id (see bsm-desk checkpoints), or nothing"), _text(80)),
    Option("sounds", bool, QT_TRANSLATE_NOOP("Cli", "on or off"), _on_off),
    Option("camera", str, QT_TRANSLATE_NOOP("Cli", "a camera's id, or nothing"), _text(400)),
    Option("backup_folder", str, QT_TRANSLATE_NOOP(
        "Cli", "an existing folder, or nothing (beside the event file)"), _folder),
    Option("lock_after_min", int, QT_TRANSLATE_NOOP("Cli", "whole minutes from 1 to 240"),
           _minutes),
)
BY_NAME = {option.name: option for option in OPTIONS}
assert set(BY_NAME) == {f.name for f in fields(Settings)}, "every setting has its option"


def _typed(option: Option, value: object, default: Any) -> Any:
    """A value read from the file as its option's type; the default when it is not."""
    if option.kind is bool:
        return value if isinstance(value, bool) else default
    if option.kind is int:
        if isinstance(value, bool) or not isinstance(value, int | str):
            return default
        try:
            return option.parse(str(value))
        except ValueError:
            return default
    return str(value) if isinstance(value, str | int | float) else default


def lock_after_s(settings: Settings) -> int:
    """The idle time before the screen locks, in seconds (1 to 240 minutes)."""
    minutes = settings.lock_after_min if isinstance(settings.lock_after_min, int) else 5
    return max(1, min(minutes, 240)) * 60


def settings_file() -> Path:
    return paths.config_dir() / "settings.json"


def load() -> Settings:
    """Read the settings; the first call on a machine makes the desk id and saves it."""
    path = settings_file()
    raw: dict[str, object] = {}
    if path.exists():
        try:
            loaded = json.loads(path.read_text(encoding="utf-8"))
            raw = loaded if isinstance(loaded, dict) else {}
        except (OSError, ValueError):
            # A damaged file must not stop the desk: keep what can be kept.
            raw = {}
    upgraded = upgrade(raw) if raw else {VERSION: LATEST}
    _kept.clear()
    _kept.update({k: v for k, v in upgraded.items()
                  if k not in Settings.__dataclass_fields__ and k != VERSION})
    _kept[VERSION] = upgraded[VERSION]
    defaults = Settings(desk_id="", desk_name="")
    known = {k: _typed(BY_NAME[k], v, getattr(defaults, k)) for k, v in upgraded.items()
             if k in BY_NAME}
    if not known.get("desk_id"):
        known.pop("desk_id", None)  # made anew: the first start, or a damaged file
    if not known.get("desk_name"):
        known.pop("desk_name", None)
    settings = Settings(**known)
    if settings.language not in LANGUAGES:
        settings.language = "en"
    if known.get("desk_id") != settings.desk_id or upgraded.get(VERSION) != raw.get(VERSION):
        save(settings)
    return settings


def save(settings: Settings) -> None:
    path = settings_file()
    tmp = path.with_suffix(".tmp")
    data = {**_kept, **asdict(settings)}
    data.setdefault(VERSION, LATEST)
    tmp.write_text(json.dumps(data, ensure_ascii=False, indent=2), encoding="utf-8")
    os.replace(tmp, path)


def last_event(settings: Settings) -> Path:
    """The event the window opens when not told which: the last one opened here, or
    where a first event is kept."""
    return Path(settings.last_db) if settings.last_db else paths.default_db()


def ui_language(settings: Settings | None = None) -> str:
    """The language for messages: BSM_DESK_LANG overrides the saved choice."""
    env = os.environ.get("BSM_DESK_LANG", "").strip().lower()[:2]
    if env in LANGUAGES:
        return env
    return (settings or load()).language
