"""An organisation's details as a page shows them: fields, links that work, and its links.

The map's popups and the graph's panel build the same details in the browser
(``mapping/assets/details.js``, from ``maps.organisations_payload``); this is
the server's version, for the Data page and the map's details under a map too
large for popups. It is HTML, never Markdown: a Markdown renderer rewrites
URLs (a ``\\.`` escape inside an address became ``%5C.`` in the link), while
here every text from the data is escaped and every address is an ``href``
only when it is http(s).

Each organisation's links are listed with their relation, years and source.
In a "linked to" view, its links to that organisation come first: they are
why it is in the view, and they are listed even when the filters leave that
organisation out.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

import pandas as pd

from mapping import maps
from mapping.i18n import category_label, direction, t
from mapping.safety import escape_html, safe_url


@dataclass(frozen=True)
class LinkLine:
    """One link as an organisation's details list it."""

    relation: str  # as read from this organisation ("Funds", "Funded by")
    other: str  # the other organisation's id
    name: str  # its name in the page's language
    years: str  # "since 2013", "2010–2015", "years not recorded"
    source: str  # the source's http(s) address, or ""
    reason: bool  # a link to the organisation of a "linked to" view


def link_years(since: object, until: object, lang: str = "en") -> str:
    """The years of a link in words.

    >>> link_years(2013, None)
    'since 2013'
    >>> link_years(2010, 2015)
    '2010–2015'
    >>> link_years(None, None)
    'years not recorded'
    """
    since = None if since is None or pd.isna(since) else int(since)
    until = None if until is None or pd.isna(until) else int(until)
    if since is not None and until is not None:
        return t("detail.link_between", lang, since=since, until=until)
    if since is not None:
        return t("detail.link_since", lang, year=since)
    if until is not None:
        return t("detail.link_until", lang, year=until)
    return t("detail.link_years_unknown", lang)


def link_lines(
    org: str,
    links: pd.DataFrame,
    names: Mapping[str, str],
    lang: str = "en",
    linked: str = "",
) -> list[LinkLine]:
    """Every link of organisation ``org``: those to ``linked`` first, then by relation and name.

    Parameters
    ----------
    org : str
        The organisation's id.
    links : pandas.DataFrame
        The links (``mapping.network.load_relationships``; an as-of view's in force).
    names : mapping
        Organisation id -> name in the page's language.
    lang : str
        The page's language.
    linked : str
        The id of a "linked to" view's organisation ("" for none).
    """
    lines = []
    for near, far, labels in (("source_id", "target_id", False), ("target_id", "source_id", True)):
        for link in links.loc[links[near] == org].itertuples(index=False):
            other = getattr(link, far)
            relation = (
                t(f"relation.{link.relation}.inverse", lang)
                if labels
                else category_label("relation", link.relation, lang)
            )
            lines.append(
                LinkLine(
                    relation,
                    other,
                    names.get(other, other),
                    link_years(link.since, link.until, lang),
                    safe_url(link.source),
                    bool(linked) and other == linked and org != linked,
                )
            )
    return sorted(lines, key=lambda line: (not line.reason, line.relation, line.name))


def details_html(
    row: pd.Series,
    lang: str = "en",
    links: pd.DataFrame | None = None,
    names: Mapping[str, str] | None = None,
    linked: str = "",
) -> str:
    """One organisation's details as inert HTML (the fields of ``maps.detail_fields``, its links).

    Parameters
    ----------
    row : pandas.Series
        The organisation (a ``load_organisations`` row).
    lang : str
        The page's language (labels, relation names, reading direction).
    links : pandas.DataFrame, optional
        The links: each of the organisation's is listed with relation, years and source.
    names : mapping, optional
        Organisation id -> name, for the other end of each link.
    linked : str
        The id of a "linked to" view's organisation: its links come first, as the reason.
    """
    parts = [f'<div class="atlas-details" dir="{direction(lang)}">', "<dl>"]
    for field, label, text in maps.detail_fields(row, lang):
        parts.append(f"<dt>{escape_html(label)}</dt>")
        href = safe_url(text) if field == "website" else ""
        parts.append(f"<dd>{_link(href, text) if href else escape_html(text)}</dd>")
    parts.append("</dl>")
    lines = [] if links is None else link_lines(str(row["id"]), links, names or {}, lang, linked)
    reasons = [line for line in lines if line.reason]
    others = [line for line in lines if not line.reason]
    if reasons:
        name = (names or {}).get(linked, linked)
        why = escape_html(t("detail.linked_why", lang, name=name))
        parts.append(f'<p class="atlas-details-why">{why}</p>')
        parts.append(_link_list(reasons, lang, "atlas-details-reasons"))
    if others:
        heading = escape_html(t("detail.linked", lang))
        parts.append(f'<p class="atlas-details-heading">{heading}</p>')
        parts.append(_link_list(others, lang, "atlas-details-links"))
    parts.append("</div>")
    return DETAILS_CSS + "".join(parts)


def _link(href: str, text: str) -> str:
    """An ``<a>`` opening an http(s) address in a new tab (``href`` from ``safe_url``)."""
    return (
        f'<a href="{escape_html(href)}" target="_blank" rel="noopener noreferrer">'
        f"{escape_html(text)}</a>"
    )


def _link_list(lines: list[LinkLine], lang: str, css_class: str) -> str:
    """A list of links: "Funds: Name (since 2013 · source)"."""
    items = []
    for line in lines:
        source = f" · {_link(line.source, t('detail.link_source', lang))}" if line.source else ""
        items.append(
            f"<li>{escape_html(line.relation)}: <strong>{escape_html(line.name)}</strong>"
            f' <span class="atlas-details-meta">({escape_html(line.years)}{source})</span></li>'
        )
    return f'<ul class="{css_class}">' + "".join(items) + "</ul>"


DETAILS_CSS = """<style>
.atlas-details dl { display: grid; grid-template-columns: max-content 1fr; gap: .2rem .9rem;
  margin: 0 0 .6rem; }
.atlas-details dt { font-weight: 600; color: #3d3d3d; }
.atlas-details dd { margin: 0; overflow-wrap: anywhere; unicode-bidi: plaintext; }
.atlas-details ul { margin: .2rem 0 .6rem; padding-inline-start: 1.2rem; }
.atlas-details-why, .atlas-details-heading { font-weight: 700; margin: .4rem 0 0; }
.atlas-details-reasons li { border-inline-start: 3px solid #0072B2; padding-inline-start: .4rem;
  list-style: none; margin-inline-start: -1.2rem; }
.atlas-details-meta { color: #4a4a55; }
.atlas-details a { color: #005a8c; }
@media (max-width: 640px) { .atlas-details dl { grid-template-columns: 1fr; }
  .atlas-details dd { margin-bottom: .3rem; } }
</style>"""
