"""Delegate categories: what a badge says and which doors it opens."""

from __future__ import annotations

from typing import TYPE_CHECKING

from bsm_desk.domain.model import Access, Category
from bsm_desk.store.db import next_id
from bsm_desk.store.reading import rows

if TYPE_CHECKING:
    from sqlite_utils import Database

    from bsm_desk.store.reading import Reads


def add_category(db: Database, category: Category) -> int:
    cursor = db.execute(
        "INSERT INTO category (id, code, name_en, name_ru, colour, access)"
        " VALUES (?, ?, ?, ?, ?, ?)",
        [next_id(db, "category"), category.code, category.name_en, category.name_ru,
         category.colour, category.access.value],
    )
    return int(cursor.lastrowid or 0)


def list_categories(db: Reads) -> list[Category]:
    return [
        Category(id=r["id"], code=r["code"], name_en=r["name_en"], name_ru=r["name_ru"],
                 colour=r["colour"], access=Access(r["access"]))
        for r in rows(db, "SELECT * FROM category ORDER BY id")
    ]
