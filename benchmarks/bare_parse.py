"""The floor for any YAML tool: parse every YAML file below the given folders, nothing more.

::

    python benchmarks/bare_parse.py out/bench/corpus-29x10            # yaml.load, CSafeLoader
    python benchmarks/bare_parse.py --compose out/bench/corpus-29x10  # libyaml's composer only

The default is the "bare C parse" of ``docs/benchmarks.md``: each file's bytes read and given
to ``yaml.load(data, Loader=yaml.CSafeLoader)`` (libyaml's C parser with PyYAML's constructor),
in one process, files found and sorted the way ``trygg validate`` finds them. ``--compose``
stops at libyaml's node tree (line and column on every node, no Python values): the least any
tool that reports positions must do.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml


def yaml_files(folders: list[Path]) -> list[Path]:
    found: list[Path] = []
    for folder in folders:
        for current, dirs, files in os.walk(folder):
            dirs[:] = sorted(d for d in dirs if not d.startswith("."))
            found.extend(Path(current) / f for f in sorted(files) if f.endswith((".yaml", ".yml")))
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--compose", action="store_true", help="stop at the node tree")
    parser.add_argument("folders", nargs="+", type=Path)
    args = parser.parse_args(argv)
    files = yaml_files(args.folders)
    failed = 0
    for path in files:
        data = path.read_bytes()
        try:
            if args.compose:
                loader = yaml.CSafeLoader(data)
                try:
                    loader.get_single_node()
                finally:
                    loader.dispose()
            else:
                yaml.load(data, Loader=yaml.CSafeLoader)
        except yaml.YAMLError:
            failed += 1
    print(f"{len(files)} files, {failed} not parsed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
