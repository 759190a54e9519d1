"""The window's console manners: quiet unless asked.

Qt and the libraries under it talk on stderr at start (sound servers not found, video
acceleration missing, "this plugin does not support…"): noise to a venue's staff,
useful to whoever looks into a problem. Every such message goes to the log file
(paths.log_file(), the newest 1 MB kept); ``--verbose`` also shows them on the console.
Critical and fatal messages are always shown.
"""

from __future__ import annotations

import sys
from datetime import datetime
from pathlib import Path
from typing import TextIO

from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

from bsm_desk import paths

LOG_LIMIT = 1_000_000
KINDS = {QtMsgType.QtDebugMsg: "debug", QtMsgType.QtInfoMsg: "info",
         QtMsgType.QtWarningMsg: "warning", QtMsgType.QtCriticalMsg: "critical",
         QtMsgType.QtFatalMsg: "fatal"}


class Console:
    def __init__(self, verbose: bool, log: Path | None = None) -> None:
        self.verbose = verbose
        self.log_path = log or paths.log_file()
        self._log: TextIO | None = None

    def _open(self) -> TextIO | None:
        if self._log is None:
            try:
                if self.log_path.exists() and self.log_path.stat().st_size > LOG_LIMIT:
                    self.log_path.replace(self.log_path.with_suffix(".log.1"))
                self._log = self.log_path.open("a", encoding="utf-8")
            except OSError:  # a read-only home: the message still goes where it may
                return None
        return self._log

    def handle(self, kind: QtMsgType, context: QMessageLogContext, message: str) -> None:
        line = f"{datetime.now():%Y-%m-%d %H:%M:%S} {KINDS.get(kind, '?')}: " \
               f"{context.category or 'default'}: {message}"
        log = self._open()
        if log is not None:
            log.write(line + "\n")
            log.flush()
        if self.verbose or kind in (QtMsgType.QtCriticalMsg, QtMsgType.QtFatalMsg):
            print(message, file=sys.stderr, flush=True)


def install(verbose: bool) -> Console:
    """From now on Qt's messages follow ``verbose`` (see the module's docstring)."""
    console = Console(verbose)
    qInstallMessageHandler(console.handle)
    return console
