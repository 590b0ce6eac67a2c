"""``trygg overview`` in its four formats: one HTML page, an xlsx workbook, CSV and JSON.

Each format is one module with a ``render(overview, lang)`` function; :data:`FORMATS` is the
registry the command picks from. Headings and the names of states are in :mod:`.labels`.
Every text that comes from a plan passes through the personnummer mask
(:func:`~trygghet_cli.identity_numbers.mask_identity_numbers`) on its way out.
"""
