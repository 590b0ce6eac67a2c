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
    for day in (date(2024, 12, 31), date(2025, 1, 1)):
        [meetings] = of_kind(plan, Kind.MEETING, day)
        # 2023 and 2024 ask for four meetings each, the first by 31 March 2023
        assert summary([meetings]) == [("TRY406", "rad", "overdue", "2023-03-31")]
        assert message(meetings).startswith(
            "Rådet har hållit 0 av 8 möten sedan 1 januari 2023 (4 gånger per år): 8 möten "
            "saknas, det första för kvartal 1 2023"
        )
        [survey] = of_kind(plan, Kind.FOLLOW_UP, day)
        assert summary([survey]) == [("TRY410", "enkat", "overdue", "2023-12-31")]
    # on New Year's Day 2025 the follow-up of 2024 is missing too
    [survey] = of_kind(plan, Kind.FOLLOW_UP, date(2025, 1, 1))
    assert "är gjord 0 av 2 gånger sedan 1 januari 2023" in message(survey)
