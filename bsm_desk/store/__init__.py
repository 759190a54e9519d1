"""SQLite through sqlite-utils: one connect(), migrations, a repository per aggregate."""

from bsm_desk.store.db import atomic, backup_to, connect

__all__ = ["atomic", "backup_to", "connect"]
