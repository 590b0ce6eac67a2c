"""``trygg indicator import`` takes time in proportion to its rows (issue 12).

::

    .venv/bin/python benchmarks/kolada_import.py            # 7 920 and 29 520 rows, 3 rounds

A Kolada export was imported in time that grew with the square of its rows (8 000 rows 107 s;
29 520 rows not done after 300 s). This imports, into fresh copies of ``examples/fagersta``
with 60 more indicators that name a Kolada KPI, two deterministic CSV exports: one of four
kommuner x 11 years x 3 genders per KPI (7 920 rows) and one of 41 years (29 520 rows); each
adds one value per KPI and year for the plan's kommun. An export of its header alone gives what
every import costs whatever its size (starting, reading and checking the plan), which is taken
off. The goal: CPU time per row of the large import at most 1.5 times that of the small one (a
quadratic import would be about 3.7 times). The command exits with 1 when the goal is not met.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import sys
import tempfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.run import BIN, ROOT, measure, verdict

KPIS = 60
KOMMUNER = ("1982", "1980", "1981", "1983")  # Fagersta first: its rows are the ones imported


def indicators() -> str:
    return "".join(
        f"  - id: bench-{i}\n    namn: Nyckeltal {i}\n    enhet: antal\n    bättre: lägre\n"
        f"    källa:\n      typ: kolada\n      kolada_kpi: N{90000 + i}\n"
        for i in range(KPIS)
    )


def export(years: range) -> str:
    rows = ["kpi;kommun;period;kön;värde"]
    for kpi in range(KPIS):
        for year in years:
            for kommun in KOMMUNER:
                for n, gender in enumerate("TKM"):
                    rows.append(f"N{90000 + kpi};{kommun};{year};{gender};{(kpi + year + n) % 997}")
    return "\n".join(rows) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--repeat", "-r", type=int, default=3)
    args = parser.parse_args(argv)
    work = Path(tempfile.mkdtemp(prefix="trygg-bench-import-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update({"NO_COLOR": "1", "TRYGG_CACHE_DIR": str(work / "cache")})
    per_row: dict[int, float] = {}
    try:
        print(f"trygg indicator import, {KPIS} KPIs x {len(KOMMUNER)} kommuner x 3 genders:")
        fixed = 0.0
        for years in (range(0), range(1990, 2001), range(1980, 2021)):
            data = export(years)
            rows = data.count("\n") - 1
            csv = work / f"kolada-{rows}.csv"
            csv.write_text(data, encoding="utf-8")
            cpu: list[float] = []
            seconds: list[float] = []
            for round_ in range(args.repeat):
                plan = work / f"plan-{rows}-{round_}"
                shutil.copytree(ROOT / "examples" / "fagersta", plan)
                with (plan / "nyckeltal.yaml").open("a", encoding="utf-8") as handle:
                    handle.write(indicators())
                command = [str(BIN / "trygg"), "indicator", "import", str(csv), "--plan", str(plan)]
                run = measure([command], env)
                if run.code not in (0, 1):
                    print(f"  {rows} rows: exit {run.code}")
                    return 1
                cpu.append(run.cpu)
                seconds.append(run.seconds)
            median = statistics.median(cpu)
            if not rows:
                fixed = median
                print(
                    f"  {rows:>6} rows (the header alone): {statistics.median(seconds):.2f} s, "
                    f"{median:.2f} s CPU"
                )
                continue
            per_row[rows] = (median - fixed) / rows
            print(
                f"  {rows:>6} rows ({KPIS * len(years)} values added): "
                f"{statistics.median(seconds):.2f} s, {median:.2f} s CPU, "
                f"{per_row[rows] * 1e6:.0f} µs CPU per row beyond the header alone"
            )
    finally:
        shutil.rmtree(work, ignore_errors=True)
    small, large = sorted(per_row)
    growth = per_row[large] / per_row[small]
    ok = growth <= 1.5
    print()
    print("Goal (issue 12):")
    print(
        f"  [{verdict(ok):7}] import time in proportion to the rows: CPU per row "
        f"{growth:.2f}x at {large} rows of that at {small} (at most 1.5x)"
    )
    return 0 if ok else 1


if __name__ == "__main__":
    raise SystemExit(main())
