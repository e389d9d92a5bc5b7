"""The field over time: who was active in a year, and the map's timeline of years.

An organisation is **active in** a year when its Collective Impact work had
started by then and had not ended before it (``mapping.filters.active_in``);
one without a start year belongs to no year. ``year_counts`` counts the active
organisations and their countries per year; ``timeline_payload`` is what the
map's year control needs: the years, a caption per year (computed here, in
the page's language), and each organisation's start and end, so the browser
can step through the years without asking the server again.

Examples
--------
>>> import pandas as pd
>>> frame = pd.DataFrame({"year_started": pd.array([2010, 2014, None], dtype="Int64"),
...                       "year_ended": pd.array([2012, None, None], dtype="Int64"),
...                       "country_code": ["US", "CA", "IL"]})
>>> year_counts(frame, [2011, 2013, 2015]).to_dict("records")  # doctest: +NORMALIZE_WHITESPACE
[{'year': 2011, 'organisations': 1, 'countries': 1},
 {'year': 2013, 'organisations': 0, 'countries': 0},
 {'year': 2015, 'organisations': 1, 'countries': 1}]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

import pandas as pd

from mapping.filters import active_in
from mapping.i18n import t

# The map's year control starts at the first year any organisation started.
DEFAULT_SECONDS = 1.5


def year_range(gdf: pd.DataFrame, last: int | None = None) -> list[int]:
    """Every year from the earliest start in ``gdf`` to ``last`` (default: this year)."""
    last = dt.date.today().year if last is None else last
    starts = gdf["year_started"].dropna()
    if starts.empty:
        return []
    return list(range(int(starts.min()), last + 1))


def view_years(gdf: pd.DataFrame, asof: int | None = None) -> list[int]:
    """The years a view's year control offers: ``year_range(gdf)``, from ``asof`` if earlier.

    ``gdf`` is every organisation of the dataset; a link's as-of year before the
    first start still opens at that year.
    """
    years = year_range(gdf)
    if asof is not None and (not years or asof < years[0]):
        years = list(range(asof, (years or [asof])[-1] + 1))
    return years


def year_counts(gdf: pd.DataFrame, years: Sequence[int]) -> pd.DataFrame:
    """Organisations and countries active in each year: columns year, organisations, countries."""
    rows = []
    for year in years:
        active = gdf.loc[active_in(gdf, year)]
        rows.append((year, len(active), active["country_code"].nunique()))
    return pd.DataFrame(rows, columns=["year", "organisations", "countries"])


def caption(year: int, organisations: int, countries: int, lang: str = "en") -> str:
    """The year's sentence: "By 2013: 41 organisations in 6 countries"."""
    return t(
        "timeline.caption",
        lang,
        year=year,
        organisations=t("count.organisations", lang, n=organisations),
        countries=t("count.countries", lang, n=countries),
    )


def timeline_payload(
    gdf: pd.DataFrame,
    years: Sequence[int],
    lang: str = "en",
    *,
    captions: Sequence[str] | None = None,
    initial: int | None = None,
    seconds: float = DEFAULT_SECONDS,
    presenter: bool = False,
) -> dict:
    """The year control's data for the organisations of ``gdf`` (in their row order).

    Parameters
    ----------
    gdf : pandas.DataFrame
        The organisations on the map (all years: the browser picks the active ones).
    years : sequence of int
        The years the control steps through.
    lang : str
        Language of the captions and the control.
    captions : sequence of str, optional
        One caption per year (a presenter scene's own); default: ``caption``.
    initial : int, optional
        The year shown first (a link's ``asof``); default: every organisation, no year.
    seconds : float
        Seconds per year while playing.
    presenter : bool
        Large captions, play at once, and arrow keys / Page Up / Page Down step.

    Returns
    -------
    dict
        ``years``, ``captions``, ``start`` and ``end`` (per organisation, None when
        unknown), ``initial`` (index into ``years``, or -1), ``seconds``,
        ``presenter``, and the control's words in ``text``.
    """
    years = list(years)
    if captions is None:
        counts = year_counts(gdf, years)
        captions = [
            caption(int(row.year), int(row.organisations), int(row.countries), lang)
            for row in counts.itertuples()
        ]
    if len(captions) != len(years):
        raise ValueError(f"{len(captions)} captions for {len(years)} years")
    if initial is not None and initial not in years:
        raise ValueError(
            f"initial year {initial!r} is not one of the years {years[0]}..{years[-1]}"
        )
    ended = gdf["year_ended"] if "year_ended" in gdf else pd.Series(pd.NA, index=gdf.index)
    return {
        "years": years,
        "captions": list(captions),
        "start": [None if pd.isna(v) else int(v) for v in gdf["year_started"]],
        "end": [None if pd.isna(v) else int(v) for v in ended],
        "initial": -1 if initial is None else years.index(initial),
        "seconds": float(seconds),
        "presenter": bool(presenter),
        "text": {
            key: t(f"timeline.{key}", lang)
            for key in ("play", "pause", "year", "all_years", "all_caption", "label")
        },
    }
