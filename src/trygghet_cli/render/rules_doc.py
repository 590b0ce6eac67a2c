"""``docs/rules.md``: the catalogue of rules as a page, generated from :mod:`trygghet_cli.rules`.

Run ``python -m trygghet_cli.render.rules_doc > docs/rules.md`` (``make docs``); a test keeps
the committed page current.
"""

from __future__ import annotations

from trygghet_cli.rules import RULES

_SEVERITY = {"error": "fel", "warning": "varning", "info": "info"}
_RANGES = [
    ("TRY0", "Läsa filer", "Reading files"),
    ("TRY1", "En fils schema", "One file's schema"),
    ("TRY2", "Planen som helhet", "The plan as a whole"),
    ("TRY3", "Personuppgifter", "Personal data"),
    ("TRY4", "Tidsfrister, mötesfrekvens och lagkrav", "Deadlines, cadence and the law"),
    ("TRY5", "Redigering och import", "Editing and importing"),
]


def render() -> str:
    out = [
        "# Regler / Rules",
        "",
        "Varje fynd från trygg har ett regel-id som aldrig byter betydelse. Använd id:t med "
        "`--ignore` för att hoppa över en regel.",
        "",
        "Every finding from trygg carries a rule id whose meaning never changes. Pass the id to "
        "`--ignore` to skip a rule.",
        "",
        "Genererad från `src/trygghet_cli/rules.py` med `make docs`.",
        "",
    ]
    for prefix, sv, en in _RANGES:
        rules = [r for r in RULES.values() if r.id.startswith(prefix)]
        if not rules:
            continue
        out += [f"## {prefix}xx {sv} / {en}", ""]
        for rule in sorted(rules, key=lambda r: r.id):
            out += [
                f"### {rule.id}",
                "",
                f"`{rule.name}`",
                "",
                f"- Allvar / severity: {_SEVERITY[rule.severity.value]} / {rule.severity.value}",
                f"- {rule.title('sv')} / {rule.title('en')}",
                f"- Meddelande: {rule.message('sv')}",
                f"- Message: {rule.message('en')}",
            ]
            if rule.hint is not None:
                out += [f"- Tips: {rule.hint('sv')}", f"- Hint: {rule.hint('en')}"]
            if rule.tags:
                out.append(f"- Taggar / tags: {', '.join(rule.tags)}")
            out.append("")
    return "\n".join(out)


if __name__ == "__main__":
    print(render(), end="")
