"""Embeds: the "Embed" action of the Map, Charts and Network pages, and a page opened as an embed.

An embed is a page opened with Streamlit's own ``embed=true`` (``st.context.is_embedded``):
it draws no sidebar, no page links and no language switch, only the view its URL names
(the built-in data, read-only: no upload, no sign-in), with a link to open that view in
the atlas. The "Embed" action gives the ``<iframe>`` snippet of the view as it is now
(``mapping/assets/embed.js`` fills it in the browser from ``mapping.embed.iframe_html``).
"""

from __future__ import annotations

import streamlit as st

from mapping import assets, embed
from mapping.dataset import Dataset
from mapping.filters import Filters
from mapping.frame import PAGE_PARAMS, Frame
from mapping.safety import escape_html, escape_markdown
from mapping.ui.language import _, lang, shown
from mapping.ui.share import permalink


def embedded() -> bool:
    """Whether this page was opened as an embed (``?embed=true``)."""
    return bool(st.context.is_embedded)


def embed_frame(dataset: Dataset) -> Frame:
    """The frame an embed shows: the filters of its URL (what cannot be used is named)."""
    params = {key: st.query_params.get_all(key) for key in st.query_params}
    filters, notices = Filters.parse_query_params(params, other_keys=PAGE_PARAMS)
    filters, problems = filters.known_ids(dataset)
    for notice in [*notices, *(problem.notice for problem in problems)]:
        st.toast(escape_markdown(shown(notice)), icon="⚠️")
    return Frame.of(dataset, filters, lang())


def embed_header(frame: Frame) -> None:
    """An embed's top line: what the view shows, and a link to open it in the atlas."""
    text, action = st.columns([5, 2], vertical_alignment="center")
    # The atlas's name first: an embed on another site still says whose data it shows.
    text.caption(f"**{escape_markdown(_('app.title'))}** · {escape_markdown(frame.caption)}")
    link = permalink()
    if link:
        action.link_button(_("embed.open"), link, icon=":material/open_in_new:", width="stretch")


def embed_action(frame: Frame, page: str) -> None:
    """The "Embed" button: a popover with the view's snippet, its size and a copy button."""
    target = embed.BY_PAGE[page]
    title = _("embed.title", app=_("app.title"), page=_(f"page.{page}"), view=frame.caption)
    with st.popover(_("embed.action"), icon=":material/code:", help=_("embed.help")):
        # Its texts are in the box's HTML, not captions: the page's captions are its sentence.
        template = embed.iframe_html("{src}", "{width}", "{height}", title)
        st.html(
            EMBED_HTML.format(
                intro=escape_html(_("embed.intro")),
                oembed=escape_html(_("embed.oembed")),
                width=target.width,
                height=target.height,
                low=embed.MIN_SIZE,
                high=embed.MAX_SIZE,
                width_label=escape_html(_("embed.width")),
                height_label=escape_html(_("embed.height")),
                code_label=escape_html(_("embed.code")),
                copy=escape_html(_("embed.copy")),
                copied=escape_html(_("embed.copied")),
            )
            + assets.embed_script(template),
            unsafe_allow_javascript=True,
        )


EMBED_HTML = """<style>
.atlas-embed {{ display: grid; gap: .5rem; min-width: 18rem; }}
.atlas-embed .sizes {{ display: flex; gap: .75rem; flex-wrap: wrap; }}
.atlas-embed label {{ display: flex; flex-direction: column; font-size: .85rem; gap: .2rem; }}
.atlas-embed input {{ width: 7rem; font: inherit; padding: .3rem .4rem;
  border: 1px solid rgba(49, 51, 63, .35); border-radius: .4rem; }}
.atlas-embed textarea {{ font-family: ui-monospace, monospace; font-size: .8rem; min-height: 7rem;
  direction: ltr; text-align: left; padding: .4rem; border: 1px solid rgba(49, 51, 63, .35);
  border-radius: .4rem; resize: vertical; }}
.atlas-embed button {{ justify-self: start; font: inherit; font-size: .85rem;
  padding: .35rem .8rem; border: 1px solid rgba(49, 51, 63, .35); border-radius: .4rem;
  background: white; color: inherit; cursor: pointer; }}
.atlas-embed button:hover {{ border-color: #005a8c; color: #005a8c; }}
.atlas-embed [role=status] {{ font-size: .8rem; min-height: 1.1em; }}
.atlas-embed p {{ margin: 0; font-size: .85rem; color: rgba(49, 51, 63, .75); }}
</style>
<div class="atlas-embed" data-width="{width}" data-height="{height}" data-min="{low}"
 data-max="{high}">
<p>{intro}</p>
<div class="sizes">
<label>{width_label}<input name="width" type="number" min="{low}" max="{high}" value="{width}"
 inputmode="numeric"></label>
<label>{height_label}<input name="height" type="number" min="{low}" max="{high}" value="{height}"
 inputmode="numeric"></label>
</div>
<label>{code_label}<textarea readonly spellcheck="false"></textarea></label>
<button type="button" data-copied="{copied}">{copy}</button>
<span role="status" aria-live="polite"></span>
<p>{oembed}</p>
</div>"""
