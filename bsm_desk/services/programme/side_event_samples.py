"""Made-up side-event requests, for the demo, the tests and the allocation benchmark.

Requests for 60 to 120 minutes, 12 to 50 people, sometimes with interpretation,
sometimes with panellists who also speak elsewhere. Two mixes of wished times:

- lunch rush (the default): organizers ask for the lunch break twice as often as for
  any of a dozen other usual times, so half of all wishes fall between 12:30 and 14:20;
- spread: every wish is any half hour of either day at which the event ends before the
  venue closes, as when organizers have no common favourite.

Same seed, same requests.
"""

from __future__ import annotations

import random
from collections.abc import Sequence
from datetime import datetime, time, timedelta
from zoneinfo import ZoneInfo

from bsm_desk.domain.model import Day
from bsm_desk.domain.programme import Request

ORGANIZERS = ("UNOCT/UNCCT", "OSCE", "IOM", "UNODC", "EU BOMCA", "CICA", "UN Women",
              "Interpol", "Border Management Programme for Central Asia", "CSO Network")
THEMES = (
    ("Border management strategies", "Стратегии управления границами"),
    ("Behavioural insights", "Поведенческий анализ на границе"),
    ("Resource mobilization", "Мобилизация ресурсов"),
    ("Women in border security", "Женщины в сфере пограничной безопасности"),
    ("Biometrics and API/PNR", "Биометрия и системы API/PNR"),
    ("Cross-border cooperation", "Трансграничное сотрудничество"),
    ("Countering financing of terrorism", "Противодействие финансированию терроризма"),
    ("Mountain border patrolling", "Патрулирование горных участков границы"),
    ("Community policing at borders", "Работа полиции с приграничными общинами"),
    ("Trafficking in cultural property", "Незаконный оборот культурных ценностей"),
)
PREFERRED = (time(13, 30), time(13, 0), time(12, 30), time(14, 0), time(17, 30), time(18, 0),
             time(8, 30), time(9, 0), time(11, 0), time(16, 30), time(15, 0), time(19, 0))


def sample_requests(seed: int, count: int, days: Sequence[Day], zone: ZoneInfo,
                    delegates: Sequence[int], *, lunch_rush: bool = True) -> list[Request]:
    rng = random.Random(seed)
    # The spread mix draws its times from a stream of its own, so that both mixes get
    # the same requests apart from the times.
    spread = None if lunch_rush else random.Random(f"{seed}-spread")
    speakers = list(delegates[:30])
    out = []
    for index in range(count):
        duration = rng.choice((60, 60, 60, 90, 120))
        slots = []
        for _ in range(rng.randint(1, 3)):
            day = rng.choice(days).date
            # The lunch break (the first four times) is wanted twice as often.
            at = datetime.combine(day, rng.choice(PREFERRED + PREFERRED[:4]), zone)
            at += timedelta(minutes=rng.choice((0, 0, 10, 20)))
            if spread is not None:
                at = _any_half_hour(spread, spread.choice(days), duration, zone)
            if at not in slots:
                slots.append(at)
        interpretation = rng.random() < 0.2
        theme_en, theme_ru = rng.choice(THEMES)
        out.append(Request(
            title_en=f"{theme_en} ({index + 1})",
            title_ru=f"{theme_ru} ({index + 1})",
            organizer=rng.choice(ORGANIZERS), contact=f"side{index + 1}@example.org",
            expected=rng.choice((12, 15, 20, 25, 25, 30, 30, 35, 40, 50)),
            duration_min=duration, interpretation=interpretation,
            languages=("en", "ru") if interpretation else (rng.choice(("en", "ru")),),
            equipment=tuple(e for e, share in (("projector", 0.5), ("microphones", 0.3))
                            if rng.random() < share),
            avoid_plenary=rng.random() < 0.5, slots=tuple(slots),
            panellists=tuple(rng.sample(speakers, rng.randint(0, min(2, len(speakers))))
                             ) if speakers else ()))
    return out


def _any_half_hour(rng: random.Random, day: Day, duration: int, zone: ZoneInfo) -> datetime:
    opens = datetime.combine(day.date, time.fromisoformat(day.opens), zone)
    closes = datetime.combine(day.date, time.fromisoformat(day.closes), zone)
    last = int((closes - opens).total_seconds() // 60) - duration
    return opens + timedelta(minutes=30 * rng.randint(0, max(0, last) // 30))
