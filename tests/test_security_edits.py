"""No lost edit: an edit changes what it names and nothing else, and never loses another's.

Two trygg processes editing one plan at once cannot both succeed with one change lost, however
slow a rename is. An edit through a YAML merge key that would change another item is refused.
Each line keeps its own line ending, a read-only file is not replaced, NFD-normalised letters
are read as the letters they are, and the temporary file an interrupted write leaves is found.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.conftest import ROOT, Run, write

MEETING = "moten/2021-03-02-lokala-bra.yaml"

DELAYED = """
import sys, time
from pathlib import Path
from trygghet_cli.loading import atomic

original = atomic._rename

def delayed(temporary, path):
    Path(sys.argv[1]).write_text("renaming")
    time.sleep(float(sys.argv[2]))
    original(temporary, path)

atomic._rename = delayed
from trygghet_cli.cli.app import app
app(sys.argv[3:], prog_name="trygg")
"""


def _add(text: str) -> list[str]:
    return ["action", "add", text, "--owner", "samordnare", "--due", "2021-05-01",
            "--body", "lokala-bra"]  # fmt: skip


def test_two_edits_at_once_never_lose_a_change(plan: Path, tmp_path: Path) -> None:
    """The first edit's rename is held up for seconds; the second runs meanwhile. Without a
    lock both said they wrote and the first overwrote the second; with it, every edit that
    says it wrote is in the file."""
    marker = tmp_path / "renaming"
    env = {**os.environ, "TRYGG_CACHE_DIR": str(tmp_path / "cache")}
    first = subprocess.Popen(
        [sys.executable, "-c", DELAYED, str(marker), "6", *_add("Första åtgärden"),
         "--plan", str(plan)],
        cwd=ROOT, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
    )  # fmt: skip
    deadline = time.monotonic() + 60
    while not marker.exists():
        assert first.poll() is None, first.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)
    second = subprocess.run(
        [sys.executable, "-m", "trygghet_cli", *_add("Andra åtgärden"), "--plan", str(plan)],
        cwd=ROOT, env=env, capture_output=True, text=True, timeout=120, check=False,
    )  # fmt: skip
    out, err = first.communicate(timeout=120)
    text = (plan / MEETING).read_text(encoding="utf-8")
    assert first.returncode == 0, out + err
    assert "Första åtgärden" in text
    if second.returncode == 0:
        assert "Andra åtgärden" in text, "the second edit said it wrote, but its change is lost"
    else:
        assert "har ändrats av någon annan" in second.stderr, second.stderr
        assert "Andra åtgärden" not in text


MERGED = """\
datum: 2021-03-02
organ: lokala-bra
närvarande: [samordnare, kommunpolis]
åtgärder:
  - &mall
    id: a-1
    text: Boka trygghetsvandring
    ansvarig: samordnare
    senast: 2021-04-01
    status: öppen
  - <<: *mall
    id: a-2
    text: Boka en vandring till
"""


def test_an_edit_through_a_merge_key_that_changes_another_item_is_refused(
    run: Run, plan: Path
) -> None:
    meeting = plan / MEETING
    meeting.write_text(MERGED, encoding="utf-8")
    assert run("validate", str(plan)).exit_code == 0
    result = run("action", "done", "a-1", "--date", "2021-03-20", "--plan", str(plan))
    assert result.exit_code == 1, result.output
    assert f"{MEETING}:11" in result.output  # where a-2 takes a-1's values
    assert "<<" in result.output and "a-2" in result.output
    assert meeting.read_text(encoding="utf-8") == MERGED
    result = run("action", "done", "a-2", "--date", "2021-03-20", "--plan", str(plan))
    assert result.exit_code == 0, result.output  # a-2's own keys change a-2 only
    after = meeting.read_text(encoding="utf-8")
    assert "status: klar" in after.split("<<: *mall", 1)[1]
    assert "klar" not in after.split("<<: *mall", 1)[0]


SHARED = """\
nyckeltal:
  - id: anmalda-brott
    namn: Anmälda brott per 100 000 invånare
    enhet: per_100000_invånare
    bättre: lägre
    källa: {typ: brå}
    värden: &v
      - period: 2020
        värde: 9000
        geografi: {nivå: kommun}
  - id: anmalda-brott-2
    namn: Anmälda brott i centrum
    enhet: per_100000_invånare
    bättre: lägre
    källa: {typ: brå}
    värden: *v
"""


@pytest.mark.parametrize(
    "command",
    [
        ("indicator", "set", "anmalda-brott", "2021", "8000"),
        ("indicator", "set", "anmalda-brott", "2020", "8500"),
        ("indicator", "set", "anmalda-brott-2", "2021", "8000"),
    ],
)
def test_an_edit_of_a_list_shared_through_an_alias_is_refused(
    run: Run, plan: Path, command: tuple[str, ...]
) -> None:
    """Issue 12: two indicators share their values through an alias (``värden: &v`` and
    ``värden: *v``): setting a value of one set it in the other too, silently. The edit is
    refused and names the other place; nothing is written."""
    indicators = plan / "nyckeltal.yaml"
    indicators.write_text(SHARED, encoding="utf-8")
    assert run("validate", str(plan)).exit_code == 0
    result = run(*command, "--plan", str(plan))
    assert result.exit_code == 1, result.output
    other, line = ("anmalda-brott-2", 16) if command[2] == "anmalda-brott" else ("anmalda-brott", 7)
    index = 1 if line == 16 else 0
    assert (
        f"Ändringen skulle också ändra nyckeltal[{index}].värden (posten {other}, "
        f"{plan / 'nyckeltal.yaml'}:{line}), som delar sina värden med det som ändras genom ett "
        "YAML-alias (*ankare); inget skrevs." in result.output
    ), result.output
    assert indicators.read_text(encoding="utf-8") == SHARED


def test_each_line_keeps_its_line_ending(run: Run, plan: Path) -> None:
    meeting = plan / MEETING
    lines = meeting.read_bytes().split(b"\n")
    lines[2] += b"\r"  # one CRLF line, as a Windows editor may leave after a paste
    meeting.write_bytes(b"\n".join(lines))
    before = meeting.read_bytes()
    result = run("action", "add", *_add("Ny åtgärd")[2:], "--plan", str(plan))
    assert result.exit_code == 0, result.output
    after = meeting.read_bytes()
    assert after.count(b"\r\n") == 1
    assert after.split(b"\n")[2].endswith(b"\r")
    assert after.startswith(before.rstrip(b"\n").rsplit(b"\n", 8)[0])


def test_a_crlf_file_stays_crlf(run: Run, plan: Path) -> None:
    meeting = plan / MEETING
    meeting.write_bytes(meeting.read_bytes().replace(b"\n", b"\r\n"))
    assert run("action", "add", *_add("Ny åtgärd")[2:], "--plan", str(plan)).exit_code == 0
    data = meeting.read_bytes()
    assert data.count(b"\n") == data.count(b"\r\n")


def test_a_read_only_plan_file_is_not_replaced(run: Run, plan: Path) -> None:
    meeting = plan / MEETING
    before = meeting.read_bytes()
    meeting.chmod(0o444)
    result = run("action", "add", *_add("Ny åtgärd")[2:], "--plan", str(plan))
    assert result.exit_code == 1
    assert "skrivskyddad" in result.output and MEETING in result.output
    assert meeting.read_bytes() == before
    mal = plan / "mal.yaml"
    text = mal.read_text(encoding="utf-8")
    mal.write_text(
        text.replace("  - id: trygghet\n    namn: Trygghet", "  - namn: Trygghet\n    id: trygghet")
    )
    mal.chmod(0o444)
    result = run("fmt", str(plan))
    assert result.exit_code == 1 and "skrivskyddad" in result.output


def test_nfd_letters_are_read_as_the_letters_they_are(run: Run, plan: Path) -> None:
    """A Mac may save å as a followed by a combining ring (NFD): the key 'närvarande' would be
    unknown and a name would not match. trygg reads NFC, says so, and fmt writes NFC."""
    import unicodedata

    meeting = plan / MEETING
    text = meeting.read_text(encoding="utf-8")
    meeting.write_text(unicodedata.normalize("NFD", text), encoding="utf-8")
    result = run("validate", str(plan))
    assert result.exit_code == 0, result.output
    assert f"{MEETING}:4:" in result.output and "TRY018" in result.output
    assert run("fmt", str(plan)).exit_code == 0
    assert meeting.read_text(encoding="utf-8") == text
    assert "TRY018" not in run("validate", str(plan)).output


def test_a_temporary_file_left_by_an_interrupted_write_is_found(run: Run, plan: Path) -> None:
    write(plan / "moten/.2021-03-02-lokala-bra.yaml.a1b2c3.tmp", "datum: 2021-03-02\n")
    result = run("validate", str(plan))
    assert "moten/.2021-03-02-lokala-bra.yaml.a1b2c3.tmp:1:1" in result.output
    assert "TRY019" in result.output
    assert result.exit_code == 0  # a warning: the plan itself is whole


@pytest.mark.parametrize("lock_held", [True])
def test_an_edit_waits_for_another_trygg_and_then_gives_up(
    run: Run, plan: Path, monkeypatch: pytest.MonkeyPatch, lock_held: bool
) -> None:
    from trygghet_cli.loading import atomic

    monkeypatch.setattr(atomic, "LOCK_SECONDS", 0.3)
    with atomic.plan_lock(plan):
        result = run("action", "add", *_add("Ny åtgärd")[2:], "--plan", str(plan))
    assert result.exit_code == 1
    assert "En annan trygg skriver i planen just nu" in result.output


def test_two_merge_keys_in_one_mapping_are_a_finding(run: Run, plan: Path) -> None:
    """Two '<<' in one mapping were merged silently, the second one's values winning."""
    (plan / "aktiviteter.yaml").write_text(
        "aktiviteter:\n"
        "  - &a {id: a1, namn: A, typ: aktivitet, ansvarig: samordnare, organ: lokala-bra,\n"
        "        start: 2021-01-01, klart_senast: 2021-12-31, status: pågående}\n"
        "  - &b {id: b1, namn: B, typ: aktivitet, ansvarig: samordnare, organ: lokala-bra,\n"
        "        start: 2021-01-01, klart_senast: 2021-12-31, status: pågående}\n"
        "  - <<: *a\n"
        "    <<: *b\n"
        "    id: c1\n",
        encoding="utf-8",
    )
    result = run("validate", str(plan))
    assert result.exit_code == 1
    assert (
        f"{plan}/aktiviteter.yaml:7:5: fel TRY003 Nyckeln '<<' förekommer två gånger i samma "
        "avsnitt (första gången på rad 6)" in result.output
    )
