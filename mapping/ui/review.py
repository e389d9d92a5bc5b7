"""The Review page: moderators decide pending suggestions (issue #21).

Signed out, the page offers sign-in (or says that moderators use the command
line on a server without it); signed in but not on the moderators' list, it says
so and shows nothing else. A moderator sees the pending suggestions oldest first,
each with its changes against today's row, source, likely duplicates and the
decide functions' own verdict, and decides in a form.

The page shows forms only to a moderator, but that is not the permission: a
submitted form calls ``moderation.decide`` with the identities ``st.user`` holds
when it runs, and ``decide`` asks the moderators' list again inside its
transaction. Text from suggestions is data: shown in tables and escaped Markdown.
"""

from __future__ import annotations

import pandas as pd
import streamlit as st

from mapping import dataset, edition, store
from mapping.data import MULTI_VALUED, RELEASE_REQUIRED
from mapping.i18n import bidi_isolate
from mapping.review import Review, narrow, queue
from mapping.safety import escape_markdown, safe_url
from mapping.store import moderation
from mapping.store.schema import ACTIONS
from mapping.suggestions import KINDS, ORGANISATION_FIELDS
from mapping.ui import signin
from mapping.ui.contribute import field_label
from mapping.ui.dataset import dataset_or_stop
from mapping.ui.language import _, lang, shown
from mapping.ui.page import setup_page
from mapping.validate import join_multi

_KEY = "atlas_review."
_OUTCOME = _KEY + "outcome"  # the last decision's message: ("success" | "error", text)
SHOWN_AT_ONCE = 25  # suggestions drawn per run; the rest wait for the next page of the queue

__all__ = ["review_page"]


def review_page() -> None:
    """Draw the whole page."""
    setup_page("review")
    st.title(_("review.heading"))
    outcome = st.session_state.pop(_OUTCOME, None)
    if outcome is not None:
        kind, text = outcome
        (st.success if kind == "success" else st.error)(escape_markdown(text))
    if not signin.signed_in():
        _signed_out()
        return
    who = signin.moderator()
    _account(who)
    if who is None:
        st.warning(escape_markdown(_("review.not_moderator", who=signin.display_name())))
        return
    dataset_or_stop()  # the atlas loads: the page's sidebar and language work as elsewhere
    try:
        current = moderation.live(edition.Release.current())
        records = moderation.pending()
    except store.UnavailableError:
        st.error(_("review.unavailable"))
        return
    everything = queue(records, current)  # reviewed once a run, then narrowed
    kind, country = _filters(everything)
    found = narrow(everything, kind=kind, country=country)
    st.caption(_("review.count", n=len(found), total=len(records)))
    if not found:
        st.info(_("review.empty"))
    for seen in found[:SHOWN_AT_ONCE]:
        _suggestion(seen)


def _signed_out() -> None:
    st.markdown(escape_markdown(_("review.intro")))
    if signin.signin_configured():
        st.button(_("review.sign_in"), key=_KEY + "sign_in", on_click=st.login, type="primary")
    else:
        st.info(_("review.no_signin"))


def _account(who: dict | None) -> None:
    name = (who or {}).get("name") or signin.display_name()
    with st.container(horizontal=True, vertical_alignment="center"):
        st.caption(escape_markdown(_("review.signed_in_as", who=name)))
        st.button(_("review.sign_out"), key=_KEY + "sign_out", on_click=st.logout)


def _filters(everything: list[Review]) -> tuple[str | None, str | None]:
    countries = sorted({seen.country for seen in everything if seen.country})
    with st.container(horizontal=True):
        kind = st.selectbox(
            _("review.filter.kind"),
            [None, *KINDS],
            format_func={
                None: _("review.filter.all"),
                **{k: _(f"contribute.kind.{k}") for k in KINDS},
            }.__getitem__,
            key=_KEY + "kind",
        )
        country = st.selectbox(
            _("review.filter.country"),
            [None, *countries],
            format_func=lambda code: _("review.filter.all") if code is None else code,
            key=_KEY + "country",
        )
    return kind, country


def _suggestion(seen: Review) -> None:
    record = seen.record
    with st.container(border=True, key=_KEY + "card." + seen.ref):
        kind = _("contribute.kind." + record["kind"])
        # Each part isolated: an id or a Latin name keeps its order inside Hebrew text.
        about = bidi_isolate(seen.about)
        if seen.name and seen.name != seen.about:
            about = f"{bidi_isolate(seen.name)} ({about})"
        st.subheader(escape_markdown(f"{seen.ref} · {kind} · {about}"), anchor=False)
        st.caption(escape_markdown(_("review.sent", at=str(record["created_at"])[:16])))
        url = safe_url(record["source_url"])
        if url:
            st.markdown(_("review.source") + f" [{escape_markdown(url)}](<{url}>)")
        for label in ("reason", "note"):
            if record.get(label):
                st.markdown(f"**{_(f'review.{label}')}** " + escape_markdown(str(record[label])))
        if seen.changes:
            table = pd.DataFrame(
                [
                    (field_label(c.field), join_multi(c.before), join_multi(c.after))
                    for c in seen.changes
                ],
                columns=[
                    _("review.column.field"),
                    _("review.column.today"),
                    _("review.column.proposed"),
                ],
            )
            st.dataframe(table, hide_index=True, width="stretch")
        elif record["kind"] == "removal":
            st.markdown(escape_markdown(_("review.removal", org=seen.about)))
        for duplicate in seen.duplicates:
            st.warning(
                escape_markdown(
                    _(
                        "review.duplicate",
                        name=duplicate.name,
                        org=duplicate.id,
                        why=shown(duplicate.why),
                    )
                )
            )
        if seen.problems:
            st.error(
                escape_markdown(
                    _("review.verdict.problems")
                    + " "
                    + "; ".join(
                        f"{field_label(p.field)}: {p.render(lang())}" for p in seen.problems
                    )
                )
            )
        else:
            st.success(_("review.verdict.ok"))
        _decision_form(seen)


def _editable(seen: Review) -> list[str]:
    """The fields a moderator may change before approving: those proposed, and for a new
    organisation every field a release requires that is still blank."""
    record = seen.record
    if record["kind"] == "removal":
        return []
    fields = list(record["proposed"])
    if record["kind"] == "new_organisation":
        fields += [f for f in RELEASE_REQUIRED if f in ORGANISATION_FIELDS and f not in fields]
    return fields


def _decision_form(seen: Review) -> None:
    ref, record = seen.ref, seen.record
    actions = [a for a in ACTIONS if a != "merge" or record["kind"] == "new_organisation"]
    with st.form(_KEY + "form." + ref, border=False):
        st.radio(
            _("review.action"),
            actions,
            format_func={a: _(f"review.action.{a}") for a in actions}.__getitem__,
            horizontal=True,
            key=_KEY + "action." + ref,
        )
        fields = _editable(seen)
        given = {name: join_multi(seen.proposal.values.get(name, "")) for name in fields}
        if fields:
            with st.expander(_("review.edit"), expanded=bool(seen.problems)):
                for name in fields:
                    st.text_input(
                        field_label(name) + (" (;)" if name in MULTI_VALUED else ""),
                        value=given[name],
                        key=_KEY + f"edit.{ref}.{name}",
                    )
        if "merge" in actions:
            options = [d.id for d in seen.duplicates]
            st.text_input(
                _("review.merge_into"),
                value=options[0] if options else "",
                key=_KEY + "merge." + ref,
                help=_("review.merge_help"),
            )
        st.text_input(_("review.reason_label"), key=_KEY + "reason." + ref)
        # A callback, not the button's value: it runs at the start of the next run even
        # when the suggestion is no longer in the queue (another moderator decided it), so
        # the second moderator is told so instead of their click vanishing.
        st.form_submit_button(
            _("review.decide"),
            type="primary",
            key=_KEY + "decide." + ref,
            on_click=_submitted,
            args=(ref, given),
        )


def _submitted(ref: str, given: dict[str, str]) -> None:
    """The Decide button's callback: the form's values, decided as whoever is signed in now."""
    state = st.session_state
    action = state.get(_KEY + "action." + ref, "approve")
    edits = {}
    for name, value in given.items():
        now = str(state.get(_KEY + f"edit.{ref}.{name}", value)).strip()
        if now != value:
            edits[name] = now
    merge_into = str(state.get(_KEY + "merge." + ref, "")).strip() if action == "merge" else None
    _decide(ref, action, str(state.get(_KEY + "reason." + ref, "")), edits, merge_into)


def _decide(ref: str, action: str, reason: str, edits: dict, merge_into: str | None) -> None:
    """Run the decision as whoever ``st.user`` says is signed in now (the list decides)."""
    try:
        decided = moderation.decide(
            ref,
            action,
            signin.identities(),
            release=edition.Release.current(),
            reason=reason,
            edits=edits,
            merge_into=merge_into,
        )
    except moderation.ModerationError as error:
        st.session_state[_OUTCOME] = ("error", shown(error))
        return
    except store.UnavailableError:
        st.session_state[_OUTCOME] = ("error", _("review.unavailable"))
        return
    dataset.read_again()
    message = _(f"review.done.{action}", ref=decided.ref, changes=len(decided.changes))
    st.session_state[_OUTCOME] = ("success", message)
