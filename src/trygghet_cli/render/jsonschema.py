"""JSON Schemas for the plan files, generated from the pydantic models.

The committed files in ``schemas/`` are exactly what :func:`schema_files` returns; a test fails
when they are stale (``make schemas`` writes them).
"""

from __future__ import annotations

import json
from typing import Any

from trygghet_cli.model.plan import ALL_FILE_KINDS, FileKind

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def schema_for(kind: FileKind) -> dict[str, Any]:
    schema = kind.model.model_json_schema(by_alias=True, mode="validation")
    return {
        "$schema": DIALECT,
        "$id": f"https://trygghet.github.io/trygg/schemas/{kind.schema_name}",
        **schema,
        "title": f"trygg: {kind.filename}",
        "description": (kind.model.__doc__ or kind.title.sv).strip().splitlines()[0],
    }


def schema_files() -> dict[str, str]:
    """File name → JSON text, for every kind of plan file."""
    return {
        kind.schema_name: json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in ALL_FILE_KINDS
    }
