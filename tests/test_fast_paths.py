"""The ways of making ``trygg validate`` fast never change what it finds.

The loader's fast path against its reference path, a cached run against a cold one, several
processes against one: on a corpus of plans broken in known ways (``benchmarks/make_corpus.py
--mistakes``), every finding, with its file, line, column, message and hint, must be the same.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from benchmarks.make_corpus import MISTAKES, inject_mistakes, make_corpus
from tests.conftest import Run
from trygghet_cli.checks import batch
from trygghet_cli.checks.batch import ValidationResult, validate_paths
from trygghet_cli.checks.cache import FileCache
from trygghet_cli.checks.runner import Options, PlanSummary, check_plan
from trygghet_cli.diagnostics import Diagnostic, sort_diagnostics
from trygghet_cli.loading.yamlfile import parse


@pytest.fixture(scope="module")
def broken_corpus(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Three plans with a year of meetings each, then every mistake of MISTAKES."""
    out = tmp_path_factory.mktemp("corpus")
    make_corpus(out, 3, 1)
    inject_mistakes(out)
    return out


def shown(result: ValidationResult) -> list[tuple[Any, ...]]:
    """Every finding as the user sees it, in both languages, plus the files checked."""
    found: list[tuple[Any, ...]] = [
        (d.file, d.line, d.column, d.rule, d.level.value, d.pointer, *_texts(d))
        for d in result.diagnostics
    ]
    return [*found, ("files", tuple(result.files))]


def _texts(d: Diagnostic) -> list[tuple[str, str | None]]:
    return [(d.message(lang), d.hint(lang)) for lang in ("sv", "en")]


def test_the_corpus_is_deterministic(tmp_path: Path) -> None:
    make_corpus(tmp_path / "a", 2, 2)
    make_corpus(tmp_path / "b", 2, 2)
    files_a = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a").rglob("*.yaml"))
    files_b = sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b").rglob("*.yaml"))
    assert files_a == files_b
    assert len(files_a) == 2 * (6 + 2 * 40)
    for rel in files_a:
        assert (tmp_path / "a" / rel).read_bytes() == (tmp_path / "b" / rel).read_bytes(), rel


def test_a_plan_depends_only_on_its_number_and_the_years(tmp_path: Path) -> None:
    make_corpus(tmp_path / "two", 2, 1)
    make_corpus(tmp_path / "three", 3, 1)
    for path in (tmp_path / "two").rglob("*.yaml"):
        twin = tmp_path / "three" / path.relative_to(tmp_path / "two")
        assert twin.read_bytes() == path.read_bytes()


def test_the_corpus_validates_clean_in_strict_mode(run: Run, tmp_path: Path) -> None:
    make_corpus(tmp_path, 2, 1)
    result = run("validate", "--strict", str(tmp_path))
    assert result.exit_code == 0, result.output
    assert result.output == "Inga fel i 92 filer (2 planer).\n"


def test_every_injected_mistake_is_found(broken_corpus: Path) -> None:
    result = validate_paths([broken_corpus], options=Options(), jobs=1)
    roots = sorted(p for p in broken_corpus.iterdir() if p.is_dir())
    assert len(MISTAKES) >= 20
    for n, mistake in enumerate(MISTAKES):
        names = {
            Path(d.file).name
            for d in result.diagnostics
            if d.rule == mistake.rule and Path(d.file).is_relative_to(roots[n % len(roots)])
        }
        assert names, f"{mistake.rule} ({mistake.what}) was not found"


def test_fast_path_cache_and_processes_give_identical_findings(
    broken_corpus: Path, tmp_path: Path
) -> None:
    reference = shown(validate_paths([broken_corpus], options=Options(reference=True), jobs=1))
    assert len(reference) > len(MISTAKES)
    cache = tmp_path / "cache"
    ways = {
        "fast path": (Options(), 1),
        "two processes": (Options(), 2),
        "cache, cold": (Options(cache=cache), 1),
        "cache, warm": (Options(cache=cache), 1),
        "cache, warm, two processes": (Options(cache=cache), 2),
        "cache, warm, reference path": (Options(cache=cache, reference=True), 2),
    }
    for way, (options, jobs) in ways.items():
        result = validate_paths([broken_corpus], options=options, jobs=jobs)
        assert result.jobs == jobs
        assert shown(result) == reference, way
    assert list(cache.rglob("*.json")), "the cached runs wrote a cache"


def test_node_trees_dropped_or_kept_give_identical_findings(broken_corpus: Path) -> None:
    summary = validate_paths([broken_corpus], jobs=1)  # drops each tree after validation
    kept = [
        d
        for root in sorted(p for p in broken_corpus.iterdir() if p.is_dir())
        for d in check_plan(root, keep_documents=True).diagnostics
    ]
    assert sort_diagnostics(kept) == summary.diagnostics
    assert [_texts(d) for d in sort_diagnostics(kept)] == [_texts(d) for d in summary.diagnostics]


def test_a_changed_file_is_read_again_and_a_moved_one_keeps_its_findings(
    broken_corpus: Path, tmp_path: Path
) -> None:
    plan = tmp_path / "plan"
    shutil.copytree(sorted(p for p in broken_corpus.iterdir() if p.is_dir())[0], plan)
    options = Options(cache=tmp_path / "cache")
    meeting = sorted((plan / "moten").glob("*.yaml"))[20]
    meeting.write_text(
        meeting.read_text(encoding="utf-8") + "anteckningar: 19121212-1212\n", encoding="utf-8"
    )
    cold = validate_paths([plan], options=options, jobs=1)
    assert any(d.rule == "TRY301" and d.file.endswith(meeting.name) for d in cold.diagnostics)
    (stored,) = (tmp_path / "cache").rglob("*.json")
    assert meeting.name not in stored.read_text(encoding="utf-8")  # entries are by content
    moved = meeting.with_name("2000-01-01-" + meeting.name[11:])
    meeting.rename(moved)
    warm = validate_paths([plan], options=options, jobs=1)
    assert shown(warm) == shown(validate_paths([plan], jobs=1))
    assert any(d.rule == "TRY301" and d.file.endswith(moved.name) for d in warm.diagnostics)
    assert any(d.rule == "TRY204" and d.file.endswith(moved.name) for d in warm.diagnostics)
    moved.write_text(moved.read_text(encoding="utf-8").replace("19121212-1212", "x"), "utf-8")
    fixed = validate_paths([plan], options=options, jobs=1)
    assert not any(d.rule == "TRY301" for d in fixed.diagnostics)


def test_a_damaged_or_foreign_cache_is_passed_over(broken_corpus: Path, tmp_path: Path) -> None:
    cache = tmp_path / "cache"
    expected = shown(validate_paths([broken_corpus], jobs=1))
    validate_paths([broken_corpus], options=Options(cache=cache), jobs=1)
    stored = sorted(cache.rglob("*.json"))
    stored[0].write_text("{not json", encoding="utf-8")
    entries = json.loads(stored[1].read_text(encoding="utf-8"))
    key = next(iter(entries["files"]))
    entries["files"][key] = ["not", "an", "entry", "at all"]
    stored[1].write_text(json.dumps(entries), encoding="utf-8")
    assert shown(validate_paths([broken_corpus], options=Options(cache=cache), jobs=1)) == (
        expected
    )


def test_a_new_trygg_clears_the_caches_of_older_ones(tmp_path: Path) -> None:
    old = tmp_path / "v0123456789" / "plan.json"
    old.parent.mkdir()
    old.write_text("{}", encoding="utf-8")
    mine = FileCache(tmp_path)
    mine.prune()
    assert not old.parent.exists()
    mine.folder.mkdir()
    old.parent.mkdir()
    mine.prune()  # once this version has its folder, it leaves the others alone
    assert old.parent.exists()


def test_results_keep_findings_not_documents(broken_corpus: Path) -> None:
    result = validate_paths([broken_corpus], jobs=1)
    assert all(isinstance(p, PlanSummary) for p in result.plans)
    assert len(result.plans) == 3
    assert len(result.files) == len(set(result.files)) == sum(len(p.files) for p in result.plans)


def test_cli_findings_are_the_same_with_and_without_cache_and_processes(
    run: Run, broken_corpus: Path
) -> None:
    cold = run("validate", str(broken_corpus), "--format", "json", "--no-cache", "--jobs", "1")
    first = run("validate", str(broken_corpus), "--format", "json")
    warm = run("validate", str(broken_corpus), "--format", "json", "--jobs", "2")
    assert cold.exit_code == first.exit_code == warm.exit_code == 1
    assert cold.output == first.output == warm.output
    assert json.loads(cold.output)["summary"]["files"] == 3 * 46


def test_no_cache_writes_no_cache(run: Run, tmp_path: Path, plan: Path) -> None:
    cache = tmp_path / "cache"
    run("validate", str(plan), "--no-cache", env={"TRYGG_CACHE_DIR": str(cache)})
    assert not cache.exists()
    run("validate", str(plan), env={"TRYGG_CACHE_DIR": str(cache)})
    assert len(list(cache.rglob("*.json"))) == 1


def test_a_pool_only_for_many_files(broken_corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    plans = sorted(p for p in broken_corpus.iterdir() if p.is_dir())
    assert batch.estimate_files(plans) == 3 * 46
    assert batch.choose_jobs(plans, None) == 1  # 138 files: one process is faster
    assert batch.choose_jobs(plans, 8) == 3  # never more processes than plans
    assert batch.choose_jobs(plans[:1], 4) == 1
    monkeypatch.setattr(batch, "PARALLEL_MIN_FILES", 100)
    assert batch.choose_jobs(plans, None) == min(batch.available_cores(), 3)
    assert batch.choose_jobs(plans[:1], None) == 1


def test_jobs_must_be_positive(run: Run, plan: Path) -> None:
    result = run("validate", str(plan), "--jobs", "0")
    assert result.exit_code == 2
    assert "--jobs" in result.output


# --- the loader's two paths, on any input -----------------------------------------------------

_SCALARS = st.sampled_from(
    [
        "2021-03-02",
        "0180",
        "0o17",
        "0x1F",
        "1e5",
        "-.5",
        "+1",
        ".inf",
        "-.Inf",
        ".nan",
        "yes",
        "True",
        "null",
        "~",
        "",
        "=",
        "<<",
        "text",
        "a: b",
        "- x",
        "&a",
        "*a",
        "!tag",
        "#",
        "åäö",
    ]
)
_DATA = st.recursive(
    st.one_of(_SCALARS, st.integers(), st.floats(), st.booleans(), st.none()),
    lambda children: st.one_of(
        st.lists(children, max_size=4),
        st.dictionaries(_SCALARS, children, max_size=4),
    ),
    max_leaves=20,
)
_TOKENS = st.sampled_from(
    [
        "a",
        "b",
        ": ",
        "- ",
        "\n",
        "\n  ",
        "\t",
        "&x ",
        "*x",
        "<<: ",
        "!!str ",
        "!!python/object ",
        "!t ",
        "[",
        "]",
        "{",
        "}",
        ", ",
        "'",
        '"',
        "#",
        "1",
        "0o7",
        "=",
        "~",
        "? ",
        "---\n",
    ]
)


def same(text: str) -> None:
    fast_doc, fast_diags = parse(text, "f.yaml")
    ref_doc, ref_diags = parse(text, "f.yaml", reference=True)
    assert _canonical(fast_doc.data if fast_doc else None) == _canonical(
        ref_doc.data if ref_doc else None
    )
    assert (fast_doc is None) == (ref_doc is None)
    assert _findings(fast_diags) == _findings(ref_diags)


def _canonical(value: object) -> str:
    return repr(value)  # NaN is not equal to itself, but its repr is


def _findings(diags: list[Diagnostic]) -> list[tuple[object, ...]]:
    return [(d.rule, d.line, d.column, d.args, d.pointer) for d in diags]


@settings(max_examples=300, deadline=None)
@given(_DATA)
def test_fast_and_reference_paths_agree_on_data(data: object) -> None:
    same(yaml.safe_dump(data, allow_unicode=True))
    same(yaml.safe_dump(data, allow_unicode=True, default_flow_style=True))


@settings(max_examples=500, deadline=None)
@given(st.lists(_TOKENS, max_size=30).map("".join))
def test_fast_and_reference_paths_agree_on_anything(text: str) -> None:
    same(text)


@pytest.mark.parametrize(
    "text",
    [
        "a: 1\na: 2\n",
        "? \n!!str <<: ",  # libyaml gave the explicit key an empty string, PyYAML nothing
        "? a\n!!str b: ",
        "a: &x {b: 1}\nc: *x\n",
        "base: &b {x: 1}\nd:\n  <<: *b\n  y: 2\n",
        "a: !!python/object:os.system x\n",
        "a: !!str 5\n",
        "v: =\n",
        "? [a]\n: b\n",
        "x: " + "[" * 70 + "]" * 70 + "\n",
        "- " * 66 + "x\n",
        "'<<': 1\n",
    ],
)
def test_fast_and_reference_paths_agree_on_the_unusual(text: str) -> None:
    same(text)
