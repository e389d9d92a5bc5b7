"""The suggestions database from the command line: ``python -m mapping.store [command]``.

- ``upgrade`` (the default): migrate the schema to the newest revision, as every server
  start does (``ATLAS_DB_URL``, or the default SQLite file);
- ``downgrade REVISION``: go back to a revision (``base``: no tables, every suggestion
  dropped; back the database up first);
- ``current``: print the schema's revision (nothing: no schema yet).
"""

from __future__ import annotations

import argparse
import sys

from mapping import store


def main(argv: list[str]) -> int:
    parser = argparse.ArgumentParser(prog="python -m mapping.store", description=__doc__)
    commands = parser.add_subparsers(dest="command")
    commands.add_parser("upgrade", help="migrate to the newest revision")
    down = commands.add_parser("downgrade", help="go back to a revision")
    down.add_argument("revision", help="a revision id, or 'base' for no tables")
    commands.add_parser("current", help="print the schema's revision")
    options = parser.parse_args(argv)
    try:
        if options.command == "downgrade":
            print(store.downgrade(target=options.revision) or "base")
        elif options.command == "current":
            print(store.revision() or "base")
        else:
            print(store.migrate() or "base")
    except store.UnavailableError as error:
        print(f"the database is {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
