"""JSON Schemas for the plan files, generated from the pydantic models.

Every title and description is Swedish, as the coordinator reads them in the editor: the fields
carry theirs (:func:`~trygghet_cli.model.common.field`), and every model and list of choices its
own (:func:`~trygghet_cli.model.common.schema_text`) in place of its English class name and
docstring, which would otherwise show ("Incorrect type. Expected "Body""). A test checks that
every definition in the schemas has them.

The committed files in ``schemas/`` are exactly what :func:`schema_files` returns; a test fails
when they are stale (``make schemas`` writes them).
"""

from __future__ import annotations

import json
from typing import Any

from pydantic.json_schema import GenerateJsonSchema, JsonSchemaValue
from pydantic_core import core_schema

from trygghet_cli.model.common import SCHEMA_TEXT
from trygghet_cli.model.plan import ALL_FILE_KINDS, FileKind

DIALECT = "https://json-schema.org/draft/2020-12/schema"


def swedish_text(cls: type) -> tuple[str, str] | None:
    """The Swedish title and description of a model or enum class, if it has them."""
    text: tuple[str, str] | None = getattr(cls, SCHEMA_TEXT, None)
    return text


class _SwedishSchema(GenerateJsonSchema):
    """Pydantic's schema with each model's and enum's Swedish title and description.

    Pydantic writes an enum's class name as its title after :meth:`enum_schema` has run, so the
    texts are put in place once the whole schema is made, by the definitions' names."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._texts: dict[str, tuple[str, str]] = {}

    def model_schema(self, schema: core_schema.ModelSchema) -> JsonSchemaValue:
        self._note(schema["cls"])
        return super().model_schema(schema)

    def enum_schema(self, schema: core_schema.EnumSchema) -> JsonSchemaValue:
        self._note(schema["cls"])
        return super().enum_schema(schema)

    def _note(self, cls: type) -> None:
        text = swedish_text(cls)
        if text is not None:
            self._texts[cls.__name__] = text

    def generate(self, schema: core_schema.CoreSchema, mode: Any = "validation") -> JsonSchemaValue:
        out = super().generate(schema, mode=mode)
        for name, definition in out.get("$defs", {}).items():
            if name in self._texts:
                definition["title"], definition["description"] = self._texts[name]
        return out


def schema_for(kind: FileKind) -> dict[str, Any]:
    schema = kind.model.model_json_schema(
        by_alias=True, mode="validation", schema_generator=_SwedishSchema
    )
    text = swedish_text(kind.model)
    return {
        "$schema": DIALECT,
        "$id": f"https://trygghet.github.io/trygg/schemas/{kind.schema_name}",
        **schema,
        "title": f"trygg: {kind.filename}",
        "description": text[1] if text is not None else kind.title.sv,
    }


def schema_files() -> dict[str, str]:
    """File name → JSON text, for every kind of plan file."""
    return {
        kind.schema_name: json.dumps(schema_for(kind), ensure_ascii=False, indent=2) + "\n"
        for kind in ALL_FILE_KINDS
    }
