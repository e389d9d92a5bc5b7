"""The Contribute page: suggest a new organisation, a new link, a correction or a removal.

The widgets start from the URL (``kind``, ``org``; ``ref`` shows a suggestion's status)
and hold what the person types across reruns; ``mapping.suggestions`` builds and checks
the suggestion (the same code the HTTP API uses) and ``mapping.store.suggestions`` keeps
it. Sending runs in the button's callback, before the next run draws the widgets, so a
sent form can be emptied and a refused one keeps every value. Every value typed is
data: shown with ``escape_markdown`` or in tables, never as markup.

Only this page touches the database (one count when it opens, cached for a few seconds,
and the send): a visitor of the other pages causes no database work.
"""

from __future__ import annotations

import contextlib
from types import MappingProxyType

import pandas as pd
import streamlit as st
from streamlit.errors import StreamlitPageNotFoundError

from mapping import countries, maps, store, suggestions, vocab
from mapping.csvfile import DatasetError
from mapping.dataset import organisation_names
from mapping.i18n import Message, category_label, country_names
from mapping.safety import escape_markdown
from mapping.store import suggestions as kept
from mapping.suggestions import KINDS, LinkKey, Reference, Suggestion
from mapping.ui.dataset import dataset_or_stop
from mapping.ui.language import _, lang, shown
from mapping.ui.page import setup_page
from mapping.validate import (
    MAX_LENGTHS,
    coordinate_problem,
    join_multi,
    parse_number,
    split_multi,
)

_KEY = "atlas_contribute."
KIND = _KEY + "kind"
ORG = _KEY + "org"
SUBJECT = _KEY + "subject"
LINK = _KEY + "link"
SOURCE = _KEY + "source"
REASON = _KEY + "reason"
NOTE = _KEY + "note"
CONTACT_NAME = _KEY + "contact_name"
CONTACT_EMAIL = _KEY + "contact_email"
HONEYPOT = _KEY + "website_confirm"
PICK = _KEY + "pick"
_PREFILLED = "atlas_contribute_prefilled"
_RECEIPT = "atlas_contribute_receipt"
_PROBLEMS = "atlas_contribute_problems"
_NOTICE = "atlas_contribute_notice"
_URL_APPLIED = "atlas_contribute_url"
_PICKED = "atlas_contribute_picked"
SUBJECTS = ("organisation", "link")
# How long the page trusts its last look at the intake (open, paused, down): a person
# typing reruns the page at every change, and a database that is down should not make
# each of those runs wait for a connection timeout.
INTAKE_TTL_S = 15
PICK_MAP_HEIGHT = 380
# The form's text fields: one line, or several.
LONG_TEXT = ("description",)
# The form at a page's width; web and email addresses read left to right on a Hebrew page
# too; other text takes the direction of its own first letter (an English name in Hebrew).
FORM_CSS = """<style>
/* A form reads better at the width of a page than across a wide screen. */
[data-testid="stMainBlockContainer"] { max-width: 56rem; }
[data-testid="stMain"] input, [data-testid="stMain"] textarea { unicode-bidi: plaintext; }
[data-testid="stMain"] input[type="url"], [data-testid="stMain"] input[type="email"] {
  direction: ltr; text-align: left; }
</style>"""
EMAIL_PLACEHOLDER = "name@example.org"
# Vocabulary fields and the i18n kind of their labels.
_CATEGORY = {"roles": "role", "domains": "domain", "org_type": "org_type", "scope": "scope"}


def _field(kind: str, name: str) -> str:
    """The widget key of a value field: one set per kind, so kinds do not share values."""
    return f"{_KEY}{kind}.{name}"


def field_label(name: str) -> str:
    """A field's label in the page's language (``values.roles``, ``contact.email`` too)."""
    bare = name.removeprefix("values.").removeprefix("target.").replace("contact.", "contact_")
    key = f"field.{bare}"
    try:
        return _(key)
    except KeyError:
        return bare


def contribute_page() -> None:
    """Draw the whole page."""
    setup_page("contribute")
    st.html(FORM_CSS)
    st.title(_("contribute.heading"))
    st.markdown(escape_markdown(_("contribute.intro")))
    dataset = dataset_or_stop()
    try:
        reference = Reference.load()
    except DatasetError as error:
        st.error(escape_markdown(shown(error)))
        st.stop()
    names = organisation_names(dataset, lang())
    status_section(reference, names)
    receipt = st.session_state.get(_RECEIPT)
    if receipt is not None:
        thanks(receipt)
        return
    intake_notice()
    _apply_url(reference)
    kind = st.radio(
        _("contribute.kind_label"),
        KINDS,
        # Labels worked out now: a format function runs later, outside this page's run.
        format_func={k: _(f"contribute.kind.{k}") for k in KINDS}.__getitem__,
        horizontal=True,
        key=KIND,
        on_change=_write_url,
    )
    target = target_widgets(kind, reference, names)
    if kind in ("correction", "removal") and target is None:
        st.info(_("contribute.choose_first"))
    else:
        value_widgets(kind, target, reference, names)
    suggestion = current_suggestion(reference)
    if kind == "new_organisation":
        duplicates(suggestion, reference, names)
    if kind == "correction" and target is not None:
        what_changes(suggestion, reference)
    common_widgets(kind)
    problems_and_notice()
    st.button(
        _("contribute.submit"),
        type="primary",
        on_click=send,
        args=(reference,),
        key=_KEY + "send",
    )


# The URL ----------------------------------------------------------------------------------------


def _apply_url(reference: Reference) -> None:
    """Start from the URL's ``kind`` and ``org`` once per link opened."""
    wanted = (st.query_params.get("kind", ""), st.query_params.get("org", ""))
    if st.session_state.get(_URL_APPLIED) == wanted:
        return
    st.session_state[_URL_APPLIED] = wanted
    kind, org = wanted
    if kind in KINDS:
        st.session_state[KIND] = kind
    if org in reference.organisations:
        st.session_state[ORG] = org
        st.session_state[SUBJECT] = "organisation"
        if kind not in KINDS:
            st.session_state[KIND] = "correction"


def _write_url() -> None:
    """Keep the chosen kind and organisation in the URL: the form is a link."""
    kind = st.session_state.get(KIND) or "new_organisation"
    org = st.session_state.get(ORG) if kind in ("correction", "removal") else None
    st.query_params["kind"] = kind
    if org:
        st.query_params["org"] = org
    else:
        st.query_params.pop("org", None)
    st.query_params.pop("ref", None)
    st.session_state[_URL_APPLIED] = (kind, org or "")


# What it is about -------------------------------------------------------------------------------


def _organisation_choice(key: str, label: str, names, *, on_change="ignore") -> str | None:
    """A searchable choice of one organisation, by name in the page's language."""
    options = sorted(names, key=lambda org: names[org].casefold())
    if st.session_state.get(key) not in names:
        st.session_state[key] = None
    return st.selectbox(
        label,
        options,
        index=None,
        format_func=lambda org: names.get(org, org),
        placeholder=_("contribute.organisation_placeholder"),
        key=key,
        on_change=on_change,
    )


def link_text(key: LinkKey, names) -> str:
    """A link as a person reads it: first organisation · relation · second."""
    relation = (
        category_label("relation", key.relation, lang())
        if key.relation in vocab.RELATIONS
        else key.relation
    )
    return _(
        "contribute.link_text",
        source=names.get(key.source_id, key.source_id),
        relation=relation,
        target=names.get(key.target_id, key.target_id),
    )


def target_widgets(kind: str, reference: Reference, names) -> suggestions.Target:
    """For a correction or a removal: the organisation, or one of its links."""
    if kind not in ("correction", "removal"):
        return None
    org = _organisation_choice(ORG, _("contribute.organisation_label"), names, on_change=_write_url)
    subject = st.radio(
        _("contribute.subject_label"),
        SUBJECTS,
        format_func={s: _(f"contribute.subject.{s}") for s in SUBJECTS}.__getitem__,
        horizontal=True,
        key=SUBJECT,
    )
    if org is None:
        return None
    if subject == "organisation":
        return org
    links = reference.links_of(org)
    if not links:
        st.info(_("contribute.no_links"))
        return None
    encoded = {"\t".join((k.source_id, k.relation, k.target_id)): k for k in links}
    if st.session_state.get(LINK) not in encoded:
        st.session_state[LINK] = None
    chosen = st.selectbox(
        _("contribute.link_label"),
        list(encoded),
        index=None,
        format_func={code: link_text(key, names) for code, key in encoded.items()}.__getitem__,
        placeholder=_("contribute.link_placeholder"),
        key=LINK,
    )
    return encoded.get(chosen) if chosen else None


# The values -------------------------------------------------------------------------------------


def _fields_of(kind: str, target: suggestions.Target) -> tuple[str, ...]:
    """The value fields the form shows for a kind (and a correction's target)."""
    if kind == "new_organisation":
        return suggestions.ORGANISATION_FIELDS
    if kind == "new_link":
        return suggestions.LINK_FIELDS
    if kind == "correction":
        return (
            suggestions.LINK_CORRECTABLE
            if isinstance(target, LinkKey)
            else suggestions.ORGANISATION_FIELDS
        )
    return ()


def _widget_value(name: str, value: suggestions.Value) -> object:
    """A stored value as its widget holds it (a list, None for no choice, or text)."""
    if name in ("roles", "domains", "network"):
        return list(value) if isinstance(value, tuple) else list(split_multi(value))
    if name in ("org_type", "scope", "country_code", "relation", "source_id", "target_id"):
        return value or None
    return join_multi(value)


def _prefill(kind: str, target: suggestions.Target, reference: Reference) -> None:
    """Start a correction's fields from today's values, once per organisation or link."""
    marker = (kind, target)
    if st.session_state.get(_PREFILLED) == marker:
        return
    st.session_state[_PREFILLED] = marker
    today = suggestions.current_values(Suggestion(kind, target), reference)
    for name in _fields_of(kind, target):
        st.session_state[_field(kind, name)] = _widget_value(name, today.get(name, ""))


def value_widgets(kind: str, target: suggestions.Target, reference: Reference, names) -> None:
    """The fields of the dataset's schema that this kind of suggestion sets."""
    if kind == "removal":
        st.text_area(
            _("contribute.required", label=field_label("reason")),
            key=REASON,
            max_chars=MAX_LENGTHS["reason"],
            placeholder=_("contribute.removal_placeholder"),
            on_change="ignore",
        )
        return
    if kind == "correction":
        _prefill(kind, target, reference)
        st.caption(_("contribute.correction_hint"))
    st.subheader(_("contribute.details_heading"), anchor=False)
    if kind == "new_link" or isinstance(target, LinkKey):
        _link_widgets(kind, isinstance(target, LinkKey), names)
    else:
        _organisation_widgets(kind, reference)


def _required(kind: str, name: str) -> str:
    """A field's label, marked when the kind requires it."""
    required = (
        suggestions.ORGANISATION_REQUIRED
        if kind in ("new_organisation", "correction")
        else suggestions.LINK_KEY_FIELDS
    )
    label = field_label(name)
    return _("contribute.required", label=label) if name in required else label


# The fields whose value the page shows something about at once: the likely duplicates of a
# new organisation, and, for a correction, what changes. Any other field waits for Send
# (``on_change="ignore"``): a change rerunning the whole page at every field only made a
# person wait, and a rerun arriving while they typed in the next field could redraw it.
LIVE_FIELDS = MappingProxyType(
    {
        "new_organisation": frozenset({"name", "name_he", "website", "country_code"}),
        "correction": frozenset((*suggestions.ORGANISATION_FIELDS, *suggestions.LINK_FIELDS)),
    }
)


def _on_change(kind: str, name: str) -> str:
    """Rerun the page when this field changes, or wait for Send (``LIVE_FIELDS``)."""
    return "rerun" if name in LIVE_FIELDS.get(kind, ()) else "ignore"


def _text(kind: str, name: str, **options) -> None:
    """A one-line text field, as long as the validator allows."""
    st.text_input(
        _required(kind, name),
        key=_field(kind, name),
        max_chars=MAX_LENGTHS.get(name),
        on_change=_on_change(kind, name),
        **options,
    )


def _choice(kind: str, name: str, options, format_func) -> None:
    """One value from a list (a vocabulary, the countries, the relations), or none."""
    key = _field(kind, name)
    if st.session_state.get(key) not in options:
        st.session_state[key] = None
    st.selectbox(
        _required(kind, name),
        list(options),
        index=None,
        format_func=format_func,
        placeholder="—",
        key=key,
        on_change=_on_change(kind, name),
    )


def _multi(kind: str, name: str, options, format_func, **extra) -> None:
    """Several values from a list."""
    key = _field(kind, name)
    chosen = st.session_state.get(key)
    if chosen is not None:
        allowed = set(options) if not extra.get("accept_new_options") else None
        st.session_state[key] = [v for v in chosen if allowed is None or v in allowed]
    st.multiselect(
        _required(kind, name),
        list(options),
        format_func=format_func,
        key=key,
        placeholder=_("contribute.choose_placeholder"),
        on_change=_on_change(kind, name),
        **extra,
    )


def _organisation_widgets(kind: str, reference: Reference) -> None:
    """A new organisation's fields, or an organisation's for a correction."""
    language = lang()

    def label(category: str):
        return lambda value: category_label(category, value, language)

    _text(kind, "name")
    _text(kind, "name_he")
    _multi(kind, "roles", vocab.ROLES, label("role"))
    left, right = st.columns(2)
    with left:
        _choice(kind, "org_type", vocab.ORG_TYPES, label("org_type"))
    with right:
        _choice(kind, "scope", vocab.SCOPES, label("scope"))
    _multi(kind, "domains", vocab.DOMAINS, label("domain"))
    st.caption(_("contribute.place_hint"))
    names = country_names(language)
    codes = sorted(countries.country_codes(), key=lambda code: names.get(code, code))
    _choice(kind, "country_code", codes, lambda code: names.get(code, code))
    left, right = st.columns(2)
    with left:
        _text(kind, "city")
    with right:
        _text(kind, "region")
    _pick_on_map(kind)
    left, right = st.columns(2)
    with left:
        _text(kind, "latitude")
    with right:
        _text(kind, "longitude")
    left, right = st.columns(2)
    placeholder = _("contribute.year_placeholder")
    with left:
        _text(kind, "year_started", placeholder=placeholder)
    with right:
        _text(kind, "year_ended", placeholder=placeholder)
    networks = sorted({n for record in reference.organisations.values() for n in record["network"]})
    _multi(kind, "network", networks, str, accept_new_options=True)
    _text(kind, "website", placeholder=_("contribute.source_placeholder"), type="url")
    st.text_area(
        _required(kind, "description"),
        key=_field(kind, "description"),
        max_chars=MAX_LENGTHS["description"],
        on_change=_on_change(kind, "description"),
    )


def _pick_on_map(kind: str) -> None:
    """Optionally, a map to click where the organisation is: the coordinates fill in, and a
    marker shows the point they hold."""
    if not st.toggle(_("contribute.pick_on_map"), key=PICK):
        return
    import folium
    from streamlit_folium import st_folium

    st.caption(_("contribute.pick_hint"))
    point = [
        parse_number(st.session_state.get(_field(kind, n)) or "") for n in ("latitude", "longitude")
    ]
    marker = folium.FeatureGroup(name="point")
    if None not in point and coordinate_problem("latitude", str(point[0])) is None:
        folium.CircleMarker(point, radius=8, color="#005A8C", fill=True, fill_opacity=0.9).add_to(
            marker
        )
    clicked = st_folium(
        maps.base_map(lang=lang(), online_tiles=False),
        height=PICK_MAP_HEIGHT,
        returned_objects=["last_clicked"],
        feature_group_to_add=marker,  # the point moves without redrawing the map
        key=_KEY + "pick_map",
        use_container_width=True,
    )
    picked = (clicked or {}).get("last_clicked")
    if picked and picked != st.session_state.get(_PICKED):
        st.session_state[_PICKED] = picked
        st.session_state[_field(kind, "latitude")] = f"{picked['lat']:.5f}"
        st.session_state[_field(kind, "longitude")] = f"{picked['lng']:.5f}"
        st.rerun()  # draw the marker where the click was


def _link_widgets(kind: str, existing: bool, names) -> None:
    """A new link's two organisations and relation, or a link's correctable fields."""
    language = lang()
    if not existing:
        st.caption(_("contribute.link_hint"))
        _organisation_choice(_field(kind, "source_id"), _required(kind, "source_id"), names)
    _choice(
        kind,
        "relation",
        vocab.RELATIONS,
        lambda value: category_label("relation", value, language),
    )
    if not existing:
        _organisation_choice(_field(kind, "target_id"), _required(kind, "target_id"), names)
    left, right = st.columns(2)
    placeholder = _("contribute.year_placeholder")
    with left:
        _text(kind, "since", placeholder=placeholder)
    with right:
        _text(kind, "until", placeholder=placeholder)


# Who is suggesting, and the source -------------------------------------------------------------


def common_widgets(kind: str) -> None:
    """The source, a note, the optional contact, and the field only robots fill in."""
    st.text_input(
        _("contribute.required", label=field_label("source")),
        key=SOURCE,
        max_chars=MAX_LENGTHS["source"],
        placeholder=_("contribute.source_placeholder"),
        help=_("contribute.source_help"),
        type="url",
        on_change="ignore",
    )
    st.text_area(field_label("note"), key=NOTE, max_chars=MAX_LENGTHS["note"], on_change="ignore")
    st.markdown(f"**{escape_markdown(_('contribute.about_you'))}**")
    st.caption(_("contribute.privacy"))
    left, right = st.columns(2)
    with left:
        st.text_input(
            field_label("contact_name"),
            key=CONTACT_NAME,
            max_chars=MAX_LENGTHS["contact_name"],
            autocomplete="name",
            on_change="ignore",
        )
    with right:
        st.text_input(
            field_label("contact_email"),
            key=CONTACT_EMAIL,
            max_chars=MAX_LENGTHS["contact_email"],
            autocomplete="email",
            type="email",
            placeholder=EMAIL_PLACEHOLDER,
            on_change="ignore",
        )
    # A honeypot: hidden from people (and from screen readers and the keyboard: display
    # none), but a robot that fills in every field fills it in too.
    with st.container(key="atlas_contribute_hp"):
        st.text_input(
            _("contribute.honeypot"), key=HONEYPOT, autocomplete="off", on_change="ignore"
        )
    st.html("<style>.st-key-atlas_contribute_hp { display: none !important; }</style>")


# The suggestion, live ---------------------------------------------------------------------------


def _current_target() -> suggestions.Target:
    """The correction's or removal's target as the widgets hold it now."""
    kind = st.session_state.get(KIND)
    if kind not in ("correction", "removal"):
        return None
    org = st.session_state.get(ORG)
    if not org:
        return None
    if st.session_state.get(SUBJECT, "organisation") == "organisation":
        return org
    code = st.session_state.get(LINK)
    if not code:
        return None
    source_id, relation, target_id = code.split("\t")
    return LinkKey(source_id, target_id, relation)


def current_suggestion(reference: Reference) -> Suggestion:
    """The suggestion the widgets hold now (a correction: only what differs from today)."""
    state = st.session_state
    kind = state.get(KIND) or "new_organisation"
    target = _current_target()
    values = {
        name: state.get(_field(kind, name)) or ""
        for name in _fields_of(kind, target)
        if _field(kind, name) in state
    }
    return suggestions.suggestion_from_form(
        kind,
        target,
        values,
        source=state.get(SOURCE) or "",
        reason=state.get(REASON) or "",
        note=state.get(NOTE) or "",
        contact_name=state.get(CONTACT_NAME) or "",
        contact_email=state.get(CONTACT_EMAIL) or "",
        lang=lang(),
        reference=reference,
    )


def _display(name: str, value: suggestions.Value) -> str:
    """A value as the page shows it: vocabulary labels, country names, text as it is."""
    language = lang()
    if not value:
        return _("contribute.empty_value")
    if name in _CATEGORY:
        items = value if isinstance(value, tuple) else (value,)
        return ", ".join(
            category_label(_CATEGORY[name], v, language) if v in vocab.VOCABULARIES[name] else v
            for v in items
        )
    if name == "relation" and value in vocab.RELATIONS:
        return category_label("relation", value, language)
    if name == "country_code":
        return country_names(language).get(str(value), str(value))
    return "; ".join(value) if isinstance(value, tuple) else str(value)


def what_changes(suggestion: Suggestion, reference: Reference) -> None:
    """A correction's changes: each field, today's value and the suggested one."""
    st.subheader(_("contribute.changes_heading"), anchor=False)
    found = suggestions.changes(suggestion, reference)
    if not found:
        st.caption(_("contribute.changes_none"))
        return
    rows = [
        (field_label(c.field), _display(c.field, c.before), _display(c.field, c.after))
        for c in found
    ]
    columns = [_(f"contribute.change.{part}") for part in ("field", "before", "after")]
    # st.table renders Markdown in cells: what people typed must show as text.
    table = pd.DataFrame([[escape_markdown(cell) for cell in row] for row in rows], columns=columns)
    st.table(table.set_index(columns[0]))


def duplicates(suggestion: Suggestion, reference: Reference, names) -> None:
    """Organisations the new one may already be, with links to them."""
    found = suggestions.likely_duplicates(suggestion.values, reference)
    if not found:
        return
    with st.container(border=True):
        st.markdown(f"**{escape_markdown(_('contribute.duplicates_heading'))}**")
        st.caption(_("contribute.duplicates_intro"))
        for duplicate in found:
            name = names.get(duplicate.id, duplicate.name)
            st.markdown(
                escape_markdown(_("contribute.duplicate_item", name=name, why=shown(duplicate.why)))
            )
            left, right = st.columns(2)
            with contextlib.suppress(StreamlitPageNotFoundError):
                left.page_link(
                    "pages/map.py",
                    label=_("contribute.duplicate_map", name=name),
                    icon=":material/map:",
                    query_params={"org": duplicate.id},
                )
                right.page_link(
                    "pages/contribute.py",
                    label=_("contribute.duplicate_correct", name=name),
                    icon=":material/edit:",
                    query_params={"kind": "correction", "org": duplicate.id},
                )


# Sending ---------------------------------------------------------------------------------------


def _client_key() -> str:
    """This visitor's quota key: a keyed hash of its address (behind a trusted proxy, the
    address the proxy forwarded)."""
    peer = st.context.ip_address
    forwarded = (st.context.headers or {}).get("X-Forwarded-For")
    address = suggestions.client_address(
        peer if isinstance(peer, str) else None,
        forwarded if isinstance(forwarded, str) else None,
        suggestions.trusted_proxies(),
    )
    return suggestions.client_key(address or "unknown", suggestions.client_secret())


def _form_keys() -> list[str]:
    """Every widget key of the form (what a sent suggestion clears)."""
    return [key for key in st.session_state if str(key).startswith(_KEY) and key != KIND]


def send(reference: Reference) -> None:
    """The Send button: check, keep, and either thank or say what to fix (keeping the form)."""
    state = st.session_state
    state.pop(_PROBLEMS, None)
    state.pop(_NOTICE, None)
    if state.get(HONEYPOT):
        state[_NOTICE] = ("error", Message("contribute.refused"))
        return
    suggestion = current_suggestion(reference)
    problems = suggestions.check(suggestion, reference)
    if problems:
        state[_PROBLEMS] = problems
        return
    limits = suggestions.Limits.from_env()
    try:
        receipt = kept.submit(suggestion.row(reference), _client_key(), limits)
    except kept.QuotaExceededError as error:
        state[_NOTICE] = ("warning", _quota_message(error, limits))
        return
    except store.UnavailableError as error:
        state[_NOTICE] = ("warning", Message(f"contribute.paused.{error.reason}"))
        _intake.clear()
        return
    for key in _form_keys():
        del state[key]
    state.pop(_PREFILLED, None)
    state[_RECEIPT] = receipt.ref


def _quota_message(error: kept.QuotaExceededError, limits: suggestions.Limits) -> Message:
    """What to tell someone over a quota."""
    if error.scope == "global":
        return Message("contribute.paused.ceiling", n=max(1, -(-error.retry_after // 3600)))
    minutes = max(1, -(-error.retry_after // 60))
    return Message("contribute.quota_client", n=minutes, limit=limits.per_client_hour)


def problems_and_notice() -> None:
    """What the last Send found: the problems by field, or why it was not kept."""
    notice = st.session_state.get(_NOTICE)
    if notice is not None:
        level, message = notice
        getattr(st, level)(escape_markdown(shown(message)))
    problems = st.session_state.get(_PROBLEMS)
    if problems:
        language = lang()
        lines = [
            "- "
            + escape_markdown(
                _(
                    "contribute.problem_item",
                    field=field_label(p.field),
                    reason=p.render(language, isolate=language == "he"),
                )
            )
            for p in problems
        ]
        st.error(escape_markdown(_("contribute.problems_heading")) + "\n\n" + "\n".join(lines))


def thanks(ref: str) -> None:
    """After a suggestion is kept: its reference, a link to its status, and a fresh start."""
    st.success(escape_markdown(_("contribute.thanks", ref=ref)))
    with contextlib.suppress(StreamlitPageNotFoundError):
        st.page_link(
            "pages/contribute.py",
            label=_("contribute.status_link", ref=ref),
            icon=":material/pending_actions:",
            query_params={"ref": ref},
        )
    st.button(_("contribute.another"), on_click=_start_again, key=_KEY + "another")


def _start_again() -> None:
    st.session_state.pop(_RECEIPT, None)


# Intake and status ------------------------------------------------------------------------------


@st.cache_data(ttl=INTAKE_TTL_S, show_spinner=False)
def _intake(url: str | None, per_client_hour: int, per_day: int) -> kept.Intake:
    """Whether suggestions are taken (one count), trusted for ``INTAKE_TTL_S`` seconds."""
    del per_client_hour
    if url is None:
        return kept.Intake(False, "off")
    return kept.intake(suggestions.Limits(per_day=per_day), url=url)


def intake_notice() -> None:
    """Say so when suggestions are paused (the form stays, and keeps what is typed)."""
    limits = suggestions.Limits.from_env()
    found = _intake(store.database_url(), limits.per_client_hour, limits.per_day)
    if found.open:
        return
    if found.reason == "ceiling":
        message = Message("contribute.paused.ceiling", n=max(1, -(-found.retry_after // 3600)))
    else:
        message = Message(f"contribute.paused.{found.reason}")
    st.warning(escape_markdown(shown(message)))


def _lookup() -> None:
    """The lookup box: show the status of the reference typed."""
    typed = (st.session_state.get(_KEY + "lookup") or "").strip()
    number = suggestions.parse_ref(typed)
    if number is not None:
        st.query_params["ref"] = suggestions.format_ref(number)


def status_section(reference: Reference, names) -> None:
    """A suggestion's status when the URL names one (``?ref=S-000123``), and a lookup box."""
    ref = st.query_params.get("ref", "")
    if ref:
        _status(ref, reference, names)
    with st.expander(_("contribute.lookup_label"), expanded=bool(ref)):
        st.text_input(
            _("contribute.lookup_label"),
            key=_KEY + "lookup",
            placeholder=_("contribute.lookup_placeholder"),
            on_change=_lookup,
            label_visibility="collapsed",
        )


def _status(ref: str, reference: Reference, names) -> None:
    """The status table of one suggestion (never its contact, values or note)."""
    try:
        found = kept.status(ref)
    except store.UnavailableError:
        st.warning(_("contribute.status_unavailable"))
        return
    if found is None:
        st.info(escape_markdown(_("contribute.status_not_found", ref=ref)))
        return
    target = found["target"]
    if isinstance(target, dict):
        about = link_text(LinkKey(**{k: str(v) for k, v in target.items()}), names)
    elif target:
        about = names.get(str(target), str(target))
    else:
        about = "—"
    rows = [
        (_("contribute.status.kind"), _(f"contribute.kind.{found['kind']}")),
        (_("contribute.status.target"), about),
        (_("contribute.status.status"), _(f"status.{found['status']}")),
        (_("contribute.status.created"), str(found["created_at"])),
        (_("contribute.status.updated"), str(found["updated_at"])),
    ]
    with st.container(border=True):
        st.subheader(_("contribute.status_heading", ref=found["ref"]), anchor=False)
        table = pd.DataFrame([(label, escape_markdown(value)) for label, value in rows])
        st.table(table.set_index(0).rename_axis(None).rename(columns={1: ""}))
