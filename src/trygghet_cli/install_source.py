"""Where a new plan repository's CI installs trygg from: where this trygg came from, or a
source the coordinator names (``trygg init --install-from``).

pip records how it installed a package in ``direct_url.json`` (PEP 610); without that file the
package came from an index. A source is one of

* an index: ``pypi``, or the address of a package index (``https://…/simple``);
* a git repository: ``git+https://…`` (``@tag`` or ``@commit`` pins the version);
* a wheel: a ``.whl`` file, copied into the plan repository (:data:`WHEEL_FOLDER`) and
  installed from there, so CI needs no index that has trygg; or the https address of one.

This trygg installed from a clone (``make install``, or an editable install) is installed in
CI from the clone's ``origin`` at the same commit, when ``origin`` is a network address; from
the project's own repository at the version's tag otherwise.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from dataclasses import dataclass
from importlib import metadata
from pathlib import Path
from urllib.parse import unquote, urlsplit

from trygghet_cli import ISSUE_TRACKER
from trygghet_cli.i18n import Text
from trygghet_cli.visible import visible

PACKAGE = "trygghet-cli"
REPOSITORY = ISSUE_TRACKER.rsplit("/issues", 1)[0]
WHEEL_FOLDER = "verktyg"
"""The folder of the plan repository that a chosen wheel is committed to."""

CHOICES = Text(
    "ange pypi, en paketserver (https://…), en git-adress (git+https://…) eller en wheel-fil "
    "(….whl)",
    "give pypi, a package index (https://…), a git address (git+https://…) or a wheel file (….whl)",
)

_WHEEL_NAME = re.compile(r"(?P<name>[^-]+)-(?P<version>[^-]+)(-\d[^-]*)?-[^-]+-[^-]+-[^-]+\.whl")
_NETWORK = ("https://", "http://", "ssh://", "git://")
_SOURCES = ("git+", "https://", "http://")
"""Sources written into the CI files as given; any other is ``pypi`` or a wheel file, of
which only the name is written."""


class InstallSourceError(ValueError):
    """A source that pip cannot install trygg from; ``text`` says why and what to give."""

    def __init__(self, text: Text) -> None:
        super().__init__(text("en"))
        self.text = text


@dataclass(frozen=True)
class InstallSource:
    """What the generated CI passes to ``pip install``."""

    requirement: str
    """A pinned name (``trygghet-cli==0.1.0``), a direct reference (``trygghet-cli @ git+…``)
    or the path of a wheel in the plan repository (``./verktyg/….whl``)."""
    index_url: str | None = None
    wheel: Path | None = None
    """The wheel file to copy into the plan repository, at :attr:`requirement`'s path."""

    @property
    def pip_arguments(self) -> str:
        """The arguments after ``pip install``, quoted for a POSIX shell."""
        quoted = f'"{self.requirement}"'
        return f"--index-url {self.index_url} {quoted}" if self.index_url else quoted

    @property
    def wheel_path(self) -> str | None:
        """Where the wheel goes in the plan repository (posix), or None."""
        return self.requirement.removeprefix("./") if self.wheel else None


def pinned(version: str, index_url: str | None = None) -> InstallSource:
    return InstallSource(f"{PACKAGE}=={version}", index_url)


_UNSAFE = re.compile(r"[^A-Za-z0-9._~:/?#@%+=,!-]")
"""What may not stand in a source: the source is written into the CI files' shell lines and
YAML, so a line break would start a step of its own, and a quote, space or shell character
(``$ ` ; & | < > ( ) * [ ] \\``) a command of its own. An address that needs one writes it
%-encoded."""


def chosen(value: str, version: str) -> InstallSource:
    """The source a coordinator names; :class:`InstallSourceError` if pip cannot use it."""
    text = value.strip()
    unsafe = _UNSAFE.search(text if text.startswith(_SOURCES) else Path(text).name)
    if unsafe is not None:
        shown, char = visible(value), visible(unsafe.group())
        raise InstallSourceError(
            Text(
                f"'{shown}' har tecknet '{char}', som inte får stå i en källa för pip; skriv "
                "adressen med %-kodning där den behöver ett sådant tecken (%20 för mellanslag, "
                "%26 för &).",
                f"'{shown}' has the character '{char}', which may not stand in a source for pip; "
                "write the address %-encoded where it needs such a character (%20 for a space, "
                "%26 for &).",
            )
        )
    if text.lower() in ("pypi", "index"):
        return pinned(version)
    if text.startswith("git+"):
        if not urlsplit(text[4:]).netloc and not text.startswith("git+file:"):
            raise _not_a_source(value)
        return InstallSource(f"{PACKAGE} @ {text}")
    if text.startswith(("https://", "http://")):
        if not urlsplit(text).netloc:
            raise _not_a_source(value)
        if urlsplit(text).path.endswith(".whl"):
            return InstallSource(f"{PACKAGE} @ {text}")
        return pinned(version, text)
    if text.endswith(".whl"):
        return _wheel(Path(text))
    raise _not_a_source(value)


def _not_a_source(value: str) -> InstallSourceError:
    return InstallSourceError(
        Text(
            f"'{visible(value)}' är ingen källa som pip kan installera trygg från; "
            f"{CHOICES('sv')}.",
            f"'{visible(value)}' is no source pip can install trygg from; {CHOICES('en')}.",
        )
    )


def _wheel(path: Path) -> InstallSource:
    match = _WHEEL_NAME.fullmatch(path.name)
    if match is None or match["name"].lower() != PACKAGE.replace("-", "_"):
        raise InstallSourceError(
            Text(
                f"{path.name} är ingen wheel av trygg; den heter {_example_wheel()}.",
                f"{path.name} is no wheel of trygg; its name is {_example_wheel()}.",
            )
        )
    if not path.is_file():
        raise InstallSourceError(
            Text(
                f"Wheel-filen {path} finns inte; bygg den med 'python -m pip wheel --no-deps "
                "-w dist .' i en klon av trygg.",
                f"The wheel file {path} does not exist; build it with 'python -m pip wheel "
                "--no-deps -w dist .' in a clone of trygg.",
            )
        )
    return InstallSource(f"./{WHEEL_FOLDER}/{path.name}", wheel=path)


def _example_wheel() -> str:
    return f"{PACKAGE.replace('-', '_')}-VERSION-py3-none-any.whl"


Clone = Callable[[Path], tuple[str, str] | None]
"""A folder → its git ``origin`` and ``HEAD`` commit, or None when it is no clone."""


def installed(version: str) -> InstallSource:
    """Where this trygg came from, as a source that CI can install the same trygg from."""
    try:
        record = metadata.distribution(PACKAGE).read_text("direct_url.json")
    except metadata.PackageNotFoundError:
        record = None
    return from_direct_url(json.loads(record) if record else None, version, _clone)


def from_direct_url(record: dict[str, object] | None, version: str, clone: Clone) -> InstallSource:
    """The source for pip's record of an installation (``None``: installed from an index)."""
    fallback = InstallSource(f"{PACKAGE} @ git+{REPOSITORY}@v{version}")
    if record is None:
        return pinned(version)
    url = str(record.get("url", ""))
    vcs = record.get("vcs_info")
    if isinstance(vcs, dict):
        if vcs.get("vcs") == "git" and url.startswith(_NETWORK):
            return InstallSource(f"{PACKAGE} @ git+{url}@{vcs.get('commit_id')}")
        return fallback
    if isinstance(record.get("archive_info"), dict):
        if url.startswith(("https://", "http://")):
            return InstallSource(f"{PACKAGE} @ {url}")
        local = _file_path(url)
        if local is not None and local.suffix == ".whl" and local.is_file():
            return _wheel(local)
        return fallback
    local = _file_path(url)
    found = clone(local) if local is not None else None
    if found is not None:
        origin, commit = found
        address = _network_git(origin)
        if address is not None:
            return InstallSource(f"{PACKAGE} @ git+{address}@{commit}")
    return fallback


def _file_path(url: str) -> Path | None:
    return Path(unquote(urlsplit(url).path)) if url.startswith("file:") else None


def _network_git(origin: str) -> str | None:
    """``origin`` as an address pip can clone from CI, or None for a folder on this computer.
    The scp form ``git@host:path`` becomes ``ssh://git@host/path``."""
    if origin.startswith(_NETWORK):
        return origin
    scp = re.fullmatch(r"([\w.-]+@[\w.-]+):(?!/)(.+)", origin)
    return f"ssh://{scp[1]}/{scp[2]}" if scp else None


def _clone(folder: Path) -> tuple[str, str] | None:
    try:
        origin = _git(folder, "config", "--get", "remote.origin.url")
        commit = _git(folder, "rev-parse", "HEAD")
    except (OSError, subprocess.SubprocessError):  # no git, or not a clone
        return None
    return (origin, commit) if origin and commit else None


def _git(folder: Path, *args: str) -> str:
    proc = subprocess.run(
        ["git", "-C", str(folder), *args], capture_output=True, text=True, check=True, timeout=10
    )
    return proc.stdout.strip()
