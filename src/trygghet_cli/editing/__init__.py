"""Edits to a plan: each operation changes files in memory and says what it changed.

Nothing here prints or writes on its own: an :class:`~trygghet_cli.editing.session.EditSession`
collects the new texts, checks the plan as it would be, and writes only when asked to.
"""
