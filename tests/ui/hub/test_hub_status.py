"""The status bar follows the hub: online → offline (since when, how many wait) → online
again and caught up, with a real PostgreSQL stopped and started; a scan is sent at once."""

from __future__ import annotations

from contextlib import closing
from pathlib import Path

from bsm_desk.services import hub
from bsm_desk.store import connect
from bsm_desk.store import hub_desk_state as state
from bsm_desk.ui.shell.screen_registry import NAMES
from tests.acting import who_at


def test_online_offline_online(window, demo_copy: Path, hub_url: str, pg_server,
                               qtbot) -> None:  # type: ignore[no-untyped-def]
    with closing(connect(demo_copy)) as db:
        hub.init_hub(db, hub_url, who=who_at(db, window.settings.desk_id))
    window.open_database(demo_copy)
    window.show()
    label = window.hub_link.label
    qtbot.waitUntil(lambda: "online" in label.text(), timeout=60_000)
    assert label.isVisible() and "up to date" in label.text()
    pg_server.stop()
    try:
        window.navigation.setCurrentRow(NAMES.index("checkin"))
        screen = window.checkin_screen
        screen.sounds.muted = True
        from bsm_desk.services import badges

        ids = badges.select(window.db)[:3]
        for _, code in badges.codes(window.db, ids):
            screen.enqueue(code, "scan")  # the verdicts come at once, from the local file
        qtbot.waitUntil(lambda: "offline since" in label.text() and "3 waiting"
                        in label.text(), timeout=60_000)
    finally:
        pg_server.start()
    window.hub_link.round_now()
    qtbot.waitUntil(lambda: "up to date" in label.text(), timeout=60_000)
    assert state.pending(window.db, window.settings.desk_id) == 0


def test_no_hub_no_label(window, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    window.open_database(demo_copy)
    window.show()
    assert not window.hub_link.label.isVisible() and window.hub_link.path is None


def test_the_hub_dialog_tests_connects_and_joins(window, demo_copy: Path, hub_url: str,
                                                 tmp_path: Path, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QFileDialog

    from bsm_desk.ui.hub.dialog import HubDialog

    window.open_database(demo_copy)
    dialog = HubDialog(window.settings, window.db, window.db_path, window)
    dialog.url.setText("postgresql://postgres@/nothing?host=/nonexistent-socket-dir")
    dialog.test()
    qtbot.waitUntil(lambda: "cannot be reached" in dialog.outcome.text(), timeout=60_000)
    dialog.url.setText(hub_url)
    dialog.test()
    qtbot.waitUntil(lambda: "not a hub yet" in dialog.outcome.text(), timeout=60_000)
    dialog.password.setText("kept-elsewhere")
    dialog.connect_event()
    qtbot.waitUntil(lambda: "Connected" in dialog.outcome.text(), timeout=60_000)
    assert dialog.password.text() == ""
    assert b"kept-elsewhere" not in demo_copy.read_bytes()
    target = tmp_path / "desk2.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(target), ""))
    opened: list[str] = []
    dialog.joined.connect(opened.append)
    dialog.join()
    qtbot.waitUntil(lambda: bool(opened), timeout=60_000)
    assert target.exists() and opened == [str(target)]
    assert not dialog.review.isVisibleTo(dialog)  # nothing to review: no list at all


def test_a_clock_minutes_off_is_said_in_the_status_bar(window) -> None:  # type: ignore[no-untyped-def]
    link = window.hub_link
    link.state = {"online": True, "pending": 0, "review": 0, "clock_skew_s": 600.0}
    link.show_state()
    assert "10 min ahead of the hub's" in link.label.text()
    link.state = {"online": True, "pending": 0, "review": 0, "clock_skew_s": -30.0}
    link.show_state()
    assert "clock" not in link.label.text()  # seconds are nobody's business


def test_a_desk_enrolled_joins_with_its_code_and_is_removed(window, demo_copy: Path,
                                                            hub_url: str, tmp_path: Path,
                                                            qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    """Enrol a desk: its code is shown as text and as a QR; the new desk joins with the
    code alone (no address, no password typed); then the desk is removed."""
    from PySide6.QtWidgets import QFileDialog

    from bsm_desk.ui.hub.dialog import HubDialog

    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    with closing(connect(demo_copy)) as db:
        hub.init_hub(db, hub_url, who=who_at(db, window.settings.desk_id))
    window.open_database(demo_copy)
    dialog = HubDialog(window.settings, window.db, window.db_path, window)
    assert dialog.enrol_button.isEnabled() and dialog.remove_button.isEnabled()
    dialog.desks.enrol("Door B")
    qtbot.waitUntil(lambda: dialog.desks.shown is not None, timeout=60_000)
    shown = dialog.desks.shown
    code = shown.text.toPlainText()
    assert code.startswith("BSMHUB1-") and not shown.qr.pixmap().isNull()
    assert "enrolled" in dialog.outcome.text()
    from dataclasses import replace

    other = replace(window.settings, desk_id="00000000-0000-4000-8000-0000000000d2")
    fresh = HubDialog(other, None, None, window)  # another desk: no event yet
    assert not fresh.enrol_button.isEnabled()
    fresh.code.setText(code)
    target = tmp_path / "door-b.sqlite"
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *a, **k: (str(target), ""))
    opened: list[str] = []
    fresh.joined.connect(opened.append)
    fresh.join()
    qtbot.waitUntil(lambda: bool(opened) or "⛔" in fresh.outcome.text(), timeout=60_000)
    assert opened, fresh.outcome.text()
    with closing(connect(target)) as b:
        assert "_door_b" in state.get(b, state.URL)
    dialog.desks.remove("Door B")
    qtbot.waitUntil(lambda: "can no longer reach" in dialog.outcome.text(), timeout=60_000)
    fresh.code.setText("BSMHUB1-garbage")
    monkeypatch.setattr(QFileDialog, "getSaveFileName",
                        lambda *a, **k: (str(tmp_path / "x.sqlite"), ""))
    fresh.join()
    qtbot.waitUntil(lambda: "not a BSM Desk enrolment code" in fresh.outcome.text(),
                    timeout=60_000)


def test_the_passphrase_given_at_the_publishing_desk_seals_the_hub(
        window, demo_copy: Path, hub_url: str, tmp_path: Path, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Sealed at a joined desk: the publishing desk seals the hub's copy and its record
    of delegates as soon as its operator gives the passphrase in the window."""
    import json
    from dataclasses import replace

    import psycopg

    from bsm_desk.services import registry
    from bsm_desk.services.hub import enrolment
    from bsm_desk.services.operators import privacy
    from bsm_desk.store import delegates as delegate_store
    from bsm_desk.store import privacy as sealing
    from bsm_desk.ui.operators.sign_in import PassphraseDialog

    here, other = window.settings.desk_id, "00000000-0000-4000-8000-0000000000d2"
    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, hub_url, who=who_at(a, here))
        code = enrolment.add_desk(a, "Door B", who=who_at(a, here)).code
    hub.join_with_code(code, tmp_path / "b.sqlite", desk_id=other)
    try:
        with closing(connect(tmp_path / "b.sqlite")) as b:
            person = delegate_store.get_delegate(b, 12)
            registry.save_delegate(b, replace(person, passport_no="N7709999"),  # type: ignore[arg-type]
                                   who=who_at(b, other))
            hub.sync_once(b, desk_id=other)
            privacy.protect(b, "dushanbe-passphrase", who=who_at(b, other))
            hub.republish_after_sealing(b, desk_id=other)
        sealing.KEYS.clear()
        with closing(connect(demo_copy)) as a:
            hub.sync_once(a, desk_id=here)  # the sealed key arrives at the publisher

        def held() -> str:
            with psycopg.connect(hub_url) as conn:
                return json.dumps([r[0] for r in conn.execute("SELECT row FROM hub_event")])

        assert "N7709999" in held()
        window.open_database(demo_copy)
        dialog = PassphraseDialog(window.db, window, desk_id=here)
        dialog.passphrase.setText("dushanbe-passphrase")
        dialog.try_unlock()
        qtbot.waitUntil(lambda: "N7709999" not in held(), timeout=60_000)
    finally:
        sealing.KEYS.clear()


def test_adopt_this_hub_in_the_dialog(window, demo_copy: Path, hub_url: str, pg_server,
                                      qtbot) -> None:  # type: ignore[no-untyped-def]
    """The hub made again: the status says it is another hub; Adopt this hub sends it
    everything this desk holds."""
    import psycopg
    from psycopg import conninfo

    from bsm_desk.ui.hub.dialog import HubDialog
    from tests.services.hub.test_hub import codes, scan

    here = window.settings.desk_id
    with closing(connect(demo_copy)) as db:
        hub.init_hub(db, hub_url, who=who_at(db, here))
        scan(db, here, codes(db, 3))
        assert hub.sync_once(db, desk_id=here).pushed == 3
    name = conninfo.conninfo_to_dict(hub_url)["dbname"]
    with psycopg.connect(pg_server.url(), autocommit=True) as conn:
        conn.execute(f'DROP DATABASE "{name}" WITH (FORCE)')
        conn.execute(f'CREATE DATABASE "{name}"')
    with psycopg.connect(hub_url, autocommit=True) as conn:  # made again, by the DBA
        from bsm_desk.store import hub as hub_store

        hub_store.migrate(conn, hub_url)
    window.open_database(demo_copy)
    dialog = HubDialog(window.settings, window.db, window.db_path, window)
    dialog.adopt(confirmed=True)
    qtbot.waitUntil(lambda: "Adopted" in dialog.outcome.text() or "⛔" in
                    dialog.outcome.text(), timeout=60_000)
    assert "Adopted" in dialog.outcome.text(), dialog.outcome.text()
    with psycopg.connect(hub_url) as conn:  # every check-in it holds, on the new hub
        assert conn.execute("SELECT count(*) FROM hub_checkin").fetchone() == (3,)


def test_the_hub_dialog_says_a_clock_minutes_off(window, demo_copy: Path) -> None:  # type: ignore[no-untyped-def]
    from bsm_desk.store import atomic
    from bsm_desk.ui.hub.dialog import HubDialog

    window.open_database(demo_copy)
    with atomic(window.db):
        state.put(window.db, state.URL, "postgresql://desk@/hub?host=/nowhere")
        state.put(window.db, state.CLOCK_SKEW, "600")
    dialog = HubDialog(window.settings, window.db, window.db_path, window)
    assert "10 min ahead of the hub's" in dialog.outcome.text()
