"""What every benchmark shares: the result record and the cached demo databases."""

from __future__ import annotations

import json
import statistics
import time
from collections.abc import Callable
from dataclasses import asdict, dataclass
from pathlib import Path
from typing import Any

CACHE = Path(__file__).resolve().parent / ".cache"
BENCH_DESK = "00000000-0000-4000-8000-0000000be4c4"


@dataclass(frozen=True)
class Result:
    benchmark: str
    metric: str
    value: float
    unit: str
    floor: float | None
    ratio: float | None
    goal: str
    met: bool

    def json(self) -> str:
        return json.dumps(asdict(self), ensure_ascii=False)

    def line(self) -> str:
        floor = f"  floor {self.floor:.4g} {self.unit}  ratio {self.ratio:.2f}" \
            if self.floor is not None and self.ratio is not None else ""
        verdict = "met" if self.met else "NOT MET"
        return (f"{self.benchmark:<10} {self.metric:<34} {self.value:>10.4g} {self.unit:<6}"
                f"{floor}   goal {self.goal}: {verdict}")


def ratio_result(benchmark: str, metric: str, value: float, unit: str, floor: float,
                 max_ratio: float, extra_goal: tuple[str, bool] | None = None) -> Result:
    ratio = value / floor if floor else float("inf")
    goal = f"ratio <= {max_ratio:g}"
    met = ratio <= max_ratio
    if extra_goal:
        goal += f" and {extra_goal[0]}"
        met = met and extra_goal[1]
    return Result(benchmark, metric, value, unit, floor, round(ratio, 3), goal, met)


def demo_db(delegates: int, seed: int = 2022) -> Path:
    """A demo database of this size, built once and kept in benchmarks/.cache."""
    from bsm_desk.services.demo import build_demo

    CACHE.mkdir(exist_ok=True)
    path = CACHE / f"demo-{delegates}-{seed}.sqlite"
    if not path.exists():
        build_demo(path, delegates=delegates, seed=seed, desk_id=BENCH_DESK)
    return path


def window_db(path: str | Path) -> Any:
    """The event file opened as the window opens it (its connection made the window's:
    services.event.files.for_the_window), for the benchmarks that time a screen."""
    from bsm_desk.services.event import files

    return files.as_database(files.for_the_window(files.open_event(path, check=False)))


def median_seconds(fn: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def own_memory_mb(field: str = "VmHWM") -> float:
    """This process's own memory in MB from /proc (VmHWM, its peak: not the parent's, as
    getrusage's would be after exec; VmRSS, what it holds now). For the probes that
    benchmarks run in processes of their own."""
    with open("/proc/self/status") as status:
        return next(int(line.split()[1]) for line in status if line.startswith(field)) / 1024
