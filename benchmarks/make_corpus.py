"""Write a synthetic corpus of trygg plans: many kommuner, years of meeting logs.

::

    python benchmarks/make_corpus.py --municipalities 29 --years 10 out/corpus
    python benchmarks/make_corpus.py --municipalities 2 --years 1 --mistakes out/broken

Each plan is a folder in trygg's own format with every file a plan has: the municipality, an
organisation (styrgrupp, lokalt BRÅ, EST group, trygghetsråd, a yearly working group, a
committee and the länsstyrelse), steering documents renewed over the years, goals with delmål,
activities, indicators with a value a year, and a meeting log of about 40 meetings a year (the
EST group every other week, lokala BRÅ six times, the styrgrupp and the trygghetsråd four times
each). Meetings carry attendees, decisions, actions owned by roles and tied to activities,
reports delivered and, for the EST group, a lägesbild. Everything cross-references and the corpus
validates clean with ``trygg validate --strict``.

The output is deterministic: plan number *i* depends only on *i* and the number of years, so
the same arguments always give byte-identical files. The names are invented (``Björkvik``,
``Sjököping``) and marked illustrative; no real person, place or figure is described.

``--mistakes`` then breaks the corpus in known ways (``benchmarks/corpus_mistakes.py``):
typos in keys, bad references, impossible dates, a personnummer, tabs, duplicate keys, YAML
tags and aliases, a file that is not UTF-8, and more. Tests use it to prove that every way of
running ``trygg validate`` (fast loader or reference loader, with or without the cache, one
process or several) gives the same findings.
"""

from __future__ import annotations

import argparse
import shutil
import sys
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make the repository's packages importable
    sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from benchmarks.corpus_mistakes import MISTAKES, inject_mistakes
from benchmarks.corpus_plan import LAST_YEAR, write_plan

__all__ = ["LAST_YEAR", "MISTAKES", "inject_mistakes", "main", "make_corpus"]


def make_corpus(out: Path, municipalities: int, years: int) -> int:
    """Write ``municipalities`` plans with ``years`` years of meetings; returns the file count."""
    if municipalities < 1 or years < 1:
        raise ValueError("municipalities and years must be at least 1")
    out.mkdir(parents=True, exist_ok=True)
    return sum(write_plan(out, i, years) for i in range(municipalities))


# --- injected mistakes -----------------------------------------------------------------------


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Write a synthetic, valid corpus of trygg plans (deterministic).",
    )
    parser.add_argument("--municipalities", "-n", type=int, default=29, help="number of plans")
    parser.add_argument("--years", "-y", type=int, default=10, help="years of meeting logs")
    parser.add_argument(
        "--mistakes", action="store_true", help="then break the plans in known ways"
    )
    parser.add_argument("--force", action="store_true", help="replace OUT if it exists")
    parser.add_argument("out", type=Path, help="folder to write the plans to")
    args = parser.parse_args(argv)
    if args.out.exists() and any(args.out.iterdir()):
        if not args.force:
            parser.error(f"{args.out} is not empty (use --force to replace it)")
        shutil.rmtree(args.out)
    try:
        count = make_corpus(args.out, args.municipalities, args.years)
    except ValueError as exc:
        parser.error(str(exc))
    print(f"wrote {count} files in {args.municipalities} plans to {args.out}")
    if args.mistakes:
        for rule, path in inject_mistakes(args.out):
            print(f"  {rule}  {path}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
