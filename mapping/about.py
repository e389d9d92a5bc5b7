"""The About page's text, built from the catalogues, the vocabularies and the dataset itself."""

from __future__ import annotations

import pandas as pd

from mapping import vocab
from mapping.i18n import category_definition, category_label, t

VOCABULARIES = (
    ("role", vocab.ROLES),
    ("org_type", vocab.ORG_TYPES),
    ("domain", vocab.DOMAINS),
    ("scope", vocab.SCOPES),
)


def introduction(lang: str = "en") -> str:
    """Return the Markdown introduction: Collective Impact and the 2015 mapping."""
    return t("about.introduction", lang)


def corrections(lang: str = "en") -> str:
    """Return the Markdown note on how to propose a correction."""
    return t("about.corrections", lang)


def definition_tables(lang: str = "en") -> list[tuple[str, pd.DataFrame]]:
    """Return (heading, table of term and definition) for every vocabulary."""
    return [
        (
            t(f"about.vocabulary.{kind}", lang),
            pd.DataFrame(
                {
                    t("about.term", lang): [category_label(kind, k, lang) for k in terms],
                    t("about.definition", lang): [
                        category_definition(kind, k, lang) for k in terms
                    ],
                }
            ).set_index(t("about.term", lang)),
        )
        for kind, terms in VOCABULARIES
    ]


def dataset_summary(gdf: pd.DataFrame, metadata: dict, lang: str = "en", edition: str = "") -> str:
    """Return a Markdown paragraph with the dataset's version, date and counts.

    ``edition``: the live edition shown (``2.1.0+17``, ``Dataset.edition``), named
    when it is more than the release.
    """
    regions = gdf["world_region"].value_counts()
    by_region = t("describe.list_separator", lang).join(
        t(
            "about.summary.region",
            lang,
            region=category_label("world_region", region, lang),
            count=int(regions.get(region, 0)),
        )
        for region in vocab.WORLD_REGIONS
    )
    version = t(
        "about.summary.version",
        lang,
        version=metadata["version"],
        date=metadata["date"],
        licence=metadata["licence"],
    )
    if edition and edition != metadata["version"]:
        version += " " + t("about.summary.edition", lang, edition=edition)
    counts = t(
        "about.summary.counts",
        lang,
        organisations=t("count.organisations", lang, n=len(gdf)),
        countries=t("count.countries", lang, n=int(gdf["country_code"].nunique())),
        regions=by_region,
        dated=int(gdf["year_started"].notna().sum()),
    )
    return f"{version} {counts} {t('about.summary.locations', lang)}"
