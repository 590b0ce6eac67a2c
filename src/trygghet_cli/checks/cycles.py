"""Bodies under (or appointed by) one another in a circle (TRY219).

Each body names at most one body it is under (``under``) and one that appointed it
(``tillsatt_av``), so each relation is a graph with at most one edge out of every body: a walk
from any body either ends, or enters exactly one circle. Every body is walked at most once, so
a plan of any size is checked in time proportional to its bodies, without recursion.
"""

from __future__ import annotations

from dataclasses import dataclass

from trygghet_cli.checks.context import Site
from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.i18n import Text
from trygghet_cli.model.organisation import Body, Organisation
from trygghet_cli.wording import number_text


@dataclass(frozen=True)
class _Relation:
    key: str
    verb: Text
    """How the first link of a circle reads: '{body} ligger under {other}'."""
    link: Text
    """How the other links read: '{body} under {other}'."""
    itself: Text
    """A body related to itself."""
    infinitive: Text
    """For the hint: 'Ett organ kan inte {relation} sig självt'."""

    def target(self, body: Body) -> str | None:
        return body.parent if self.key == "under" else body.appointed_by


_RELATIONS = (
    _Relation(
        "under",
        Text("{body} ligger under {other}", "{body} is under {other}"),
        Text("{body} under {other}", "{body} under {other}"),
        Text("{body} ligger under sig självt", "{body} is under itself"),
        Text("ligga under", "be under"),
    ),
    _Relation(
        "tillsatt_av",
        Text("{body} är tillsatt av {other}", "{body} is appointed by {other}"),
        Text("{body} av {other}", "{body} by {other}"),
        Text("{body} är tillsatt av sig självt", "{body} is appointed by itself"),
        Text("vara tillsatt av", "be appointed by"),
    ),
)

_SHOWN_LINKS = 4
"""A longer circle shows its first links, '…', the link that closes it and the count."""


def check_cycles(organisation: Organisation, root: Site) -> list[Diagnostic]:
    """One TRY219 per circle, at the value that closes it when the circle is walked from its
    body that comes first in the file."""
    found: list[Diagnostic] = []
    position: dict[str, int] = {}
    for index, body in enumerate(organisation.bodies):
        position.setdefault(body.id, index)  # a second body with the id is TRY202's finding
    for relation in _RELATIONS:
        for circle in _circles(organisation.bodies, position, relation):
            closing = circle[-1]
            site = root.child("organ", position[closing], relation.key)
            found.append(
                site.diagnostic(
                    "TRY219",
                    key=relation.key,
                    value=circle[0],
                    cycle=_describe(organisation.bodies, position, circle, relation),
                    relation=relation.infinitive,
                )
            )
    return found


def _circles(bodies: list[Body], position: dict[str, int], relation: _Relation) -> list[list[str]]:
    """Every circle of ``relation`` as ids, each beginning with its body first in the file;
    circles in the order of those bodies."""
    walked: dict[str, int] = {}  # id -> the walk (by its starting index) that reached it
    circles: list[list[str]] = []
    for start, body in enumerate(bodies):
        path: list[str] = []
        current: str | None = body.id
        while current is not None and current in position and current not in walked:
            walked[current] = start
            path.append(current)
            current = relation.target(bodies[position[current]])
        if current is not None and walked.get(current) == start:
            circle = path[path.index(current) :]
            first = min(range(len(circle)), key=lambda i: position[circle[i]])
            circles.append(circle[first:] + circle[:first])
    circles.sort(key=lambda circle: position[circle[0]])
    return circles


def _describe(
    bodies: list[Body], position: dict[str, int], circle: list[str], relation: _Relation
) -> Text:
    names = [bodies[position[ident]].name for ident in circle]
    if len(names) == 1:
        return relation.itself.format(body=names[0])
    pairs = [(names[i], names[(i + 1) % len(names)]) for i in range(len(names))]
    links = [relation.verb.format(body=pairs[0][0], other=pairs[0][1])]
    links += [relation.link.format(body=a, other=b) for a, b in pairs[1:]]
    if len(links) <= _SHOWN_LINKS + 1:
        head, last, count = links[:-1], links[-1], Text("", "")
    else:
        head = [*links[:_SHOWN_LINKS], Text("…", "…")]
        last = links[-1]
        count = Text(" ({n} organ)", " ({n} bodies)").format(n=number_text(len(names)))
    return Text(
        ", ".join(t.sv for t in head) + " och " + last.sv + count.sv,
        ", ".join(t.en for t in head) + " and " + last.en + count.en,
    )
