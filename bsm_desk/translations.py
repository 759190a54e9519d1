"""Loading the Russian (or any) translation, for the GUI and the CLI alike.

The source of truth is ``i18n/bsm_desk_<lang>.ts`` (Qt Linguist). A frozen or
packaged build may ship the compiled ``.qm`` beside it; otherwise the ``.ts`` is
compiled once with Qt's ``lrelease`` (shipped with PySide6) into the user's cache,
under a name that carries the hash of the source, so an edited ``.ts`` is never
served stale.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QLibraryInfo, QTranslator

from bsm_desk import paths


def ts_file(lang: str) -> Path:
    return paths.shipped("i18n") / f"bsm_desk_{lang}.ts"


def lrelease() -> str | None:
    import PySide6

    here = Path(PySide6.__file__).parent
    for candidate in (here / "lrelease", here / "lrelease.exe", here / "Qt" / "bin" / "lrelease"):
        if candidate.exists():
            return str(candidate)
    return shutil.which("pyside6-lrelease") or shutil.which("lrelease")


def compile_ts(ts: Path, qm: Path) -> None:
    import subprocess  # only where a translation is compiled (a checkout), not at start

    tool = lrelease()
    if tool is None:
        raise FileNotFoundError("Qt's lrelease is not installed")
    qm.parent.mkdir(parents=True, exist_ok=True)
    part = qm.with_name(qm.name + ".part")
    subprocess.run([tool, "-silent", str(ts), "-qm", str(part)], check=True,
                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    part.replace(qm)


def qm_file(lang: str) -> Path | None:
    """The compiled translation for ``lang``, compiling it first if needed.

    A shipped .qm that is at least as new as the .ts (or has no .ts beside it, as in a
    frozen build) is used as it is; otherwise the .ts is compiled into the cache. If
    that cannot be done, a shipped .qm is still better than English.
    """
    return _compiled(ts_file(lang))


def _compiled(ts: Path) -> Path | None:
    shipped_qm = ts.with_suffix(".qm")
    fresh = shipped_qm.exists() and (
        not ts.exists() or shipped_qm.stat().st_mtime >= ts.stat().st_mtime)
    if fresh:
        return shipped_qm
    if ts.exists():
        import hashlib  # only to compile a translation newer than its shipped .qm
        import subprocess

        digest = hashlib.sha1(ts.read_bytes()).hexdigest()[:12]
        try:  # a cache folder that cannot be made is no reason to lose the language
            cached = paths.cache_dir() / "i18n" / f"{ts.stem}-{digest}.qm"
            if cached.exists():
                return cached
            compile_ts(ts, cached)
            return cached
        except (OSError, subprocess.CalledProcessError) as exc:
            print(f"bsm-desk: cannot compile {ts.name}: {exc}", file=sys.stderr)
    return shipped_qm if shipped_qm.exists() else None


def app_translator(lang: str) -> QTranslator | None:
    if lang == "en":
        return None
    qm = qm_file(lang)
    translator = QTranslator()
    if qm is None or not translator.load(str(qm)):
        return None
    return translator


def qt_translator(lang: str) -> QTranslator | None:
    """Qt's own strings (standard buttons, file dialogs) in ``lang``."""
    if lang == "en":
        return None
    translator = QTranslator()
    folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    if translator.load(f"qtbase_{lang}", folder):
        return translator
    return None


def qt_extra_translator(lang: str) -> QTranslator | None:
    """The few of Qt's own strings its shipped translation leaves in English
    (``i18n/qtbase_extra_<lang>.ts``); installed after Qt's, so it only fills gaps."""
    ts = paths.shipped("i18n") / f"qtbase_extra_{lang}.ts"
    if lang == "en" or not ts.exists():
        return None
    qm = _compiled(ts)
    translator = QTranslator()
    return translator if qm is not None and translator.load(str(qm)) else None


def translate_function(lang: str) -> Callable[[str, str], str]:
    """``translate(context, text)`` without a QApplication: what the CLI uses."""
    translator = app_translator(lang)
    if translator is None:
        return lambda context, text: text

    def translate(context: str, text: str) -> str:
        return translator.translate(context, text) or text

    return translate
