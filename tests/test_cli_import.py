"""``trygg indicator import``: all or nothing, and a report of every row."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import Run, edit, write

HEADER = "kpi;kommun;period;kön;värde\n"


@pytest.fixture
def kolada_plan(plan: Path) -> Path:
    """The small plan with its crime indicator linked to Kolada's N07540."""
    edit(plan / "nyckeltal.yaml", "källa: {typ: brå}", "källa: {typ: brå, kolada_kpi: N07540}")
    return plan


def snapshot(root: Path) -> dict[str, bytes]:
    return {p.as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}


def test_import_adds_changes_and_skips_with_a_line_each(
    kolada_plan: Path, run: Run, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "kolada.csv",
        HEADER
        + "N07540;0180;2020;T;9 100\n"
        + "N07540;0180;2021;T;8 950,5\n"
        + "N07540;0180;2021;K;..\n"
        + "N07540;0181;2021;T;7000\n"
        + "U07452;0180;2021;T;12,5\n"
        + "N07540;0180;2022;T;..\n",
    )
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert result.exit_code == 0, result.output
    name = str(source)
    assert result.output.splitlines() == [
        f"{name}:2: ändrat: anmalda-brott 2020 (kommun): 9\u00a0000 → 9\u00a0100; inte längre "
        "preliminär",
        f"{name}:3: tillagt: anmalda-brott 2021 (kommun): 8\u00a0950,5",
        f"{name}:4: överhoppat: N07540 2021: kön K, importen tar T",
        f"{name}:5: överhoppat: kommun 0181, inte planens 0180",
        f"{name}:6: överhoppat: U07452: inget nyckeltal i planen har kolada_kpi: U07452",
        f"{name}:7: överhoppat: N07540 2022: värdet redovisas inte (..)",
        f"6 rader i {name} (kön T): 1 tillagd, 1 ändrad, 4 överhoppade.",
        f"Skrev {kolada_plan}/nyckeltal.yaml.",
    ]
    assert (
        (kolada_plan / "nyckeltal.yaml")
        .read_text()
        .endswith(
            "      - period: 2020\n"
            "        värde: 9100\n"
            "        geografi: {nivå: kommun}\n"
            "      - period: 2021\n"
            "        värde: 8950.5\n"
            "        geografi: {nivå: kommun}\n"
        )
    )


def test_import_of_another_gender_marked_preliminary(
    kolada_plan: Path, run: Run, tmp_path: Path
) -> None:
    source = write(tmp_path / "k.csv", HEADER + "N07540;0180;2021;T;1\nN07540;0180;2021;K;2\n")
    args = ("indicator", "import", str(source), "--gender", "k", "--preliminary")
    result = run(*args, "--lang", "en", "--plan", str(kolada_plan))
    assert result.exit_code == 0, result.output
    assert ":3: added: anmalda-brott 2021 (kommun): 2 (preliminary)" in result.output
    assert "2 rows in " in result.output and "(gender K): 1 added, 1 skipped." in result.output
    assert "        värde: 2\n        geografi: {nivå: kommun}\n        preliminär: true\n" in (
        (kolada_plan / "nyckeltal.yaml").read_text()
    )


def test_for_a_district_the_value_is_the_whole_municipalitys(
    kolada_plan: Path, run: Run, tmp_path: Path
) -> None:
    edit(
        kolada_plan / "kommun.yaml",
        "län: Stockholms län\n",
        "län: Stockholms län\nstadsdel: Norr\n",
    )
    source = write(tmp_path / "k.csv", HEADER + "N07540;0180;2021;T;9500\n")
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert result.exit_code == 0, result.output
    assert "tillagt: anmalda-brott 2021 (kommun Stockholm): 9\u00a0500" in result.output
    assert (
        "geografi: {nivå: kommun, namn: Stockholm}\n"
        in (kolada_plan / "nyckeltal.yaml").read_text()
    )


def test_many_skipped_rows_are_counted_unless_verbose(
    kolada_plan: Path, run: Run, tmp_path: Path
) -> None:
    others = "".join(f"N07540;{code};2021;T;1\n" for code in range(1001, 1031))
    source = write(tmp_path / "riket.csv", HEADER + others)
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert result.exit_code == 0
    assert result.output.count("överhoppat: kommun") == 20
    assert "… och 10 överhoppade rader till (--verbose visar alla)." in result.output
    assert result.output.endswith("Inget att ändra; inga filer skrevs.\n")
    verbose = run("indicator", "import", str(source), "-v", "--plan", str(kolada_plan))
    assert verbose.output.count("överhoppat: kommun") == 30
    one_more = write(tmp_path / "riket21.csv", HEADER + others[: 21 * len(others) // 30])
    result = run("indicator", "import", str(one_more), "--plan", str(kolada_plan))
    assert "… och 1 överhoppad rad till (--verbose visar alla)." in result.output
    assert "21 rader i " in result.output
    english = run("indicator", "import", str(one_more), "--lang", "en", "--plan", str(kolada_plan))
    assert "… and 1 more skipped row (--verbose shows them all)." in english.output


def test_a_file_of_one_row_is_counted_in_the_singular(
    kolada_plan: Path, run: Run, tmp_path: Path
) -> None:
    source = write(tmp_path / "en.csv", HEADER + "N07540;0180;2021;T;8 950\n")
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert f"1 rad i {source} (kön T): 1 tillagd." in result.output
    english = run(
        "indicator", "import", str(source), "-n", "--lang", "en", "--plan", str(kolada_plan)
    )
    assert f"1 row in {source} (gender T): 1 unchanged." in english.output


def test_dry_run_shows_the_diff_and_writes_nothing(
    kolada_plan: Path, run: Run, tmp_path: Path
) -> None:
    before = snapshot(kolada_plan)
    source = write(tmp_path / "k.csv", HEADER + "N07540;0180;2021;T;8800\n")
    result = run("indicator", "import", str(source), "-n", "--diff", "--plan", str(kolada_plan))
    assert result.exit_code == 0
    assert "+      - period: 2021\n+        värde: 8800\n" in result.output
    assert result.output.endswith(f"Provkörning: skulle skriva {kolada_plan}/nyckeltal.yaml.\n")
    assert snapshot(kolada_plan) == before


DAMAGED = [
    (
        "trasig.csv",
        HEADER + "N07540;0180;2021;T;1\nN07540;0180;2021;T\n",
        "trasig.csv:3:1: fel TRY504",
    ),
    ("trasig.csv", HEADER + "N07540;0180;2021;T;ett\n", "trasig.csv:2:20: fel TRY505"),
    ("trasig.csv", HEADER + "N07540;0180;20021;T;1\n", "trasig.csv:2:13: fel TRY506"),
    ("trasig.csv", "kpi;kommun;period\n", "trasig.csv:1:1: fel TRY503"),
    ("trasig.json", '{"values": [{"kpi": "N07540",', "trasig.json:1:30: fel TRY501"),
    ("trasig.json", '{"values": {}}', "trasig.json:1:1: fel TRY502"),
]


@pytest.mark.parametrize(("name", "text", "finding"), DAMAGED, ids=lambda v: str(v)[-24:])
def test_a_damaged_file_changes_nothing_and_names_its_line(
    kolada_plan: Path, run: Run, tmp_path: Path, name: str, text: str, finding: str
) -> None:
    before = snapshot(kolada_plan)
    source = write(tmp_path / name, text)
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert result.exit_code == 1
    assert "kan inte importeras (1 fel); ingen fil ändrades." in result.output
    assert f"{tmp_path}/{finding}" in result.output
    assert snapshot(kolada_plan) == before


def test_a_file_that_is_not_utf8(kolada_plan: Path, run: Run, tmp_path: Path) -> None:
    source = tmp_path / "excel.csv"
    source.write_bytes((HEADER + "N07540;0180;2021;T;1\n").encode("cp1252"))
    before = snapshot(kolada_plan)
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert result.exit_code == 1
    assert f"{source}:1:20: fel TRY508 Filen är inte UTF-8 (ogiltig byte 0xF6)" in result.output
    assert "tips: Spara filen som UTF-8. I Excel: Spara som → CSV UTF-8" in result.output
    assert snapshot(kolada_plan) == before


def test_usage_errors(kolada_plan: Path, run: Run, tmp_path: Path) -> None:
    source = write(tmp_path / "k.csv", HEADER + "N07540;0180;2021;T;1\n")
    bad_gender = run(
        "indicator", "import", str(source), "--gender", "X", "--plan", str(kolada_plan)
    )
    assert bad_gender.exit_code == 2
    assert "Fel: Ogiltigt värde för '--gender': 'X' ska vara T, K eller M." in bad_gender.output
    missing = run("indicator", "import", str(tmp_path / "saknas.csv"), "--plan", str(kolada_plan))
    assert missing.exit_code == 2


def test_a_repeated_row_and_a_missing_value(kolada_plan: Path, run: Run, tmp_path: Path) -> None:
    page = (
        '{"values": [{"kpi": "N07540", "municipality": "0180", "period": 2021, "values": '
        '[{"gender": "T", "value": 8800}]},\n'
        '{"kpi": "N07540", "municipality": "0180", "period": 2021, "values": '
        '[{"gender": "T", "value": 8800}]},\n'
        '{"kpi": "N07540", "municipality": "0180", "period": 2022, "values": '
        '[{"gender": "T", "value": null, "status": "Ej publicerad"}]}]}\n'
    )
    source = write(tmp_path / "k.json", page)
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert result.exit_code == 0, result.output
    assert f"{source}:2:70: överhoppat: N07540 2021: samma som rad 1" in result.output
    assert f"{source}:3:70: överhoppat: N07540 2022: inget värde (status: Ej publicerad)" in (
        result.output
    )


V3_PAGE = (
    '{"count": 5, "next_url": "", "previous_url": "", "values": [\n'
    '{"kpi": "N07540", "municipality": "0180", "period": 2021, "values": [{"count": 1, '
    '"gender": "T", "status": "", "value": 8800.0, "isdeleted": false}]},\n'
    '{"kpi": "N07540", "municipality": "0000", "period": 2021, "values": [{"count": 1, '
    '"gender": "T", "status": "", "value": 14100.0, "isdeleted": false}]},\n'
    '{"kpi": "N07540", "municipality": "G33402", "period": 2021, "values": [{"count": 1, '
    '"gender": "T", "status": "", "value": 9300.0, "isdeleted": false}]},\n'
    '{"kpi": "N07540", "municipality": "0001", "period": 2021, "values": [{"count": 1, '
    '"gender": "T", "status": "", "value": 9700.0, "isdeleted": false}]},\n'
    '{"kpi": "N07540", "municipality": "0180", "period": 2022, "values": [{"count": 1, '
    '"gender": "T", "status": "", "value": 1.0, "isdeleted": true}]}]}\n'
)


def test_a_v3_page_riket_as_the_national_series_groups_and_regions_skipped_with_a_note(
    kolada_plan: Path, run: Run, tmp_path: Path
) -> None:
    """Issue 13: Kolada's rows for 0000 are the national series of the same indicator, a
    municipality group (G…) or a region is skipped with a note and never aborts the import,
    and a row marked deleted is left out."""
    source = write(tmp_path / "v3.json", V3_PAGE)
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert result.exit_code == 0, result.output
    name = str(source)
    assert result.output.splitlines() == [
        f"{name}:2:70: tillagt: anmalda-brott 2021 (kommun): 8\u00a0800",
        f"{name}:3:70: tillagt: anmalda-brott 2021 (riket): 14\u00a0100 (Kolada, 0000 Riket)",
        f"{name}:4:72: överhoppat: G33402 är en kommungrupp i Kolada, inte en kommun",
        f"{name}:5:70: överhoppat: 0001 är en region i Kolada, inte en kommun",
        f"4 rader i {name} (kön T): 2 tillagda, 2 överhoppade.",
        "Obs: 2 rader gällde en kommungrupp eller en region i Kolada, inte en kommun; de "
        "hoppades över.",
        f"Skrev {kolada_plan}/nyckeltal.yaml.",
    ]
    assert (
        (kolada_plan / "nyckeltal.yaml")
        .read_text()
        .endswith(
            "      - period: 2021\n"
            "        värde: 8800\n"
            "        geografi: {nivå: kommun}\n"
            "      - period: 2021\n"
            "        värde: 14100\n"
            "        geografi: {nivå: riket}\n"
            "        källa: {typ: kolada, kolada_kpi: N07540}\n"
        )
    )
    out = run("compare", str(kolada_plan)).stdout
    assert "Rikets värde för 2021 är hämtat ur Kolada (N07540, 0000 Riket)." in out, out
    again = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert "(kön T): 2 oförändrade, 2 överhoppade." in again.output, again.output


def test_kolada_does_not_overwrite_the_plan_s_own_national_value(
    kolada_plan: Path, run: Run, tmp_path: Path
) -> None:
    """The plan's own value for Riket comes first (issue 13): an import leaves it."""
    set_own = run(
        "indicator", "set", "anmalda-brott", "2021", "14000", "--geography", "riket",
        "--plan", str(kolada_plan),
    )  # fmt: skip
    assert set_own.exit_code == 0, set_own.output
    source = write(tmp_path / "v3.json", V3_PAGE)
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan))
    assert result.exit_code == 0, result.output
    assert (
        f"{source}:3:70: överhoppat: anmalda-brott 2021 (riket): planens eget värde, 14\u00a0000, "
        "går före Koladas (14\u00a0100) och ändras inte" in result.output
    )
    assert "värde: 14000\n" in (kolada_plan / "nyckeltal.yaml").read_text()


def test_a_group_row_in_a_csv_file_is_skipped_not_an_error(
    kolada_plan: Path, run: Run, tmp_path: Path
) -> None:
    source = write(
        tmp_path / "k.csv",
        HEADER + "N07540;g33402;2021;T;9300\nN07540;0000;2021;T;14 100\nN07540;0180;2021;T;1\n",
    )
    result = run("indicator", "import", str(source), "--plan", str(kolada_plan), "--lang", "en")
    assert result.exit_code == 0, result.output
    assert f"{source}:2: skipped: G33402 is a group of municipalities in Kolada, not a " in (
        result.output
    )
    assert f"{source}:3: added: anmalda-brott 2021 (riket): 14,100 (Kolada, 0000 Riket)" in (
        result.output
    )
    assert (
        "Note: 1 row was for a group of municipalities or a region in Kolada, not a "
        "municipality, and was skipped." in result.output
    )
