"""Reaching the hub: its password kept by the OS keyring (else libpq's own file), a
connection opened with it, its address remembered without the password, and what the
hub or the network said turned into words."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import psycopg

from bsm_desk.domain.errors import QT_TRANSLATE_NOOP, UserError
from bsm_desk.store import atomic, hub
from bsm_desk.store import hub_desk_state as state

if TYPE_CHECKING:
    from sqlite_utils import Database

REFUSED = QT_TRANSLATE_NOOP("UserError", "The hub at {url} refused this desk's events: "
                                        "{reason}. Nothing was lost; they wait here.")
KEYRING_SERVICE = "bsm-desk-hub"


def keyring_password(url: str) -> str | None:
    """The hub's password for ``url`` (without password) from the OS keyring, if any."""
    try:
        import keyring

        return keyring.get_password(KEYRING_SERVICE, url)
    except Exception:  # noqa: BLE001 - no keyring backend on this machine: libpq's .pgpass
        return None


def store_password(url: str, password: str) -> bool:
    """Keep the password in the OS keyring, else in libpq's own password file (~/.pgpass,
    readable by this user only); False if neither could be written."""
    try:
        import keyring

        keyring.set_password(KEYRING_SERVICE, url, password)
        return True
    except Exception:  # noqa: BLE001 - no usable backend: libpq's file
        from bsm_desk.services.hub.pgpass import keep

        return keep(url, password)


@contextmanager
def said(url: str) -> Iterator[None]:
    """A hub's refusal or a dropped connection, as a message (for init and join)."""
    try:
        yield
    except hub.DeskRemoved as exc:
        raise UserError(hub.REMOVED, url=hub.safe_url(url)) from exc
    except (psycopg.OperationalError, psycopg.InterfaceError) as exc:
        raise UserError(hub.UNREACHABLE, url=hub.safe_url(url),
                        reason=str(exc).strip().splitlines()[0][:200]) from exc
    except psycopg.Error as exc:
        raise UserError(REFUSED, url=hub.safe_url(url),
                        reason=str(exc).strip().splitlines()[0][:200]) from exc


def open_hub(url: str) -> Any:
    return hub.connect(url, password=keyring_password)


def remember(db: Database, url: str) -> str:
    """Keep the connection string without its password; put the password in the keyring."""
    password = hub.parsed(url).get("password")
    kept = hub.without_password(url)
    if password:
        store_password(hub.safe_url(url), str(password))
    with atomic(db):
        state.put(db, state.URL, kept)
    return kept
