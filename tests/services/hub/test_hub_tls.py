"""A hub reached over the network speaks TLS pinned to the event's own authority: a real
PostgreSQL listening on 127.0.0.1 with TLS only (tests/pg.py), its certificate made by
``hub tls``. Desks enrolled from a pinned desk carry the authority in their code and
verify the hub's certificate and name; a machine whose certificate another authority
signed is refused in words (never taken for "offline"), and nothing is sent to it."""

from __future__ import annotations

import uuid
from collections.abc import Iterator
from contextlib import closing
from pathlib import Path

import psycopg
import pytest

from bsm_desk.domain.errors import UserError
from bsm_desk.services import hub
from bsm_desk.services.hub import enrolment, tls
from bsm_desk.store import connect
from bsm_desk.store import hub as hub_store
from bsm_desk.store import hub_desk_state as state
from tests.acting import who_at
from tests.conftest import not_here
from tests.services.hub.test_hub import DESK_A, DESK_B, codes, scan


@pytest.fixture(scope="module")
def authorities(tmp_path_factory: pytest.TempPathFactory) -> tuple[dict[str, Path],
                                                                   dict[str, Path]]:
    """The event's authority with the hub's certificate, and another (an impostor's)."""
    ours = tls.make_files(tmp_path_factory.mktemp("tls"), ["localhost"], "BSM22")
    theirs = tls.make_files(tmp_path_factory.mktemp("impostor"), ["localhost"], "BSM22")
    return ours, theirs


@pytest.fixture(scope="module")
def tls_server(authorities) -> Iterator[object]:  # type: ignore[no-untyped-def]
    from tests.pg import PostgresMissing, server

    try:
        with server(tls=authorities[0]) as started:
            yield started
    except PostgresMissing as exc:
        not_here(f"{exc}; the hub's TLS tests need a real server")


@pytest.fixture
def tls_hub(tls_server, tmp_path: Path, monkeypatch) -> str:  # type: ignore[no-untyped-def]
    """A new hub database, reached over TCP (localhost) only with TLS."""
    monkeypatch.setenv("BSM_DESK_HOME", str(tmp_path / "home"))  # pinned files go there
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    name = f"hub_{uuid.uuid4().hex[:12]}"
    with psycopg.connect(tls_server.url(), autocommit=True) as conn:  # type: ignore[attr-defined]
        conn.execute(f'CREATE DATABASE "{name}"')
    return tls_server.tcp_url(name)  # type: ignore[attr-defined, no-any-return]


def test_desks_reach_the_hub_over_tls_pinned_to_the_events_authority(
        demo_copy: Path, tmp_path: Path, tls_hub: str, authorities) -> None:  # type: ignore[no-untyped-def]
    ours, _theirs = authorities
    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, tls_hub, who=who_at(a, DESK_A), authority=tls.read_authority(ours["ca"]))
        kept = state.get(a, state.URL)
        assert "sslmode=verify-full" in kept and "sslrootcert=" in kept
        made = enrolment.add_desk(a, "Door B", who=who_at(a, DESK_A))
    assert "ca" in enrolment.read_code(made.code)
    hub.join_with_code(made.code, tmp_path / "b.sqlite", desk_id=DESK_B)
    with closing(connect(tmp_path / "b.sqlite")) as b:
        assert "sslmode=verify-full" in state.get(b, state.URL)
        scan(b, DESK_B, codes(b, 3))
        assert hub.sync_once(b, desk_id=DESK_B).pushed == 3
        conn = hub_store.connect(state.get(b, state.URL))
        try:  # the server says this very connection is encrypted
            row = conn.execute("SELECT ssl FROM pg_stat_ssl WHERE pid ="
                               " pg_backend_pid()").fetchone()
            assert row == (True,)
        finally:
            conn.close()
    with closing(connect(demo_copy)) as a:
        assert hub.sync_once(a, desk_id=DESK_A).pulled == 3


def test_a_machine_with_another_authoritys_certificate_is_refused(
        demo_copy: Path, tls_hub: str, authorities) -> None:  # type: ignore[no-untyped-def]
    """Pinned to another authority (as a desk is when someone else answers at the hub's
    address): refused in words, nothing published, never "offline"."""
    _ours, theirs = authorities
    with closing(connect(demo_copy)) as a, pytest.raises(UserError) as said:
        hub.init_hub(a, tls_hub, who=who_at(a, DESK_A), authority=tls.read_authority(theirs["ca"]))
    assert said.value.template == hub_store.NOT_TRUSTED
    assert "did not prove it is this event's hub" in str(said.value)
    with psycopg.connect(tls_hub + "?sslmode=require") \
            as conn:
        assert conn.execute("SELECT to_regclass('hub_event_file')").fetchone() == (None,)


def test_a_network_hub_without_its_authority_enrols_no_desk(demo_copy: Path,
                                                             tls_hub: str) -> None:
    with closing(connect(demo_copy)) as a:
        hub.init_hub(a, tls_hub + "?sslmode=require", who=who_at(a, DESK_A))
        with pytest.raises(UserError) as said:
            enrolment.add_desk(a, "Door B", who=who_at(a, DESK_A))
    assert said.value.template == enrolment.NEEDS_TLS


def test_hostile_authorities_are_refused(tmp_path: Path,
                                         authorities) -> None:  # type: ignore[no-untyped-def]
    ours, _theirs = authorities
    for content in (b"", b"not a certificate", ours["cert"].read_bytes(),  # not a CA
                    ours["key"].read_bytes(), b"\x00" * 5000):
        path = tmp_path / "ca.crt"
        path.write_bytes(content)
        with pytest.raises(UserError) as said:
            tls.read_authority(path)
        assert said.value.template == tls.BAD_CA
    with pytest.raises(UserError):
        tls.read_authority(tmp_path / "missing.crt")
    assert tls.decoded("garbage") is None and tls.decoded("A" * 5000) is None
    with pytest.raises(UserError) as said:
        tls.make_files(tmp_path / "x", ["bad host;rm -rf /"], "BSM22")
    assert said.value.template == tls.BAD_HOST
