"""Moderation from the command line: ``python -m mapping.admin COMMAND``.

Reads the same database as the app (``ATLAS_DB_URL``, else ``var/atlas.db``) and the
same release (``ATLAS_DATA`` or ``data/``). Every decision is checked exactly as the
Review page's: the decider must be on the moderators' list at that moment, and a
suggestion decided already is refused with who decided it and when. A refused
command exits with status 1 (2 for a usage mistake), prints why on stderr, and
changes nothing. Text from suggestions and the database is printed with every control
character written as an escape (``\\x1b``): shown to the moderator, never obeyed by the
terminal, and no value can forge a line or a column of the output.

Commands::

    moderators add EMAIL|sub:SUBJECT [--name NAME]   put someone on the list
    moderators remove EMAIL|sub:SUBJECT              take them off
    moderators list
    queue [--kind KIND] [--country CC]               pending suggestions, oldest first
    show REF                                         one suggestion: changes, duplicates, verdict
    approve REF --as EMAIL [--set FIELD=VALUE ...]   approve (after editing values)
    reject REF --as EMAIL --reason TEXT
    merge REF --into ORG_ID --as EMAIL [--set ...]   a new organisation into an existing one
    history ID                                       the change log of an organisation or link
    release [--version X.Y.Z] [--as EMAIL]           write the approvals into data/*.csv
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from mapping import edition, store
from mapping.safety import escape_terminal as _t
from mapping.store import moderation
from mapping.suggestions import KINDS
from mapping.validate import join_multi

__all__ = ["main"]


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m mapping.admin",
        description="Moderate the atlas's suggestions and publish its releases.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog=__doc__.split("Commands::", 1)[1],
    )
    commands = parser.add_subparsers(dest="command", required=True)
    people = commands.add_parser("moderators", help="the moderators' list")
    what = people.add_subparsers(dest="what", required=True)
    add = what.add_parser("add", help="put someone on the list")
    add.add_argument("identity", help="an email address, or sub:<OpenID Connect subject>")
    add.add_argument("--name", help="the name the public history shows (default: none)")
    add.add_argument("--by", help="who is adding them (recorded)")
    remove = what.add_parser("remove", help="take someone off the list")
    remove.add_argument("identity")
    what.add_parser("list", help="print the list")
    queue = commands.add_parser("queue", help="pending suggestions, oldest first")
    queue.add_argument("--kind", choices=KINDS)
    queue.add_argument("--country", help="the country it is about (ISO code)")
    show = commands.add_parser("show", help="one suggestion in full")
    show.add_argument("ref")
    for name, help_text in (
        ("approve", "approve a suggestion"),
        ("reject", "reject a suggestion (with a reason)"),
        ("merge", "merge a new organisation into an existing one"),
    ):
        decide = commands.add_parser(name, help=help_text)
        decide.add_argument("ref")
        decide.add_argument("--as", dest="who", required=True, help="your email (or sub:...)")
        if name == "reject":
            decide.add_argument("--reason", required=True)
        else:
            decide.add_argument(
                "--set",
                dest="edits",
                action="append",
                default=[],
                metavar="FIELD=VALUE",
                help="change a value before applying (repeat; ; between multiple values)",
            )
            decide.add_argument("--reason", default="", help="a note kept in the history")
        if name == "merge":
            decide.add_argument("--into", required=True, help="the existing organisation's id")
    history = commands.add_parser("history", help="the change log of an organisation or link")
    history.add_argument("id", help="an organisation id, or 'source_id relation target_id'")
    release = commands.add_parser("release", help="write the approved changes into data/")
    release.add_argument("--version", help="the new version (default: the next minor one)")
    release.add_argument("--as", dest="who", help="who makes the release (must moderate)")
    return parser


def _edits(pairs: Sequence[str]) -> dict[str, str]:
    edits = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise moderation.ModerationError("admin.error.set", value=pair)
        edits[name.strip()] = value.strip()
    return edits


def _print_suggestion(record: dict, live: edition.Live) -> None:
    from mapping.review import review

    seen = review(record, live)
    print(_t(f"{record['ref']}  {record['kind']}  {record['status']}  sent {record['created_at']}"))
    if record["target"]:
        print(f"about: {_t(seen.about)}")
    print(f"source: {_t(record['source_url'])}")
    for label in ("reason", "note"):
        if record.get(label):
            print(f"{label}: {_t(record[label])}")
    print("changes (today -> proposed):")
    for change in seen.changes:
        before, after = join_multi(change.before), join_multi(change.after)
        print(f"  {_t(change.field)}: {before!r} -> {after!r}")
    for duplicate in seen.duplicates:
        print(f"likely duplicate: {_t(duplicate.id)} ({_t(duplicate.name)}): {_t(duplicate.why)}")
    # The decide functions' own verdict: the validator and what a release requires.
    if seen.problems:
        print("validator: " + _t("; ".join(f"{p.field} {p.render('en')}" for p in seen.problems)))
    else:
        print("validator: no problem")
    if record.get("decision"):
        d = record["decision"]
        print(
            f"decided: {_t(d['action'])} by {_t(d['moderator_name'] or d['moderator'])} at "
            f"{_t(d['decided_at'])}" + (f": {_t(d['reason'])}" if d["reason"] else "")
        )


def _run(options: argparse.Namespace) -> int:
    if options.command == "moderators":
        if options.what == "add":
            added = moderation.add_moderator(options.identity, name=options.name, by=options.by)
            print(
                ("added " if added else "already a moderator: ")
                + _t(moderation.identity(options.identity))
            )
        elif options.what == "remove":
            if not moderation.remove_moderator(options.identity):
                print(f"not a moderator: {_t(options.identity)}", file=sys.stderr)
                return 1
            print(f"removed {_t(moderation.identity(options.identity))}")
        else:
            for person in moderation.list_moderators():
                print("\t".join(_t(person[n] or "") for n in ("identity", "name", "added_at")))
        return 0
    if options.command == "queue":
        from mapping.review import queue

        live = moderation.live(edition.Release.current())
        found = queue(moderation.pending(), live, kind=options.kind, country=options.country)
        for seen in found:
            created = str(seen.record["created_at"])
            print("\t".join(_t(v) for v in (seen.ref, created, seen.record["kind"], seen.about)))
        print(f"{len(found)} pending", file=sys.stderr)
        return 0
    if options.command == "show":
        record = moderation.suggestion(options.ref)
        if record is None:
            raise moderation.UnknownSuggestionError("moderate.error.unknown", ref=options.ref)
        _print_suggestion(record, moderation.live(edition.Release.current()))
        return 0
    if options.command == "history":
        for row in moderation.change_log(entity_id=options.id):
            print(
                "\t".join(
                    _t(row[n] if row[n] is not None else "")
                    for n in (
                        "changed_at",
                        "moderator_name",
                        "action",
                        "field",
                        "old",
                        "new",
                        "reason",
                    )
                )
            )
        return 0
    if options.command == "release":
        from mapping import release

        done = release.make_release(version=options.version, who=options.who)
        print(f"released {done.version}: {done.applied} change(s) through edition {done.through}")
        return 0
    decided = moderation.decide(
        options.ref,
        options.command,
        options.who,
        release=edition.Release.current(),
        reason=options.reason,
        edits=_edits(getattr(options, "edits", [])),
        merge_into=getattr(options, "into", None),
    )
    summary = f"{decided.ref} {moderation.STATUS_OF[decided.action]}"
    if decided.edition is not None:
        summary += f": edition +{decided.edition}, {len(decided.changes)} change(s) to "
        summary += ", ".join(decided.entity_ids)
    print(_t(summary))
    return 0


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; return the exit status (0 done, 1 refused, 2 usage)."""
    options = _parser().parse_args(argv)
    try:
        return _run(options)
    except moderation.ModerationError as error:
        print(_t(error), file=sys.stderr)
        for problem in getattr(error, "problems", [])[1:]:
            print(_t(f"  {problem.field} {problem.render('en')}"), file=sys.stderr)
        return 1
    except store.UnavailableError as error:
        print(f"the database is {error}: nothing was changed", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
