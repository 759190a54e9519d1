"""Sessions are stored in UTC, whatever offset they come with, so they list in time order."""

from __future__ import annotations

from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

from bsm_desk.domain.model import Session, SessionKind
from bsm_desk.store import connect
from bsm_desk.store import sessions as store


def test_times_with_the_venue_offset_are_kept_in_utc_and_in_order(demo_copy: Path) -> None:
    db = connect(demo_copy)
    dushanbe = ZoneInfo("Asia/Dushanbe")
    lunch = Session(SessionKind.SIDE_EVENT, "Lunch briefing", "",
                    datetime(2022, 10, 18, 8, 0, tzinfo=dushanbe),
                    datetime(2022, 10, 18, 9, 0, tzinfo=dushanbe), room_id=4)
    new_id = store.add_session(db, lunch)
    start, end = db.execute("SELECT starts_at, ends_at FROM session WHERE id = ?",
                            [new_id]).fetchone()
    assert (start, end) == ("2022-10-18T03:00:00+00:00", "2022-10-18T04:00:00+00:00")
    first = store.list_sessions(db)[0]
    assert first.id == new_id and first.starts_at == lunch.starts_at  # 08:00 is the earliest
    store.update_session(db, replace(first, starts_at=datetime(2022, 10, 19, 19, 0,
                                                               tzinfo=dushanbe),
                                     ends_at=datetime(2022, 10, 19, 20, 0, tzinfo=dushanbe)))
    last = store.list_sessions(db)[-1]
    assert last.id == new_id and last.starts_at == datetime(2022, 10, 19, 14, 0, tzinfo=UTC)
    db.close()
