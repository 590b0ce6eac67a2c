"""``python -m trygghet_cli``."""

from trygghet_cli.cli.app import main

main()
