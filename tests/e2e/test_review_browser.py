"""Sign-in and the Review page in a browser, with a local OpenID Connect provider
(``tests/e2e/oidc_provider.py``, on a free loopback port, stopped by its pid; with
replicas and HAProxy: ``test_replicas_browser.py``).

A moderator signs in through ``st.login``, sees the queue and approves a suggestion;
a signed-in non-moderator sees no Review link, no queue and no control. Screenshots
of the page (desktop in English and Hebrew, a 390x844 phone) are left in
``artifacts/screenshots`` to look at.
"""

from __future__ import annotations

import json
import urllib.parse
import urllib.request

import pytest

from mapping import store
from mapping.store import moderation as mod
from tests.e2e.conftest import screenshot
from tests.e2e.oidc_provider import auth_secrets
from tests.e2e.pages import LOAD_TIMEOUT_MS, wait_until_settled
from tests.e2e.servers import free_port, start_app, start_provider
from tests.test_live import submit

pytestmark = pytest.mark.e2e

ANN = {"sub": "ann-1", "email": "ann@example.org", "email_verified": True, "name": "Ann"}
EVE = {"sub": "eve-9", "email": "eve@example.org", "email_verified": True, "name": "Eve"}
HOSTILE = "<img src=x onerror=alert(1)> **bold**"


@pytest.fixture(scope="module")
def signin_atlas(tmp_path_factory):
    """The app with [auth] pointing at the local provider, and a database with Ann on the
    moderators' list and two pending suggestions. Yields (app url, provider url, db url)."""
    folder = tmp_path_factory.mktemp("review")
    app_port = free_port()
    provider = start_provider()
    provider_url = provider.url
    app = None
    url = f"sqlite:///{folder / 'atlas.db'}"
    try:
        secrets = folder / "secrets.toml"
        redirect_uri = f"http://127.0.0.1:{app_port}/oauth2callback"
        cookie_secret = "a-test-cookie-secret-of-enough-length-0123456789"
        secrets.write_text(auth_secrets(redirect_uri, cookie_secret, provider_url), "utf-8")
        store.migrate(url)
        mod.add_moderator(ANN["email"], name="Ann", url=url)
        from mapping.edition import Release

        orgs = Release.current().organisations["id"].tolist()
        submit(url, kind="correction", target=orgs[0], proposed={"city": "Haifa"})
        submit(
            url,
            kind="new_organisation",
            target=None,
            proposed={"name": HOSTILE, "roles": ["operating"], "country_code": "IL"},
        )
        app = start_app(
            {"ATLAS_DB_URL": url, "ATLAS_EDITION_CHECK_S": "1"},
            name="review",
            port=app_port,
            extra_args=("--secrets.files", str(secrets)),
        )
        yield app.url, provider_url, url
    finally:
        if app is not None:
            app.stop()
        provider.stop()
        store.dispose(url)


def sign_in(page, app_url: str, provider_url: str, user: dict) -> None:
    """Sign in as ``user`` through st.login and the provider; end on the Review page."""
    body = urllib.parse.urlencode({"user": json.dumps(user)}).encode()
    urllib.request.urlopen(provider_url + "/_as", data=body, timeout=5).close()
    page.goto(app_url + "/review")
    page.get_by_role("button", name="Sign in").click(timeout=LOAD_TIMEOUT_MS)
    # The provider answers at once; Streamlit sets its cookie and sends us home.
    page.wait_for_url(app_url + "/", timeout=LOAD_TIMEOUT_MS)
    page.goto(app_url + "/review")
    page.locator("h1").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_settled(page)


def decide_buttons(page):
    return page.locator('[data-testid="stFormSubmitButton"] button')


def test_a_moderator_signs_in_and_approves(page, guard, signin_atlas):
    app_url, provider_url, url = signin_atlas
    sign_in(page, app_url, provider_url, ANN)
    page.get_by_text("Signed in as Ann").wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.locator('[data-testid="stSidebar"] a', has_text="Review").count() == 1
    assert decide_buttons(page).count() == 2
    # Hostile text is text: the heading shows the tags, and no image element was made.
    assert page.get_by_text("<img src=x onerror=alert(1)>", exact=False).count() >= 1
    assert page.locator("img[src=x]").count() == 0
    screenshot(page, "review-desktop-en")
    phone = page.context.browser.new_context(
        viewport={"width": 390, "height": 844},
        storage_state=page.context.storage_state(),  # the same signed-in cookie
    )
    phone.route("**/*", guard.route)
    small = phone.new_page()
    small.goto(app_url + "/review")
    small.get_by_text("Signed in as Ann").wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_settled(small)
    screenshot(small, "review-phone-en")
    phone.close()
    page.goto(app_url + "/review?lang=he")
    page.get_by_text("בדיקת הצעות").first.wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_settled(page)
    screenshot(page, "review-desktop-he")
    page.goto(app_url + "/review")
    page.get_by_text("Signed in as Ann").wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_settled(page)
    decide_buttons(page).first.click()
    page.get_by_text("approved: ", exact=False).wait_for(timeout=LOAD_TIMEOUT_MS)
    wait_until_settled(page)
    assert decide_buttons(page).count() == 1
    statuses = [r["status"] for r in mod.pending(url=url)]
    assert statuses == ["pending"]
    assert mod.edition_number(url=url) == 1


def test_a_signed_in_non_moderator_sees_and_triggers_nothing(page, signin_atlas):
    app_url, provider_url, url = signin_atlas
    before = mod.edition_number(url=url), len(mod.pending(url=url))
    sign_in(page, app_url, provider_url, EVE)
    page.get_by_text("not on the moderators' list", exact=False).wait_for(timeout=LOAD_TIMEOUT_MS)
    assert page.locator('[data-testid="stSidebar"] a', has_text="Review").count() == 0
    assert decide_buttons(page).count() == 0
    assert page.locator('[data-testid="stDataFrame"]').count() == 0
    screenshot(page, "review-non-moderator")
    assert (mod.edition_number(url=url), len(mod.pending(url=url))) == before
