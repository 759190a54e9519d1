"""One desk as its own process, for the hub's tests: scan the given badges at a
checkpoint, a round of sync after every few scans (offline rounds just wait), and a
last round until caught up. Run as: python -m tests.services.hub.desk_process DB DESK
CODES_FILE CHECKPOINT."""

from __future__ import annotations

import sys
import time
from contextlib import closing
from datetime import UTC, datetime, timedelta

from bsm_desk.services import checkin, hub
from bsm_desk.store import connect
from tests.acting import who_at


def main(path: str, desk: str, codes_file: str, checkpoint: str) -> int:
    codes = open(codes_file, encoding="utf-8").read().split()
    start = datetime(2022, 10, 18, 4, 30, tzinfo=UTC)
    with closing(connect(path)) as db:
        for n, code in enumerate(codes):
            checkin.check_in(db, code, checkpoint, who=who_at(db, desk),
                             now=start + timedelta(seconds=n))
            if n % 5 == 4:
                hub.sync_once(db, desk_id=desk)
        for _ in range(100):
            report = hub.sync_once(db, desk_id=desk)
            if report.online and report.pending == 0:
                print("caught up", flush=True)
                return 0
            time.sleep(0.2)
    return 1


if __name__ == "__main__":
    sys.exit(main(*sys.argv[1:5]))
