"""Files that appear whole or not at all.

Everything the application writes for people (PDFs, workbooks, CSVs, calendars) is
written beside its target and renamed into place when complete: a full disk, a
Cancel or a crash leaves the old file (or none), never half a file, and the user
reads which file and why.
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError

CANNOT_WRITE = QT_TRANSLATE_NOOP("UserError", "Could not write {path}: {reason}")


@contextmanager
def written(out: str | Path) -> Iterator[Path]:
    """``with written(path) as partial:`` write ``partial``; it becomes ``path`` at the end."""
    out = Path(out)
    partial = out.with_name(out.name + ".part")
    try:
        yield partial
        os.replace(partial, out)
    except OSError as exc:
        _discard(partial)
        raise UserError(CANNOT_WRITE, path=str(out), reason=exc.strerror or str(exc)) from exc
    except BaseException:
        _discard(partial)
        raise


def _discard(partial: Path) -> None:
    """Remove a half-written file; on a read-only disk that fails too, and the error to
    report is the first one, not this."""
    with contextlib.suppress(OSError):
        partial.unlink(missing_ok=True)
