"""Files that appear whole or not at all.

Everything the application writes for people (PDFs, workbooks, CSVs, calendars) is
written beside its target and renamed into place when complete: a full disk, a
Cancel or a crash leaves the old file (or none), never half a file, and the user
reads which file and why.
"""

from __future__ import annotations

import contextlib
import os
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

CANNOT_WRITE = QT_TRANSLATE_NOOP("UserError", "Could not write {path}: {reason}")
NO_FOLDER = QT_TRANSLATE_NOOP("UserError", "Could not write {path}: there is no folder "
                                           "{folder}.")


@contextmanager
def written(out: str | Path) -> Iterator[Path]:
    """``with written(path) as partial:`` write ``partial``; it becomes ``path`` at the end."""
    out = Path(out)
    if not out.parent.is_dir():  # said before anything is written, in the user's words
        raise UserError(NO_FOLDER, path=str(out), folder=str(out.parent))
    partial = _partial(out)
    try:
        yield partial
        os.replace(partial, out)
    except OSError as exc:
        _discard(partial)
        raise UserError(CANNOT_WRITE, path=str(out), reason=exc.strerror or str(exc)) from exc
    except BaseException:
        _discard(partial)
        raise


def _partial(out: Path) -> Path:
    """``out.part``, claimed; if another program (a second desk, a second export) is
    writing the same file at this moment, or one stopped midway and left it, a name of
    this writer's own beside it, so that neither writes into the other's."""
    partial = out.with_name(out.name + ".part")
    try:
        os.close(os.open(partial, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o644))
    except FileExistsError:
        if partial.is_file():
            handle, name = tempfile.mkstemp(dir=out.parent, prefix=f"{out.name}.",
                                            suffix=".part")
            os.close(handle)
            return Path(name)
    except OSError:
        pass  # a read-only folder, say: the writer meets it and says so in words
    return partial


def _discard(partial: Path) -> None:
    """Remove a half-written file; on a read-only disk that fails too, and the error to
    report is the first one, not this."""
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)


def save_workbook(book: Any, out: str | Path) -> Path:
    """Save an openpyxl workbook whole or not at all. When the save fails (no such
    folder, a full disk), its write-only sheets are closed here: left open, they would
    complain at exit with a dozen lines of lxml traceback after our one clear line."""
    try:
        with written(out) as partial:
            book.save(partial)
    except BaseException as exc:
        for sheet in getattr(book, "worksheets", ()):
            close = getattr(sheet, "close", None)
            if close is not None:
                with contextlib.suppress(Exception):
                    close()
        _abandon_archives(exc)
        raise
    return Path(out)


def _abandon_archives(exc: BaseException) -> None:
    """The zip archives a failed save left open (openpyxl does not close its own when a
    write fails), closed here without their end: left to the collector, each would write
    it to the full disk again, fail again, and Python would print that traceback after
    our one clear line. The half-written file is deleted in any case."""
    seen: set[int] = set()
    chain: BaseException | None = exc
    while chain is not None and id(chain) not in seen:
        seen.add(id(chain))
        trace = chain.__traceback__
        while trace is not None:
            for value in list(trace.tb_frame.f_locals.values()):
                if isinstance(value, zipfile.ZipFile) and value.fp is not None:
                    handle, value.fp = value.fp, None
                    with contextlib.suppress(OSError, ValueError):
                        handle.close()
            trace = trace.tb_next
        chain = chain.__cause__ or chain.__context__
