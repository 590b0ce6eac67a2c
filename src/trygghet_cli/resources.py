"""Files that ship with trygg besides its code: the templates and the JSON Schemas.

From the source tree they live in the repository's top-level ``templates/`` and ``schemas/``;
in an installed wheel, ``pyproject.toml`` puts them inside the package as
``trygghet_cli/templates`` and ``trygghet_cli/schemas``. These helpers find them either way.
"""

from __future__ import annotations

from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent
_SOURCE_TREE = _PACKAGE.parents[1]


def _shipped(name: str) -> Path:
    for candidate in (_PACKAGE / name, _SOURCE_TREE / name):
        if candidate.is_dir():
            return candidate
    raise FileNotFoundError(f"trygg is installed without its {name}/ folder")


def templates_dir() -> Path:
    """The folder of templates (``init/`` for ``trygg init``)."""
    return _shipped("templates")


def schemas_dir() -> Path:
    """The folder of JSON Schemas that ``trygg schema`` writes (``make schemas``)."""
    return _shipped("schemas")
