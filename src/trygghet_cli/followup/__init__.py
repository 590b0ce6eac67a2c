"""Follow-up: what is due, done and late on a given day.

Validation (:mod:`trygghet_cli.checks`) says whether the plan's files are right; follow-up
reads a valid plan and says, as of one day, which actions, activities, goals, documents,
meetings, reports and obligations under Lag (2023:196) are late or soon due. Every output
that shows follow-up (the brief, ``trygg deadlines``, the calendar feed, the export) reads it
from here.
"""
