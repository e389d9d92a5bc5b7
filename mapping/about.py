"""The About page's text, built from the vocabularies and the dataset itself."""

from __future__ import annotations

import pandas as pd

from mapping import vocab

INTRODUCTION = """
**Collective Impact** is the commitment of actors from different sectors to a common
agenda for solving a complex social problem (Kania & Kramer, *Stanford Social
Innovation Review*, 2011). It rests on five conditions: a **common agenda**,
**shared measurement**, **mutually reinforcing activities**, **continuous
communication** and a **backbone organisation**. The Israeli nonprofit Shitufim
(Sheatufim) proposed a sixth: building trust and agreements.

This atlas grows out of Shitufim's **2015 global mapping** of the organisations
engaged in Collective Impact in four roles: consulting (ייעוץ), operating (הפעלה),
knowledge development (פיתוח ידע) and funding (מימון). That mapping found the
United States far ahead; Canada active since about 2013 around the Tamarack
Institute and its Vibrant Communities; Australia emerging (first conferences in
2014 and 2015); Europe still sparse; and an Israeli field around Shitufim and the
first Israeli Collective Impact conference (Tel Aviv, 30 March 2015). Its full list
is not available, so this atlas rebuilds a larger, sourced one: every row cites the
page its facts were checked against.
"""

CORRECTIONS = """
**Corrections and additions** are welcome: each organisation's `source` shows where
its facts come from. Propose a change with a source that supports it; see the data
card (`data/README.md`) for the process.
"""

_TABLES = (
    ("Roles (the 2015 mapping's four)", vocab.ROLES),
    ("Organisation types", vocab.ORG_TYPES),
    ("Domains", vocab.DOMAINS),
    ("Scopes", vocab.SCOPES),
)


def definition_tables() -> list[tuple[str, pd.DataFrame]]:
    """Return (heading, table of term and definition) for every vocabulary."""
    return [
        (
            heading,
            pd.DataFrame(
                {"Term": [vocab.label(k) for k in terms], "Definition": list(terms.values())}
            ).set_index("Term"),
        )
        for heading, terms in _TABLES
    ]


def dataset_summary(gdf: pd.DataFrame, metadata: dict) -> str:
    """Return a Markdown paragraph with the dataset's version, date and counts."""
    regions = gdf["world_region"].value_counts()
    by_region = ", ".join(
        f"{region} {int(regions.get(region, 0))}" for region in vocab.WORLD_REGIONS
    )
    return (
        f"Version **{metadata['version']}** ({metadata['date']}), licence {metadata['licence']}. "
        f"**{len(gdf):,} organisations** in **{gdf['country_code'].nunique()} countries** "
        f"({by_region}); {int(gdf['year_started'].notna().sum())} with a known start year. "
        "Locations are headquarters, geocoded offline from the GeoNames gazetteer unless given."
    )
