"""One table for `make bench`: each benchmark records its headline figures here, and `make bench` prints them at the
end (figure, target, met or not); `--readme` rewrites the README's Performance table from the same records.

In a benchmark:   record("P1 (a) requests", 26, "≤ 40", met=26 <= 40, command="tests/perf/bench_p1_drop.py")
After the runs:   .venv/bin/python tests/perf/bench_summary.py [--readme README.md]

Records go to the JSON-lines file named by CAMPSYNC_BENCH_SUMMARY (`make bench` sets it); without it, `record`
does nothing, so a benchmark run by hand prints only its own figures.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

ENV = "CAMPSYNC_BENCH_SUMMARY"
README_START = "<!-- bench-summary:start (make bench rewrites this table) -->"
README_END = "<!-- bench-summary:end -->"


def record(figure: str, value: object, target: str, *, met: bool | None, command: str, detail: str = "") -> None:
    """Keep one headline figure of this run for the summary table (no-op unless CAMPSYNC_BENCH_SUMMARY is set)."""
    path = os.environ.get(ENV)
    if not path:
        return
    row = {"figure": figure, "value": value if isinstance(value, str) else f"{value:g}" if isinstance(value, float)
           else str(value), "target": target, "met": met, "command": command, "detail": detail}
    with open(path, "a", encoding="utf-8") as out:
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def load(path: Path) -> list[dict]:
    if not path.exists():
        return []
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]


def verdict(met: bool | None) -> str:
    return "—" if met is None else "met" if met else "MISSED"


def table(rows: list[dict]) -> str:
    widths = [max(len(r["figure"]) for r in rows), max(len(r["value"]) for r in rows),
              max(len(r["target"]) for r in rows)]
    lines = [f"{'figure':<{widths[0]}}  {'value':>{widths[1]}}  {'target':<{widths[2]}}  result"]
    for r in rows:
        lines.append(f"{r['figure']:<{widths[0]}}  {r['value']:>{widths[1]}}  {r['target']:<{widths[2]}}  "
                     f"{verdict(r['met'])}")
    return "\n".join(lines)


def markdown(rows: list[dict]) -> str:
    lines = ["| figure | last run | target | result | command |", "|---|---|---|---|---|"]
    for r in rows:
        value = f"{r['value']} ({r['detail']})" if r["detail"] else r["value"]
        lines.append(f"| {r['figure']} | {value} | {r['target']} | {verdict(r['met'])} | `{r['command']}` |")
    return "\n".join(lines)


def rewrite_readme(readme: Path, rows: list[dict]) -> None:
    text = readme.read_text(encoding="utf-8")
    pattern = re.compile(re.escape(README_START) + ".*?" + re.escape(README_END), re.S)
    if not pattern.search(text):
        raise SystemExit(f"{readme} has no {README_START} … {README_END} block to rewrite")
    readme.write_text(pattern.sub(lambda _m: f"{README_START}\n{markdown(rows)}\n{README_END}", text),
                      encoding="utf-8")


def main() -> int:
    parser = argparse.ArgumentParser(description="Print (and optionally write into the README) the benchmark "
                                                 "summary recorded in CAMPSYNC_BENCH_SUMMARY.")
    parser.add_argument("--file", type=Path, default=Path(os.environ.get(ENV, "bench-summary.jsonl")))
    parser.add_argument("--readme", type=Path, help="rewrite this README's Performance summary block")
    args = parser.parse_args()
    rows = load(args.file)
    if not rows:
        print(f"no benchmark figures recorded in {args.file}", file=sys.stderr)
        return 1
    print("\n== Summary (make bench)\n" + table(rows))
    if args.readme:
        rewrite_readme(args.readme, rows)
        print(f"\n{args.readme}: Performance summary rewritten ({len(rows)} figures)")
    missed = [r["figure"] for r in rows if r["met"] is False]
    print(f"\n{len(rows) - len(missed)} of {len(rows)} figures met their target" +
          (f"; missed: {', '.join(missed)}" if missed else ""))
    return 0


if __name__ == "__main__":
    sys.exit(main())
