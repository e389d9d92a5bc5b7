"""Every view is a link: the permalink, the Share button, the copy-link box, export provenance.

The one home of sharing: ``share_action`` (the Share button at the top of a
page: the phone's own share sheet where the browser offers one, else it
copies the link) and ``share_box`` (the sidebar's link with a copy button).
Both give the address as it is when used (``mapping/assets/url.js``): the map
keeps its view and open organisation there without re-running the app.
"""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from mapping import assets
from mapping.provenance import Provenance
from mapping.safety import escape_html, safe_url
from mapping.ui.frame import Frame
from mapping.ui.language import _


def permalink() -> str:
    """Return the absolute link to this exact view (every query parameter), or "" if unknown."""
    base = st.context.url or ""
    if not safe_url(base):
        return ""
    query = urlencode(st.query_params.to_dict(), safe=",")
    return base.split("?", 1)[0].split("#", 1)[0] + (f"?{query}" if query else "")


def provenance(frame: Frame) -> Provenance:
    """Return how the current view was made, for exports."""
    return Provenance.from_view(
        frame.filters,
        shown=len(frame.shown),
        total=len(frame.all),
        permalink=permalink(),
        names=dict(zip(frame.all["id"], frame.all["name"], strict=True)),
        undated=frame.undated,
    )


def share_action() -> None:
    """The Share button at the top of a page (under its title and sentence).

    On a phone it opens the system's share sheet (``navigator.share``); where
    the browser has none it copies the link and says so.
    """
    if not permalink():
        return
    st.html(
        SHARE_ACTION_HTML.format(
            label=escape_html(_("share.action")),
            help=escape_html(_("share.action_help")),
            copied=escape_html(_("share.copied")),
            title=escape_html(_("app.title")),
        )
        + assets.url_keeper_script(),
        unsafe_allow_javascript=True,
    )


def share_box() -> None:
    """Show the view's permalink with a copy button.

    The box and its button read the address bar when used, not this run's
    URL: the map keeps its centre, zoom and open organisation there without
    re-running the app (``mapping/assets/url.js``).
    """
    link = permalink()
    if not link:
        return
    st.caption(_("share.caption"))
    st.html(
        SHARE_HTML.format(
            link=escape_html(link),
            label=escape_html(_("share.label")),
            copy=escape_html(_("share.copy")),
            copied=escape_html(_("share.copied")),
        )
        + assets.url_keeper_script(),
        unsafe_allow_javascript=True,
    )


SHARE_HTML = """<style>
.atlas-share {{ display: flex; gap: .4rem; align-items: center; flex-wrap: wrap; }}
.atlas-share input {{ flex: 1 1 10rem; min-width: 0; font: inherit; font-size: .8rem;
  padding: .35rem .5rem; border: 1px solid rgba(49, 51, 63, .3); border-radius: .4rem;
  direction: ltr; background: transparent; color: inherit; }}
.atlas-share button {{ font: inherit; font-size: .85rem; padding: .35rem .8rem;
  border: 1px solid rgba(49, 51, 63, .3); border-radius: .4rem; background: white;
  color: inherit; cursor: pointer; }}
.atlas-share button:hover {{ border-color: #ff4b4b; color: #ff4b4b; }}
.atlas-share [role=status] {{ font-size: .8rem; flex-basis: 100%; min-height: 1.1em; }}
</style>
<div class="atlas-share">
<input type="text" readonly value="{link}" aria-label="{label}" onfocus="this.select()">
<button type="button" data-copied="{copied}">{copy}</button>
<span role="status" aria-live="polite"></span>
</div>"""


SHARE_ACTION_HTML = """<style>
.atlas-share-action {{ display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; }}
.atlas-share-action button {{ font: inherit; font-size: .95rem; font-weight: 600;
  min-height: 2.5rem; padding: .35rem .9rem; border: 1px solid #005a8c; border-radius: .5rem;
  background: #fff; color: #005a8c; cursor: pointer; }}
.atlas-share-action button:hover {{ background: #eaf3f9; }}
.atlas-share-action button:focus-visible {{ outline: 3px solid #0072B2; outline-offset: 2px; }}
.atlas-share-action [role=status] {{ font-size: .9rem; color: #1b1b1b; }}
</style>
<div class="atlas-share-action">
<button type="button" title="{help}" data-copied="{copied}" data-title="{title}">{label}</button>
<span role="status" aria-live="polite"></span>
</div>"""
