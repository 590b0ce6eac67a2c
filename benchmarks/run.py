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

Times are wall-clock medians over ``--repeat`` rounds, from starting the process to its exit.
Peak memory is the largest resident set of any one process of the run (``wait4``); for runs with
several processes the sum over the processes is sampled too. Then the one-plan case: a cold
``trygg validate`` on one example against yamllint on the same files, and what ``trygg
validate`` and ``trygg --help`` import. Each goal of the issue is printed as met or not met.
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
    """One run of one tool: wall-clock seconds, exit code and peak memory in KiB."""

    seconds: float
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
    total, peak, tree, worst = 0.0, 0, 0, 0
    for command in commands:
        run = _measure_one(command, env)
        total += run.seconds
        peak = max(peak, run.peak_kib)
        tree = max(tree, run.tree_kib)
        worst = max(worst, run.code)
    return Run(total, worst, peak, tree)


def _measure_one(command: Sequence[str], env: dict[str, str]) -> Run:
    start = time.perf_counter()
    proc = subprocess.Popen(
        list(command), cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    sampler = _TreeSampler(proc.pid)
    sampler.start()
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    sampler.stop()
    return Run(seconds, proc.returncode, int(usage.ru_maxrss), sampler.peak_kib)


class _TreeSampler(threading.Thread):
    """Samples the resident memory of a process and its children every 20 ms (Linux)."""

    def __init__(self, pid: int) -> None:
        super().__init__(daemon=True)
        self.pid = pid
        self.peak_kib = 0
        self._done = threading.Event()

    def stop(self) -> None:
        self._done.set()
        self.join()

    def run(self) -> None:
        while not self._done.wait(0.02):
            self.peak_kib = max(self.peak_kib, _tree_rss(self.pid))

    # A process that ends between two reads is simply not counted.


def _tree_rss(pid: int) -> int:
    total = 0
    stack = [pid]
    while stack:
        current = stack.pop()
        try:
            status = Path(f"/proc/{current}/status").read_text()
            children = Path(f"/proc/{current}/task/{current}/children").read_text().split()
        except OSError:
            continue
        for line in status.splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
        stack.extend(int(c) for c in children)
    return total


# --- the corpus ------------------------------------------------------------------------------


def ensure_corpus(municipalities: int, years: int) -> Path:
    """The corpus for these arguments, written again only when the generator changed."""
    sys.path.insert(0, str(ROOT))
    from benchmarks.make_corpus import make_corpus

    generator = (ROOT / "benchmarks" / "make_corpus.py").read_bytes()
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
        f"{'tool':44} {'time':>8} {'files/s':>9} {'peak MiB':>9} {'all MiB':>8}  exit",
        "-" * 88,
    ]
    for t in tools:
        tree = f"{t.tree_mib:8.0f}" if t.tree_mib else f"{'':8}"
        codes = ",".join(str(c) for c in sorted(t.codes))
        lines.append(
            f"{t.name:44} {t.seconds:7.2f}s {files / t.seconds:9.0f} {t.peak_mib:9.0f} {tree}  "
            f"{codes}"
        )
    return "\n".join(lines)


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
    parser.add_argument("--municipalities", "-n", type=int, default=29)
    parser.add_argument("--years", "-y", type=int, default=10)
    parser.add_argument("--repeat", "-r", type=int, default=3, help="rounds over the corpus")
    parser.add_argument(
        "--one-plan-repeat", type=int, default=21, help="rounds of the one-plan comparison"
    )
    parser.add_argument("--json", type=Path, help="also write the results to this file")
    args = parser.parse_args(argv)

    # Every tool starts from compiled bytecode, as an installed package does, even when
    # PYTHONDONTWRITEBYTECODE keeps Python from writing it for the editable install of trygg.
    compileall.compile_dir(ROOT / "src" / "trygghet_cli", quiet=1)
    corpus = ensure_corpus(args.municipalities, args.years)
    files = corpus_files(corpus)
    plans = sorted(p for p in corpus.iterdir() if p.is_dir())
    rel = str(corpus.relative_to(ROOT))
    for path in files:  # the same page cache for every tool
        path.read_bytes()

    cache = Path(tempfile.mkdtemp(prefix="trygg-bench-cache-"))
    env = {k: v for k, v in os.environ.items() if not k.startswith("GITHUB_")}
    env.update({"NO_COLOR": "1", "TRYGG_CACHE_DIR": str(cache)})
    trygg = str(BIN / "trygg")
    python = sys.executable
    load = os.getloadavg()[0]
    print(
        f"trygg benchmark: {len(plans)} plans, {len(files)} files ({rel}), "
        f"{os.cpu_count()} cores, Python {platform.python_version()}, load {load:.2f}"
    )
    if load > 0.5:
        print("  the machine is busy (load > 0.5): times are noisy; ratios hold better")

    one_core = Tool(
        "trygg validate --no-cache --jobs 1",
        [[trygg, "validate", rel, "--no-cache", "--jobs", "1"]],
    )
    auto = Tool("trygg validate --no-cache (all cores)", [[trygg, "validate", rel, "--no-cache"]])
    cached = Tool("trygg validate, warm cache (all cores)", [[trygg, "validate", rel]])
    cjs = Tool("check-jsonschema (schema only, no positions)", check_jsonschema_commands(files))
    yamllint = Tool("yamllint (default rules)", [[str(BIN / "yamllint"), rel]])
    bare = Tool("bare C parse: yaml.load, CSafeLoader", [[python, "benchmarks/bare_parse.py", rel]])
    compose = Tool(
        "libyaml composer only (node tree)",
        [[python, "benchmarks/bare_parse.py", "--compose", rel]],
    )
    tools = [one_core, auto, cached, cjs, yamllint, bare, compose]
    measure(cached.commands, env)  # fills the cache
    for round_ in range(args.repeat):
        for tool in tools:
            tool.runs.append(measure(tool.commands, env))
            print(f"  round {round_ + 1}/{args.repeat}: {tool.name}: {tool.runs[-1].seconds:.2f}s")
    print()
    print(table(tools, len(files)))

    # Memory against the number of plans: one process, a tenth of the plans, then all of them.
    few = plans[: max(1, len(plans) // 10)]
    few_run = measure(
        [
            [
                trygg,
                "validate",
                *(str(p.relative_to(ROOT)) for p in few),
                "--no-cache",
                "--jobs",
                "1",
            ]
        ],
        env,
    )
    all_peak = one_core.peak_mib

    # One plan, cold process, no cache: the pre-commit case.
    one = str(ONE_PLAN.relative_to(ROOT))
    one_files = len(list(ONE_PLAN.rglob("*.yaml")))
    small = Tool(f"trygg validate {one} --no-cache", [[trygg, "validate", one, "--no-cache"]])
    small_cached = Tool(f"trygg validate {one}, warm cache", [[trygg, "validate", one]])
    small_lint = Tool(f"yamllint {one}", [[str(BIN / "yamllint"), one]])
    small_help = Tool("trygg --help", [[trygg, "--help"]])
    small_tools = [small, small_cached, small_lint, small_help]
    for _ in range(args.one_plan_repeat):
        for tool in small_tools:
            tool.runs.append(measure(tool.commands, env))
    print()
    print(f"One plan: {one} ({one_files} files), {args.one_plan_repeat} rounds, cold processes")
    print(table(small_tools, one_files))

    heavy = {"pandas", "jinja2", "numpy", "matplotlib"}
    validate_heavy = sorted(imports_of(["validate", one, "--no-cache"], env) & heavy)
    help_heavy = sorted(imports_of(["--help"], env) & heavy)

    r_cjs = one_core.seconds / cjs.seconds
    r_cjs_auto = auto.seconds / cjs.seconds
    r_bare = one_core.seconds / bare.seconds
    r_bare_auto = auto.seconds / bare.seconds
    r_lint = small.seconds / small_lint.seconds
    growth = all_peak / (few_run.peak_kib / 1024)
    goals = [
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
            f"peak memory flat in the number of plans: {few_run.peak_kib / 1024:.0f} MiB for "
            f"{len(few)} plans, {all_peak:.0f} MiB for {len(plans)} ({growth:.2f}x)",
            growth <= 1.25,
        ),
        (
            f"one plan <= 1.5x yamllint, cold: {small.seconds * 1000:.0f} ms against "
            f"{small_lint.seconds * 1000:.0f} ms ({r_lint:.2f}x)",
            r_lint <= 1.5,
        ),
        (
            "trygg validate and trygg --help import neither pandas nor jinja2: "
            + (", ".join(validate_heavy + help_heavy) or "none imported"),
            not validate_heavy and not help_heavy,
        ),
    ]
    print()
    print("Goals (issue 6):")
    for text, ok in goals:
        print(f"  [{verdict(ok):7}] {text}")
    if args.json:
        args.json.parent.mkdir(parents=True, exist_ok=True)
        results = {
            "files": len(files),
            "plans": len(plans),
            "load": load,
            "tools": {t.name: {"seconds": t.seconds, "peak_mib": t.peak_mib} for t in tools},
            "one_plan": {
                t.name: {"seconds": t.seconds, "peak_mib": t.peak_mib} for t in small_tools
            },
            "goals": [{"goal": text, "met": ok} for text, ok in goals],
        }
        args.json.write_text(json.dumps(results, indent=2, ensure_ascii=False) + "\n")
    return 0 if all(ok for _, ok in goals) else 1


if __name__ == "__main__":
    sys.exit(main())
