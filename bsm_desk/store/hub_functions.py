"""The hub's own functions, through which desks write (schema step 6).

A desk's login may read the hub's tables but write none of them: it calls these
functions, which run as the hub's owner (SECURITY DEFINER) and check, before anything is
written, that

- the login is a desk's (a member of the desks' group) and not one an administrator
  removed (``hub remove-desk``): a removed desk's rows are refused and noted in
  ``hub_refused``;
- the login speaks for its own desk only: the first desk id a login writes as is bound
  to it, and rows in any other desk's name are refused;
- every row has the right types, lengths and ranges: times that parse and carry their
  offset, ids that are positive integers, text of a sane length with no control
  characters, a verdict and a method a desk can write;
- the login is enrolled at this hub (``hub_enrolment``): roles belong to the whole
  server, and a desk of another event's hub on it is no desk here.

A row that fails is refused with SQLSTATE 22023 (a data error): the desk splits its batch
and lists that one row for review (services/hub/pushing.py). The hub's owner (the login
that ran ``hub init``) and superusers are the DBA: they may act for any desk.

Like every schema step, never edited once shipped: a change is a new step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import psycopg

# Text a desk could have written: PostgreSQL's regex, the same class as domain/hub_rows.py.
_CONTROL = r"[\x01-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]"
_UUID = r"^[0-9A-Za-z-]{1,64}$"
_TIME = r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}(:?\d{2})?)$"
_VERDICTS = ("OK", "ALREADY", "NOT_ALLOWED", "REVOKED", "CANCELLED", "UNKNOWN", "FORGED",
             "WRONG_EVENT", "UNDO")
EVENT_ROW_LIMIT = 40_000_000  # a photo travels as base64 in its row
GROUP = "bsm_desk_desks"


def statements() -> list[str]:
    verdicts = ", ".join(f"'{v}'" for v in _VERDICTS)
    definer = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp"
    return [
        "ALTER TABLE hub_desk ADD COLUMN login TEXT UNIQUE",
        "ALTER TABLE hub_checkin ADD COLUMN login TEXT NOT NULL DEFAULT ''",
        "ALTER TABLE hub_event ADD COLUMN login TEXT NOT NULL DEFAULT '',"
        " ADD COLUMN by_owner BOOLEAN NOT NULL DEFAULT false",
        """CREATE TABLE hub_enrolment (
            login TEXT PRIMARY KEY,
            name TEXT NOT NULL,
            made_at TIMESTAMPTZ NOT NULL DEFAULT now(),
            made_by TEXT NOT NULL DEFAULT session_user,
            revoked_at TIMESTAMPTZ
        )""",
        """CREATE TABLE hub_refused (
            seq BIGSERIAL PRIMARY KEY,
            login TEXT NOT NULL,
            desk_id TEXT NOT NULL,
            what TEXT NOT NULL,
            rows INTEGER NOT NULL,
            at TIMESTAMPTZ NOT NULL DEFAULT now()
        )""",
        f"""CREATE FUNCTION hub_text_ok(t text, n integer) RETURNS boolean
            LANGUAGE sql IMMUTABLE AS
            $$ SELECT t IS NOT NULL AND length(t) <= n AND t !~ '{_CONTROL}' $$""",
        f"""CREATE FUNCTION hub_time_ok(t text) RETURNS boolean LANGUAGE sql IMMUTABLE AS
            $$ SELECT t IS NOT NULL AND length(t) <= 40 AND t ~ '{_TIME}' $$""",
        f"""CREATE FUNCTION hub_is_owner() RETURNS boolean {definer} STABLE AS $$
            BEGIN
              RETURN coalesce((SELECT rolsuper FROM pg_roles WHERE rolname = session_user),
                              false)
                  OR session_user = (SELECT tableowner FROM pg_tables
                                     WHERE schemaname = 'public'
                                       AND tablename = 'hub_schema');
            END $$""",
        # 'owner', 'desk' or 'revoked'; raises when the login may not speak for p_desk.
        f"""CREATE FUNCTION hub_caller(p_desk text) RETURNS text {definer} AS $$
            DECLARE bound text;
            BEGIN
              IF hub_is_owner() THEN RETURN 'owner'; END IF;
              IF NOT pg_has_role(session_user, '{GROUP}', 'MEMBER') THEN
                RAISE EXCEPTION USING ERRCODE = '42501',
                  MESSAGE = format('%s is not a desk of this hub', session_user);
              END IF;
              -- Enrolled here (hub add-desk, or by the DBA): a desk of another event's
              -- hub on the same server is a member of the same group, and no desk here.
              IF NOT EXISTS (SELECT 1 FROM hub_enrolment WHERE login = session_user) THEN
                RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format(
                  '%s is not enrolled at this hub (hub add-desk)', session_user);
              END IF;
              IF EXISTS (SELECT 1 FROM hub_enrolment WHERE login = session_user
                         AND revoked_at IS NOT NULL) THEN
                RETURN 'revoked';
              END IF;
              IF NOT hub_text_ok(p_desk, 64) OR p_desk = '' THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not a desk id';
              END IF;
              SELECT desk_id INTO bound FROM hub_desk WHERE login = session_user;
              IF bound IS NOT NULL THEN
                IF bound <> p_desk THEN
                  RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format(
                    'the login %s is desk %s''s: it cannot write as desk %s',
                    session_user, bound, p_desk);
                END IF;
                RETURN 'desk';
              END IF;
              -- A desk the hub knows already (the owner's, or one with its own login)
              -- is not a new login's to take.
              IF EXISTS (SELECT 1 FROM hub_desk WHERE desk_id = p_desk) THEN
                RAISE EXCEPTION USING ERRCODE = '42501', MESSAGE = format(
                  'desk %s is known to this hub: %s cannot write as it', p_desk,
                  session_user);
              END IF;
              PERFORM pg_advisory_xact_lock(4242018);
              INSERT INTO hub_desk (desk_id, login) VALUES (p_desk, session_user)
                ON CONFLICT (desk_id) DO UPDATE SET login = EXCLUDED.login;
              RETURN 'desk';
            END $$""",
        f"""CREATE FUNCTION hub_refuse(p_desk text, p_what text, p_rows integer)
            RETURNS integer {definer} AS $$
            BEGIN
              INSERT INTO hub_refused (login, desk_id, what, rows)
                VALUES (session_user, left(coalesce(p_desk, ''), 64), p_what, p_rows);
              RETURN -1;
            END $$""",
        f"""CREATE FUNCTION hub_push_checkins(p_desk text, p_rows jsonb) RETURNS integer
            {definer} AS $$
            DECLARE caller text; bad text; n integer;
            BEGIN
              caller := hub_caller(p_desk);
              IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array' THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not a list of rows';
              END IF;
              IF caller = 'revoked' THEN
                RETURN hub_refuse(p_desk, 'checkin', jsonb_array_length(p_rows));
              END IF;
              SELECT coalesce(r.uuid, '?') INTO bad FROM jsonb_to_recordset(p_rows) AS r(
                  uuid text, desk_seq bigint, checkpoint text, delegate_id bigint,
                  badge_version bigint, verdict text, accepted boolean, method text,
                  code text, undoes text, reason text, at text, desk_id text, operator text)
                WHERE NOT coalesce(
                  r.uuid ~ '{_UUID}' AND r.desk_seq IS NOT NULL
                  AND r.checkpoint ~ '^(entrance-\\d{{4}}-\\d{{2}}-\\d{{2}}|session-\\d{{1,15}})$'
                  AND (r.delegate_id IS NULL OR r.delegate_id BETWEEN 1 AND 2147483647)
                  AND (r.badge_version IS NULL OR r.badge_version BETWEEN 1 AND 999999)
                  AND r.verdict IN ({verdicts}) AND r.accepted IS NOT NULL
                  AND r.method ~ '^[a-z_]{{1,20}}$' AND hub_text_ok(r.code, 200)
                  AND (r.undoes IS NULL OR r.undoes ~ '{_UUID}')
                  AND hub_text_ok(r.reason, 500) AND hub_time_ok(r.at)
                  AND r.desk_id = p_desk AND hub_text_ok(r.operator, 200), false)
                LIMIT 1;
              IF bad IS NOT NULL THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format(
                  'check-in %s is not one a desk writes (a field of the wrong kind, too long'
                  ' or in another desk''s name)', left(bad, 64));
              END IF;
              PERFORM pg_advisory_xact_lock(4242017);
              INSERT INTO hub_checkin (desk_seq, uuid, checkpoint, delegate_id,
                  badge_version, verdict, accepted, method, code, undoes, reason, at,
                  desk_id, operator, login)
                SELECT r.desk_seq, r.uuid, r.checkpoint, r.delegate_id, r.badge_version,
                       r.verdict, r.accepted, r.method, r.code, r.undoes, r.reason,
                       CASE WHEN r.at::timestamptz IS NOT NULL THEN r.at END, r.desk_id,
                       r.operator, session_user
                FROM jsonb_to_recordset(p_rows) AS r(uuid text, desk_seq bigint,
                  checkpoint text, delegate_id integer, badge_version integer, verdict text,
                  accepted boolean, method text, code text, undoes text, reason text,
                  at text, desk_id text, operator text)
                ORDER BY r.desk_seq
                ON CONFLICT (uuid) DO NOTHING;
              GET DIAGNOSTICS n = ROW_COUNT;
              RETURN n;
            END $$""",
        f"""CREATE FUNCTION hub_push_events(p_desk text, p_kind text, p_rows jsonb)
            RETURNS integer {definer} AS $$
            DECLARE caller text; bad text; n integer;
            BEGIN
              caller := hub_caller(p_desk);
              IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array'
                 OR p_kind IS NULL OR p_kind !~ '^[a-z_]{{1,40}}$' THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not a list of events';
              END IF;
              IF caller = 'revoked' THEN
                RETURN hub_refuse(p_desk, p_kind, jsonb_array_length(p_rows));
              END IF;
              SELECT coalesce(r.uuid, '?') INTO bad FROM jsonb_to_recordset(p_rows) AS r(
                  uuid text, desk_seq bigint, desk_id text, row jsonb)
                WHERE NOT coalesce(
                  r.uuid ~ '{_UUID}' AND r.desk_seq IS NOT NULL AND r.desk_id = p_desk
                  AND jsonb_typeof(r.row) = 'object' AND r.row ->> 'desk_id' = p_desk
                  AND octet_length(r.row::text) <= {EVENT_ROW_LIMIT}, false)
                LIMIT 1;
              IF bad IS NOT NULL THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = format(
                  'event %s is not one a desk writes (not a row, too big, or in another'
                  ' desk''s name)', left(bad, 64));
              END IF;
              PERFORM pg_advisory_xact_lock(4242017);
              INSERT INTO hub_event (desk_seq, uuid, kind, desk_id, row, login, by_owner)
                SELECT r.desk_seq, r.uuid, p_kind, r.desk_id, r.row, session_user,
                       caller = 'owner'
                FROM jsonb_to_recordset(p_rows) AS r(uuid text, desk_seq bigint,
                                                    desk_id text, row jsonb)
                ORDER BY r.desk_seq
                ON CONFLICT (uuid) DO NOTHING;
              GET DIAGNOSTICS n = ROW_COUNT;
              RETURN n;
            END $$""",
        f"""CREATE FUNCTION hub_claim_block(p_desk text, p_publisher boolean)
            RETURNS integer {definer} AS $$
            DECLARE caller text; found integer;
            BEGIN
              caller := hub_caller(p_desk);
              IF caller = 'revoked' THEN RETURN hub_refuse(p_desk, 'block', 0); END IF;
              PERFORM pg_advisory_xact_lock(4242018);
              SELECT block INTO found FROM hub_desk WHERE desk_id = p_desk;
              IF found IS NOT NULL THEN RETURN found; END IF;
              IF p_publisher AND caller = 'owner'
                 AND NOT EXISTS (SELECT 1 FROM hub_desk WHERE block = 0) THEN
                found := 0;
              ELSE
                SELECT coalesce(max(block), 0) + 1 INTO found FROM hub_desk;
              END IF;
              INSERT INTO hub_desk (desk_id, block) VALUES (p_desk, found)
                ON CONFLICT (desk_id) DO UPDATE SET block = EXCLUDED.block;
              RETURN found;
            END $$""",
        f"""CREATE FUNCTION hub_seen(p_desk text, p_name text) RETURNS integer
            {definer} AS $$
            DECLARE caller text;
            BEGIN
              caller := hub_caller(p_desk);
              IF caller = 'revoked' THEN RETURN hub_refuse(p_desk, 'seen', 0); END IF;
              INSERT INTO hub_desk (desk_id, name) VALUES (p_desk, left(
                  regexp_replace(coalesce(p_name, ''), '{_CONTROL}', '', 'g'), 200))
                ON CONFLICT (desk_id) DO UPDATE SET name = EXCLUDED.name, seen_at = now();
              RETURN 1;
            END $$""",
        f"""CREATE FUNCTION hub_note_audit(p_desk text, p_id bigint, p_at text,
                                           p_hash text) RETURNS integer {definer} AS $$
            DECLARE caller text;
            BEGIN
              caller := hub_caller(p_desk);
              IF caller = 'revoked' THEN RETURN hub_refuse(p_desk, 'audit', 0); END IF;
              IF p_id IS NULL OR NOT hub_text_ok(p_at, 40) OR NOT hub_text_ok(p_hash, 128)
              THEN
                RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not an audit head';
              END IF;
              UPDATE hub_desk SET audit_id = p_id, audit_at = p_at, audit_hash = p_hash
                WHERE desk_id = p_desk AND (audit_id IS NULL OR audit_id <= p_id);
              RETURN 1;
            END $$""",
        # The first copy is the owner's (hub init); replacing it (after protect) is for
        # the desk that published it, or the owner.
        f"""CREATE FUNCTION hub_publish(p_desk text, p_code text, p_snapshot bytea,
                                        p_replace boolean) RETURNS text {definer} AS $$
            DECLARE caller text; held text; publisher text;
            BEGIN
              caller := hub_caller(p_desk);
              IF caller = 'revoked' THEN
                PERFORM hub_refuse(p_desk, 'publish', 1);
                RETURN 'revoked';
              END IF;
              SELECT code, desk_id INTO held, publisher FROM hub_event_file WHERE id = 1
                FOR UPDATE;
              IF held IS NOT NULL AND held <> p_code THEN RETURN held; END IF;
              IF held IS NULL THEN
                IF caller <> 'owner' THEN
                  RAISE EXCEPTION USING ERRCODE = '42501',
                    MESSAGE = 'only the hub''s owner publishes the first copy (hub init)';
                END IF;
                INSERT INTO hub_event_file (id, code, snapshot, desk_id)
                  VALUES (1, p_code, p_snapshot, p_desk);
              ELSIF p_replace THEN
                IF caller <> 'owner' AND publisher <> p_desk THEN
                  RAISE EXCEPTION USING ERRCODE = '42501',
                    MESSAGE = 'only the desk that published the event replaces its copy';
                END IF;
                UPDATE hub_event_file SET snapshot = p_snapshot, desk_id = p_desk,
                  published_at = now() WHERE id = 1;
              END IF;
              RETURN p_code;
            END $$""",
        *[f"REVOKE ALL ON FUNCTION {name} FROM PUBLIC" for name in FUNCTIONS],
    ]


# The functions a desk calls (EXECUTE granted to the desks' group only).
FUNCTIONS = ("hub_push_checkins(text, jsonb)", "hub_push_events(text, text, jsonb)",
             "hub_claim_block(text, boolean)", "hub_seen(text, text)",
             "hub_note_audit(text, bigint, text, text)",
             "hub_publish(text, text, bytea, boolean)")
LATER_FUNCTIONS = ("hub_reseal(text, jsonb)", "hub_new_block(text, integer)",  # 7, 8
                   "hub_epoch(text, text, bigint, boolean)",  # 9
                   "hub_relay_checkins(text, jsonb)", "hub_relay_events(text, text, jsonb)",
                   "hub_block_back(text, integer, integer)")  # 10, 11


def v6(cur: psycopg.Cursor[Any]) -> None:
    """Desks write only through the hub's functions; a login per desk, bound to it."""
    for statement in statements():
        cur.execute(statement)  # made here, not from input
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [GROUP])
    if cur.fetchone() is not None:  # a hub made before: its desks lose the table writes
        cur.execute(f"REVOKE INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public FROM"
                    f" {GROUP}")
        for name in FUNCTIONS:
            cur.execute(f"GRANT EXECUTE ON FUNCTION {name} TO {GROUP}")
