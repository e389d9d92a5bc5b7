"""The Contribute page under AppTest, in English and Hebrew: each kind of suggestion, the
problems it names, the database off or down (the form keeps what was typed), quotas, the
honeypot, a suggestion's status, and no database work for visitors of the other pages."""

from __future__ import annotations

import pytest
import sqlalchemy as sa
import streamlit as st
from streamlit.testing.v1 import AppTest

from mapping import store
from mapping.store import schema
from mapping.ui import contribute
from tests.e2e.servers import free_port
from tests.test_app import APP, TIMEOUT

PAGE = "pages/contribute.py"
SOURCE = "https://example.org/evidence"


def field(kind: str, name: str) -> str:
    return contribute._field(kind, name)


def open_page(**query) -> AppTest:
    """The Contribute page, opened by a link with ``query``."""
    st.cache_data.clear()  # the intake is cached for a few seconds per database
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    for key, value in query.items():
        at.query_params[key] = value
    at.run()
    at.switch_page(PAGE).run()
    assert not at.exception, at.exception
    return at


def texts(at: AppTest) -> str:
    """Every text the page shows (Markdown escapes removed), to search."""
    parts = [
        element.value
        for kind in ("markdown", "caption", "success", "error", "warning", "info", "subheader")
        for element in getattr(at, kind)
    ]
    return "\n".join(str(part).replace("\\", "") for part in parts)


def stored(url: str | None = None) -> list[dict]:
    with store.reading(url) as connection:
        return [
            dict(r)
            for r in connection.execute(
                sa.select(schema.suggestions).order_by(schema.suggestions.c.id)
            ).mappings()
        ]


def fill_new_organisation(at: AppTest, name: str = "Opportunity Child") -> AppTest:
    kind = "new_organisation"
    at.text_input(key=field(kind, "name")).set_value(name)
    at.multiselect(key=field(kind, "roles")).set_value(["operating"])
    at.selectbox(key=field(kind, "country_code")).set_value("AU")
    at.text_input(key=field(kind, "city")).set_value("Sydney")
    at.text_input(key=contribute.SOURCE).set_value(SOURCE)
    return at


def send(at: AppTest) -> AppTest:
    at.button(key=contribute._KEY + "send").click().run()
    assert not at.exception, at.exception
    return at


@pytest.mark.parametrize(
    ("lang", "heading", "thanks"),
    [
        ("en", "Suggest an organisation, a link or a correction", "Thank you"),
        ("he", "הצעת ארגון, קשר או תיקון", "תודה"),
    ],
)
def test_a_new_organisation_in_each_language(lang, heading, thanks):
    at = open_page(lang=lang)
    assert at.title[0].value == heading
    before = len(stored())
    send(fill_new_organisation(at, name=f"Opportunity Child {lang}"))
    (success,) = at.success
    assert thanks in success.value
    kept = stored()[-1]
    assert len(stored()) == before + 1
    assert f"S-{kept['id']:06d}" in success.value.replace("\\", "")
    assert kept["kind"] == "new_organisation"
    assert kept["proposed"] == {
        "name": f"Opportunity Child {lang}",
        "roles": ["operating"],
        "country_code": "AU",
        "city": "Sydney",
    }
    assert kept["lang"] == lang
    assert kept["status"] == "pending"
    # "Suggest something else" starts from an empty form.
    at.button(key=contribute._KEY + "another").click().run()
    assert at.text_input(key=field("new_organisation", "name")).value == ""
    assert at.text_input(key=contribute.SOURCE).value == ""


@pytest.mark.parametrize(
    ("lang", "expected"),
    [
        (
            "en",
            [
                "Name (required)",
                "Name: is required but blank",
                "Source: a web page that supports it: give a web page that supports the suggestion",
            ],
        ),
        ("he", ["שם (חובה)", "שם: שדה חובה, אבל הוא ריק", "ציינו דף אינטרנט שתומך בהצעה"]),
    ],
)
def test_problems_are_named_by_field_in_the_page_language(lang, expected):
    at = open_page(lang=lang)
    before = len(stored())
    send(at)
    page = texts(at) + "\n".join(w.label for w in at.text_input)
    for text in expected:
        assert text in page
    assert len(stored()) == before


def test_a_bad_value_is_named_with_the_validators_reason():
    at = fill_new_organisation(open_page())
    at.text_input(key=field("new_organisation", "year_started")).set_value("1850")
    at.text_input(key=field("new_organisation", "website")).set_value("javascript:alert(1)")
    send(at)
    page = texts(at)
    assert "Year its Collective Impact work started: must be a year between 1900 and" in page
    assert "Website: must be an http(s) URL" in page
    # What was typed is still there, to fix.
    assert at.text_input(key=field("new_organisation", "year_started")).value == "1850"


def test_a_correction_starts_from_todays_values_and_shows_what_changes(organisations):
    at = open_page(kind="correction", org="tamarack-institute")
    kind = "correction"
    assert at.radio(key=contribute.KIND).value == "correction"
    assert at.selectbox(key=contribute.ORG).value == "tamarack-institute"
    assert at.text_input(key=field(kind, "name")).value == "Tamarack Institute"
    assert at.text_input(key=field(kind, "year_started")).value == "2002"
    assert set(at.multiselect(key=field(kind, "roles")).value) == {"consulting", "knowledge"}
    assert "Nothing changes yet" in texts(at)
    at.text_input(key=field(kind, "year_started")).set_value("2001").run()
    (table,) = at.table
    assert table.value.to_dict("records") == [{"Today": "2002", "Suggested": "2001"}]
    at.text_input(key=contribute.SOURCE).set_value(SOURCE)
    send(at)
    kept = stored()[-1]
    assert kept["kind"] == "correction"
    assert kept["target"] == "tamarack-institute"
    assert kept["proposed"] == {"year_started": "2001"}
    assert kept["previous"] == {"year_started": "2002"}


def test_a_correction_of_a_link_and_a_removal():
    at = open_page(kind="correction", org="kconnect")
    at.radio(key=contribute.SUBJECT).set_value("link").run()
    links = at.selectbox(key=contribute.LINK)
    assert links.options  # KConnect's links, as "A · relation · B"
    links.set_value(links.options[0]).run()
    at.text_input(key=field("correction", "since")).set_value("2012")
    at.text_input(key=contribute.SOURCE).set_value(SOURCE)
    send(at)
    kept = stored()[-1]
    assert set(kept["target"]) == {"source_id", "target_id", "relation"}
    assert kept["proposed"] == {"since": "2012"}

    at = open_page(kind="removal", org="kconnect")
    at.text_input(key=contribute.SOURCE).set_value(SOURCE)
    send(at)
    assert "Why should it be removed?: say why it should be removed" in texts(at)
    at.text_area(key=contribute.REASON).set_value("closed in 2022")
    send(at)
    kept = stored()[-1]
    assert (kept["kind"], kept["target"], kept["reason"]) == (
        "removal",
        "kconnect",
        "closed in 2022",
    )


def test_a_new_link():
    at = open_page(kind="new_link")
    at.selectbox(key=field("new_link", "source_id")).set_value("tamarack-institute")
    at.selectbox(key=field("new_link", "relation")).set_value("advises")
    at.selectbox(key=field("new_link", "target_id")).set_value("kconnect")
    at.text_input(key=contribute.SOURCE).set_value(SOURCE)
    send(at)
    assert at.success
    assert stored()[-1]["proposed"] == {
        "source_id": "tamarack-institute",
        "target_id": "kconnect",
        "relation": "advises",
    }


def test_likely_duplicates_link_to_the_organisation_already_there():
    at = open_page()
    at.text_input(key=field("new_organisation", "website")).set_value(
        "https://www.tamarackcommunity.ca/about"
    ).run()
    page = texts(at)
    assert "Already in the atlas?" in page
    assert "Tamarack Institute: the same website (tamarackcommunity.ca)" in page


def test_the_contact_is_stored_and_never_shown():
    at = fill_new_organisation(open_page(), name="Contact test")
    at.text_input(key=contribute.CONTACT_NAME).set_value("Ann Example")
    at.text_input(key=contribute.CONTACT_EMAIL).set_value("ann@example.org")
    send(at)
    kept = stored()[-1]
    assert (kept["contact_name"], kept["contact_email"]) == ("Ann Example", "ann@example.org")
    at = open_page(ref=f"S-{kept['id']:06d}")
    page = texts(at) + str([t.value for t in at.table])
    assert "Waiting for review" in page
    assert "A new organisation" in page
    assert "ann@example.org" not in page
    assert "Ann Example" not in page


def test_an_unknown_reference():
    at = open_page(ref="S-999999")
    assert "No suggestion has the reference S-999999." in texts(at)


def test_the_honeypot_refuses_quietly():
    at = fill_new_organisation(open_page(), name="Robot")
    at.text_input(key=contribute.HONEYPOT).set_value("http://spam.example")
    before = len(stored())
    send(at)
    assert "This form could not be sent." in texts(at)
    assert len(stored()) == before


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("off", "This server takes no suggestions."),
        (
            "postgresql+psycopg://atlas@127.0.0.1:{port}/atlas",
            "Suggestions are paused: the database cannot be reached right now.",
        ),
    ],
    ids=["off", "down"],
)
def test_paused_keeps_what_was_typed(monkeypatch, url, message):
    monkeypatch.setenv("ATLAS_DB_URL", url.format(port=free_port()))
    try:
        at = fill_new_organisation(open_page(), name="Typed while paused")
        assert message in texts(at)
        send(at)
        assert message in texts(at)
        assert at.text_input(key=field("new_organisation", "name")).value == "Typed while paused"
        assert at.text_input(key=contribute.SOURCE).value == SOURCE
        assert not at.success
    finally:
        store.dispose()


def test_over_the_quota_says_when_and_keeps_the_form(monkeypatch, tmp_path):
    url = f"sqlite:///{tmp_path / 'quota.db'}"
    monkeypatch.setenv("ATLAS_DB_URL", url)
    monkeypatch.setenv("ATLAS_SUGGESTIONS_PER_HOUR", "1")
    try:
        at = send(fill_new_organisation(open_page(), name="First"))
        assert at.success
        at.button(key=contribute._KEY + "another").click().run()
        send(fill_new_organisation(at, name="Second"))
        assert "You have sent 1 suggestions in the last hour" in texts(at)
        assert at.text_input(key=field("new_organisation", "name")).value == "Second"
        assert len(stored(url)) == 1
        monkeypatch.setenv("ATLAS_SUGGESTIONS_PER_HOUR", "100")
        monkeypatch.setenv("ATLAS_SUGGESTIONS_PER_DAY", "1")
        at = open_page()
        assert "Suggestions are paused: the atlas has taken as many" in texts(at)
    finally:
        store.dispose(url)


@pytest.mark.parametrize("page", [None, "pages/charts.py", "pages/data.py", "pages/network.py"])
def test_visitors_of_the_other_pages_cause_no_database_work(monkeypatch, tmp_path, page):
    path = tmp_path / "never" / "atlas.db"
    url = f"sqlite:///{path}"
    monkeypatch.setenv("ATLAS_DB_URL", url)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    if page:
        at.switch_page(page).run()
    assert not at.exception
    assert not path.parent.exists()  # not even the folder
    assert url not in store._engines


def test_the_details_offer_a_correction_on_the_data_page():
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.run()
    at.switch_page("pages/data.py").run()
    at.selectbox(key="atlas_data_org").set_value("tamarack-institute").run()
    links = [link.proto for link in at.main if getattr(link.proto, "page", "") == "contribute"]
    assert [(link.label, link.query_string) for link in links] == [
        ("Suggest a correction", "kind=correction&org=tamarack-institute")
    ]


def test_a_point_can_be_picked_on_a_map():
    at = open_page()
    assert not [e for e in at.main if "streamlit_folium" in getattr(e.proto, "component_name", "")]
    at.toggle(key=contribute.PICK).set_value(True).run()
    assert not at.exception
    maps_ = [e for e in at.main if "streamlit_folium" in getattr(e.proto, "component_name", "")]
    assert len(maps_) == 1
    assert "Click the map where the organisation is" in texts(at)
