"""The hub's functions added after its first ones (schema steps 7 to 11), each a step
of its own like every schema step, never edited once shipped: resealing personal data,
a new block of numbers, a desk file's epoch, relaying what other desks sent an old hub,
a block given back. They check what they are given as the first ones do
(hub_functions.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from bsm_desk.store.hub_functions import GROUP, statements

if TYPE_CHECKING:
    import psycopg


def v7(cur: psycopg.Cursor[Any]) -> None:
    """Once an event is protected, the hub holds its personal data sealed only: the desk
    that published the event (or the owner) replaces the rows of the delegates added
    or edited before protect with the same rows, their passport numbers, phones and
    dates of birth sealed. Nobody else may rewrite an event."""
    definer = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp"
    cur.execute(f"""CREATE FUNCTION hub_reseal(p_desk text, p_rows jsonb) RETURNS integer
        {definer} AS $$
        DECLARE caller text; publisher text; n integer;
        BEGIN
          caller := hub_caller(p_desk);
          IF caller = 'revoked' THEN RETURN hub_refuse(p_desk, 'reseal', 0); END IF;
          SELECT desk_id INTO publisher FROM hub_event_file WHERE id = 1;
          IF caller <> 'owner' AND publisher IS DISTINCT FROM p_desk THEN
            RAISE EXCEPTION USING ERRCODE = '42501',
              MESSAGE = 'only the desk that published the event seals the hub''s events';
          END IF;
          IF jsonb_typeof(p_rows) IS DISTINCT FROM 'array' THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not a list of rows';
          END IF;
          UPDATE hub_event e SET row = r.row
            FROM jsonb_to_recordset(p_rows) AS r(uuid text, row jsonb)
            WHERE e.uuid = r.uuid AND e.kind IN ('delegate_created', 'delegate_edit')
              AND jsonb_typeof(r.row) = 'object'
              AND r.row ->> 'desk_id' = e.row ->> 'desk_id'
              AND r.row ->> 'uuid' IS NOT DISTINCT FROM e.row ->> 'uuid';
          GET DIAGNOSTICS n = ROW_COUNT;
          RETURN n;
        END $$""")
    cur.execute("REVOKE ALL ON FUNCTION hub_reseal(text, jsonb) FROM PUBLIC")
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [GROUP])
    if cur.fetchone() is not None:
        cur.execute(f"GRANT EXECUTE ON FUNCTION hub_reseal(text, jsonb) TO {GROUP}")


def v8(cur: psycopg.Cursor[Any]) -> None:
    """A hub's identity (made once, with the hub: a hub dropped and made again is
    another hub, and desks say so), and a fresh block of ids for a desk whose file went
    back in time (a backup restored) or that adopts a hub made again: above every block
    the hub has given, every block the desk reports (``p_floor``: a hub made again does
    not know the blocks the old one gave) and every block of a registration the hub
    holds (relayed ones included)."""
    definer = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp"
    cur.execute("""CREATE TABLE hub_identity (
        id INTEGER PRIMARY KEY CHECK (id = 1),
        hub_id TEXT NOT NULL,
        made_at TIMESTAMPTZ NOT NULL DEFAULT now()
    )""")
    cur.execute("INSERT INTO hub_identity (id, hub_id) VALUES (1, gen_random_uuid()::text)")
    cur.execute(f"""CREATE FUNCTION hub_seen_block() RETURNS integer {definer} STABLE AS $$
        BEGIN
          RETURN coalesce((SELECT max(((row -> 'delegate' ->> 'id')::bigint / 1000000)::int)
                           FROM hub_event WHERE kind = 'delegate_created'
                             AND (row -> 'delegate' ->> 'id') ~ '^[0-9]{{1,15}}$'), 0);
        END $$""")
    cur.execute(f"""CREATE FUNCTION hub_new_block(p_desk text, p_floor integer)
        RETURNS integer {definer} AS $$
        DECLARE caller text; found integer;
        BEGIN
          caller := hub_caller(p_desk);
          IF caller = 'revoked' THEN RETURN hub_refuse(p_desk, 'block', 0); END IF;
          IF p_floor IS NULL OR p_floor < 0 OR p_floor > 1000000 THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not a block number';
          END IF;
          PERFORM pg_advisory_xact_lock(4242018);
          SELECT greatest(coalesce(max(block), 0) + 1, p_floor, hub_seen_block() + 1)
            INTO found FROM hub_desk;
          INSERT INTO hub_desk (desk_id, block) VALUES (p_desk, found)
            ON CONFLICT (desk_id) DO UPDATE SET block = EXCLUDED.block;
          RETURN found;
        END $$""")
    cur.execute("REVOKE ALL ON FUNCTION hub_new_block(text, integer) FROM PUBLIC")
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [GROUP])
    if cur.fetchone() is not None:
        cur.execute(f"GRANT EXECUTE ON FUNCTION hub_new_block(text, integer) TO {GROUP}")


def v9(cur: psycopg.Cursor[Any]) -> None:
    """One file per desk: each desk's file has an epoch (made when it joins, and anew
    when it recovers from going back in time) and the hub keeps the epoch and how far
    that file has recorded. A file behind its own epoch went back (a copy brought back:
    it recovers and takes a new epoch); a file of an epoch no longer the desk's is a
    second file speaking for the desk (a copy used on another laptop): refused."""
    definer = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp"
    cur.execute("ALTER TABLE hub_desk ADD COLUMN epoch TEXT, ADD COLUMN top BIGINT")
    cur.execute(f"""CREATE FUNCTION hub_epoch(p_desk text, p_epoch text, p_top bigint,
                                              p_new boolean) RETURNS text {definer} AS $$
        DECLARE caller text; kept text; kept_top bigint;
        BEGIN
          caller := hub_caller(p_desk);
          IF caller = 'revoked' THEN PERFORM hub_refuse(p_desk, 'epoch', 0);
            RETURN 'revoked'; END IF;
          IF NOT hub_text_ok(p_epoch, 64) OR p_epoch = '' OR p_top IS NULL THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not an epoch';
          END IF;
          PERFORM pg_advisory_xact_lock(4242018);
          SELECT epoch, top INTO kept, kept_top FROM hub_desk WHERE desk_id = p_desk;
          IF kept IS NULL OR p_new THEN
            INSERT INTO hub_desk (desk_id, epoch, top) VALUES (p_desk, p_epoch, p_top)
              ON CONFLICT (desk_id) DO UPDATE SET epoch = EXCLUDED.epoch, top = EXCLUDED.top;
            RETURN 'ok';
          END IF;
          IF kept <> p_epoch THEN RETURN 'stale'; END IF;
          IF p_top < coalesce(kept_top, 0) THEN RETURN 'behind'; END IF;
          UPDATE hub_desk SET top = p_top WHERE desk_id = p_desk;
          RETURN 'ok';
        END $$""")
    cur.execute("REVOKE ALL ON FUNCTION hub_epoch(text, text, bigint, boolean) FROM PUBLIC")
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [GROUP])
    if cur.fetchone() is not None:
        cur.execute(f"GRANT EXECUTE ON FUNCTION hub_epoch(text, text, bigint, boolean)"
                    f" TO {GROUP}")


def _relayed(statement: str, name: str) -> str:
    """A push function as its relay: the same checks, but rows in any desk's name (a
    desk sending a hub made again what the other desks had sent the old one)."""
    found = statement.replace(f"CREATE FUNCTION hub_push_{name}(", f"CREATE FUNCTION"
                              f" hub_relay_{name}(")
    found = found.replace("AND r.desk_id = p_desk AND hub_text_ok(r.operator, 200)",
                          "AND hub_text_ok(r.desk_id, 64) AND r.desk_id <> ''"
                          " AND hub_text_ok(r.operator, 200)")
    found = found.replace("r.desk_seq IS NOT NULL AND r.desk_id = p_desk\n"
                          "                  AND jsonb_typeof(r.row) = 'object' AND"
                          " r.row ->> 'desk_id' = p_desk",
                          "r.desk_seq IS NOT NULL AND hub_text_ok(r.desk_id, 64)\n"
                          "                  AND r.desk_id <> '' AND p_kind <> 'row'"
                          " AND jsonb_typeof(r.row) = 'object' AND"
                          " r.row ->> 'desk_id' = r.desk_id")
    if found == statement or "p_desk AND hub_text_ok(r.operator" in found or \
            "r.row ->> 'desk_id' = p_desk" in found:
        raise RuntimeError(f"hub_relay_{name}: the push function is not as expected")
    # Never in the name of a desk that has a login of its own here (it sends its rows
    # itself): only desks not back yet, and the owner's.
    table = "hub_checkin" if name == "checkins" else "hub_event"
    insert = f"INSERT INTO {table} ("
    head, tail = found.split(insert, 1)
    body, rest = tail.split("ORDER BY r.desk_seq", 1)
    body = body.rstrip() + ("\n                WHERE NOT EXISTS (SELECT 1 FROM hub_desk d WHERE"
                            " d.desk_id = r.desk_id AND d.login IS NOT NULL\n"
                            "                  AND d.login <> session_user)\n                ")
    return head + insert + body + "ORDER BY r.desk_seq" + rest


def v10(cur: psycopg.Cursor[Any]) -> None:
    """Relaying: a desk adopting a hub made again sends it, besides its own, what the
    other desks had sent the old hub (check-ins, badges, registrations and edits: each
    checked as when first sent, each kept under the desk that made it, the relaying
    login noted); rows the hub has are left as they are."""
    for statement in statements():
        for name in ("checkins", "events"):
            if f"CREATE FUNCTION hub_push_{name}(" in statement:
                cur.execute(_relayed(statement, name))
    cur.execute("REVOKE ALL ON FUNCTION hub_relay_checkins(text, jsonb) FROM PUBLIC")
    cur.execute("REVOKE ALL ON FUNCTION hub_relay_events(text, text, jsonb) FROM PUBLIC")
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [GROUP])
    if cur.fetchone() is not None:
        cur.execute(f"GRANT EXECUTE ON FUNCTION hub_relay_checkins(text, jsonb) TO {GROUP}")
        cur.execute(f"GRANT EXECUTE ON FUNCTION hub_relay_events(text, text, jsonb) TO"
                    f" {GROUP}")


def v11(cur: psycopg.Cursor[Any]) -> None:
    """Blocks of ids across a hub made again: a desk adopting the new hub takes its own
    block back (no other desk had it: the old hub gave each block once), else a fresh
    one (hub_new_block)."""
    definer = "LANGUAGE plpgsql SECURITY DEFINER SET search_path = public, pg_temp"
    cur.execute(f"""CREATE FUNCTION hub_block_back(p_desk text, p_block integer,
                                                   p_floor integer) RETURNS integer
        {definer} AS $$
        DECLARE caller text; found integer;
        BEGIN
          caller := hub_caller(p_desk);
          IF caller = 'revoked' THEN RETURN hub_refuse(p_desk, 'block', 0); END IF;
          IF p_block IS NULL OR p_block < 0 OR p_block > 1000000 THEN
            RAISE EXCEPTION USING ERRCODE = '22023', MESSAGE = 'not a block number';
          END IF;
          PERFORM pg_advisory_xact_lock(4242018);
          SELECT block INTO found FROM hub_desk WHERE desk_id = p_desk;
          IF found IS NOT NULL THEN RETURN found; END IF;
          IF EXISTS (SELECT 1 FROM hub_desk WHERE block = p_block) THEN
            RETURN hub_new_block(p_desk, p_floor);
          END IF;
          INSERT INTO hub_desk (desk_id, block) VALUES (p_desk, p_block)
            ON CONFLICT (desk_id) DO UPDATE SET block = EXCLUDED.block;
          RETURN p_block;
        END $$""")
    cur.execute("REVOKE ALL ON FUNCTION hub_block_back(text, integer, integer) FROM PUBLIC")
    cur.execute("SELECT 1 FROM pg_roles WHERE rolname = %s", [GROUP])
    if cur.fetchone() is not None:
        cur.execute(f"GRANT EXECUTE ON FUNCTION hub_block_back(text, integer, integer) TO"
                    f" {GROUP}")
