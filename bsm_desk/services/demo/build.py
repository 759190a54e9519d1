"""The demo conference: Dushanbe, 18-19 October 2022, with synthetic delegates.

The same seed gives the same database, so tests and benchmarks can rely on it.
The file is built beside its final place and moved there only when complete: an
interrupted build never leaves half a conference behind.
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Callable, Iterator
from contextlib import closing
from dataclasses import dataclass, replace
from datetime import date, datetime, time, timedelta
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bsm_desk.domain import errors
from bsm_desk.domain.errors import UserError
from bsm_desk.domain.interpreters import Interpreter, parse_languages
from bsm_desk.domain.model import (
    Category,
    DelegateStatus,
    Delegation,
    DelegationType,
    Gender,
    Room,
    Session,
    SessionKind,
)
from bsm_desk.domain.operators import Role
from bsm_desk.domain.people import Delegate
from bsm_desk.domain.protocol import propose_rank
from bsm_desk.domain.translit import to_latin
from bsm_desk.services.demo import _data as data
from bsm_desk.services.event.making import NewEvent, create_event
from bsm_desk.services.operators import at_desk, check
from bsm_desk.store import atomic, journal, rooms, sessions
from bsm_desk.store import categories as category_store
from bsm_desk.store import delegates as delegate_store
from bsm_desk.store import delegations as delegation_store
from bsm_desk.store import interpreters as interpreter_store

if TYPE_CHECKING:
    from sqlite_utils import Database

DEFAULT_DELEGATES = 700
DEFAULT_SEED = 2022
MAX_DELEGATES = 1_000_000
_BATCH = 5000

Progress = Callable[[int, int], None]
"""Called with (done, total) as delegates are written; may raise to cancel."""

_SCHEME = {"ru": "icao", "tg": "tg", "kk": "kk", "ky": "ky", "uz": "uz"}
_MIX = ("en", "fr", "de", "ru", "tg", "kk", "ar", "it", "uz", "hi", "zh")
_SECRETARIAT = ("tg", "tg", "ru", "en", "kk", "fr")


@dataclass(frozen=True)
class DemoSummary:
    path: Path
    delegates: int
    delegations: int
    sessions: int


def build_demo(path: str | Path, *, delegates: int = DEFAULT_DELEGATES,
               seed: int = DEFAULT_SEED, desk_id: str, force: bool = False,
               progress: Progress | None = None, attendance: bool = False,
               side_event_requests: int = 8, operators: bool = False,
               showcase: bool = False) -> DemoSummary:
    """Build the demo; with ``attendance``, as if both days had happened (check-ins);
    with ``operators``, one operator of each role (DEMO_OPERATORS), so sign-in is on;
    with ``showcase`` (the demo people open), the pool rostered and the opening
    sessions' lists of speakers filled, the first statement under way (_showcase.py).

    ``side_event_requests`` made-up requests wait for rooms, to try the allocator on.
    """
    if not 0 <= delegates <= MAX_DELEGATES:
        raise UserError(errors.BAD_COUNT, most=MAX_DELEGATES)
    path = Path(path)
    if path.exists() and not force:
        raise UserError(errors.DB_EXISTS, path=str(path))
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_name(path.name + ".part")
    _remove_db(part)
    try:
        summary = _build(part, delegates, seed, desk_id, progress)
        if attendance or side_event_requests or operators or showcase:
            from bsm_desk.services.demo._attendance import simulate
            from bsm_desk.services.programme.side_event_samples import sample_requests
            from bsm_desk.store import atomic, connect
            from bsm_desk.store import event as event_store
            from bsm_desk.store import side_events as side_event_store

            with closing(connect(part)) as db:
                desk = check(db, at_desk(db, desk_id=desk_id), None)  # a new file
                if attendance:
                    simulate(db, seed=seed, desk_id=desk_id)
                event = event_store.get_event(db)
                speakers = [r[0] for r in db.execute(
                    "SELECT id FROM delegate WHERE status != 'cancelled' ORDER BY id LIMIT 40")]
                if event is not None and side_event_requests:
                    with atomic(db):
                        for request in sample_requests(seed, side_event_requests,
                                                       event_store.list_days(db), event.zone,
                                                       speakers):
                            side_event_store.add_request(db, request)
                if showcase and delegates:
                    from bsm_desk.services.demo._showcase import showcase as show_off

                    show_off(db, who=desk)
                if operators:
                    add_demo_operators(db, desk_id=desk_id)
        _remove_db(path)
        part.replace(path)
    except OSError as exc:
        _remove_db(part)
        raise UserError(errors.DISK_FULL, path=str(path), reason=str(exc)) from exc
    except BaseException:
        _remove_db(part)
        raise
    return DemoSummary(path, summary[0], summary[1], summary[2])


# The demo's operators (name, role, password or PIN), as the README lists them.
DEMO_OPERATORS = (
    ("Dilnoza Karimova", Role.ADMINISTRATOR, "admin-2022"),
    ("Farrukh Nazarov", Role.SUPERVISOR, "super-2022"),
    ("Мадина Саидова", Role.REGISTRAR, "regis-2022"),
    ("Aliya Rahimova", Role.DESK, "181022"),
)
# The demo event's passphrase (it seals the personal data and keys the passwords).
DEMO_PASSPHRASE = "dushanbe-2022"


def add_demo_operators(db: Database, *, desk_id: str) -> None:
    from bsm_desk.services import operators

    (name, role, secret), *others = DEMO_OPERATORS
    operators.add_operator(db, name, role, secret, who=operators.at_desk(db, desk_id=desk_id),
                           passphrase=DEMO_PASSPHRASE)
    admin = operators.sign_in(db, name, secret, desk_id=desk_id)
    try:
        for name, role, secret in others:
            operators.add_operator(db, name, role, secret, who=admin)
    finally:
        operators.sign_out(db)


def _interpreters() -> list[Interpreter]:
    return [Interpreter(name, cyrillic, parse_languages(languages), staff,
                        tuple(date.fromisoformat(d) for d in days.split(";") if d), float(fee),
                        email)
            for name, cyrillic, languages, staff, days, fee, email in data.INTERPRETERS]


def _remove_db(path: Path) -> None:
    for suffix in ("", "-wal", "-shm"):
        Path(str(path) + suffix).unlink(missing_ok=True)


def _build(path: Path, count: int, seed: int, desk_id: str,
           progress: Progress | None) -> tuple[int, int, int]:
    rng = random.Random(seed)
    e = data.EVENT
    spec = NewEvent(
        title_en=e["title_en"], title_ru=e["title_ru"], venue_en=e["venue_en"],
        venue_ru=e["venue_ru"], time_zone=e["time_zone"],
        start_date=date.fromisoformat(e["start_date"]),
        end_date=date.fromisoformat(e["end_date"]), code=e["code"],
    )
    db = create_event(path, spec, desk_id=desk_id)
    try:
        with atomic(db):
            categories = {c.code: c for c in category_store.list_categories(db)}
            room_ids = [rooms.add_room(db, Room(*r)) for r in data.ROOMS]
            programme = list(_programme(spec.start_date, ZoneInfo(spec.time_zone), room_ids,
                                        categories))
            for session in programme:
                sessions.add_session(db, session)
            for person in _interpreters():
                interpreter_store.save(db, person)
            delegations = _delegations(db)
        done = 0
        people = _people(rng, count, delegations, categories)
        while done < count:
            batch = [next(people) for _ in range(min(_BATCH, count - done))]
            with atomic(db):
                delegate_store.add_delegates(db, batch)
            done += len(batch)
            if progress:
                progress(done, count)
        with atomic(db):
            journal.record(db, desk_id=desk_id, action="demo.built", subject=data.EVENT["code"],
                           detail={"delegates": count, "seed": seed})
        db.execute("PRAGMA optimize")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()
    return count, len(delegations), len(programme)


def _programme(first_day: date, zone: ZoneInfo, room_ids: list[int],
               categories: dict[str, Category]) -> Iterator[Session]:
    expected = {"plenary": 650, "thematic": 420, "closed": 130, "side_event": 70}
    for day, start, end, kind, title_en, title_ru, room, organizer, closed_to in data.PROGRAMME:
        local_date = first_day + timedelta(days=day - 1)
        access = tuple(c.id for c in categories.values() if c.code not in closed_to
                       and c.id is not None) if closed_to else ()
        yield Session(
            kind=SessionKind(kind), title_en=title_en, title_ru=title_ru,
            starts_at=_at(local_date, start, zone), ends_at=_at(local_date, end, zone),
            room_id=room_ids[room], organizer=organizer, access=access,
            # As many as the room seats, and interpreters only where there are booths.
            expected=min(expected[kind], data.ROOMS[room][3] * 9 // 10),
            interpretation=data.ROOMS[room][4] > 0,
        )


def _at(day: date, hhmm: str, zone: ZoneInfo) -> datetime:
    return datetime.combine(day, time.fromisoformat(hhmm), zone).astimezone(ZoneInfo("UTC"))


@dataclass(frozen=True)
class _Delegation:
    id: int
    type: DelegationType
    pool: str
    weight: int
    domain: str
    name_en: str


def _delegations(db: object) -> list[_Delegation]:
    rank = {DelegationType.MEMBER_STATE: 0, DelegationType.INTERNATIONAL_ORGANIZATION: 1,
            DelegationType.CIVIL_SOCIETY: 2, DelegationType.OTHER: 3}
    out = []
    for name_en, name_ru, kind, iso, pool, weight, domain in data.DELEGATIONS:
        limit = 12 if kind is DelegationType.MEMBER_STATE and iso != "TJ" else None
        delegation_id = delegation_store.add_delegation(db, Delegation(  # type: ignore[arg-type]
            name_en=name_en, name_ru=name_ru, type=kind, iso_code=iso,
            order_key=f"{rank[kind]}|{name_en.casefold()}", size_limit=limit))
        out.append(_Delegation(delegation_id, kind, pool, weight, domain, name_en))
    return out


def _shares(total: int, weights: list[int]) -> list[int]:
    """Split ``total`` by ``weights`` exactly (largest remainder), each at least 1 if possible."""
    whole = sum(weights)
    raw = [total * w / whole for w in weights]
    shares = [int(x) for x in raw]
    order = sorted(range(len(raw)), key=lambda i: raw[i] - shares[i], reverse=True)
    for i in order[: total - sum(shares)]:
        shares[i] += 1
    return shares


PLANTED_DUPLICATES = 3  # people registered twice, for the Duplicates dialog to find


def _people(rng: random.Random, count: int, delegations: list[_Delegation],
            categories: dict[str, Category]) -> Iterator[Delegate]:
    shares = _shares(count, [d.weight for d in delegations])
    emails: set[str] = set()
    planted = 0
    for delegation, share in zip(delegations, shares, strict=True):
        names: set[tuple[str, str]] = set()
        earlier: list[Delegate] = []
        for index in range(share):
            if (planted < PLANTED_DUPLICATES and share >= 10 and index == share - 1
                    and delegation.type is DelegationType.MEMBER_STATE):
                yield _registered_again(rng, earlier[1], planted)
                planted += 1
                continue
            # Two people of one name in one real delegation are rare: avoid it, as long as the
            # name pools allow (a 10,000-person synthetic delegation cannot).
            for _ in range(8 if len(names) < 300 else 1):
                person = _person(rng, delegation, index, categories, emails)
                if (person.family_name, person.given_name) not in names:
                    break
            names.add((person.family_name, person.given_name))
            earlier.append(person)
            yield person


def _registered_again(rng: random.Random, first: Delegate, kind: int) -> Delegate:
    """The same person a second time, as happens at a busy desk."""
    if kind == 0 and first.family_name_cyr:
        # Typed at the desk in Cyrillic only: the Latin name is generated (ICAO).
        return replace(first, family_name=to_latin(first.family_name_cyr, "icao"),
                       given_name=to_latin(first.given_name_cyr, "icao"), email="",
                       passport_no="", phone="", latin_generated=True,
                       status=DelegateStatus.REGISTERED, credentials_received=None)
    if kind == 2 and first.passport_no:
        # Sent again by another office, with a private e-mail: same passport.
        return replace(first, email=first.email.split("@")[0] + "@mail.example",
                       phone=f"+{rng.randint(1, 999)} {rng.randint(100, 999)} "
                             f"{rng.randint(1000, 9999)}", status=DelegateStatus.REGISTERED)
    # On two lists with the same e-mail address, typed in capitals on one of them.
    return replace(first, email=first.email.upper(), status=DelegateStatus.REGISTERED,
                   credentials_received=None)


def _category(rng: random.Random, d: _Delegation, index: int) -> str:
    if d.type is DelegationType.MEMBER_STATE:
        return "hod" if index == 0 else rng.choices(
            ["delegate", "observer", "expert", "speaker"], [85, 5, 5, 5])[0]
    if d.type is DelegationType.INTERNATIONAL_ORGANIZATION:
        return "hod" if index == 0 else rng.choices(["io", "speaker", "expert"], [80, 10, 10])[0]
    if d.type is DelegationType.CIVIL_SOCIETY:
        return rng.choices(["cso", "speaker", "expert"], [80, 10, 10])[0]
    if d.name_en == "Media":
        return "media"
    if d.pool == "secretariat":
        return rng.choices(["organizer", "interpreter", "technical"], [50, 30, 20])[0]
    return "security"


_WOMEN_SHARE = {"hod": 0.2, "delegate": 0.3, "observer": 0.4, "io": 0.5, "cso": 0.55,
                "expert": 0.4, "speaker": 0.45, "media": 0.45, "organizer": 0.55,
                "interpreter": 0.7, "security": 0.12, "technical": 0.25}


def _person(rng: random.Random, d: _Delegation, index: int, categories: dict[str, Category],
            emails: set[str]) -> Delegate:
    code = _category(rng, d, index)
    gender = Gender.FEMALE if rng.random() < _WOMEN_SHARE[code] else Gender.MALE
    if rng.random() < 0.01:
        gender = Gender.NOT_STATED
    pool = d.pool
    if pool == "mix":
        pool = rng.choice(_MIX)
    elif pool == "secretariat":
        pool = rng.choice(_SECRETARIAT)
    family, given, family_cyr, given_cyr = _name(rng, pool, gender)
    function_en, function_ru = rng.choice(data.FUNCTIONS[_function_group(code, d)])
    email = _email(given, family, d.domain, emails)
    status = rng.choices(list(DelegateStatus), [12, 85, 3])[0]
    received = (date(2022, 10, 17) - timedelta(days=rng.randint(0, 30))
                if status is DelegateStatus.ACCREDITED else None)
    category = categories[code]
    assert category.id is not None
    honorific = "Ms." if gender is Gender.FEMALE else "Mr."
    if code == "hod" and d.type is DelegationType.MEMBER_STATE:
        honorific = "H.E. " + honorific
    return Delegate(
        family_name=family, given_name=given, family_name_cyr=family_cyr,
        given_name_cyr=given_cyr, gender=gender, honorific=honorific,
        function_en=function_en, function_ru=function_ru, delegation_id=d.id,
        category_id=category.id, email=email,
        phone=f"+{rng.choice(['992', '7', '996', '998', '1', '44', '49'])}"
              f" {rng.randint(10, 99)} {rng.randint(100, 999)} {rng.randint(1000, 9999)}",
        passport_no=(f"{chr(65 + rng.randrange(26))}{chr(65 + rng.randrange(26))}"
                     f"{rng.randint(1000000, 9999999)}") if rng.random() < 0.6 else "",
        status=status, credentials_received=received,
        protocol_rank=propose_rank(function_en, function_ru, leads_delegation=code == "hod"),
    )


def _function_group(code: str, d: _Delegation) -> str:
    if code == "hod":
        return "hod_ms" if d.type is DelegationType.MEMBER_STATE else "hod_io"
    return {"observer": "delegate"}.get(code, code)


def _name(rng: random.Random, pool: str, gender: Gender) -> tuple[str, str, str, str]:
    female = gender is Gender.FEMALE or (gender is Gender.NOT_STATED and rng.random() < 0.5)
    if pool in data.CYRILLIC:
        families, men, women = _CYRILLIC[pool]
        family_cyr = rng.choice(families)
        given_cyr = rng.choice(women if female else men)
        if female:
            family_cyr = _feminine_cyr(family_cyr)
        scheme = _SCHEME[pool]
        return (_latin(family_cyr, scheme), _latin(given_cyr, scheme), family_cyr, given_cyr)
    families, men, women = _LATIN[pool]
    family = rng.choice(families)
    if female and pool in ("tk", "tr") and family.endswith(("ov", "ev")):
        family += "a"
    return family, rng.choice(women if female else men), "", ""


def _split(pools: dict[str, tuple[str, str, str]]) -> dict[str, tuple[list[str], ...]]:
    # Split on plain spaces only: "Бакыт\u00a0уулу" is one family name.
    return {key: tuple([w for w in part.split(" ") if w] for part in parts)
            for key, parts in pools.items()}


_CYRILLIC = _split(data.CYRILLIC)
_LATIN = _split(data.LATIN)


def _feminine_cyr(family: str) -> str:
    if family.endswith("\u00a0уулу"):
        return family.replace("\u00a0уулу", "\u00a0кызы")
    for ending, feminine in (("ий", "ая"), ("ов", "ова"), ("ев", "ева"), ("ёв", "ёва"),
                             ("ин", "ина")):
        if family.endswith(ending):
            return family[: -len(ending)] + feminine
    return family


@lru_cache(maxsize=4096)
def _latin(text: str, scheme: str) -> str:
    return to_latin(text, scheme).replace("\u00a0", " ")


def _email(given: str, family: str, domain: str, taken: set[str]) -> str:
    def ascii_part(text: str) -> str:
        plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
        return "".join(ch for ch in plain.lower() if ch.isalnum())

    base = f"{ascii_part(given)[:1] or 'x'}.{ascii_part(family) or 'delegate'}"
    email, n = f"{base}@{domain}", 1
    while email in taken:
        n += 1
        email = f"{base}{n}@{domain}"
    taken.add(email)
    return email
