"""The Review page as AppTest runs it, with ``st.user`` seeded by ``AppTest.user`` (the
testing hook Streamlit 1.67 gives: a dict the run reads as ``st.user``).

Who sees what (signed out, signed in but not a moderator, a moderator), that every
decision asks the moderators' list when it runs (a moderator removed, or a session signed
out, between seeing the form and submitting it changes nothing), two moderators deciding the same
suggestion, hostile text, and the bare new organisation a release could not hold.
"""

from __future__ import annotations

import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

from mapping import edition
from mapping.store import moderation as mod
from tests.test_app import APP, TIMEOUT
from tests.test_live import release_copy, submit  # noqa: F401 - the fixture

ANN = {"is_logged_in": True, "email": "ann@example.org", "email_verified": True, "sub": "a1"}
BOB = {"is_logged_in": True, "email": "bob@example.org", "sub": "b2", "name": "Bob"}
EVE = {"is_logged_in": True, "email": "eve@example.org", "sub": "e3"}
HOSTILE = "<img src=x onerror=alert(1)> **bold** [link](javascript:alert(1))"
PREFIX = "atlas_review."


@pytest.fixture
def atlas(release_copy):  # noqa: F811 - the imported fixture
    st.cache_resource.clear()
    st.cache_data.clear()
    yield release_copy
    st.cache_resource.clear()
    st.cache_data.clear()


def review(user: dict | None, lang: str = "en") -> AppTest:
    """The Review page opened by a session whose ``st.user`` is ``user`` (None: signed out)."""
    at = AppTest.from_file(APP, default_timeout=TIMEOUT)
    at.user = {} if user is None else dict(user)
    at.query_params["lang"] = lang
    at.run()
    at.switch_page("pages/review.py").run()
    assert not at.exception, at.exception
    return at


def page_links(at: AppTest) -> list[str]:
    return [link.label for link in at.sidebar.get("page_link")]


def decide_buttons(at: AppTest) -> list[str]:
    return [b.key.removeprefix(PREFIX + "decide.") for b in at.button if "decide." in str(b.key)]


def texts(at: AppTest) -> str:
    parts = [str(getattr(e, "value", "")) for e in at.main]
    parts += [str(getattr(e, "body", "")) for e in at.main]
    return "\n".join(parts)


def said(elements) -> list[str]:
    """The texts of messages, without Markdown's escapes (user text is shown escaped)."""
    return [e.value.replace("\\", "") for e in elements]


def pending_status(url: str, ref: str) -> str:
    return mod.suggestion(ref, url=url)["status"]


def correction(url: str, org: str, **values) -> str:
    return submit(url, kind="correction", target=org, proposed=values)


def haifa(url: str) -> str:
    """A pending correction: the release's first organisation is in Haifa."""
    return correction(url, edition.Release.current().organisations["id"].iloc[0], city="Haifa")


def test_a_visitor_signed_out_sees_no_review_link_and_no_control(atlas):
    _folder, url = atlas
    ref = haifa(url)
    at = review(None)
    assert "Review" not in page_links(at)
    assert [t.value for t in at.title] == ["Review suggestions"]
    # No [auth] secrets in the tests' project: the command line is the way, said in words.
    assert any("python -m mapping.admin" in i for i in said(at.info))
    assert decide_buttons(at) == []
    assert (len(at.text_input), len(at.radio)) == (0, 0)
    assert ref not in texts(at)


def test_a_signed_in_non_moderator_sees_and_triggers_nothing(atlas):
    _folder, url = atlas
    ref = haifa(url)
    for user in (EVE, {**ANN, "email_verified": False, "sub": "not-ann"}):
        at = review(user)  # an unverified email is not an identity: anyone could claim it
        assert "Review" not in page_links(at)
        assert any("not on the moderators' list" in w for w in said(at.warning))
        assert decide_buttons(at) == []
        assert ref not in texts(at)
    assert pending_status(url, ref) == "pending"


def test_a_moderator_reviews_the_queue_and_approves_with_an_edit(atlas):
    _folder, url = atlas
    release = edition.Release.current()
    first, second = release.organisations["id"].iloc[:2]
    older = correction(url, first, city="Haifa", description=HOSTILE)
    newer = submit(
        url,
        kind="new_organisation",
        target=None,
        proposed={"name": "Kehila Together", "roles": ["operating"], "country_code": "IL"},
    )
    at = review(ANN)
    assert "Review" in page_links(at)
    assert decide_buttons(at) == [older, newer]  # oldest first
    assert "2 of 2 pending suggestions" in texts(at)
    # The diff holds the values as text (a dataframe renders no markup).
    diff = at.dataframe[0].value  # the older suggestion's card comes first
    assert diff.columns.tolist() == ["Field", "Today", "Proposed"]
    assert HOSTILE in diff["Proposed"].tolist()
    assert all(HOSTILE not in m.value for m in at.markdown)  # Markdown shows it escaped only
    # The bare new organisation: the verdict names what a release needs.
    assert any("Type" in e and "required in a release" in e for e in said(at.error))
    # Filters: by kind, by country (a correction's country is its organisation's).
    at.selectbox(key=PREFIX + "kind").set_value("new_organisation").run()
    assert decide_buttons(at) == [newer]
    at.selectbox(key=PREFIX + "kind").set_value(None).run()
    at.selectbox(key=PREFIX + "country").set_value("IL").run()
    assert newer in decide_buttons(at)
    at.selectbox(key=PREFIX + "country").set_value(None).run()
    # Approve the correction with the city edited.
    at.text_input(key=f"{PREFIX}edit.{older}.city").set_value("Tel Aviv-Yafo")
    at.button(key=f"{PREFIX}decide.{older}").click().run()
    assert not at.exception
    assert any(f"{older} approved" in s for s in said(at.success)), [e.value for e in at.error]
    assert decide_buttons(at) == [newer]
    live = mod.live(release, url=url).organisations.set_index("id")
    assert live.loc[first, "city"] == "Tel Aviv-Yafo"
    assert mod.suggestion(older, url=url)["decision"]["edits"] == {"city": "Tel Aviv-Yafo"}
    assert second in live.index
    # The bare organisation approved as it is: refused, with what to fill in; nothing changes.
    at.button(key=f"{PREFIX}decide.{newer}").click().run()
    assert any("A release needs every organisation's" in e for e in said(at.error))
    assert pending_status(url, newer) == "pending"
    for field, value in (
        ("org_type", "backbone"),
        ("domains", "education;health"),
        ("scope", "national"),
        ("description", "A backbone for Israeli communities."),
    ):
        at.text_input(key=f"{PREFIX}edit.{newer}.{field}").set_value(value)
    at.button(key=f"{PREFIX}decide.{newer}").click().run()
    assert any(f"{newer} approved" in s for s in said(at.success)), [e.value for e in at.error]
    assert pending_status(url, newer) == "approved"


def test_a_rejection_needs_a_reason_and_keeps_it(atlas):
    _folder, url = atlas
    ref = haifa(url)
    at = review(ANN)
    at.radio(key=f"{PREFIX}action.{ref}").set_value("reject")
    at.button(key=f"{PREFIX}decide.{ref}").click().run()
    assert any("A rejection needs a reason" in e for e in said(at.error))
    assert pending_status(url, ref) == "pending"
    at.radio(key=f"{PREFIX}action.{ref}").set_value("reject")
    at.text_input(key=f"{PREFIX}reason.{ref}").set_value("The source says " + HOSTILE)
    at.button(key=f"{PREFIX}decide.{ref}").click().run()
    assert any(f"{ref} rejected" in s for s in said(at.success))
    assert mod.suggestion(ref, url=url)["decision"]["reason"] == "The source says " + HOSTILE


def test_every_decision_asks_the_list_when_it_runs(atlas):
    """The form was shown to a moderator; they are removed before they submit it."""
    _folder, url = atlas
    ref = haifa(url)
    at = review(ANN)
    assert decide_buttons(at) == [ref]
    mod.remove_moderator("ann@example.org", url=url)
    at.button(key=f"{PREFIX}decide.{ref}").click().run()
    assert any("is not on the moderators' list: nothing was changed" in e for e in said(at.error))
    assert decide_buttons(at) == []  # and the queue is gone with the permission
    assert pending_status(url, ref) == "pending"
    assert mod.edition_number(url=url) == 0


def test_a_session_signed_out_since_the_form_was_drawn_decides_nothing(atlas):
    """The form was drawn for a signed-in moderator; by the time it is submitted the
    session holds no user (signed out, its cookie expired or refused): the decision asks
    for the identities now, finds none, and changes nothing."""
    _folder, url = atlas
    ref = haifa(url)
    at = review(ANN)
    assert decide_buttons(at) == [ref]
    at.user = {"is_logged_in": False}
    at.button(key=f"{PREFIX}decide.{ref}").click().run()
    assert not at.exception
    assert any("is not on the moderators' list: nothing was changed" in e for e in said(at.error))
    assert decide_buttons(at) == []  # and the page offers sign-in, not the queue
    assert ref not in texts(at)
    assert pending_status(url, ref) == "pending"
    assert mod.edition_number(url=url) == 0


def test_a_hidden_button_is_not_a_permission(atlas, monkeypatch):
    """Even if the page showed the forms to a non-moderator (a bug in what it shows, or a
    replayed widget message), the decision asks the list with the session's own identity."""
    from mapping.ui import signin

    _folder, url = atlas
    ref = haifa(url)
    monkeypatch.setattr(signin, "moderator", lambda: {"name": "Eve", "identity": "eve"})
    at = review(EVE)
    assert decide_buttons(at) == [ref]  # the forms, wrongly shown
    at.button(key=f"{PREFIX}decide.{ref}").click().run()
    assert any("eve@example.org is not on the moderators' list" in e for e in said(at.error))
    assert pending_status(url, ref) == "pending"
    assert mod.edition_number(url=url) == 0


def test_a_second_moderator_is_told_it_was_already_decided(atlas):
    _folder, url = atlas
    mod.add_moderator("bob@example.org", name="Bob", url=url)
    ref = haifa(url)
    ann, bob = review(ANN), review(BOB)
    ann.button(key=f"{PREFIX}decide.{ref}").click().run()
    bob.button(key=f"{PREFIX}decide.{ref}").click().run()
    assert any(f"{ref} was already approved by Ann" in e for e in said(bob.error))
    assert mod.edition_number(url=url) == 1  # applied once


def test_the_review_page_in_hebrew(atlas):
    _folder, url = atlas
    ref = haifa(url)
    at = review(ANN, lang="he")
    assert [t.value for t in at.title] == ["בדיקת הצעות"]
    assert "בדיקה" in page_links(at)
    assert decide_buttons(at) == [ref]
    assert at.button(key=f"{PREFIX}decide.{ref}").label == "החלטה"
    signed_out = review(None, lang="he")
    assert any("שורת הפקודה" in i for i in said(signed_out.info))
