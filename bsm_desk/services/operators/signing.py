"""Signing this desk's changes of authority rows (domain/authority.py), in the
transaction that makes them, with the key of the operator signed in; and the key pairs
of operators, made and re-sealed as their passwords change."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bsm_desk.domain import authority
from bsm_desk.store import audit, hub_row_changes
from bsm_desk.store import authority as store
from bsm_desk.store import event as event_store

if TYPE_CHECKING:
    from sqlite_utils import Database


def sign_noted(db: Database, *, key: bytes | None = None, signer: int | None = None) -> int:
    """Sign every noted change of an authority row not signed yet: with ``key`` (as
    ``signer``), else with the signing key of the operator signed in; nothing when
    neither (an event with no operators has no authority to sign with). Call it inside
    the transaction that changed the rows: a change is sent with its signature or not
    at all. How many were signed."""
    mine_only = False  # an operator who is no administrator signs their own row only
    if key is None or signer is None:
        me = audit.SIGNED.get(audit.actor(db).path)
        if me is None or me.key is None:
            return 0
        key, signer = me.key, me.operator_id
        mine_only = me.role != "administrator"
    event = event_store.get_event(db)
    code = event.code if event else ""
    signed = 0
    for table, values, at in store.noted(db):
        if mine_only and (table != "operator" or values != [signer]):
            continue
        row = hub_row_changes.read(db, hub_row_changes.BY_NAME[table], values)
        row_hash = hub_row_changes.row_hash(row)
        if store.signature_of(db, table, values, row_hash, at) is not None:
            continue
        store.keep(db, table, values, row_hash, at, signer, authority.sign(
            key, authority.message(code, table, values, row_hash, at)))
        signed += 1
    return signed


def new_keys_for(secret: str) -> tuple[bytes, str, str]:
    """(private key, public key, private key sealed under ``secret``) for an operator."""
    private, public = authority.new_key_pair()
    return private, public, authority.seal_key(private, secret)


def open_key(db: Database, operator_id: int, secret: str, *, legacy: str | None = None
             ) -> tuple[bytes, tuple[str, str] | None]:
    """The operator's private key, opened with the password just checked (as the file
    seals it: keyed with the event's pepper), and None; or a (public, sealed) to store:
    the same key sealed anew when it opened only with ``legacy`` (sealed under the plain
    password, before peppering), a new key when it does not open at all (an operator
    made before keys were)."""
    public, sealed = store.signing_of(db, operator_id)
    if public and sealed:
        opened = authority.unseal_key(sealed, secret)
        if opened is not None and authority.public_of(opened) == public:
            return opened, None
        if legacy is not None and legacy != secret:
            opened = authority.unseal_key(sealed, legacy)
            if opened is not None and authority.public_of(opened) == public:
                return opened, (public, authority.seal_key(opened, secret))
    private, public, sealed = new_keys_for(secret)
    return private, (public, sealed)
