"""trygg: kommunens lokala brottsförebyggande och trygghetsskapande arbete som YAML i git.

The package is layered: ``model`` (pydantic types of the domain), ``loading`` (YAML to data,
keeping positions), ``checks`` (rules across files), ``analysis`` (figures and comparisons),
``render`` (output formats) and ``cli`` (Typer commands that wire the others together).
"""

from __future__ import annotations

__version__ = "0.1.0"

ISSUE_TRACKER = "https://github.com/trygghet/trygg/issues"
