"""Every view is a link: the permalink, the copy-link box, and the provenance of exports."""

from __future__ import annotations

from urllib.parse import urlencode

import streamlit as st

from mapping import assets
from mapping.frame import Frame
from mapping.provenance import Provenance
from mapping.safety import escape_html, safe_url
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
