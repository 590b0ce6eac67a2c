"""What the property test of follow-up (tests/test_followup_properties.py) found wrong, each
on a small plan whose right answer is worked out here by hand."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from tests.deadline_support import message, of_kind, summary
from tests.plan_builder import body, follow_up, make_plan
from trygghet_cli.followup.base import Kind


def test_without_a_plan_date_or_a_meeting_the_count_still_starts_on_a_fixed_day(
    tmp_path: Path,
) -> None:
    # No planen_gäller_från and an empty meeting log: the count began on 1 January of the
    # as-of year, so on New Year's Day a year without meetings or follow-ups was forgotten.
    # The plan's records begin with its steering documents, adopted 1 July 2023: the count
    # starts 1 January 2023, whatever day is judged.
    plan = make_plan(
        tmp_path,
        [body("rad", "4 gånger per år", name="Rådet")],
        plan_date=None,
        follow_ups=follow_up("enkat", "varje år"),
    )
    # 2023 and 2024 ask for four meetings each, the first by 31 March 2023; on 31 December
    # 2024 the last of them is due that day, not missing
    for day, missing in ((date(2024, 12, 31), 7), (date(2025, 1, 1), 8)):
        meetings = of_kind(plan, Kind.MEETING, day)
        assert summary(meetings[:1]) == [("TRY406", "rad", "overdue", "2023-03-31")]
        assert message(meetings[0]).startswith(
            f"Rådet har hållit 0 av {missing} möten sedan 1 januari 2023 (4 gånger per år): "
            f"{missing} möten saknas, det första för kvartal 1 2023"
        )
        surveys = of_kind(plan, Kind.FOLLOW_UP, day)
        assert summary(surveys[:1]) == [("TRY410", "enkat", "overdue", "2023-12-31")]
    assert summary(of_kind(plan, Kind.MEETING, date(2024, 12, 31))[1:]) == [
        ("TRY407", "rad-next", "due-soon", "2024-12-31")
    ]
    # on New Year's Day 2025 the follow-up of 2024 is missing too
    [survey] = of_kind(plan, Kind.FOLLOW_UP, date(2025, 1, 1))
    assert "är gjord 0 av 2 gånger sedan 1 januari 2023" in message(survey)
