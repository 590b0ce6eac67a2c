"""Cross-file checks: every id is unique, and every reference names something that exists.

Roles and bodies share one namespace, since an owner (``ansvarig``) may be either. References
into a file that failed to validate are not checked: its own findings come first.
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from trygghet_cli.checks.context import Site
from trygghet_cli.diagnostics import Diagnostic
from trygghet_cli.i18n import Text
from trygghet_cli.loading import yamlfile
from trygghet_cli.loading.plan import LoadedFile, LoadedPlan
from trygghet_cli.model.activities import Activities
from trygghet_cli.model.documents import Documents
from trygghet_cli.model.goals import Goals
from trygghet_cli.model.indicators import Indicators
from trygghet_cli.model.meetings import Meeting
from trygghet_cli.model.organisation import BodyKind, Organisation


@dataclass(frozen=True)
class Namespace:
    name: str
    kind: Text
    where: Text


ACTORS = Namespace(
    "actors",
    Text("rollen eller organet", "the role or body"),
    Text("roller eller organ i organisation.yaml", "roles or bodies in organisation.yaml"),
)
ROLES = Namespace(
    "roles",
    Text("rollen", "the role"),
    Text("roller i organisation.yaml", "roles in organisation.yaml"),
)
BODIES = Namespace(
    "bodies",
    Text("organet", "the body"),
    Text("organ i organisation.yaml", "bodies in organisation.yaml"),
)
REPORTING = Namespace(
    "reporting",
    Text("rapporteringen", "the reporting line"),
    Text(
        "rapportering under ett organ i organisation.yaml",
        "reporting under a body in organisation.yaml",
    ),
)
DOCUMENTS = Namespace(
    "documents",
    Text("styrdokumentet", "the steering document"),
    Text("styrdokument.yaml", "styrdokument.yaml"),
)
GOALS = Namespace("goals", Text("målet", "the goal"), Text("mal.yaml", "mal.yaml"))
FOLLOW_UPS = Namespace(
    "follow_ups",
    Text("uppföljningen", "the follow-up"),
    Text("uppföljning i mal.yaml", "follow-up in mal.yaml"),
)
ACTIVITIES = Namespace(
    "activities", Text("aktiviteten", "the activity"), Text("aktiviteter.yaml", "aktiviteter.yaml")
)
INDICATORS = Namespace(
    "indicators", Text("nyckeltalet", "the indicator"), Text("nyckeltal.yaml", "nyckeltal.yaml")
)
ACTIONS = Namespace(
    "actions",
    Text("åtgärden", "the action"),
    Text("åtgärder i mötesloggen", "actions in the meeting log"),
)
DECISIONS = Namespace(
    "decisions",
    Text("beslutet", "the decision"),
    Text("beslut i mötesloggen", "decisions in the meeting log"),
)
NATIONAL = Namespace(
    "national",
    Text("den nationella serien", "the national series"),
    Text(
        "trygg:s nationella serier (se 'trygg compare --list')",
        "trygg's national series (see 'trygg compare --list')",
    ),
)


@dataclass
class Index:
    """Every id defined in the plan, by namespace, with where it was defined."""

    ids: dict[str, dict[str, Site | None]] = field(default_factory=dict)
    available: set[str] = field(default_factory=set)
    incomplete: set[str] = field(default_factory=set)
    """Namespaces some of whose ids stand in a file that could not be read whole: a reference
    that is not found there may name one of them, so it is not reported."""
    diagnostics: list[Diagnostic] = field(default_factory=list)

    def define(
        self, ns: Namespace, ident: str, site: Site, *, unique_in: Namespace | None = None
    ) -> None:
        table = self.ids.setdefault((unique_in or ns).name, {})
        first = table.get(ident)
        if first is not None:
            self.diagnostics.append(site.diagnostic("TRY202", value=ident, first=first.describe()))
            return
        table[ident] = site
        if unique_in is not None and unique_in is not ns:
            self.ids.setdefault(ns.name, {})[ident] = site

    def has(self, ns: Namespace, ident: str) -> bool:
        return ident in self.ids.get(ns.name, {})

    def names(self, ns: Namespace) -> list[str]:
        return sorted(self.ids.get(ns.name, {}))


def build_index(lp: LoadedPlan, national_ids: Iterable[str]) -> Index:
    index = Index()
    index.available.add(NATIONAL.name)
    index.ids[NATIONAL.name] = dict.fromkeys(national_ids)
    for f in lp.files:
        model = f.model
        if model is None or f.readable_part:  # every id in the file, its broken parts' too
            _index_unvalidated(index, f)
            continue
        root = Site(f, ())
        if isinstance(model, Organisation):
            index.available |= {ACTORS.name, ROLES.name, BODIES.name, REPORTING.name}
            for i, role in enumerate(model.roles):
                index.define(ROLES, role.id, root.child("roller", i, "id"), unique_in=ACTORS)
            for i, body in enumerate(model.bodies):
                index.define(BODIES, body.id, root.child("organ", i, "id"), unique_in=ACTORS)
                for j, line in enumerate(body.reporting):
                    index.define(
                        REPORTING, line.id, root.child("organ", i, "rapportering", j, "id")
                    )
        elif isinstance(model, Documents):
            index.available.add(DOCUMENTS.name)
            for i, doc in enumerate(model.documents):
                index.define(DOCUMENTS, doc.id, root.child("dokument", i, "id"))
        elif isinstance(model, Goals):
            index.available |= {GOALS.name, FOLLOW_UPS.name}
            for a, area in enumerate(model.areas):
                index.define(GOALS, area.id, root.child("målområden", a, "id"))
            for goal, path in model.all_goals():
                index.define(GOALS, goal.id, Site(f, (*path, "id")))
            for i, fu in enumerate(model.follow_up):
                index.define(FOLLOW_UPS, fu.id, root.child("uppföljning", i, "id"))
        elif isinstance(model, Activities):
            index.available.add(ACTIVITIES.name)
            for i, act in enumerate(model.activities):
                index.define(ACTIVITIES, act.id, root.child("aktiviteter", i, "id"))
        elif isinstance(model, Indicators):
            index.available.add(INDICATORS.name)
            for i, ind in enumerate(model.indicators):
                index.define(INDICATORS, ind.id, root.child("nyckeltal", i, "id"))
    index.available |= {ACTIONS.name, DECISIONS.name}
    for f in lp.meeting_files():
        if isinstance(f.model, Meeting) and not f.readable_part:
            for i, action in enumerate(f.model.actions):
                index.define(ACTIONS, action.id, Site(f, ("åtgärder", i, "id")))
            for i, decision in enumerate(f.model.decisions):
                if decision.id:
                    index.define(DECISIONS, decision.id, Site(f, ("beslut", i, "id")))
    return index


_ID_PATHS: dict[str, tuple[tuple[tuple[str, ...], Namespace, Namespace | None], ...]] = {
    "organisation": (
        (("roller", "*", "id"), ROLES, ACTORS),
        (("organ", "*", "id"), BODIES, ACTORS),
        (("organ", "*", "rapportering", "*", "id"), REPORTING, None),
    ),
    "styrdokument": ((("dokument", "*", "id"), DOCUMENTS, None),),
    "mal": (
        (("målområden", "*", "id"), GOALS, None),
        (("målområden", "*", "mål", "**", "id"), GOALS, None),
        (("uppföljning", "*", "id"), FOLLOW_UPS, None),
    ),
    "aktiviteter": ((("aktiviteter", "*", "id"), ACTIVITIES, None),),
    "nyckeltal": ((("nyckeltal", "*", "id"), INDICATORS, None),),
    "mote": (
        (("åtgärder", "*", "id"), ACTIONS, None),
        (("beslut", "*", "id"), DECISIONS, None),
    ),
}
"""Where the ids stand in each kind of file, for files that did not validate."""


NOT_READ_WHOLE = frozenset(
    {
        "TRY001",  # YAML syntax
        "TRY002",  # tab in the indentation
        "TRY003",  # a key twice: one of the two values is lost
        "TRY004",  # not UTF-8
        "TRY006",  # forbidden tag
        "TRY007",  # nested too deep
        "TRY008",  # aliases expand too far
        "TRY009",  # wrong kind of content at the top
        "TRY012",  # cannot be read
        "TRY013",  # several documents
        "TRY014",  # too large
        "TRY016",  # a link out of the plan, not followed
    }
)
"""Findings after which a file's ids cannot all be known from what was read of it."""


def _index_unvalidated(index: Index, f: LoadedFile) -> None:
    """The ids of a file that failed validation, read from its raw data.

    One mistake in organisation.yaml must not hide every wrong reference elsewhere: the ids
    that are there still count, and references to them are still checked.
    """
    paths = _ID_PATHS.get(f.kind.key, ())
    doc = f.document()
    if doc is None and f.text is not None:
        doc, _ = yamlfile.parse(f.text, f.file)
        f.doc = doc
    if (
        doc is None
        or not isinstance(doc.data, dict)
        or any(d.rule in NOT_READ_WHOLE for d in f.diagnostics)
    ):
        index.incomplete |= {ns.name for _, ns, _ in paths}
    if doc is None or not isinstance(doc.data, dict):
        return
    for pattern, ns, unique_in in paths:
        index.available |= {ns.name} | ({unique_in.name} if unique_in else set())
        for path, ident in _walk_ids(doc.data, pattern, ()):
            index.define(ns, ident, Site(f, path), unique_in=unique_in)


def _walk_ids(
    data: Any, pattern: tuple[str, ...], path: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], str]]:
    """``(path, id)`` for string values at ``pattern``: ``*`` is any list item, ``**`` any
    depth of nested ``delmål``."""
    if not pattern:
        if isinstance(data, str):
            yield path, data
        return
    head, rest = pattern[0], pattern[1:]
    if head == "*":
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from _walk_ids(item, rest, (*path, i))
    elif head == "**":
        if isinstance(data, list):
            for i, item in enumerate(data):
                yield from _walk_ids(item, rest, (*path, i))
                if isinstance(item, dict) and "delmål" in item:
                    yield from _walk_ids(item["delmål"], pattern, (*path, i, "delmål"))
    elif isinstance(data, dict) and head in data:
        yield from _walk_ids(data[head], rest, (*path, head))


def check_references(lp: LoadedPlan, index: Index) -> list[Diagnostic]:
    out: list[Diagnostic] = list(index.diagnostics)

    def ref(ns: Namespace, value: str | None, site: Site, key: str) -> None:
        if value is None or ns.name not in index.available or index.has(ns, value):
            return
        if ns.name in index.incomplete:
            return  # it may stand in the file that could not be read; that file's finding first
        options = index.names(ns)
        match = difflib.get_close_matches(value, options, n=1, cutoff=0.6)
        out.append(
            site.diagnostic(
                "TRY201",
                key=key,
                value=value,
                kind=ns.kind,
                where=ns.where,
                suggestion=match[0] if match else "",
            )
        )

    def refs(ns: Namespace, values: list[str], site: Site, key: str) -> None:
        for i, value in enumerate(values):
            ref(ns, value, site.child(i), key)

    bodies = lp.plan.bodies()
    for f in lp.files:
        model = f.model
        root = Site(f, ())
        if isinstance(model, Organisation):
            co = root.child("samordning")
            for i, c in enumerate(model.coordination.coordinators):
                ref(ROLES, c.role, co.child("samordnare", i, "roll"), "roll")
            refs(ROLES, model.coordination.police, co.child("kommunpolis"), "kommunpolis")
            for i, body in enumerate(model.bodies):
                b = root.child("organ", i)
                ref(BODIES, body.parent, b.child("under"), "under")
                ref(BODIES, body.appointed_by, b.child("tillsatt_av"), "tillsatt_av")
                ref(ROLES, body.chair, b.child("ordförande"), "ordförande")
                ref(
                    ACTORS,
                    body.chair_appointed_by,
                    b.child("ordförande_utses_av"),
                    "ordförande_utses_av",
                )
                if body.established is not None:
                    e = b.child("inrättad_genom")
                    ref(BODIES, body.established.decided_by, e.child("av"), "av")
                    refs(DOCUMENTS, body.established.documents, e.child("dokument"), "dokument")
                ref(ACTORS, body.convener, b.child("sammankallande"), "sammankallande")
                for j, member in enumerate(body.members):
                    ref(ROLES, member.role, b.child("ledamöter", j, "roll"), "roll")
                for j, line in enumerate(body.reporting):
                    refs(BODIES, line.to, b.child("rapportering", j, "till"), "till")
        elif isinstance(model, Documents):
            for i, doc in enumerate(model.documents):
                d = root.child("dokument", i)
                refs(ACTORS, doc.adopted_by, d.child("antaget_av"), "antaget_av")
                ref(ACTORS, doc.owner, d.child("ansvarig"), "ansvarig")
        elif isinstance(model, Goals):
            for goal, path in model.all_goals():
                g = Site(f, path)
                ref(INDICATORS, goal.indicator, g.child("nyckeltal"), "nyckeltal")
                ref(ACTORS, goal.owner, g.child("ansvarig"), "ansvarig")
                refs(ACTIVITIES, goal.activities, g.child("aktiviteter"), "aktiviteter")
                refs(DOCUMENTS, goal.documents, g.child("dokument"), "dokument")
            for i, fu in enumerate(model.follow_up):
                u = root.child("uppföljning", i)
                ref(ACTORS, fu.owner, u.child("ansvarig"), "ansvarig")
                refs(BODIES, fu.reported_to, u.child("redovisas_för"), "redovisas_för")
                refs(INDICATORS, fu.indicators, u.child("nyckeltal"), "nyckeltal")
        elif isinstance(model, Activities):
            for i, act in enumerate(model.activities):
                a = root.child("aktiviteter", i)
                ref(ACTORS, act.owner, a.child("ansvarig"), "ansvarig")
                ref(BODIES, act.body, a.child("organ"), "organ")
                refs(DOCUMENTS, act.documents, a.child("dokument"), "dokument")
        elif isinstance(model, Indicators):
            for i, ind in enumerate(model.indicators):
                ref(
                    NATIONAL,
                    ind.national,
                    root.child("nyckeltal", i, "nationell_serie"),
                    "nationell_serie",
                )
        elif isinstance(model, Meeting):
            ref(BODIES, model.body, root.child("organ"), "organ")
            held_by = bodies.get(model.body)
            if held_by is not None and not held_by.kind.meets:
                out.append(
                    root.child("organ").diagnostic(
                        "TRY208", value=model.body, kind=_KIND_TEXT[held_by.kind]
                    )
                )
            refs(ROLES, model.attendees, root.child("närvarande"), "närvarande")
            refs(REPORTING, model.reports, root.child("rapporter"), "rapporter")
            for i, action in enumerate(model.actions):
                a = root.child("åtgärder", i)
                ref(ACTORS, action.owner, a.child("ansvarig"), "ansvarig")
                ref(ACTIVITIES, action.activity, a.child("aktivitet"), "aktivitet")
                ref(GOALS, action.goal, a.child("mål"), "mål")
            refs(ACTIONS, model.follow_ups, root.child("följer_upp"), "följer_upp")
    return out


_KIND_TEXT = {
    BodyKind.COUNCIL: Text("fullmäktige", "the municipal council"),
    BodyKind.COMMITTEE: Text("en politisk nämnd", "a political committee"),
    BodyKind.SUBCOMMITTEE: Text("ett politiskt utskott", "a political subcommittee"),
    BodyKind.EXTERNAL: Text("en extern mottagare", "an external recipient"),
}
