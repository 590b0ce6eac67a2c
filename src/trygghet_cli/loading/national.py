"""The national reference figures that ship inside trygg."""

from __future__ import annotations

from functools import lru_cache
from importlib import resources

from trygghet_cli.loading import validation, yamlfile
from trygghet_cli.model.national import NationalData

NATIONAL_FILE = "nationella.yaml"


class NationalDataError(RuntimeError):
    """The shipped data does not validate: a bug in trygg, not in a plan."""


@lru_cache(maxsize=1)
def national_data() -> NationalData:
    text = resources.files("trygghet_cli.data").joinpath(NATIONAL_FILE).read_text("utf-8")
    doc, diags = yamlfile.parse(text, NATIONAL_FILE)
    model = None
    if doc is not None:
        model, diags = validation.validate(doc, NationalData)
    if model is None:
        first = diags[0]
        raise NationalDataError(f"{first.file}:{first.line}: {first.message('en')}")
    return model
