"""One way to do each thing (issue 18), each kept by a guard over the source:

* one Jinja2 set-up: only :mod:`trygghet_cli.sandbox` builds an environment;
* one way to say a thing in two languages: a ``Text(sv, en)`` picked by the language, no
  ``lang == "sv"`` branches outside :mod:`trygghet_cli.i18n` (``Text`` itself, and reading
  ``--lang``) and :mod:`trygghet_cli.wording` (the one formatting module);
* one number format: Babel's number functions are called in :mod:`trygghet_cli.wording` only,
  and nothing else groups thousands (``f"{n:,}"``) or swaps the decimal point by hand;
* one plural helper, :func:`trygghet_cli.wording.plural`: no other function with ``plural`` in
  its name and no ``"möte" if n == 1 else "möten"`` elsewhere.
"""

from __future__ import annotations

import ast
from pathlib import Path

import trygghet_cli

PACKAGE = Path(trygghet_cli.__file__).parent


def _sources(*allowed: str) -> list[tuple[str, Path]]:
    """(name relative to the package, path) of every module but ``allowed``."""
    found = ((p.relative_to(PACKAGE).as_posix(), p) for p in sorted(PACKAGE.rglob("*.py")))
    return [(name, path) for name, path in found if name not in allowed]


def _tree(path: Path) -> ast.Module:
    return ast.parse(path.read_text(encoding="utf-8"))


def _environments(name: str, path: Path) -> list[str]:
    """Calls that build a Jinja2 environment: ``Environment(...)``, ``jinja2.Environment(...)``,
    ``SandboxedEnvironment(...)`` and the like."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, ast.Call):
            func = node.func
            called = func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")
            if called.endswith("Environment"):
                found.append((node.lineno, f"{name}:{node.lineno}: builds a Jinja2 environment"))
    return [f for _, f in sorted(found)]


def test_only_the_sandbox_builds_a_jinja_environment() -> None:
    """Every template, trygg's own ``init`` templates too, renders in the one sandbox."""
    found = [f for name, path in _sources("sandbox.py") for f in _environments(name, path)]
    assert found == []


def test_the_check_sees_an_environment(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "import jinja2\nfrom jinja2 import Environment\n"
        "a = jinja2.Environment()\nb = Environment(loader=None)\n",
        encoding="utf-8",
    )
    assert _environments("sample.py", sample) == [
        "sample.py:3: builds a Jinja2 environment",
        "sample.py:4: builds a Jinja2 environment",
    ]


LANGUAGES = ("sv", "en")


def _language_branches(name: str, path: Path) -> list[str]:
    """Comparisons with a language: ``lang == "sv"``, ``"en" != lang``, ``lang in ("sv",)``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(_tree(path)):
        if not isinstance(node, ast.Compare):
            continue
        values = [node.left, *node.comparators]
        constants = [v for v in values if isinstance(v, ast.Constant)] + [
            e for v in values if isinstance(v, (ast.Tuple, ast.List, ast.Set)) for e in v.elts
        ]
        if any(isinstance(c, ast.Constant) and c.value in LANGUAGES for c in constants):
            found.append((node.lineno, f"{name}:{node.lineno}: branches on the language"))
    return [f for _, f in sorted(found)]


def test_no_language_branches_outside_text_and_wording() -> None:
    """Words in both languages are a ``Text`` (or a mapping by language) chosen where shown."""
    found = [
        f
        for name, path in _sources("i18n.py", "wording.py")
        for f in _language_branches(name, path)
    ]
    assert found == []


def test_the_check_sees_a_language_branch(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        'def f(lang, sv):\n    a = "x" if lang == "sv" else "y"\n    b = "en" != lang\n'
        '    c = lang in ("en",)\n    d = sv == "svenska"\n    return a, b, c, d\n',
        encoding="utf-8",
    )
    assert _language_branches("sample.py", sample) == [
        "sample.py:2: branches on the language",
        "sample.py:3: branches on the language",
        "sample.py:4: branches on the language",
    ]


BABEL_NUMBERS = frozenset(
    {
        "format_decimal",
        "format_number",
        "format_percent",
        "format_currency",
        "format_compact_decimal",
        "format_scientific",
    }
)
SPACES = frozenset({" ", "\u00a0", "\u202f", "\u2009"})


def _number_format(node: ast.AST) -> str | None:
    """What ``node`` does to format a number by hand, or None."""
    if isinstance(node, ast.ImportFrom) and any(a.name in BABEL_NUMBERS for a in node.names):
        return "imports a Babel number function"
    if isinstance(node, ast.Attribute) and node.attr in BABEL_NUMBERS:
        return "calls a Babel number function"
    if isinstance(node, ast.FormattedValue) and node.format_spec is not None:
        spec = "".join(
            v.value
            for v in ast.walk(node.format_spec)
            if isinstance(v, ast.Constant) and isinstance(v.value, str)
        )
        return "groups thousands by hand" if "," in spec or "_" in spec else None
    if (
        isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "replace"
        and len(node.args) >= 2
    ):
        pair = tuple(a.value if isinstance(a, ast.Constant) else None for a in node.args[:2])
        if pair == (".", ",") or (pair[0] == "," and pair[1] in SPACES):
            return "swaps separators by hand"
    return None


def _number_formats(name: str, path: Path) -> list[str]:
    """Numbers formatted outside the one formatter: Babel's number functions, a grouping
    format spec (``{n:,}``, ``{n:_}``), ``.replace(".", ",")`` or ``.replace(",", " ")``."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(_tree(path)):
        what = _number_format(node)
        if what is not None:
            line = getattr(node, "lineno", 0)
            found.append((line, f"{name}:{line}: {what}"))
    return [f for _, f in sorted(found)]


def test_numbers_are_formatted_in_one_place() -> None:
    """``15 079``, ``22,6``, ``−3,2`` come from ``wording.Formatter.number`` (and its
    ``number_text``/``number_label``) everywhere: messages, reports, exports."""
    found = [f for name, path in _sources("wording.py") for f in _number_formats(name, path)]
    assert found == []


def test_the_check_sees_a_number_format(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "from babel.numbers import format_decimal\n"
        "import babel.numbers\n"
        "def f(n, x):\n"
        '    a = f"{n:,}".replace(",", "\\u00a0")\n'
        '    b = f"{x:g}".replace(".", ",")\n'
        "    c = babel.numbers.format_percent(x)\n"
        '    d = f"{x:.1f} {n:_d}"\n'
        '    e = "a,b".replace(",", ".")\n'
        "    return a, b, c, d, e\n",
        encoding="utf-8",
    )
    assert _number_formats("sample.py", sample) == [
        "sample.py:1: imports a Babel number function",
        "sample.py:4: groups thousands by hand",
        "sample.py:4: swaps separators by hand",
        "sample.py:5: swaps separators by hand",
        "sample.py:6: calls a Babel number function",
        "sample.py:7: groups thousands by hand",
    ]


def _words(node: ast.expr) -> bool:
    """A word or phrase: a text, an f-string or a ``Text(sv, en)``."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str)
    if isinstance(node, ast.Call):
        return isinstance(node.func, ast.Name) and node.func.id == "Text"
    return isinstance(node, ast.JoinedStr)


def _plurals(name: str, path: Path) -> list[str]:
    """Plural helpers of a module's own and words chosen by ``n == 1`` (or ``n != 1``)."""
    found: list[tuple[int, str]] = []
    for node in ast.walk(_tree(path)):
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and "plural" in node.name:
            found.append((node.lineno, f"{name}:{node.lineno}: a plural helper of its own"))
        elif (
            isinstance(node, ast.IfExp)
            and isinstance(node.test, ast.Compare)
            and len(node.test.ops) == 1
            and isinstance(node.test.ops[0], (ast.Eq, ast.NotEq))
            and any(
                isinstance(v, ast.Constant) and v.value == 1
                for v in (node.test.left, *node.test.comparators)
            )
            and _words(node.body)
            and _words(node.orelse)
        ):
            found.append((node.lineno, f"{name}:{node.lineno}: chooses a plural by hand"))
    return [f for _, f in sorted(found)]


def test_one_plural_helper() -> None:
    """Singular or plural is chosen by ``wording.plural`` (Swedish and English agree: 0 möten,
    1 möte, 2 möten)."""
    found = [f for name, path in _sources("wording.py") for f in _plurals(name, path)]
    assert found == []


def test_the_check_sees_a_plural(tmp_path: Path) -> None:
    sample = tmp_path / "sample.py"
    sample.write_text(
        "def _plural_sv(word):\n"
        '    return word + "er"\n'
        "def f(n):\n"
        '    a = "möte" if n == 1 else "möten"\n'
        '    b = Text("fil", "file") if 1 != n else Text("filer", "files")\n'
        '    c = f"{n} rader" if n != 1 else "1 rad"\n'
        "    d = n if n == 1 else 0\n"
        "    return a, b, c, d\n",
        encoding="utf-8",
    )
    assert _plurals("sample.py", sample) == [
        "sample.py:1: a plural helper of its own",
        "sample.py:4: chooses a plural by hand",
        "sample.py:5: chooses a plural by hand",
        "sample.py:6: chooses a plural by hand",
    ]
