"""The 2015 mapping's headline findings, checked against the data as of 2015 and today.

Each finding is stated in our own words (the catalogues' ``findings.<key>``)
and judged by a small rule over the data, computed live, so the verdict
changes when the data does. **As of 2015** counts the organisations active in
2015 (``mapping.filters.active_in``: only dated ones); **today** counts every
organisation whose work has not ended, dated or not. Where a region has too
few dated organisations to judge (``THIN``), the verdict says so rather than
guessing.

Examples
--------
>>> from mapping.data import load_organisations
>>> [f.key for f in findings(load_organisations())]
['us_leads', 'canada_2013', 'australia_emerging', 'europe_sparse', 'israel_2013']
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from mapping import vocab
from mapping.filters import active_in
from mapping.i18n import Message

MAPPING_YEAR = 2015
# A region with fewer dated organisations than this is too thin to judge a year by.
THIN = 10
# "Far ahead": at least this many times the next region.
FAR_AHEAD = 2.0
VERDICTS = ("holds", "partly", "contradicted", "thin")


@dataclass(frozen=True)
class Finding:
    """One finding of the 2015 mapping and what the data says.

    ``then`` and ``now`` are messages (rendered in the page's language);
    ``verdict`` is one of ``VERDICTS``; ``why`` says what the verdict rests on.
    """

    key: str
    then: Message
    now: Message
    verdict: str
    why: Message
    numbers: dict = field(default_factory=dict)


def current(gdf: pd.DataFrame) -> pd.Series:
    """Which organisations are there today: their work has not ended (dated or not)."""
    ended = gdf["year_ended"] if "year_ended" in gdf else pd.Series(pd.NA, index=gdf.index)
    return ended.isna()


def region_table(gdf: pd.DataFrame, year: int = MAPPING_YEAR) -> pd.DataFrame:
    """Per world region: organisations active in ``year``, today, dated, and the first year."""
    rows = []
    then_mask, now_mask = active_in(gdf, year), current(gdf).to_numpy()
    for region in vocab.WORLD_REGIONS:
        inside = (gdf["world_region"] == region).to_numpy()
        years = gdf.loc[inside, "year_started"].dropna()
        rows.append(
            {
                "world_region": region,
                "then": int((then_mask & inside).sum()),
                "now": int((now_mask & inside).sum()),
                "dated": len(years),
                "total": int(inside.sum()),
                "first": int(years.min()) if len(years) else None,
            }
        )
    table = pd.DataFrame(rows)
    table["first"] = table["first"].astype("Int64")
    return table


def _year(value: object) -> int | None:
    """A year from a table cell, or None where it is missing."""
    return None if pd.isna(value) else int(value)


def _share(part: int, whole: int) -> int:
    """A whole-number percentage (0 for an empty whole)."""
    return round(100 * part / whole) if whole else 0


def findings(gdf: pd.DataFrame, year: int = MAPPING_YEAR) -> list[Finding]:
    """The 2015 mapping's five headline findings, each judged against ``gdf``."""
    table = region_table(gdf, year).set_index("world_region")
    return [
        _us_leads(gdf, table, year),
        _canada(gdf, table, year),
        _australia(gdf, table, year),
        _europe(table, year),
        _israel(gdf, table, year),
    ]


def _us_leads(gdf: pd.DataFrame, table: pd.DataFrame, year: int) -> Finding:
    """The United States leads by far, with most knowledge organisations, initiatives, backbones."""
    us, others = table.loc["United States"], table.drop(index="United States")
    then_next, now_next = int(others["then"].max()), int(others["now"].max())
    core = gdf[gdf["org_type"].isin(["initiative", "backbone"])]
    knowledge = gdf[[("knowledge" in roles) for roles in gdf["roles"]]]
    core_share = _share(int((core["world_region"] == "United States").sum()), len(core))
    knowledge_share = _share(
        int((knowledge["world_region"] == "United States").sum()), len(knowledge)
    )
    far_then = us["then"] >= FAR_AHEAD * then_next
    far_now = us["now"] >= FAR_AHEAD * now_next
    verdict = (
        "holds" if far_then and far_now else "partly" if us["now"] > now_next else "contradicted"
    )
    return Finding(
        "us_leads",
        Message(
            "findings.value.lead",
            count=int(us["then"]),
            share=_share(us["then"], table["then"].sum()),
            next=then_next,
        ),
        Message(
            "findings.value.lead",
            count=int(us["now"]),
            share=_share(us["now"], table["now"].sum()),
            next=now_next,
        ),
        verdict,
        Message("findings.why.us_leads", core=core_share, knowledge=knowledge_share),
        {"core_share": core_share, "knowledge_share": knowledge_share},
    )


def _canada(gdf: pd.DataFrame, table: pd.DataFrame, year: int) -> Finding:
    """Canada active since about 2013, around Tamarack and Vibrant Communities."""
    canada = table.loc["Canada"]
    rows = gdf[gdf["world_region"] == "Canada"]
    dated = rows["year_started"].dropna()
    since_2013 = int((dated >= 2013).sum())
    tamarack = int(sum("Vibrant Communities" in networks for networks in rows["network"]))
    first = _year(canada["first"])
    if canada["dated"] < THIN:
        verdict = "thin"
    elif first is not None and first < 2010:
        verdict = "partly"  # the term came later; the work is older
    else:
        verdict = "holds"
    return Finding(
        "canada_2013",
        Message("findings.value.count_first", count=int(canada["then"]), first=first or "–"),
        Message("findings.value.count_first", count=int(canada["now"]), first=first or "–"),
        verdict,
        Message(
            "findings.why.canada",
            first=first or "–",
            since=since_2013,
            dated=len(dated),
            network=tamarack,
        ),
        {"since_2013": since_2013, "dated": len(dated)},
    )


def _australia(gdf: pd.DataFrame, table: pd.DataFrame, year: int) -> Finding:
    """Australia emerging: first conferences in 2014 and 2015."""
    australia = table.loc["Australia"]
    dated = gdf.loc[gdf["world_region"] == "Australia", "year_started"].dropna()
    recent = int((dated >= 2013).sum())
    if australia["dated"] < THIN:
        verdict = "thin"
    else:
        verdict = "holds" if recent >= len(dated) / 2 else "partly"
    first = _year(australia["first"]) or "–"
    return Finding(
        "australia_emerging",
        Message("findings.value.count_first", count=int(australia["then"]), first=first),
        Message("findings.value.count_first", count=int(australia["now"]), first=first),
        verdict,
        Message("findings.why.australia", recent=recent, dated=len(dated), first=first),
        {"recent": recent, "dated": len(dated)},
    )


def _europe(table: pd.DataFrame, year: int) -> Finding:
    """Europe still undeveloped in 2015: a few organisations only."""
    europe = table.loc["Europe"]
    share_then = _share(europe["then"], table["then"].sum())
    share_now = _share(europe["now"], table["now"].sum())
    if europe["dated"] < THIN:
        verdict = "thin"
    elif share_then <= 10:
        verdict = "holds"  # in 2015 it was a small part of the field
    else:
        verdict = "contradicted"
    return Finding(
        "europe_sparse",
        Message("findings.value.count_share", count=int(europe["then"]), share=share_then),
        Message("findings.value.count_share", count=int(europe["now"]), share=share_now),
        verdict,
        Message("findings.why.europe", then=share_then, now=share_now, year=year),
    )


def _israel(gdf: pd.DataFrame, table: pd.DataFrame, year: int) -> Finding:
    """Israel: Shitufim as backbone since 2013; the first conference in 2015."""
    israel = table.loc["Israel"]
    first = _year(israel["first"])
    sheatufim = gdf.loc[gdf["id"] == "sheatufim", "year_started"].dropna()
    started = int(sheatufim.iloc[0]) if len(sheatufim) else None
    if israel["dated"] < THIN:
        verdict = "thin"
    elif started == 2013 and (first or 0) >= 2013:
        verdict = "holds"
    else:
        verdict = "partly"  # Shitufim from 2013, but other Israeli work is dated earlier
    return Finding(
        "israel_2013",
        Message("findings.value.count_first", count=int(israel["then"]), first=first or "–"),
        Message("findings.value.count_first", count=int(israel["now"]), first=first or "–"),
        verdict,
        Message("findings.why.israel", started=started or "–", first=first or "–"),
    )
