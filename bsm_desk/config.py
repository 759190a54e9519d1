"""The desk's identity and preferences, shared by the GUI and the CLI.

Kept in a small JSON file rather than QSettings so that the command line (which
does not start Qt) stamps the same desk id on what it records and speaks the same
language as the window. Window geometry, which only the GUI cares about, stays in
QSettings.
"""

from __future__ import annotations

import json
import os
import socket
import uuid
from dataclasses import asdict, dataclass, field
from pathlib import Path

from bsm_desk import paths

LANGUAGES = ("en", "ru")
VERSION = "settings_version"  # the file's format, upgraded step by step (as Picard does)


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


# A file without a version is from the first release (desk id, name, language, last
# event). Each step takes the file from the version before it to its own.
STEPS = ((2, _v2_checkin), (3, _v3_backups), (4, _v4_operators))
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


@dataclass
class Settings:
    desk_id: str = field(default_factory=lambda: str(uuid.uuid4()))
    desk_name: str = field(default_factory=lambda: socket.gethostname() or "Desk 1")
    language: str = "en"
    last_db: str = ""
    checkpoint: str = ""  # where this desk checks people in (an id of the open event)
    sounds: str = "on"  # verdict sounds: "on" or "off"
    camera: str = ""  # the camera chosen for scanning (its id), "" for none
    backup_folder: str = ""  # where automatic backups go; "" for beside the event file
    lock_after_min: str = "5"  # an event with operators: the screen locks after this idle


def lock_after_s(settings: Settings) -> int:
    """The idle time before the screen locks, in seconds (1 to 240 minutes)."""
    try:
        minutes = int(settings.lock_after_min)
    except ValueError:
        minutes = 5
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
    known = {k: str(v) for k, v in upgraded.items() if k in Settings.__dataclass_fields__}
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


def ui_language(settings: Settings | None = None) -> str:
    """The language for messages: BSM_DESK_LANG overrides the saved choice."""
    env = os.environ.get("BSM_DESK_LANG", "").strip().lower()[:2]
    if env in LANGUAGES:
        return env
    return (settings or load()).language
