"""python -m benchmarks [NAME...] [--json]: run the benchmarks and print their figures.

Each benchmark module has NAME and run() -> list[Result]. With --json, one JSON object
per line: benchmark, metric, value, unit, floor, ratio, goal, met.
"""

from __future__ import annotations

import argparse
import importlib
import sys

BENCHMARKS = ("startup", "search", "importing", "badges", "checkin", "attendance",
              "allocation", "speakers", "roster", "hub", "eventday", "hostile")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default all: {', '.join(BENCHMARKS)})")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    all_met = True
    for name in args.names or BENCHMARKS:
        module = importlib.import_module(f"benchmarks.{name}")
        for result in module.run():
            print(result.json() if args.json else result.line(), flush=True)
            all_met = all_met and result.met
    return 0 if all_met else 1


if __name__ == "__main__":
    sys.exit(main())
