

def test_a_new_session_is_of_the_kind_its_room_holds() -> None:
    from datetime import UTC, datetime

    from bsm_desk.domain.model import Session, SessionKind
    from bsm_desk.services.programme import likely_kind

    at = datetime(2022, 10, 18, 9, tzinfo=UTC)

    def held(kind: SessionKind, room: int) -> Session:
        return Session(kind, "x", "", at, at, room_id=room)

    sessions = [held(SessionKind.PLENARY, 1), held(SessionKind.PLENARY, 1),
                held(SessionKind.CLOSED, 1), held(SessionKind.SIDE_EVENT, 3),
                held(SessionKind.THEMATIC, 2), held(SessionKind.THEMATIC, 2),
                held(SessionKind.THEMATIC, 2)]
    assert likely_kind(sessions, 1) is SessionKind.PLENARY
    assert likely_kind(sessions, 3) is SessionKind.SIDE_EVENT
    assert likely_kind(sessions, 9) is SessionKind.THEMATIC  # an empty room: the commonest
    assert likely_kind([], None) is SessionKind.THEMATIC
