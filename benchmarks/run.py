"""``make bench``: trygg validate against its peers on the same files, in one run.

::

    make bench                                  # 29 kommuner x 10 years, 3 rounds
    .venv/bin/python benchmarks/run.py --municipalities 5 --years 2 --repeat 1   # a quick look

Writes (once, deterministically) a synthetic corpus with ``benchmarks/make_corpus.py`` and runs,
each in its own process and in turns so that a busy moment hits every tool alike:

* ``trygg validate`` without its cache, on one core (``--jobs 1``) and as it chooses (one
  process per core for many files), and with a warm cache;
* check-jsonschema against trygg's JSON Schemas (one call per schema, all its files at once);
* yamllint with its default configuration;
* the bare C parse: ``yaml.load(data, Loader=yaml.CSafeLoader)`` over the same files in one
  process (``benchmarks/bare_parse.py``), and libyaml's composer alone.

Then, on a corpus of the whole country (290 kommuner x 10 years, about 117 000 files; issue
17), ``trygg validate``, ``trygg deadlines``, ``trygg compare`` and ``trygg overview``, each
with its time and its memory: overview within twice the time of validate, and the memory of
deadlines, compare and overview bounded by a plan, not by the number of plans (under 300 MiB
for all their processes together).

Times are wall-clock medians over ``--repeat`` rounds, from starting the process to its exit.
Peak memory is the largest peak resident set (VmHWM) of any one process of the run; for runs
with several processes the largest sum over the processes is given too (both read from /proc
every 10 ms). Then the one-plan case: a cold ``trygg validate`` on one example against
yamllint on the same files, and what ``trygg validate`` and ``trygg --help`` import. Each
goal of the issue is printed as met or not met.
"""

from __future__ import annotations

import argparse
import compileall
import hashlib
import json
import os
import platform
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BIN = Path(sys.executable).parent
SCHEMAS = ROOT / "schemas"
ONE_PLAN = ROOT / "examples" / "fagersta"
SCHEMA_OF = {
    "kommun.yaml": "kommun",
    "organisation.yaml": "organisation",
    "styrdokument.yaml": "styrdokument",
    "mal.yaml": "mal",
    "aktiviteter.yaml": "aktiviteter",
    "nyckeltal.yaml": "nyckeltal",
}


@dataclass
class Run:
    """One run of one tool: wall-clock and CPU seconds, exit code and peak memory in KiB."""

    seconds: float
    cpu: float
    """User and system time of the process and its children."""
    code: int
    peak_kib: int
    tree_kib: int
    """Sum of resident memory over the process and its children, sampled; 0 when unknown."""


@dataclass
class Tool:
    name: str
    commands: list[list[str]]
    note: str = ""
    runs: list[Run] = field(default_factory=list)

    @property
    def seconds(self) -> float:
        return statistics.median(r.seconds for r in self.runs)

    @property
    def cpu(self) -> float:
        return statistics.median(r.cpu for r in self.runs)

    @property
    def peak_mib(self) -> float:
        return max(r.peak_kib for r in self.runs) / 1024

    @property
    def tree_mib(self) -> float:
        return max(r.tree_kib for r in self.runs) / 1024

    @property
    def codes(self) -> set[int]:
        return {r.code for r in self.runs}


def measure(commands: Sequence[Sequence[str]], env: dict[str, str]) -> Run:
    """Run the commands one after the other; their times add up, their peaks do not."""
    total, cpu, peak, tree, worst = 0.0, 0.0, 0, 0, 0
    for command in commands:
        run = _measure_one(command, env)
        total += run.seconds
        cpu += run.cpu
        peak = max(peak, run.peak_kib)
        tree = max(tree, run.tree_kib)
        worst = max(worst, run.code)
    return Run(total, cpu, worst, peak, tree)


def _measure_one(command: Sequence[str], env: dict[str, str]) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(command), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    sampler = _MemorySampler(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    cpu = usage.ru_utime + usage.ru_stime
    # wait4's ru_maxrss starts from this (larger) process's size at the fork, so it is only
    # the fallback where /proc cannot be read.
    peak = sampler.peak_kib or int(usage.ru_maxrss)
    return Run(seconds, cpu, proc.returncode, peak, sampler.tree_kib)


class _MemorySampler(threading.Thread):
    """Reads /proc every 10 ms while a process runs (Linux).

    ``peak_kib`` is the largest peak resident set (VmHWM, counted from the process's exec) of
    any process in the tree; ``tree_kib`` the largest sum of resident sets over the tree.
    """

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self.tree_kib = 0
        self._done = threading.Event()

    def stop(self) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        while True:
            peak, total = _tree_memory(self.pid)
            self.peak_kib = max(self.peak_kib, peak)
            self.tree_kib = max(self.tree_kib, total)
            if self._done.wait(0.01):
                return


def _tree_memory(pid: int) -> tuple[int, int]:
    """(largest VmHWM, sum of VmRSS) over a process and its descendants, in KiB."""
    peak = total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:  # gone between two reads, or no /proc
            continue
        for line in status.splitlines():
            if line.startswith("VmHWM:"):
                peak = max(peak, int(line.split()[1]))
            elif line.startswith("VmRSS:"):
                total += int(line.split()[1])
        stack.extend(int(c) for c in children)
    return peak, total


# --- the corpus ------------------------------------------------------------------------------


def ensure_corpus(municipalities: int, years: int) -> Path:
    """The corpus for these arguments, written again only when the generator changed (any of
    its modules, ``corpus_plan.py`` and ``corpus_mistakes.py`` too)."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.make_corpus import make_corpus

    generator = b"".join(
        (ROOT / "benchmarks" / name).read_bytes()
        for name in ("make_corpus.py", "corpus_plan.py", "corpus_mistakes.py")
    )
    stamp = hashlib.sha256(generator + f"{municipalities}x{years}".encode()).hexdigest()
    out = ROOT / "out" / "bench" / f"corpus-{municipalities}x{years}"
    stamp_file = out / ".stamp"
    if stamp_file.is_file() and stamp_file.read_text() == stamp:
        return out
    if out.exists():
        import shutil

        shutil.rmtree(out)
    make_corpus(out, municipalities, years)
    stamp_file.write_text(stamp)
    return out


def corpus_files(corpus: Path) -> list[Path]:
    return sorted(corpus.rglob("*.yaml"))


def check_jsonschema_commands(files: list[Path]) -> list[list[str]]:
    """One check-jsonschema call per schema, with every file of that kind."""
    by_schema: dict[str, list[str]] = {}
    for path in files:
        schema = "mote" if path.parent.name == "moten" else SCHEMA_OF[path.name]
        by_schema.setdefault(schema, []).append(str(path.relative_to(ROOT)))
    return [
        [str(BIN / "check-jsonschema"), "--schemafile", f"schemas/{schema}.schema.json", *paths]
        for schema, paths in sorted(by_schema.items())
    ]


# --- reporting -------------------------------------------------------------------------------


def table(tools: list[Tool], files: int) -> str:
    lines = [
        f"{'tool':44} {'time':>8} {'cpu':>8} {'files/s':>8} {'peak MiB':>8} {'all MiB':>7} exit",
        "-" * 92,
    ]
    for t in tools:
        tree = f"{t.tree_mib:7.0f}" if t.tree_mib else f"{'':7}"
        codes = ",".join(str(c) for c in sorted(t.codes))
        lines.append(
            f"{t.name:44} {t.seconds:7.3f}s {t.cpu:7.3f}s {files / t.seconds:8.0f} "
            f"{t.peak_mib:8.0f} {tree} {codes}"
        )
    return "\n".join(lines)


def _summary(tool: Tool) -> dict[str, float]:
    return {"seconds": tool.seconds, "cpu": tool.cpu, "peak_mib": tool.peak_mib}


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT MET"


def imports_of(args: list[str], env: dict[str, str]) -> set[str]:
    """Top-level modules imported by ``trygg ARGS`` (python -X importtime)."""
    proc = subprocess.run(
        [sys.executable, "-X", "importtime", "-m", "trygghet_cli", *args],
        cwd=ROOT,
        env=env,
        capture_output=True,
        text=True,
        check=False,
    )
    found = set()
    for line in proc.stderr.splitlines():
        if line.startswith("import time:") and "|" in line:
            found.add(line.rsplit("|", 1)[1].strip().split(".")[0])
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="trygg validate against its peers.")
    parser.add_argument(
        "--municipalities",
        "-n",
        type=int,
        default=29,
        help="kommuner of the corpus the peers run on (0 leaves that part out, and the one-plan "
        "comparison with it: only the national part runs)",
    )
    parser.add_argument("--years", "-y", type=int, default=10)
    parser.add_argument("--repeat", "-r", type=int, default=3, help="rounds over the corpus")
    parser.add_argument(
        "--one-plan-repeat", type=int, default=21, help="rounds of the one-plan comparison"
    )
    parser.add_argument(
        "--national",
        type=int,
        nargs=2,
        default=[290, 10],
        metavar=("N", "YEARS"),
        help="kommuner and years of the national corpus (0 0 leaves it out)",
    )
    parser.add_argument(
        "--national-repeat", type=int, default=2, help="rounds over the national corpus"
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)

    # Every tool starts from compiled bytecode, as an installed package does, even when
    # PYTHONDONTWRITEBYTECODE keeps Python from writing it for the editable install of trygg.
    compileall.compile_dir(ROOT / "src" / "trygghet_cli", quiet=1)
    peers = args.municipalities > 0 and args.years > 0
    corpus = ensure_corpus(*(args.municipalities, args.years) if peers else args.national)
    files = corpus_files(corpus)
    if peers:
        for path in files:  # the same page cache for every tool
            path.read_bytes()
    cache = Path(tempfile.mkdtemp(prefix="trygg-bench-cache-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update({"NO_COLOR": "1", "TRYGG_CACHE_DIR": str(cache)})
    load = os.getloadavg()[0]
    print(
        f"trygg benchmark: {corpus.name.removeprefix('corpus-')}, {len(files)} files "
        f"({corpus.relative_to(ROOT)}), {os.cpu_count()} cores, "
        f"Python {platform.python_version()}, load {load:.2f}"
    )
    if load > 0.5:
        print("  the machine is busy (load > 0.5): times are noisy, CPU times less so")
    print(f"  check-jsonschema reads YAML with {_ruamel_loader()}")
    national: dict[str, Tool] = {}
    big: dict[str, Tool] = {}
    small: dict[str, Tool] = {}
    goals: list[tuple[str, bool]] = []
    try:
        if peers:
            big = corpus_tools(corpus, files, env, args.repeat)
            few_peak = peak_for_few_plans(corpus, env)
            small = one_plan_tools(env, args.one_plan_repeat)
            goals = check_goals(big, small, few_peak, env)
        municipalities, years = args.national
        if municipalities > 0 and years > 0:
            national = national_tools(municipalities, years, env, args.national_repeat)
    finally:
        import shutil

        shutil.rmtree(cache, ignore_errors=True)
    if goals:
        print()
        print("Goals (issue 6):")
        for text, ok in goals:
            print(f"  [{verdict(ok):7}] {text}")
    if national:
        national_goals = check_national_goals(national)
        print()
        print(f"Goals (issue 17), {args.national[0]} x {args.national[1]}:")
        for text, ok in national_goals:
            print(f"  [{verdict(ok):7}] {text}")
        goals = goals + national_goals
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        results = {
            "files": len(files),
            "load": load,
            "corpus": {t.name: _summary(t) for t in big.values()},
            "one_plan": {t.name: _summary(t) for t in small.values()},
            "national": {t.name: {**_summary(t), "all_mib": t.tree_mib} for t in national.values()},
            "goals": [{"goal": text, "met": ok} for text, ok in goals],
        }
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0 if all(ok for _, ok in goals) else 1


def _ruamel_loader() -> str:
    """Which ruamel.yaml loader check-jsonschema gets: its C one (ruamel.yaml.clib) or not."""
    try:
        import ruamel.yaml
    except ImportError:
        return "no ruamel.yaml installed"
    if getattr(ruamel.yaml, "__with_libyaml__", False):
        return f"ruamel.yaml {ruamel.yaml.__version__} and its C loader (ruamel.yaml.clib)"
    return f"ruamel.yaml {ruamel.yaml.__version__} in pure Python (no ruamel.yaml.clib)"


def corpus_tools(
    corpus: Path, files: list[Path], env: dict[str, str], repeat: int
) -> dict[str, Tool]:
    """Every tool over the corpus, ``repeat`` rounds in turns."""
    rel = str(corpus.relative_to(ROOT))
    trygg, python = str(BIN / "trygg"), sys.executable
    tools = {
        "one core": Tool(
            "trygg validate --no-cache --jobs 1",
            [[trygg, "validate", rel, "--no-cache", "--jobs", "1"]],
        ),
        "all cores": Tool(
            "trygg validate --no-cache (all cores)", [[trygg, "validate", rel, "--no-cache"]]
        ),
        "cached": Tool("trygg validate, warm cache (all cores)", [[trygg, "validate", rel]]),
        "check-jsonschema": Tool(
            "check-jsonschema (schema only, no positions)", check_jsonschema_commands(files)
        ),
        "yamllint": Tool("yamllint (default rules)", [[str(BIN / "yamllint"), rel]]),
        "bare": Tool(
            "bare C parse: yaml.load, CSafeLoader", [[python, "benchmarks/bare_parse.py", rel]]
        ),
        "compose": Tool(
            "libyaml composer only (node tree)",
            [[python, "benchmarks/bare_parse.py", "--compose", rel]],
        ),
    }
    measure(tools["cached"].commands, env)  # fills the cache
    for round_ in range(repeat):
        for tool in tools.values():
            tool.runs.append(measure(tool.commands, env))
            print(f"  round {round_ + 1}/{repeat}: {tool.name}: {tool.runs[-1].seconds:.2f}s")
    print()
    print(table(list(tools.values()), len(files)))
    return tools


NATIONAL_AS_OF = "2024-12-31"
"""The day deadlines and overview judge the national corpus on (its meetings run to 2024)."""
MEMORY_LIMIT_MIB = 300


def national_tools(
    municipalities: int, years: int, env: dict[str, str], repeat: int
) -> dict[str, Tool]:
    """validate, deadlines, compare and overview on the national corpus, in turns.

    Each runs as a user would: on every core, validate and overview with the cache (warmed by
    one run of each first), deadlines and compare as they are (they keep no cache)."""
    corpus = ensure_corpus(municipalities, years)
    files = corpus_files(corpus)
    for path in files:
        path.read_bytes()
    rel = str(corpus.relative_to(ROOT))
    trygg = str(BIN / "trygg")
    page = ROOT / "out" / "bench" / "oversikt.html"
    page.parent.mkdir(parents=True, exist_ok=True)
    tools = {
        "validate": Tool("trygg validate (all cores, warm cache)", [[trygg, "validate", rel]]),
        "deadlines": Tool(
            "trygg deadlines (all cores)",
            [[trygg, "deadlines", rel, "--as-of", NATIONAL_AS_OF, "--fail-on", "never"]],
        ),
        "compare": Tool("trygg compare (all cores)", [[trygg, "compare", rel]]),
        "overview": Tool(
            "trygg overview -o oversikt.html (all cores, warm)",
            [[trygg, "overview", rel, "--as-of", NATIONAL_AS_OF, "--output", str(page)]],
        ),
    }
    print()
    print(
        f"The whole country: {municipalities} plans x {years} years, {len(files)} files ({rel}), "
        f"load {_load()}"
    )
    measure(tools["validate"].commands, env)  # fills the cache
    measure(tools["overview"].commands, env)
    for round_ in range(repeat):
        for tool in tools.values():
            tool.runs.append(measure(tool.commands, env))
            print(
                f"  round {round_ + 1}/{repeat}: {tool.name}: {tool.runs[-1].seconds:.2f}s, "
                f"load {_load()}"
            )
    print()
    print(table(list(tools.values()), len(files)))
    return tools


def _load() -> str:
    """The load average over 1, 5 and 15 minutes."""
    return " ".join(f"{x:.2f}" for x in os.getloadavg())


def check_national_goals(tools: dict[str, Tool]) -> list[tuple[str, bool]]:
    validate, overview = tools["validate"], tools["overview"]
    ratio = overview.seconds / validate.seconds
    goals = [
        (
            f"trygg overview <= 2x trygg validate on the same files: {overview.seconds:.1f} s "
            f"against {validate.seconds:.1f} s ({ratio:.2f}x)",
            ratio <= 2,
        )
    ]
    for key in ("deadlines", "compare", "overview"):
        tool = tools[key]
        goals.append(
            (
                f"trygg {key} memory < {MEMORY_LIMIT_MIB} MiB: {tool.tree_mib:.0f} MiB for all "
                f"its processes together, {tool.peak_mib:.0f} MiB the largest one",
                tool.tree_mib < MEMORY_LIMIT_MIB and 0 in tool.codes,
            )
        )
    return goals


def peak_for_few_plans(corpus: Path, env: dict[str, str]) -> tuple[int, float]:
    """Plans and peak MiB of one process on a tenth of the corpus' plans (at least one)."""
    plans = sorted(p for p in corpus.iterdir() if p.is_dir())
    few = [str(p.relative_to(ROOT)) for p in plans[: max(1, len(plans) // 10)]]
    run = measure([[str(BIN / "trygg"), "validate", *few, "--no-cache", "--jobs", "1"]], env)
    return len(few), run.peak_kib / 1024


def one_plan_tools(env: dict[str, str], repeat: int) -> dict[str, Tool]:
    """One plan, cold processes: trygg validate (with and without cache) against yamllint."""
    one = str(ONE_PLAN.relative_to(ROOT))
    trygg = str(BIN / "trygg")
    tools = {
        "trygg": Tool(f"trygg validate {one} --no-cache", [[trygg, "validate", one, "--no-cache"]]),
        "cached": Tool(f"trygg validate {one}, warm cache", [[trygg, "validate", one]]),
        "yamllint": Tool(f"yamllint {one}", [[str(BIN / "yamllint"), one]]),
        "help": Tool("trygg --help", [[trygg, "--help"]]),
    }
    for _ in range(repeat):
        for tool in tools.values():
            tool.runs.append(measure(tool.commands, env))
    files = len(list(ONE_PLAN.rglob("*.yaml")))
    print()
    print(f"One plan: {one} ({files} files), {repeat} rounds, cold processes")
    print(table(list(tools.values()), files))
    return tools


def check_goals(
    big: dict[str, Tool], small: dict[str, Tool], few: tuple[int, float], env: dict[str, str]
) -> list[tuple[str, bool]]:
    one, auto = big["one core"], big["all cores"]
    cjs, bare = big["check-jsonschema"], big["bare"]
    r_cjs, r_cjs_auto = one.seconds / cjs.seconds, auto.seconds / cjs.seconds
    r_bare, r_bare_auto = one.seconds / bare.seconds, auto.seconds / bare.seconds
    r_lint = small["trygg"].seconds / small["yamllint"].seconds
    few_plans, few_peak = few
    growth = one.peak_mib / few_peak
    heavy = {"pandas", "jinja2", "numpy", "matplotlib"}
    one_plan = str(ONE_PLAN.relative_to(ROOT))
    imported = sorted(
        (imports_of(["validate", one_plan, "--no-cache"], env) | imports_of(["--help"], env))
        & heavy
    )
    return [
        (
            f"trygg validate <= 1/4 of check-jsonschema: {r_cjs:.3f} on one core, "
            f"{r_cjs_auto:.3f} on all cores",
            r_cjs <= 0.25 and r_cjs_auto <= 0.25,
        ),
        (
            f"trygg validate <= 2x the bare C parse: {r_bare:.2f}x on one core, "
            f"{r_bare_auto:.2f}x on all cores",
            r_bare <= 2 and r_bare_auto <= 2,
        ),
        (
            f"peak memory flat in the number of plans (one process): {few_peak:.0f} MiB for "
            f"{few_plans} plan(s), {one.peak_mib:.0f} MiB for all ({growth:.2f}x)",
            growth <= 1.25,
        ),
        (
            f"one plan <= 1.5x yamllint, cold: {small['trygg'].seconds * 1000:.0f} ms against "
            f"{small['yamllint'].seconds * 1000:.0f} ms ({r_lint:.2f}x)",
            r_lint <= 1.5,
        ),
        (
            "trygg validate and trygg --help import neither pandas nor jinja2: "
            + (", ".join(imported) or "none of pandas, jinja2, numpy, matplotlib"),
            not imported,
        ),
    ]


if __name__ == "__main__":
    sys.exit(main())
