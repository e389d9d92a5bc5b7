"""Check and merge the dataset research slices of a release (``data/research/<release>/<slice>/``).

Each slice folder may hold:

- ``organisations.csv``: new rows, in ``data/organisations.csv``'s columns (``network`` blank:
  it is derived from the ``member_of`` links);
- ``relationships.csv``: new links, in ``data/relationships.csv``'s columns;
- ``updates.csv``: changes to rows already shipped (``id,field,old,new,source,checked,note``;
  ``old`` must equal the shipped value, so two slices cannot silently overwrite each other);
- ``link_updates.csv``: changes to shipped links
  (``source_id,target_id,relation,field,old,new,checked,note``);
- ``fills.csv``: a blank field of any row (shipped or new) filled
  (``id,field,new,source,checked,note``; refused where the field is not blank);
- ``removals.csv``: rows and links taken out (``kind,id,source_id,target_id,relation,reason``;
  ``kind`` is ``row`` or ``link``; a removed row takes its links with it);
- ``networks.csv``: roster facts of named networks
  (``network,organisation_id,roster_source,roster_date,roster_size,note``);
- ``notes.md``: what was searched, kept and left out.

``check`` merges the shipped files with the given slices (all of them by default) in a
temporary folder and runs the app's own loaders on the result, plus the honesty checks the
dataset tests make (copy hosts, unique ids and names, checked dates), and prints the counts.
``merge`` writes the merged files into ``data/``.

Run from the project root::

    python -m scripts.research_slices check [--release 2.1] [SLICE ...]
    python -m scripts.research_slices merge [--release 2.1]
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import re
import sys
import tempfile
from pathlib import Path

import pandas as pd

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from mapping.data import COLUMNS, source_urls  # noqa: E402
from mapping.datapackage import URL  # noqa: E402
from mapping.paths import DATA_DIR as DATA  # noqa: E402
from mapping.sources import is_copy_host  # noqa: E402

UPDATE_COLUMNS = ("id", "field", "old", "new", "source", "checked", "note")
LINK_UPDATE_COLUMNS = (
    "source_id",
    "target_id",
    "relation",
    "field",
    "old",
    "new",
    "checked",
    "note",
)
FILL_COLUMNS = ("id", "field", "new", "source", "checked", "note")
REMOVAL_COLUMNS = ("kind", "id", "source_id", "target_id", "relation", "reason")
# The integrator's decisions apply after every research slice.
LAST = "integrator"
NETWORK_FACT_COLUMNS = (
    "network",
    "organisation_id",
    "roster_source",
    "roster_date",
    "roster_size",
    "note",
)


def _read(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False, encoding="utf-8-sig")


def slices(release: str, names: list[str]) -> list[Path]:
    """The slice folders to use (all of the release's by default)."""
    base = DATA / "research" / release
    found = sorted(
        (p for p in base.iterdir() if p.is_dir()) if base.is_dir() else (),
        key=lambda p: (p.name == LAST, p.name),
    )
    if names:
        wanted = {n.strip("/").split("/")[-1] for n in names}
        found = [p for p in found if p.name in wanted]
        missing = wanted - {p.name for p in found}
        if missing:
            raise SystemExit(f"no such slice under {base}: {', '.join(sorted(missing))}")
    return found


def merged(folders: list[Path]) -> tuple[pd.DataFrame, pd.DataFrame, pd.DataFrame, list[str]]:
    """Return (organisations, links, network facts, problems) of the shipped data plus slices."""
    problems: list[str] = []
    orgs = _read(DATA / "organisations.csv")
    links = _read(DATA / "relationships.csv")
    shipped_ids = set(orgs["id"])
    facts = []
    for folder in folders:
        tag = folder.name
        if (folder / "organisations.csv").exists():
            new = _read(folder / "organisations.csv")
            extra = [c for c in new.columns if c not in COLUMNS]
            if extra:
                problems.append(f"{tag}: organisations.csv has unknown columns {extra}")
            new = new.reindex(columns=list(COLUMNS), fill_value="")
            clash = sorted(set(new["id"]) & set(orgs["id"]))
            if clash:
                problems.append(f"{tag}: ids already taken: {clash[:10]}")
            new["network"] = ""
            orgs = pd.concat([orgs, new], ignore_index=True)
        if (folder / "updates.csv").exists():
            updates = _read(folder / "updates.csv").reindex(
                columns=list(UPDATE_COLUMNS), fill_value=""
            )
            for row in updates.itertuples(index=False):
                hit = orgs.index[orgs["id"] == row.id]
                if len(hit) != 1 or row.field not in COLUMNS or row.field in ("id", "network"):
                    problems.append(f"{tag}: update of unknown id/field {row.id}.{row.field}")
                    continue
                if row.id not in shipped_ids and tag != LAST:
                    problems.append(f"{tag}: update of a new row {row.id}: edit the row instead")
                    continue
                current = orgs.at[hit[0], row.field]
                if current != row.old:
                    problems.append(
                        f"{tag}: {row.id}.{row.field} is {current!r}, "
                        f"the update says old={row.old!r}"
                    )
                    continue
                orgs.at[hit[0], row.field] = row.new
                if row.checked:
                    orgs.at[hit[0], "checked"] = max(orgs.at[hit[0], "checked"], row.checked)
        if (folder / "fills.csv").exists():
            fills = _read(folder / "fills.csv").reindex(columns=list(FILL_COLUMNS), fill_value="")
            for row in fills.itertuples(index=False):
                hit = orgs.index[orgs["id"] == row.id]
                if len(hit) != 1 or row.field not in COLUMNS or row.field in ("id", "network"):
                    problems.append(f"{tag}: fill of unknown id/field {row.id}.{row.field}")
                    continue
                if orgs.at[hit[0], row.field]:
                    problems.append(f"{tag}: {row.id}.{row.field} is not blank: not filled")
                    continue
                orgs.at[hit[0], row.field] = row.new
                if row.checked:
                    orgs.at[hit[0], "checked"] = max(orgs.at[hit[0], "checked"], row.checked)
        if (folder / "relationships.csv").exists():
            new = _read(folder / "relationships.csv")
            links = pd.concat(
                [links, new.reindex(columns=links.columns, fill_value="")], ignore_index=True
            )
        if (folder / "link_updates.csv").exists():
            updates = _read(folder / "link_updates.csv").reindex(
                columns=list(LINK_UPDATE_COLUMNS), fill_value=""
            )
            for row in updates.itertuples(index=False):
                hit = links.index[
                    (links["source_id"] == row.source_id)
                    & (links["target_id"] == row.target_id)
                    & (links["relation"] == row.relation)
                ]
                if len(hit) != 1 or row.field not in links.columns:
                    problems.append(
                        f"{tag}: link update of unknown link/field "
                        f"{row.source_id} {row.relation} {row.target_id}.{row.field}"
                    )
                    continue
                current = links.at[hit[0], row.field]
                if current != row.old:
                    problems.append(
                        f"{tag}: link {row.source_id} {row.relation} {row.target_id}.{row.field} "
                        f"is {current!r}, the update says old={row.old!r}"
                    )
                    continue
                links.at[hit[0], row.field] = row.new
                if row.checked:
                    links.at[hit[0], "checked"] = max(links.at[hit[0], "checked"], row.checked)
        if (folder / "removals.csv").exists():
            removals = _read(folder / "removals.csv").reindex(
                columns=list(REMOVAL_COLUMNS), fill_value=""
            )
            for row in removals.itertuples(index=False):
                if row.kind == "row":
                    if not (orgs["id"] == row.id).any():
                        problems.append(f"{tag}: removal of unknown row {row.id}")
                    orgs = orgs[orgs["id"] != row.id].reset_index(drop=True)
                    links = links[
                        (links["source_id"] != row.id) & (links["target_id"] != row.id)
                    ].reset_index(drop=True)
                elif row.kind == "link":
                    hit = (
                        (links["source_id"] == row.source_id)
                        & (links["target_id"] == row.target_id)
                        & (links["relation"] == row.relation)
                    )
                    if not hit.any():
                        problems.append(
                            f"{tag}: removal of unknown link "
                            f"{row.source_id} {row.relation} {row.target_id}"
                        )
                    links = links[~hit].reset_index(drop=True)
                else:
                    problems.append(f"{tag}: removal of unknown kind {row.kind!r}")
        if (folder / "networks.csv").exists():
            fact = _read(folder / "networks.csv").reindex(
                columns=list(NETWORK_FACT_COLUMNS), fill_value=""
            )
            fact["slice"] = tag
            facts.append(fact)
    facts_frame = (
        pd.concat(facts, ignore_index=True)
        if facts
        else pd.DataFrame(columns=[*NETWORK_FACT_COLUMNS, "slice"])
    )
    return orgs, links, facts_frame, problems


def honesty(orgs: pd.DataFrame, links: pd.DataFrame) -> list[str]:
    """The dataset tests' honesty checks, as messages."""
    problems = []
    dupes = orgs["id"][orgs["id"].duplicated()].tolist()
    if dupes:
        problems.append(f"duplicate ids: {dupes[:10]}")
    key = orgs["name"].str.casefold().str.strip() + "|" + orgs["country_code"]
    dupes = orgs.loc[key.duplicated(), "name"].tolist()
    if dupes:
        problems.append(f"names repeated within a country: {dupes[:10]}")
    today = dt.date.today().isoformat()
    for frame, what, label in ((orgs, "row", "id"), (links, "link", "source_id")):
        for row in frame.itertuples(index=False):
            for url in source_urls(row.source):
                if is_copy_host(url):
                    problems.append(f"{what} {getattr(row, label)}: source on a copy host: {url}")
            if not row.checked or row.checked > today:
                problems.append(f"{what} {getattr(row, label)}: checked date {row.checked!r}")
    # The data package's schema holds a link's source and a website to one URL; catch a
    # slice's "page;page" here rather than in the data package test after the merge.
    for row in links.itertuples(index=False):
        if not re.fullmatch(URL, row.source):
            problems.append(
                f"link {row.source_id} {row.relation} {row.target_id}: source is not one URL: "
                f"{row.source!r}"
            )
    for row in orgs.itertuples(index=False):
        if row.website and not re.fullmatch(URL, row.website):
            problems.append(f"row {row.id}: website is not one URL: {row.website!r}")
        if row.website and is_copy_host(row.website):
            problems.append(f"row {row.id}: website on a copy host: {row.website}")
        if len(row.description) > 240:
            problems.append(f"row {row.id}: description over 240 characters")
    return problems


def check(folders: list[Path], write_to: Path | None = None) -> int:
    orgs, links, facts, problems = merged(folders)
    problems += honesty(orgs, links)
    with tempfile.TemporaryDirectory() as tmp:
        target = write_to or Path(tmp)
        orgs.to_csv(target / "organisations.csv", index=False)
        links.to_csv(target / "relationships.csv", index=False)
        os.environ["ATLAS_DATA"] = str(target / "organisations.csv")
        os.environ["ATLAS_LINKS"] = str(target / "relationships.csv")
        from mapping.data import DatasetError, load_organisations
        from mapping.network import load_relationships

        try:
            gdf = load_organisations(target / "organisations.csv")
            load_relationships(target / "relationships.csv", organisations=gdf)
        except DatasetError as error:
            problems.append(f"the loader refuses the merge: {error}")
    for problem in problems:
        print("PROBLEM:", problem)
    years = (orgs["year_started"] != "").mean()
    websites = (orgs["website"] != "").mean()
    print(
        f"slices: {', '.join(f.name for f in folders) or '(none)'}\n"
        f"organisations: {len(orgs)} in {orgs['country_code'].nunique()} countries; "
        f"links: {len(links)}; year_started on {years:.1%}; website on {websites:.1%}"
    )
    if len(facts):
        print(facts.drop(columns=["note"]).to_string(index=False))
    return 1 if problems else 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("command", choices=("check", "merge"))
    parser.add_argument("slices", nargs="*")
    parser.add_argument("--release", default="2.1")
    args = parser.parse_args(argv)
    folders = slices(args.release, args.slices)
    if args.command == "check":
        return check(folders)
    status = check(folders)
    if status:
        print("not merged: fix the problems first", file=sys.stderr)
        return status
    orgs, links, _facts, _ = merged(folders)
    orgs["network"] = network_cells(orgs, links)
    orgs.to_csv(DATA / "organisations.csv", index=False)
    links.to_csv(DATA / "relationships.csv", index=False)
    print("merged into data/ (the network column rederived; now run scripts/make_places.py)")
    return 0


def network_cells(orgs: pd.DataFrame, links: pd.DataFrame) -> list[str]:
    """The ``network`` column the links imply (``mapping.network.network_column``), as text."""
    from mapping import network

    networks = _read(DATA / "networks.csv")
    column = network.network_column(orgs["id"], links, networks)
    return [";".join(column[org]) for org in orgs["id"]]


if __name__ == "__main__":
    raise SystemExit(main())
