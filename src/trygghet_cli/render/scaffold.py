"""The files of a new plan repository, as ``trygg init`` writes them.

A plan that validates at once (with comments in Swedish that explain every section), a README
for the coordinator, CI for GitHub and GitLab, a pre-commit configuration, VS Code settings and
the JSON Schemas that the plan files point to. Templates live in ``templates/init`` and render
in the one sandbox (:mod:`trygghet_cli.sandbox`), imported only when they render, so Jinja2
stays off the fast path.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from trygghet_cli import __version__
from trygghet_cli.install_source import PACKAGE, REPOSITORY, WHEEL_FOLDER, InstallSource, pinned
from trygghet_cli.loading.atomic import create_file
from trygghet_cli.loading.kommuner import kommun_register
from trygghet_cli.model.plan import MARKER, MEETING_FILE, MEETINGS_DIR, PLAN_FILES
from trygghet_cli.render.jsonschema import schema_files
from trygghet_cli.resources import templates_dir

if TYPE_CHECKING:
    from trygghet_cli.sandbox import Sandbox

SCHEMAS_DIR = "schemas"
"""Where the plan repository keeps its schemas: relative paths work offline in every editor."""

INSTALL_SPEC = f"{PACKAGE}=={__version__}"
"""What the generated CI installs from an index: the version that wrote the repository, so
that the committed schemas and the checks agree until someone updates both. ``trygg init
--install-from`` chooses another source (:mod:`trygghet_cli.install_source`)."""
INDEX = pinned(__version__)
WHEEL = f"{PACKAGE.replace('-', '_')}-{__version__}-py3-none-any.whl"

HOOK_FILES = (
    r"(^|/)((kommun|organisation|styrdokument|mal|aktiviteter|nyckeltal)\.ya?ml|moten/.+\.ya?ml)$"
)
"""The plan's YAML files, for pre-commit: the generated ``repo: local`` hook and the project's
``.pre-commit-hooks.yaml`` (a test keeps them the same)."""

README = "README.md"
GUIDE_BESIDE_README = "TRYGG.md"
"""Where the coordinator's guide goes when the repository already has a README of its own
(GitHub and GitLab offer one when a repository is created)."""

TEMPLATES: tuple[tuple[str, str], ...] = (
    (README, "README.md.j2"),
    *((kind.filename, f"{kind.filename}.j2") for kind in PLAN_FILES),
    (f"{MEETINGS_DIR}/README.md", "moten/README.md.j2"),
    (".github/workflows/trygg.yml", "github/workflows/trygg.yml.j2"),
    (".gitlab-ci.yml", "gitlab-ci.yml.j2"),
    (".pre-commit-config.yaml", "pre-commit-config.yaml.j2"),
)
"""(path in the new repository, template under ``templates/init``)."""

YAML_EXTENSION = "redhat.vscode-yaml"


@dataclass(frozen=True)
class NewPlan:
    """What ``trygg init`` knows about the municipality."""

    municipality: str
    kommunkod: str
    population: int | None = None
    population_year: int | None = None
    police_area: str | None = None
    local_police_area: str | None = None
    guide: str = README
    """The file the coordinator's guide is written to, and that the other files point to."""
    install: InstallSource = INDEX
    """Where the generated CI installs trygg from."""

    @property
    def county(self) -> str:
        """The kommun's län, from SCB's register (by the county code for a code it lacks)."""
        register = kommun_register()
        kommun = register.by_code(self.kommunkod)
        return kommun.county if kommun else register.counties().get(self.kommunkod[:2], "")

    @property
    def organisation(self) -> str:
        """'Fagersta kommun', 'Lunds kommun': a genitive s after consonants but s, x and z."""
        name = self.municipality
        genitive = name if name[-1:].lower() in "aeiouyåäösxz" else f"{name}s"
        return f"{genitive} kommun"


def repository_files(plan: NewPlan) -> dict[str, str]:
    """Path in the new repository (posix) → contents, in a stable order."""
    from trygghet_cli.sandbox import render_template

    env = _environment()
    context = {
        "municipality": plan.municipality,
        "kommunkod": plan.kommunkod,
        "county": plan.county,
        "organisation": plan.organisation,
        "population": plan.population,
        "population_year": plan.population_year,
        "police_area": plan.police_area,
        "local_police_area": plan.local_police_area,
        "version": __version__,
        "install_arguments": plan.install.pip_arguments,
        "install_wheel": plan.install.wheel_path,
        "package": PACKAGE,
        "wheel": WHEEL,
        "wheel_folder": WHEEL_FOLDER,
        "hook_files": HOOK_FILES,
        "repository": REPOSITORY,
        "homepage": REPOSITORY,
        "guide": plan.guide,
    }
    files = {
        plan.guide if path == README else path: render_template(env, name, context)
        for path, name in TEMPLATES
    }
    files[".vscode/settings.json"] = _json(vscode_settings())
    files[".vscode/extensions.json"] = _json({"recommendations": [YAML_EXTENSION]})
    for name, text in schema_files().items():
        files[f"{SCHEMAS_DIR}/{name}"] = text
    return files


def guide_for(root: Path) -> str:
    """The README for the coordinator, or the file beside the repository's own README: one
    that was there before the plan (a new repository's README from GitHub or GitLab)."""
    if (root / GUIDE_BESIDE_README).exists():
        return GUIDE_BESIDE_README
    if (root / README).exists() and not (root / MARKER).exists():
        return GUIDE_BESIDE_README
    return README


@dataclass
class Written:
    """What :func:`write_repository` wrote and what it left alone (posix paths)."""

    written: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)


class RepositoryWriteError(OSError):
    """A file of the new repository could not be written; ``written`` lists those that were."""

    def __init__(self, target: Path, error: OSError, written: list[str]) -> None:
        super().__init__(error.errno, error.strerror, str(target))
        self.target = target
        self.error = error
        self.written = written


def write_repository(directory: Path, plan: NewPlan) -> Written:
    """Write the files of :func:`repository_files` (and a chosen wheel) that do not exist yet.

    Never replaces a file; one that exists, or whose folder is taken by a file, is kept.
    """
    result = Written()
    if plan.guide != README and (directory / README).exists():
        result.kept.append(README)
    contents: dict[str, bytes] = {
        path: text.encode("utf-8") for path, text in repository_files(plan).items()
    }
    if plan.install.wheel is not None and plan.install.wheel_path is not None:
        try:
            contents[plan.install.wheel_path] = plan.install.wheel.read_bytes()
        except OSError as exc:
            raise RepositoryWriteError(plan.install.wheel, exc, []) from exc
    for relative, data in contents.items():
        target = directory / relative
        try:
            created = not _blocked(directory, relative) and create_file(
                target, data, below=directory
            )
        except OSError as exc:  # a full disk, a read-only folder, a missing parent folder
            raise RepositoryWriteError(target, exc, result.written) from exc
        (result.written if created else result.kept).append(relative)
    return result


def _blocked(root: Path, relative: str) -> bool:
    """True when a folder on the way to the file exists as something else than a folder."""
    current = root
    for part in Path(relative).parts[:-1]:
        current = current / part
        if current.exists() and not current.is_dir():
            return True
    return False


def vscode_settings() -> dict[str, object]:
    """``yaml.schemas`` maps each plan file name to its schema.

    The YAML extension puts ``**/`` before every pattern, so patterns are plain file names:
    only the plan's own files match, never ``.gitlab-ci.yml`` or the GitHub workflow, which keep
    the schemas SchemaStore gives them. The schema line at the top of each file takes
    precedence; these patterns cover a new file written without it.
    """
    schemas: dict[str, list[str]] = {}
    for kind in PLAN_FILES:
        stem = kind.filename.removesuffix(".yaml")
        schemas[f"./{SCHEMAS_DIR}/{kind.schema_name}"] = [f"{stem}.yaml", f"{stem}.yml"]
    schemas[f"./{SCHEMAS_DIR}/{MEETING_FILE.schema_name}"] = [
        f"{MEETINGS_DIR}/**/*.yaml",
        f"{MEETINGS_DIR}/**/*.yml",
    ]
    return {
        "yaml.schemas": schemas,
        "yaml.validate": True,
        "yaml.hover": True,
        "yaml.completion": True,
        "[yaml]": {
            "editor.insertSpaces": True,
            "editor.tabSize": 2,
            "editor.autoIndent": "keep",
            "editor.quickSuggestions": {"other": True, "comments": False, "strings": True},
        },
        "files.encoding": "utf8",
        "files.eol": "\n",
        "files.insertFinalNewline": True,
    }


def _json(value: object) -> str:
    return json.dumps(value, ensure_ascii=False, indent=2) + "\n"


_PLAIN = re.compile(r"[A-Za-zÅÄÖåäöÉéÜü][A-Za-zÅÄÖåäöÉéÜü0-9 .()-]*")
_YAML_WORDS = {"yes", "no", "true", "false", "on", "off", "null", "y", "n"}


def yaml_text(value: object) -> str:
    """A string as a YAML scalar: plain when that reads back as the same text, else quoted."""
    text = str(value)
    if _PLAIN.fullmatch(text) and text == text.strip() and text.lower() not in _YAML_WORDS:
        return text
    return json.dumps(text, ensure_ascii=False)


def _environment() -> Sandbox:
    """The one sandboxed set-up every template renders in (:mod:`trygghet_cli.sandbox`), for
    trygg's own ``init`` templates too: one set of rules, one place that limits them."""
    from trygghet_cli.sandbox import sandboxed_environment

    env = sandboxed_environment([templates_dir() / "init"], autoescape=False)
    env.filters["yaml_text"] = yaml_text
    return env
