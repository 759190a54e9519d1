"""python -m benchmarks [NAME...] [--json]: run the benchmarks and print their figures.

Each benchmark module has NAME and run() -> list[Result]. With --json, one JSON object
per line: benchmark, metric, value, unit, floor, ratio, goal, met.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from benchmarks.common import Result

BENCHMARKS = ("startup", "search", "importing", "badges", "checkin", "attendance",
              "allocation", "speakers", "roster", "hub", "eventday", "hostile",
              "participants", "hubscale", "report", "seating")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m benchmarks")
    parser.add_argument("names", nargs="*", metavar="NAME",
                        help=f"benchmarks to run (default all: {', '.join(BENCHMARKS)})")
    parser.add_argument("--json", action="store_true", help="one JSON object per line")
    args = parser.parse_args(argv)
    unknown = [n for n in args.names if n not in BENCHMARKS]
    if unknown:
        parser.error(f"unknown benchmark {', '.join(unknown)}; known: {', '.join(BENCHMARKS)}")
    results = []
    for name in args.names or BENCHMARKS:
        module = importlib.import_module(f"benchmarks.{name}")
        for result in module.run():
            print(result.json() if args.json else result.line(), flush=True)
            results.append(result)
    if not args.json:
        print(summary(results))
    return 0 if all(r.met for r in results) else 1


def summary(results: list[Result]) -> str:
    """Every goal of the run, met or missed, in one table (missed ones first)."""
    missed = [r for r in results if not r.met]
    lines = [f"\n{len(results)} goals: {len(results) - len(missed)} met, {len(missed)} missed"]
    for r in sorted(results, key=lambda r: r.met):
        ratio = f"ratio {r.ratio:g}" if r.ratio is not None else ""
        lines.append(f"  {'met   ' if r.met else 'MISSED'}  {r.benchmark:<10} "
                     f"{r.metric[:48]:<48} {r.value:g} {r.unit} {ratio}  ({r.goal})")
    return "\n".join(lines)


if __name__ == "__main__":
    sys.exit(main())
