"""The field as a network: links between organisations, read, checked, analysed and written.

A link reads "source relation target" (``relations.csv`` rows such as
``kconnect member_of strivetogether``); the relations are
``mapping.vocab.RELATIONS``. ``load_relationships`` reads and checks the links
file the way ``mapping.data`` checks the organisations (one ``DatasetError``
naming the row, the field and the value); ``networks_table`` reads the named
networks and the organisation that runs each. The rest are small functions
over those tables and a networkx graph:

- ``linked_ids``, ``member_ids``: who a ``linked=`` or ``network=`` filter keeps;
- ``view_links``, ``view_graph``: the links among the organisations a view shows;
- ``degree``, ``network_sizes``, ``components``, ``brokers``: what a researcher reads;
- ``network_column``: the ``network`` column the links imply (the dataset's
  column is kept equal to it by a test);
- writers: ``to_gexf_bytes``, ``to_graphml_bytes`` (Gephi, Kumu, yEd) and
  ``to_links_csv_bytes``.

Examples
--------
>>> import pandas as pd
>>> links = pd.DataFrame({"source_id": ["a", "b"], "target_id": ["net", "net"],
...                       "relation": ["member_of", "member_of"]})
>>> sorted(member_ids(links, "net"))
['a', 'b', 'net']
>>> sorted(linked_ids(links, "a"))
['a', 'net']
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path

import networkx as nx
import numpy as np
import pandas as pd

from mapping import validate, vocab
from mapping.csvfile import DatasetError, read_text_table
from mapping.data import (
    DEFAULT_DATASET,
    _problem_error,
    _Problems,
    dataset_path,
)
from mapping.i18n import Message
from mapping.paths import NETWORKS_FILE as DEFAULT_NETWORKS
from mapping.paths import RELATIONSHIPS_FILE as DEFAULT_RELATIONSHIPS
from mapping.rules import MIN_YEAR
from mapping.safety import neutralise_formula
from mapping.validate import is_web_url, parse_year

RELATIONSHIPS_ENV = "ATLAS_LINKS"
LINK_COLUMNS = ("source_id", "target_id", "relation", "since", "until", "source", "checked", "note")
LINK_REQUIRED = ("source_id", "target_id", "relation", "source")
# A named network, the organisation that runs it, and its published roster: the page that
# lists its members, that list's date (as precise as the page gives it: YYYY, YYYY-MM or
# YYYY-MM-DD; the day it was read where the page is undated), how many members it lists,
# and what counts as a member (or why the atlas does not collect them).
NETWORK_COLUMNS = (
    "network",
    "organisation_id",
    "roster_source",
    "roster_date",
    "roster_size",
    "roster_note",
)
ROSTER_DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
# What ``coverage`` returns, per named network.
COVERAGE_COLUMNS = (
    "network",
    "organisation_id",
    "members",
    "roster_size",
    "share",
    "roster_date",
    "roster_source",
    "roster_note",
)
# Betweenness centrality is O(nodes x links): above this many nodes it is
# estimated from a fixed sample of sources (networkx's ``k``), seeded.
# Exact betweenness costs nodes x links: 0.2 s at the shipped 633 / 686, 9 s at 2,000 / 6,000
# (benchmarks/network.py); above the limit, a seeded sample of sources estimates it.
EXACT_BETWEENNESS_LIMIT = 1_000
BETWEENNESS_SAMPLE = 200
# Node attributes copied onto the graph (and into GEXF / GraphML).
NODE_ATTRIBUTES = (
    "name",
    "org_type",
    "country_code",
    "world_region",
    "city",
    "year_started",
    "year_ended",
    "website",
)

__all__ = [
    "COVERAGE_COLUMNS",
    "LINK_COLUMNS",
    "NETWORK_COLUMNS",
    "best_covered_first",
    "brokers",
    "components",
    "coverage",
    "coverage_message",
    "degree",
    "linked_ids",
    "links_table",
    "load_relationships",
    "member_ids",
    "network_column",
    "network_sizes",
    "networks_path",
    "networks_table",
    "relationships_path",
    "to_gexf_bytes",
    "to_graphml_bytes",
    "to_links_csv_bytes",
    "view_graph",
    "view_links",
]


def relationships_path(path: str | os.PathLike | None = None) -> Path | None:
    """The links file: ``path``, else ``$ATLAS_LINKS``, else the shipped one (or None).

    With ``$ATLAS_DATA`` pointing at another dataset and no ``$ATLAS_LINKS``,
    a ``relationships.csv`` beside that dataset is used if there is one; the
    shipped links (which name the shipped organisations) are never applied to
    another dataset.
    """
    if path is not None:
        return Path(path)
    env = os.environ.get(RELATIONSHIPS_ENV, "").strip()
    if env:
        return Path(env)
    dataset = dataset_path()
    if dataset.resolve() == DEFAULT_DATASET.resolve():
        return DEFAULT_RELATIONSHIPS
    beside = dataset.with_name("relationships.csv")
    return beside if beside.exists() else None


def networks_path() -> Path | None:
    """The named networks' file: the shipped one with the shipped dataset, else none."""
    if dataset_path().resolve() != DEFAULT_DATASET.resolve():
        return None
    return DEFAULT_NETWORKS


def empty_links() -> pd.DataFrame:
    """A links table with no rows (the right columns and types)."""
    frame = pd.DataFrame({column: pd.Series(dtype=str) for column in LINK_COLUMNS})
    for column in ("since", "until"):
        frame[column] = pd.array([], dtype="Int64")
    return frame


def load_relationships(
    path: str | os.PathLike | None = None, organisations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Read and check the links file.

    Parameters
    ----------
    path : str or path-like, optional
        The CSV (default: ``relationships_path()``; no file means no links).
    organisations : pandas.DataFrame, optional
        The organisations the links may name (default: ``load_organisations()``).

    Returns
    -------
    pandas.DataFrame
        Columns ``LINK_COLUMNS`` in file order; ``since`` and ``until`` as
        nullable integers, the rest as text.

    Raises
    ------
    DatasetError
        For a file that cannot be read as a table
        (``mapping.csvfile.read_text_table``), a missing column, an unknown
        organisation id, a link of an organisation to itself, an unknown
        relation, a repeated link, a year out of range or an end before the
        start, a source that is not one http(s) URL, or a malformed
        ``checked`` date; the message names the file, the row, the field and
        the value.
    """
    source = relationships_path(path)
    if source is None:
        return empty_links()
    if organisations is None:
        from mapping.data import load_organisations

        organisations = load_organisations()
    table = read_text_table(source)
    return relationships_from_table(
        table, organisations["id"], source=source.name, rows=table.index.to_numpy()
    )


def relationships_from_table(
    table: pd.DataFrame,
    ids: Iterable[str],
    source: str = "relationships",
    *,
    rows: np.ndarray | list[int] | None = None,
) -> pd.DataFrame:
    """Check a table of strings in the links schema; return it typed, or raise the first problem.

    See ``load_relationships`` for the checks and the result; ``rows`` are the
    row numbers of the table's rows in messages (default 1, 2, ...).
    """
    missing = [c for c in LINK_REQUIRED if c not in table.columns]
    if missing:
        raise DatasetError(
            Message("data.error.missing_columns", columns=", ".join(missing)), source=source
        )
    table = table.reindex(columns=LINK_COLUMNS, fill_value="").fillna("").astype(str)
    table = pd.DataFrame({c: table[c].str.strip() for c in LINK_COLUMNS}).reset_index(drop=True)
    found = _Problems(np.arange(1, len(table) + 1) if rows is None else np.asarray(rows, dtype=int))
    for field in LINK_REQUIRED:
        found.add(table[field] == "", field, "", Message("data.problem.required"))
    known = set(ids)
    for field in ("source_id", "target_id"):
        cells = table[field]
        found.add(
            (cells != "") & ~cells.isin(known), field, cells, Message("links.problem.unknown_id")
        )
    found.add(
        (table["source_id"] != "") & (table["source_id"] == table["target_id"]),
        "target_id",
        table["target_id"],
        Message("links.problem.self"),
    )
    _check_values(table, found, "relation", validate.relation_problem)
    _check_repeats(table, found)
    _check_link_years(table, found)
    _check_values(table, found, "source", _source_problem)
    _check_values(table, found, "checked", validate.date_problem)
    for field in ("note", "source"):
        _check_values(table, found, field, validate.text_problem)
        _check_values(table, found, field, lambda text, f=field: validate.length_problem(f, text))
    problems = found.frame()
    if len(problems):
        raise _problem_error(problems.iloc[0], source)
    for field in ("since", "until"):
        table[field] = pd.array([parse_year(v) for v in table[field]], dtype="Int64")
    return table


def _pair_keys(table: pd.DataFrame) -> pd.Series:
    """One key per link; a symmetric relation's two directions share a key."""
    ordered = [
        (*sorted((a, b)), r) if r in vocab.SYMMETRIC_RELATIONS else (a, b, r)
        for a, b, r in zip(table["source_id"], table["target_id"], table["relation"], strict=True)
    ]
    return pd.Series(["\t".join(key) for key in ordered], index=table.index)


def _check_repeats(table: pd.DataFrame, found: _Problems) -> None:
    """Report a link given twice (either way round for a symmetric relation)."""
    keys = _pair_keys(table)
    repeated = keys.duplicated().to_numpy()
    if not repeated.any():
        return
    first = dict(zip(keys[~keys.duplicated()], found.rows[~repeated], strict=True))
    reasons = np.empty(len(table), dtype=object)
    for position in np.flatnonzero(repeated):
        reasons[position] = Message("links.problem.duplicate", row=first[keys.iloc[position]])
    found.add(repeated, "target_id", table["target_id"], reasons)


def _check_values(table: pd.DataFrame, found: _Problems, field: str, rule) -> None:
    """Report the non-blank cells of ``field`` that ``rule`` (``mapping.validate``) refuses."""
    cells = table[field]
    reasons = np.array([rule(text) if text else None for text in cells], dtype=object)
    found.add(reasons != None, field, cells, reasons)  # noqa: E711 - elementwise


def _source_problem(text: str) -> Message | None:
    """A link's source is one http(s) URL (an organisation's may list several)."""
    if is_web_url(text):
        return None
    return Message("links.problem.source", scheme=validate.WEB_SCHEMES)


def _check_link_years(table: pd.DataFrame, found: _Problems) -> None:
    """Report years out of range and an ``until`` before the ``since`` (``mapping.validate``)."""
    for field in ("since", "until"):
        _check_values(table, found, field, validate.year_problem)
    reasons = np.array(
        [
            validate.year_order_problem(since, until)
            for since, until in zip(table["since"], table["until"], strict=True)
        ],
        dtype=object,
    )
    found.add(reasons != None, "until", table["until"], reasons)  # noqa: E711 - elementwise


def networks_table(
    path: str | os.PathLike | None = None, organisations: pd.DataFrame | None = None
) -> pd.DataFrame:
    """Read the named networks, the organisation that runs each and its roster (``networks.csv``).

    Returns the columns ``NETWORK_COLUMNS`` as text (a missing roster column is blank);
    an empty table for a dataset other than the shipped one (unless ``path`` is given).

    Raises
    ------
    DatasetError
        For a runner that is not an organisation, a network or runner listed twice, a
        roster size that is not a positive whole number, a roster date that is not
        ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` up to today, a roster source that is not
        one http(s) URL, or a roster size or date without its source; the message names
        the row, the field and the value.
    """
    if path is None:
        path = networks_path()
        if path is None:
            return pd.DataFrame({c: pd.Series(dtype=str) for c in NETWORK_COLUMNS})
    name = Path(path).name
    table = read_text_table(Path(path)).reindex(columns=NETWORK_COLUMNS, fill_value="")
    table = table.fillna("").astype(str).apply(lambda column: column.str.strip())
    if organisations is not None:
        known = set(organisations["id"])
        for row, runner in zip(table.index, table["organisation_id"], strict=True):
            if runner not in known:
                raise _value_error("links.problem.unknown_id", row, "organisation_id", runner, path)
    # The roster columns may repeat (two networks may share a roster page); these may not.
    for field in ("network", "organisation_id"):
        repeated = table[field].duplicated()
        if repeated.any():
            position = int(np.flatnonzero(repeated)[0])
            row, value = table.index[position], table[field].iloc[position]
            raise _value_error("links.problem.repeated_network", row, field, value, path)
    problems = _roster_problems(table).frame()
    if len(problems):
        raise _problem_error(problems.iloc[0], name)
    return table


def _roster_problems(table: pd.DataFrame) -> _Problems:
    """The roster columns' problems (size, date, source), in row order."""
    found = _Problems(table.index.to_numpy(dtype=int))
    sizes = table["roster_size"]
    found.add(
        (sizes != "") & ~sizes.str.fullmatch(r"[1-9][0-9]*"),
        "roster_size",
        sizes,
        Message("networks.problem.roster_size"),
    )
    dates = table["roster_date"]
    found.add(
        (dates != "") & ~dates.map(is_roster_date),
        "roster_date",
        dates,
        Message(
            "networks.problem.roster_date",
            formats="YYYY, YYYY-MM, YYYY-MM-DD",
            today=dt.date.today().isoformat(),
        ),
    )
    sources = table["roster_source"]
    found.add(
        (sources != "") & ~sources.map(is_web_url),
        "roster_source",
        sources,
        Message("links.problem.source", scheme="http(s)"),
    )
    found.add(
        (sources == "") & ((sizes != "") | (dates != "")),
        "roster_source",
        sources,
        Message("networks.problem.roster_without_source"),
    )
    return found


def is_roster_date(text: str) -> bool:
    """True for ``YYYY``, ``YYYY-MM`` or ``YYYY-MM-DD`` (a real date), not after today.

    Examples
    --------
    >>> is_roster_date("2017-09-14"), is_roster_date("2014-10"), is_roster_date("2011")
    (True, True, True)
    >>> is_roster_date("2014-13"), is_roster_date("14-10-2014"), is_roster_date("9999")
    (False, False, False)
    """
    match = ROSTER_DATE.match(text)
    if not match:
        return False
    year, month, day = (int(part) if part else None for part in match.groups())
    try:
        first_day = dt.date(year, month or 1, day or 1)
    except ValueError:
        return False
    return year >= MIN_YEAR and first_day <= dt.date.today()


def _value_error(key: str, row: int, field: str, value: str, path) -> DatasetError:
    """The error for one value of a file, with the value in the message."""
    message = Message("data.error.with_value", reason=Message(key), value=value)
    return DatasetError(message, row=int(row), field=field, value=value, source=Path(path).name)


def links_in_force(links: pd.DataFrame, year: int) -> pd.DataFrame:
    """The links not known to start after ``year`` or to end before it, in file order.

    A link's ``since`` and ``until`` are often unknown (no source gives them);
    such a link counts in any year both its organisations are there, so an
    as-of view keeps it whenever it keeps both ends.

    Examples
    --------
    >>> links = pd.DataFrame({"since": pd.array([2010, None, 2016], dtype="Int64"),
    ...                       "until": pd.array([2012, None, None], dtype="Int64")})
    >>> links_in_force(links, 2015).index.tolist()
    [1]
    """
    since, until = links["since"], links["until"]
    keep = (since.isna() | (since <= year)) & (until.isna() | (until >= year))
    return links.loc[keep.fillna(False).to_numpy(dtype=bool)]


def linked_ids(links: pd.DataFrame, org: str) -> set[str]:
    """The organisation ``org`` and every organisation directly linked to it (either way)."""
    touching = (links["source_id"] == org) | (links["target_id"] == org)
    ends = set(links.loc[touching, "source_id"]) | set(links.loc[touching, "target_id"])
    return ends | {org}


def member_ids(links: pd.DataFrame, runner: str) -> set[str]:
    """The members of the network ``runner`` runs (its ``member_of`` links), and the runner."""
    members = links.loc[
        (links["relation"] == "member_of") & (links["target_id"] == runner), "source_id"
    ]
    return set(members) | {runner}


def view_links(links: pd.DataFrame, ids: Iterable[str]) -> pd.DataFrame:
    """The links whose two ends are both among ``ids``, in file order."""
    shown = set(ids)
    keep = links["source_id"].isin(shown) & links["target_id"].isin(shown)
    return links.loc[keep]


def with_linked(shown: pd.DataFrame, linked: pd.DataFrame) -> pd.DataFrame:
    """``shown`` plus the organisation of a "linked to" view (``linked``, one row or none).

    The links among them are the view's links and the reason each organisation
    is in the view: its link to ``linked``, listed even when the filters leave
    ``linked`` out of ``shown``. Row order: ``shown``'s, then ``linked``.

    >>> shown = pd.DataFrame({"id": ["a", "b"]})
    >>> with_linked(shown, pd.DataFrame({"id": ["x"]}))["id"].tolist()
    ['a', 'b', 'x']
    >>> with_linked(shown, pd.DataFrame({"id": ["a"]}))["id"].tolist()
    ['a', 'b']
    """
    extra = linked.loc[~linked["id"].isin(set(shown["id"]))]
    if extra.empty:
        return shown
    return pd.concat([shown, extra])


def neighbour_ids(links: pd.DataFrame, ids: Iterable[str]) -> set[str]:
    """``ids`` and every organisation directly linked to one of them."""
    shown = set(ids)
    touching = links["source_id"].isin(shown) | links["target_id"].isin(shown)
    return shown | set(links.loc[touching, "source_id"]) | set(links.loc[touching, "target_id"])


def view_graph(organisations: pd.DataFrame, links: pd.DataFrame) -> nx.MultiDiGraph:
    """The organisations as nodes (with their attributes) and the links among them as edges.

    Parameters
    ----------
    organisations : pandas.DataFrame
        The organisations of the view (``load_organisations`` rows).
    links : pandas.DataFrame
        Links (``load_relationships``); those with an end outside the view are left out.

    Returns
    -------
    networkx.MultiDiGraph
        Node keys are ids; node attributes ``NODE_ATTRIBUTES`` plus ``role``
        (the primary role) and ``roles`` / ``domains`` / ``network`` joined
        with ``;``; one edge per link, keyed by relation, with ``relation``,
        ``since``, ``until`` and ``source``. A symmetric relation is one edge.
    """
    graph = nx.MultiDiGraph()
    for record in organisations.to_dict("records"):
        attributes = _present({name: record.get(name) for name in NODE_ATTRIBUTES})
        attributes["role"] = record["roles"][0] if len(record["roles"]) else ""
        for name in ("roles", "domains", "network"):
            attributes[name] = ";".join(record.get(name) or ())
        graph.add_node(record["id"], **attributes)
    for link in view_links(links, graph.nodes).to_dict("records"):
        graph.add_edge(
            link["source_id"],
            link["target_id"],
            key=link["relation"],
            **_present({name: link[name] for name in ("relation", "since", "until", "source")}),
        )
    return graph


def _present(values: Mapping[str, object]) -> dict[str, str | int]:
    """The values GEXF and GraphML can hold: years as ints, text as text; missing ones left out.

    A year blank on some elements and set on others cannot share one typed
    attribute, so a missing value is no attribute at all.
    """
    plain: dict[str, str | int] = {}
    for name, value in values.items():
        if value is None or value is pd.NA or (isinstance(value, float) and np.isnan(value)):
            continue
        plain[name] = int(value) if isinstance(value, int | np.integer) else str(value)
    return plain


def degree(graph: nx.MultiDiGraph) -> pd.Series:
    """Links per organisation (in and out), most linked first; ties by id."""
    counts = pd.Series(dict(graph.degree()), dtype="int64")
    if counts.empty:
        return counts
    return counts.sort_index().sort_values(ascending=False, kind="stable")


def network_sizes(links: pd.DataFrame, networks: pd.DataFrame) -> pd.DataFrame:
    """Members per named network (``member_of`` links to its runner), largest first."""
    members = links.loc[links["relation"] == "member_of", "target_id"].value_counts()
    table = networks.loc[:, ["network", "organisation_id"]].copy()
    table["members"] = [int(members.get(runner, 0)) for runner in table["organisation_id"]]
    return table.sort_values(["members", "network"], ascending=[False, True]).reset_index(drop=True)


def coverage(networks: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """How complete each named network is: the members the atlas holds against its roster.

    Parameters
    ----------
    networks : pandas.DataFrame
        ``networks_table`` rows (a roster column it lacks counts as blank).
    links : pandas.DataFrame
        Every link of the dataset (not a view's: coverage is the atlas's, whatever is shown).

    Returns
    -------
    pandas.DataFrame
        ``COVERAGE_COLUMNS``, one row per network in ``networks`` order: ``members``
        (organisations with a ``member_of`` link to the runner), ``roster_size`` (nullable
        integer: blank where no size is published), ``share`` (``members / roster_size``,
        NaN without a size), and the roster's date, source and note as text.

    Examples
    --------
    >>> nets = pd.DataFrame({"network": ["Net", "Forum"], "organisation_id": ["net", "forum"],
    ...                      "roster_size": ["4", ""]})
    >>> links = pd.DataFrame({"source_id": ["a", "b", "c"], "target_id": ["net", "net", "forum"],
    ...                       "relation": ["member_of", "member_of", "member_of"]})
    >>> coverage(nets, links)[["network", "members", "roster_size", "share"]]
      network  members  roster_size  share
    0     Net        2            4    0.5
    1   Forum        1         <NA>    NaN
    """
    table = networks.reindex(columns=NETWORK_COLUMNS, fill_value="").fillna("").astype(str)
    memberships = links.loc[links["relation"] == "member_of", ["source_id", "target_id"]]
    held = memberships.drop_duplicates().groupby("target_id").size()
    sizes = pd.array([int(v) if v else None for v in table["roster_size"]], dtype="Int64")
    members = np.array([int(held.get(runner, 0)) for runner in table["organisation_id"]])
    share = pd.Series(members, dtype="float64") / pd.Series(sizes, dtype="Float64").astype(float)
    return pd.DataFrame(
        {
            "network": table["network"].to_numpy(),
            "organisation_id": table["organisation_id"].to_numpy(),
            "members": members,
            "roster_size": sizes,
            "share": share.to_numpy(dtype=float, na_value=np.nan),
            "roster_date": table["roster_date"].to_numpy(),
            "roster_source": table["roster_source"].to_numpy(),
            "roster_note": table["roster_note"].to_numpy(),
        },
        columns=list(COVERAGE_COLUMNS),
    )


def best_covered_first(table: pd.DataFrame) -> pd.DataFrame:
    """A ``coverage`` table in reading order: best covered first, unsized networks last.

    Ties go to the network with more members held, then by name; the data card and the
    Network page list the networks in this order.

    Examples
    --------
    >>> table = pd.DataFrame({"network": ["B", "A", "C"], "members": [1, 3, 2],
    ...                       "share": [0.5, float("nan"), 0.5]})
    >>> best_covered_first(table)["network"].tolist()
    ['C', 'B', 'A']
    """
    order = table.assign(_unsized=table["share"].isna(), _share=table["share"].fillna(0))
    order = order.sort_values(
        ["_unsized", "_share", "members", "network"],
        ascending=[True, False, False, True],
        kind="stable",
    )
    return order.drop(columns=["_unsized", "_share"]).reset_index(drop=True)


def coverage_message(row: Mapping[str, object]) -> Message:
    """One network's coverage as a sentence to render (a ``coverage`` row).

    Examples
    --------
    >>> row = {"network": "StriveTogether", "members": 57, "roster_size": 69,
    ...        "roster_date": "2026-12-07"}
    >>> coverage_message(row).render("en")
    'StriveTogether: 57 of 69 listed members (roster of 2026-12-07)'
    >>> coverage_message({**row, "roster_size": None, "roster_date": ""}).render("en")
    'StriveTogether: 57 members in the atlas; no roster size is published'
    """
    size, name, held = row.get("roster_size"), row["network"], int(row["members"])
    if size is None or size is pd.NA or (isinstance(size, float) and np.isnan(size)):
        return Message("coverage.unsized", network=name, n=held)
    if row.get("roster_date"):
        return Message(
            "coverage.dated", network=name, n=held, size=int(size), date=row["roster_date"]
        )
    return Message("coverage.listed", network=name, n=held, size=int(size))


def components(graph: nx.MultiDiGraph) -> list[set[str]]:
    """The connected groups of organisations (links taken either way), largest first."""
    parts = nx.connected_components(nx.Graph(graph.to_undirected(as_view=True)))
    return sorted(parts, key=lambda part: (-len(part), min(part)))


def brokers(graph: nx.MultiDiGraph, top: int = 10) -> pd.Series:
    """The organisations that most often lie between others: betweenness centrality.

    Links are taken either way and once per pair. Exact up to
    ``EXACT_BETWEENNESS_LIMIT`` nodes, else estimated from
    ``BETWEENNESS_SAMPLE`` seeded sources (the same answer on every run).
    Organisations with no brokerage (0) are left out.
    """
    simple = nx.Graph(graph.to_undirected(as_view=True))
    sample = BETWEENNESS_SAMPLE if len(simple) > EXACT_BETWEENNESS_LIMIT else None
    scores = pd.Series(nx.betweenness_centrality(simple, k=sample, seed=0), dtype="float64")
    scores = scores[scores > 0]
    return scores.sort_index().sort_values(ascending=False, kind="stable").head(top)


@dataclass(frozen=True)
class Summary:
    """The figures a researcher reads about a view's graph (``summarise``)."""

    organisations: int
    links: int
    linked: int
    groups: int  # connected groups of two or more
    largest: int
    most_linked: pd.Series  # id -> links, most linked first
    brokers: pd.Series  # id -> betweenness, highest first
    network_sizes: pd.DataFrame  # named networks with members in the view
    by_relation: pd.Series  # relation -> links, in vocabulary order


def summarise(
    organisations: pd.DataFrame, links: pd.DataFrame, networks: pd.DataFrame, top: int = 10
) -> Summary:
    """Size, links, groups, the ``top`` most linked and brokers, networks and relations.

    Examples
    --------
    >>> orgs = pd.DataFrame({"id": ["a", "b", "c"], "roles": [("funding",), (), ()]})
    >>> links = pd.DataFrame({"source_id": ["a"], "target_id": ["b"], "relation": ["funds"],
    ...                       "since": [None], "until": [None], "source": [""]})
    >>> nets = pd.DataFrame(columns=list(NETWORK_COLUMNS))
    >>> figures = summarise(orgs, links, nets)
    >>> figures.organisations, figures.linked, figures.groups, figures.largest
    (3, 2, 1, 2)
    """
    graph = view_graph(organisations, links)
    groups = components(graph)
    sizes = network_sizes(links, networks)
    return Summary(
        organisations=graph.number_of_nodes(),
        links=graph.number_of_edges(),
        linked=sum(1 for node in graph.nodes if graph.degree(node)),
        groups=sum(1 for group in groups if len(group) > 1),
        largest=len(groups[0]) if groups else 0,
        most_linked=degree(graph).head(top),
        brokers=brokers(graph, top),
        network_sizes=sizes[sizes["members"] > 0].reset_index(drop=True),
        by_relation=links["relation"].value_counts().reindex(list(vocab.RELATIONS), fill_value=0),
    )


def network_column(
    ids: Iterable[str], links: pd.DataFrame, networks: pd.DataFrame
) -> dict[str, tuple[str, ...]]:
    """The networks each organisation belongs to, as the links say.

    An organisation is in a named network when it has a ``member_of`` link to
    the network's runner, or is the runner; names come in ``networks`` order.
    """
    name_of = dict(zip(networks["organisation_id"], networks["network"], strict=True))
    order = {name: index for index, name in enumerate(networks["network"])}
    found: dict[str, set[str]] = {org: set() for org in ids}
    members = links[(links["relation"] == "member_of") & links["target_id"].isin(name_of)]
    for member, runner in zip(members["source_id"], members["target_id"], strict=True):
        if member in found:
            found[member].add(name_of[runner])
    for runner, name in name_of.items():
        if runner in found:
            found[runner].add(name)
    return {org: tuple(sorted(names, key=order.get)) for org, names in found.items()}


def _graph_for_export(organisations: pd.DataFrame, links: pd.DataFrame) -> nx.MultiDiGraph:
    """The view's graph with an edge id per link (``source relation target``)."""
    graph = view_graph(organisations, links)
    for source, target, key, data in graph.edges(keys=True, data=True):
        data["id"] = f"{source} {key} {target}"
        data["label"] = key
    for _, data in graph.nodes(data=True):
        data["label"] = data["name"]
    return graph


def to_gexf_bytes(organisations: pd.DataFrame, links: pd.DataFrame) -> bytes:
    """The view as GEXF 1.2 (Gephi): organisations as nodes, links as edges.

    Examples
    --------
    ``networkx.read_gexf(io.BytesIO(to_gexf_bytes(gdf, links)))`` gives back
    the same nodes (ids) and edges (source, target, relation).
    """
    buffer = io.BytesIO()
    nx.write_gexf(_graph_for_export(organisations, links), buffer, version="1.2draft")
    return buffer.getvalue()


def to_graphml_bytes(organisations: pd.DataFrame, links: pd.DataFrame) -> bytes:
    """The view as GraphML (yEd, Kumu, Cytoscape, igraph)."""
    buffer = io.BytesIO()
    nx.write_graphml(_graph_for_export(organisations, links), buffer, named_key_ids=True)
    return buffer.getvalue()


def links_table(organisations: pd.DataFrame, links: pd.DataFrame) -> pd.DataFrame:
    """The links among the view's organisations, with both names beside the ids, formula-safe.

    Text cells that a spreadsheet would read as a formula are prefixed with ``'``.
    """
    names = dict(zip(organisations["id"], organisations["name"], strict=True))
    shown = view_links(links, organisations["id"])
    table = pd.DataFrame(
        {
            "source_id": shown["source_id"].to_numpy(),
            "source_name": [names.get(i, "") for i in shown["source_id"]],
            "relation": shown["relation"].to_numpy(),
            "target_id": shown["target_id"].to_numpy(),
            "target_name": [names.get(i, "") for i in shown["target_id"]],
            "since": shown["since"].to_numpy(),
            "until": shown["until"].to_numpy(),
            "source": shown["source"].to_numpy(),
            "checked": shown["checked"].to_numpy(),
            "note": shown["note"].to_numpy(),
        }
    )
    for column in table.columns:
        if column not in ("since", "until"):
            table[column] = [neutralise_formula(str(v)) for v in table[column]]
    return table


def to_links_csv_bytes(organisations: pd.DataFrame, links: pd.DataFrame) -> bytes:
    """The links among the view's organisations as CSV for spreadsheets (UTF-8 with BOM)."""
    return csv_bytes(links_table(organisations, links))


def csv_bytes(table: pd.DataFrame) -> bytes:
    """A ``links_table`` (or rows and columns of one) as CSV for spreadsheets (UTF-8, BOM)."""
    return table.to_csv(index=False, lineterminator="\r\n").encode("utf-8-sig")
