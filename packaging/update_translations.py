"""Refresh i18n/bsm_desk_*.ts from the source code (Qt's lupdate), for translators.

    python packaging/update_translations.py          # update the .ts files
    python packaging/update_translations.py --check  # exit 1 if a string is missing
                                                     # or untranslated (the tests do this)

Then translate the new entries with Qt Linguist (``pyside6-linguist``) or by editing
the XML. The .qm files are made from the .ts at first start or by packaging.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def sources() -> list[str]:
    return sorted(str(p.relative_to(ROOT)) for p in (ROOT / "bsm_desk").rglob("*.py"))


def lupdate() -> str:
    import PySide6

    here = Path(PySide6.__file__).parent
    for candidate in (here / "lupdate", here / "lupdate.exe"):
        if candidate.exists():
            return str(candidate)
    found = shutil.which("pyside6-lupdate")
    if not found:
        raise SystemExit("Qt's lupdate is not installed (pip install PySide6-Essentials)")
    return found


def run_lupdate(ts: Path) -> None:
    subprocess.run([lupdate(), *sources(), "-ts", str(ts), "-no-obsolete", "-locations", "none",
                    "-silent"], cwd=ROOT, check=True)


def messages(ts: Path) -> dict[tuple[str, str], bool]:
    """(context, source) -> whether it has a finished translation."""
    root = ET.parse(ts).getroot()
    found = {}
    for context in root.iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            done = translation is not None and translation.get("type") not in (
                "unfinished", "vanished", "obsolete") and bool(
                (translation.text or "").strip() or list(translation))
            found[(name, message.findtext("source", ""))] = done
    return found


def problems(ts: Path) -> list[str]:
    """What the code asks for that ``ts`` lacks or leaves untranslated."""
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        fresh.write_text('<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n'
                         '<TS version="2.1"></TS>\n', encoding="utf-8")
        run_lupdate(fresh)
        wanted = messages(fresh)
    have = messages(ts)
    out = []
    for key in sorted(wanted):
        if key not in have:
            out.append(f"missing in {ts.name}: [{key[0]}] {key[1]!r}")
        elif not have[key]:
            out.append(f"untranslated in {ts.name}: [{key[0]}] {key[1]!r}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--check", action="store_true")
    args = parser.parse_args()
    status = 0
    for ts in sorted((ROOT / "i18n").glob("bsm_desk_*.ts")):
        if args.check:
            found = problems(ts)
            for line in found:
                print(line)
            status = status or (1 if found else 0)
        else:
            run_lupdate(ts)
            print(f"updated {ts.relative_to(ROOT)}")
    return status


if __name__ == "__main__":
    sys.exit(main())
