"""Every view is a link: the permalink, the Share button, the copy-link box, export provenance.

The one home of sharing: ``share_action`` (the Share button at the top of a
page: the phone's own share sheet where the browser offers one, else it
copies the link) and ``share_box`` (the sidebar's link with a copy button).
Both give the address as it is when used (``mapping/assets/url.js``): the map
keeps its view and open organisation there without re-running the app.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

import streamlit as st

from mapping import assets
from mapping.audience import PATH as AUDIENCE_PATH
from mapping.frame import Frame
from mapping.provenance import Provenance
from mapping.qr import PATH as QR_PATH
from mapping.qr import qr_img
from mapping.safety import escape_html, safe_url
from mapping.ui.language import _


def permalink() -> str:
    """Return the absolute link to this exact view (every query parameter), or "" if unknown."""
    base = st.context.url or ""
    if not safe_url(base):
        return ""
    query = urlencode(st.query_params.to_dict(), safe=",")
    return base.split("?", 1)[0].split("#", 1)[0] + (f"?{query}" if query else "")


def view_links(query: Mapping[str, str] | None = None) -> tuple[str, str]:
    """The audience link and the full atlas's link of a view: this page's, or ``query``'s.

    Both are absolute (a QR code is read by another device), on this server, or ""
    when the page's address is unknown. This page's full link is its permalink; that
    of ``query`` (a presenter's scene) opens the map.
    """
    base = safe_url(st.context.url or "")
    if not base:
        return "", ""
    parts = urlsplit(base)
    origin = f"{parts.scheme}://{parts.netloc}"
    params = st.query_params.to_dict() if query is None else dict(query)
    encoded = urlencode(params, safe=",")
    suffix = f"?{encoded}" if encoded else ""
    full = permalink() if query is None else f"{origin}/{suffix}"
    return f"{origin}{AUDIENCE_PATH}{suffix}", full


# What a QR code follows in the address bar: nothing (the link it was drawn with), the
# address itself, or the address's audience link.
FOLLOWS = ("", "page", "audience")


@dataclass(frozen=True)
class QrCode:
    """A QR code to show: its caption, its link, its width on the page (pixels).

    ``follows`` (one of ``FOLLOWS``) has the browser redraw it as the address bar changes
    (``mapping/assets/url.js``): the map keeps its centre, zoom and open organisation
    there without a run, so a code drawn by the run would show the view as it was.
    """

    caption: str
    link: str
    width: int
    follows: str = ""

    def __post_init__(self) -> None:
        if self.follows not in FOLLOWS:
            raise ValueError(f"follows={self.follows!r} is not one of {FOLLOWS}")

    def html(self) -> str:
        """The code as a figure: the image, the caption, the link spelt out."""
        alt = _("share.qr_alt", link=self.link)
        follow = ""
        if self.follows:
            # The browser writes the new link into the label: "{link}" marks where.
            template = _("share.qr_alt", link="{link}")
            follow = (
                f' data-follows="{self.follows}" data-link="{escape_html(self.link)}"'
                f' data-alt="{escape_html(template)}"'
            )
        return (
            f'<figure class="atlas-qr-figure" style="width: min({self.width}px, 100%)"{follow}>'
            f"{qr_img(self.link, alt)}"
            f'<figcaption dir="auto">{escape_html(self.caption)}</figcaption>'
            f'<p class="atlas-qr-link" dir="ltr">{escape_html(self.link)}</p></figure>'
        )


def show_qr_codes(codes: Sequence[QrCode], *, large: bool = False) -> None:
    """Show QR codes side by side, each with its caption and its link under it.

    ``large`` sets the captions and links in type a hall can read (the Present page).
    Codes that follow the address bar come with the script that redraws them.
    """
    size = " atlas-qr-large" if large else ""
    box = (
        f'<div class="atlas-qr{size}" data-audience="{AUDIENCE_PATH}" data-qr="{QR_PATH}">'
        f"{''.join(code.html() for code in codes)}</div>{QR_STYLE}"
    )
    if any(code.follows for code in codes):
        st.html(box + assets.url_keeper_script(), unsafe_allow_javascript=True)
    else:
        st.html(box)


def share_qr() -> None:
    """The QR codes of this view's audience link and full link (in a closed expander).

    Both follow the address bar: opened after panning the map, they show where it is now.
    """
    audience, full = view_links()
    if not audience:
        return
    with st.expander(_("share.qr_heading")):
        show_qr_codes(
            [
                QrCode(_("share.qr_audience"), audience, 220, follows="audience"),
                QrCode(_("share.qr_full"), full, 220, follows="page"),
            ]
        )


QR_STYLE = """<style>
.atlas-qr { display: flex; flex-wrap: wrap; gap: 1.2rem; align-items: flex-start; }
.atlas-qr-figure { margin: 0; }
.atlas-qr-figure img { display: block; width: 100%; height: auto; image-rendering: pixelated; }
.atlas-qr-figure figcaption { font-weight: 600; margin-top: .3rem; }
.atlas-qr-link { font-family: monospace; font-size: .75rem; overflow-wrap: anywhere; margin: 0; }
/* A hall's screen: the audience link's code under its words, the full link's smaller
   one beside its own, all of it within the screen's height. */
.atlas-qr-large { flex-direction: column; gap: 1.6rem; }
.atlas-qr-large .atlas-qr-figure { display: flex; flex-direction: column; }
.atlas-qr-large figcaption { order: -1; margin: 0 0 .5rem; font-size: 2rem; line-height: 1.2;
  color: #000; }
.atlas-qr-large .atlas-qr-link { margin-top: .4rem; font-size: 1.25rem; color: #000; }
.atlas-qr-large .atlas-qr-figure + .atlas-qr-figure { display: grid; width: 100% !important;
  grid-template-columns: 200px 1fr; grid-template-rows: auto 1fr; column-gap: 1.2rem; }
.atlas-qr-large .atlas-qr-figure + .atlas-qr-figure img { grid-row: 1 / span 2; }
.atlas-qr-large .atlas-qr-figure + .atlas-qr-figure figcaption { order: 0; font-size: 1.6rem; }
</style>"""


def provenance(frame: Frame) -> Provenance:
    """Return how the current view was made, for exports."""
    return Provenance.from_view(
        frame.filters,
        shown=len(frame.shown),
        total=len(frame.all),
        permalink=permalink(),
        names=dict(zip(frame.all["id"], frame.all["name"], strict=True)),
        undated=frame.undated,
        edition=frame.dataset.edition,
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
    share_qr()


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
