"""Delegations: Member States, organizations, civil society."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bsm_desk.domain.model import Delegation, DelegationType
from bsm_desk.store.db import next_id
from bsm_desk.store.reading import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads


def add_delegation(db: Database, delegation: Delegation) -> int:
    new_id = next_id(db, "delegation")
    db.execute(
        "INSERT INTO delegation (id, name_en, name_ru, type, iso_code, order_key, size_limit)"
        " VALUES (?, ?, ?, ?, ?, ?, ?)",
        [new_id, delegation.name_en, delegation.name_ru, delegation.type.value,
         delegation.iso_code, delegation.order_key, delegation.size_limit],
    )
    return new_id


def list_delegations(db: Reads) -> list[Delegation]:
    return [
        Delegation(id=r["id"], name_en=r["name_en"], name_ru=r["name_ru"],
                   type=DelegationType(r["type"]), iso_code=r["iso_code"],
                   order_key=r["order_key"], size_limit=r["size_limit"])
        for r in rows(db, "SELECT * FROM delegation ORDER BY order_key, name_en")
    ]


def update_delegation(db: Database, delegation: Delegation) -> bool:
    """False if there was no such delegation."""
    return db.execute(
        "UPDATE delegation SET name_en = ?, name_ru = ?, type = ?, iso_code = ?,"
        " order_key = ?, size_limit = ? WHERE id = ?",
        [delegation.name_en, delegation.name_ru, delegation.type.value, delegation.iso_code,
         delegation.order_key, delegation.size_limit, delegation.id]).rowcount > 0
