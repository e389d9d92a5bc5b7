"""``python -m mapping.admin`` as operators run it: a subprocess on a SQLite file and a
small release, exit statuses, messages, and nothing changed by a refused command."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from mapping import store
from mapping.store import moderation as mod
from mapping.store import suggestions as kept
from mapping.suggestions import Limits
from tests.test_moderation import write_release
from tests.test_store import row


@pytest.fixture
def admin(tmp_path):
    """Run the command line on a fresh database and a copy of a small release."""
    write_release(tmp_path / "data")
    url = f"sqlite:///{tmp_path / 'atlas.db'}"
    env = {
        **os.environ,
        "ATLAS_DB_URL": url,
        "ATLAS_DATA": str(tmp_path / "data" / "organisations.csv"),
    }

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run(
            [sys.executable, "-m", "mapping.admin", *args],
            env=env,
            capture_output=True,
            text=True,
            cwd=store.PROJECT_ROOT,
            timeout=120,
        )

    run.url = url
    yield run
    store.dispose(url)


def submit(url: str, **changes) -> str:
    anonymous = {"contact_name": None, "contact_email": None, "previous": None}
    note = {"note": "<b>see page 3</b>"}  # markup, shown on a terminal as typed
    values = row(**{**anonymous, **note, "target": "beta", "edition": "2.1.0", **changes})
    return kept.submit(values, "k", Limits(100, 100), url=url).ref


def test_set_up_queue_show_and_approve(admin):
    added = admin("moderators", "add", "Ann@Example.org", "--name", "Ann")
    assert (added.returncode, added.stdout.strip()) == (0, "added ann@example.org")
    assert admin("moderators", "list").stdout.startswith("ann@example.org\tAnn\t")
    first = submit(admin.url)
    second = submit(
        admin.url,
        kind="new_organisation",
        target=None,
        proposed={"name": "Delta", "roles": ["funding"], "country_code": "IL"},
    )
    queue = admin("queue")
    assert [line.split("\t")[0] for line in queue.stdout.splitlines()] == [first, second]
    assert admin("queue", "--country", "IL").stdout.split("\t")[0] == second
    assert admin("queue", "--kind", "correction").stdout.split("\t")[0] == first
    shown = admin("show", first).stdout
    assert "year_started: '2002' -> '2001'" in shown
    assert "validator: no problem" in shown
    assert "<b>see page 3</b>" in shown  # plain text on a terminal, kept as typed
    approved = admin("approve", first, "--as", "ann@example.org", "--set", "year_started=2000")
    assert approved.returncode == 0, approved.stderr
    assert approved.stdout.strip() == f"{first} approved: edition +1, 3 change(s) to beta"
    history = admin("history", "beta").stdout.splitlines()
    assert history[0].split("\t")[2:6] == ["set", "year_started", "2002", "2000"]
    # A bare new organisation: the release would need its type, domains, scope, description.
    assert "validator: org_type is required in a release" in admin("show", second).stdout
    bare = admin("approve", second, "--as", "ann@example.org")
    assert bare.returncode == 1
    assert "org_type, domains, scope, description" in bare.stderr
    assert "--set FIELD=VALUE" in bare.stderr
    complete = [
        *("--set", "org_type=funder", "--set", "domains=health"),
        *("--set", "scope=national", "--set", "description=Funds health work."),
    ]
    done = admin("approve", second, "--as", "ann@example.org", *complete)
    assert done.returncode == 0, done.stderr


def test_a_non_moderator_or_a_second_decision_exits_non_zero_and_changes_nothing(admin):
    admin("moderators", "add", "ann@example.org", "--name", "Ann")
    ref = submit(admin.url)
    stranger = admin("approve", ref, "--as", "mallory@example.org")
    assert stranger.returncode == 1
    assert "mallory@example.org is not on the moderators' list" in stranger.stderr
    assert mod.suggestion(ref, url=admin.url)["status"] == "pending"
    assert admin("reject", ref, "--as", "ann@example.org", "--reason", "no").returncode == 0
    again = admin("approve", ref, "--as", "ann@example.org")
    assert again.returncode == 1
    assert f"{ref} was already rejected by Ann at " in again.stderr
    assert mod.edition_number(url=admin.url) == 0
    assert len(mod.change_log(url=admin.url)) == 1


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("approve", "S-000099", "--as", "ann@example.org"), "No suggestion has the reference"),
        (("approve", "S-000001", "--as", "ann@example.org", "--set", "year"), "--set takes"),
        (
            ("approve", "S-000001", "--as", "ann@example.org", "--set", "year_started=1066"),
            "year_started",
        ),
        (("moderators", "add", "not-an-email"), "neither an email"),
        (("moderators", "remove", "bob@example.org"), "not a moderator"),
    ],
)
def test_refusals_say_why(admin, args, message):
    admin("moderators", "add", "ann@example.org")
    submit(admin.url)
    refused = admin(*args)
    assert refused.returncode == 1
    assert message in refused.stderr
    assert mod.suggestion("S-000001", url=admin.url)["status"] == "pending"


def test_a_usage_mistake_exits_2(admin):
    assert admin("reject", "S-000001", "--as", "ann@example.org").returncode == 2  # no reason


# Escape sequences (clear the screen, retitle the window, hide text, a C1 CSI), a newline and
# tabs that would forge a line of the queue, and a right-to-left override.
TERMINAL_HOSTILE = (
    "\x1b[2J\x1b]0;pwned\x07Evil\x1b[8m hidden\x1b[0m\nS-999999\tforged\u202etxt\x9b31m"
)
# What a terminal would obey, besides the output's own line ends and column tabs.
OBEYED = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def test_hostile_text_reaches_the_moderators_terminal_as_text(admin):
    """Every command that prints text from suggestions or the log shows it escaped: no value
    moves the cursor, clears or retitles the terminal, or forges a line or a column."""
    admin("moderators", "add", "ann@example.org", "--name", "Ann")
    fixed = submit(
        admin.url, proposed={"description": "Funds " + TERMINAL_HOSTILE}, note=TERMINAL_HOSTILE
    )
    new = submit(
        admin.url,
        kind="new_organisation",
        target=None,
        proposed={"name": "Delta " + TERMINAL_HOSTILE, "roles": ["funding"], "country_code": "IL"},
    )
    gone = submit(admin.url, kind="removal", target="gamma", proposed={}, reason=TERMINAL_HOSTILE)
    queue = admin("queue")
    runs = [queue, admin("show", fixed), admin("show", new), admin("show", gone)]
    runs.append(admin("reject", gone, "--as", "ann@example.org", "--reason", TERMINAL_HOSTILE))
    runs.append(admin("approve", fixed, "--as", "ann@example.org"))
    runs += [admin("show", gone), admin("history", "beta"), admin("history", "gamma")]
    for run in runs:
        assert run.returncode == 0, (run.args, run.stderr)
        for text in (run.stdout, run.stderr):
            assert not OBEYED.search(text), (run.args, text)
    # Each pending suggestion is one line of four columns: nothing forged.
    lines = [line.split("\t") for line in queue.stdout.splitlines()]
    assert [line[0] for line in lines] == [fixed, new, gone]
    assert {len(line) for line in lines} == {4}
    assert "Delta \\x1b[2J\\x1b]0;pwned\\x07Evil" in queue.stdout  # shown, as escapes
    assert "note: \\x1b[2J" in runs[1].stdout
    assert "\\x0aS-999999\\x09forged\\u202etxt\\x9b31m" in runs[3].stdout
    history = [line.split("\t") for line in runs[-2].stdout.splitlines()]
    assert {len(line) for line in history} == {7}
