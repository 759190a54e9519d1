"""On a hub (a real PostgreSQL, tests/pg.py), each round leaves the desk's audit head
there: entries cut from the end of the desk's log — which break no chain — are seen by
`audit verify`, as long as the hub is reachable."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from bsm_desk.cli import main
from bsm_desk.services import hub
from bsm_desk.services.operators import trail
from bsm_desk.store import connect
from bsm_desk.store import hub as hub_store
from tests.acting import who_at
from tests.services.hub.test_hub import DESK_A, codes, scan


def test_entries_cut_after_the_last_round_are_seen(demo_copy: Path, hub_url: str,
                                                   capsys, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    with closing(connect(demo_copy)) as db:
        hub.init_hub(db, hub_url, who=who_at(db, DESK_A))
        scan(db, DESK_A, codes(db, 5))
        hub.sync_once(db, desk_id=DESK_A)
        head = hub.hub_audit_head(db, desk_id=DESK_A)
        last = db.execute("SELECT max(id) FROM audit").fetchone()[0]
        assert head is not None and head[0] == last
        assert trail.verify(db, hub_head=head).ok
    with closing(sqlite3.connect(demo_copy)) as raw:  # the tail cut, triggers dropped
        raw.executescript("DROP TRIGGER audit_kept_delete;"
                          f" DELETE FROM audit WHERE id > {last - 3}")
    with closing(connect(demo_copy)) as db:
        verdict = trail.verify(db, hub_head=hub.hub_audit_head(db, desk_id=DESK_A))
    assert not verdict.ok and f"the hub holds entry {last} of this desk's log" in \
        " ".join(verdict.messages())
    from bsm_desk import config

    settings = config.load()
    settings.desk_id = DESK_A
    monkeypatch.setattr(config, "load", lambda: settings)
    capsys.readouterr()
    assert main(["audit", "verify", "--db", str(demo_copy)]) == 1
    assert "the hub holds entry" in capsys.readouterr().out
    assert hub_store.LATEST >= 5
