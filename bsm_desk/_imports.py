"""How BSM Desk imports sqlite-utils: without pandas and numpy, without plugins, and with
its date parser (dateutil) loaded only if ever used (see load_sqlite_utils). Nothing is
imported here until an event is first wrapped for the store (store/db.py): the window's
first paint reads the event through a bare connection and needs none of it."""

from __future__ import annotations

import importlib.util
import sys

_HIDDEN = ("pandas", "numpy")


def load_sqlite_utils() -> None:
    """sqlite-utils imports pandas and numpy when they are installed (OR-Tools brings
    them), which costs ~300 ms at every start for DataFrame and array support we never
    use. Import sqlite-utils with them hidden; they still import normally later, for
    whoever needs them (the solver, fuzzy matching). Once per process; the first import
    of sqlite-utils in BSM Desk's code is the one in store/db.py, after this."""
    if "sqlite_utils" in sys.modules or any(name in sys.modules for name in _HIDDEN):
        return
    _lazy("dateutil.parser")  # its recipes' parser: 10 ms a start, never used by us
    for name in _HIDDEN:
        sys.modules[name] = None  # type: ignore[assignment]  # "import pandas" fails
    try:
        import sqlite_utils.db  # noqa: F401
        import sqlite_utils.plugins
    finally:
        for name in _HIDDEN:
            del sys.modules[name]
    # No sqlite-utils plugins: one installed beside us must not change how an event
    # file behaves, and scanning every package's entry points cost ~30 ms a start.
    sqlite_utils.plugins._plugins_loaded = True


def _lazy(name: str) -> None:
    """``name`` imported as a module that runs its code only when first used."""
    if name in sys.modules:
        return
    try:
        spec = importlib.util.find_spec(name)
        if spec is None or spec.loader is None:
            return
        loader = importlib.util.LazyLoader(spec.loader)
    except (ImportError, TypeError, ValueError):  # a loader that cannot wait (a frozen
        return                                    # build's, say): imported as ever
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    parent, _, child = name.rpartition(".")
    if parent in sys.modules:
        setattr(sys.modules[parent], child, module)

