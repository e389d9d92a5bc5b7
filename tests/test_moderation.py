"""Moderation in the database, on both engines: the moderators' list, decisions, the
append-only change log, the edition counter, and two moderators deciding at once."""

from __future__ import annotations

import datetime as dt
import json
import multiprocessing
from pathlib import Path

import pytest
import sqlalchemy as sa

from mapping import edition, store
from mapping.store import moderation as mod
from mapping.store import schema
from mapping.store import suggestions as kept
from mapping.suggestions import Limits
from tests.conftest import csv_text, make_rows
from tests.test_safety import PAYLOADS
from tests.test_store import database, row  # noqa: F401 - database: SQLite and PostgreSQL

NOW = dt.datetime(2026, 12, 8, 9, 30, 0)
ANN = "ann@example.org"


def write_release(folder: Path) -> edition.Release:
    """A small release: three organisations, two links, version 2.1.0."""
    folder.mkdir(parents=True, exist_ok=True)
    table = make_rows(
        {"id": "alpha", "name": "Alpha Backbone", "city": "Leeds", "country_code": "GB"},
        {"id": "beta", "name": "Beta Fund", "roles": "funding", "year_started": "2002"},
        {"id": "gamma", "name": "Gamma Lab", "roles": "knowledge", "domains": "health"},
    )
    table["source"] = "https://example.org/release"
    table["checked"] = "2026-12-01"
    (folder / "organisations.csv").write_text(csv_text(table), encoding="utf-8")
    (folder / "relationships.csv").write_text(
        "source_id,target_id,relation,since,until,source,checked,note\n"
        "beta,alpha,funds,2015,,https://example.org/l1,2026-12-01,\n"
        "gamma,alpha,evaluates,,,https://example.org/l2,2026-12-01,\n",
        encoding="utf-8",
    )
    (folder / "metadata.json").write_text(json.dumps({"version": "2.1.0"}), encoding="utf-8")
    return edition.Release.read(folder / "organisations.csv", folder / "relationships.csv")


@pytest.fixture
def release(tmp_path) -> edition.Release:
    return write_release(tmp_path / "data")


def suggest(url: str, **changes) -> str:
    """Keep a suggestion (Sam's correction of beta's start year unless told otherwise)."""
    sam = {"target": "beta", "edition": "2.1.0", "contact_name": "Sam"}
    values = row(**{**sam, "contact_email": "sam@example.org", **changes})
    return kept.submit(values, "client", Limits(10_000, 10_000), url=url).ref


def state(url: str) -> tuple:
    """What a refused decision must leave as it was: statuses, decisions, log, edition."""
    with store.reading(url) as connection:
        statuses = (
            connection.execute(
                sa.select(schema.suggestions.c.status).order_by(schema.suggestions.c.id)
            )
            .scalars()
            .all()
        )
        counts = [
            connection.execute(sa.select(sa.func.count()).select_from(t)).scalar()
            for t in (schema.decisions, schema.changes)
        ]
    return tuple(statuses), tuple(counts), mod.edition_number(url=url)


@pytest.fixture
def moderated(database, release):  # noqa: F811 - the imported fixture
    store.migrate(database)
    mod.add_moderator(ANN, name="Ann Moderator", url=database)
    return database


# The moderators' list ---------------------------------------------------------------------


def test_the_moderators_list(database):  # noqa: F811
    assert mod.add_moderator(" Ann@Example.ORG ", name="Ann", url=database)
    assert not mod.add_moderator("ann@example.org", url=database)  # already there
    assert mod.add_moderator("sub:248289761001", url=database)
    listed = mod.list_moderators(url=database)
    assert [m["identity"] for m in listed] == ["ann@example.org", "sub:248289761001"]
    assert mod.is_moderator(["nobody@example.org", "sub:248289761001"], url=database)
    assert mod.remove_moderator("ANN@example.org", url=database)
    assert not mod.remove_moderator("ann@example.org", url=database)
    assert not mod.is_moderator(["ann@example.org"], url=database)


@pytest.mark.parametrize(
    "text",
    [
        "",  # nothing
        "ann",  # neither an email nor a subject
        "sub:",  # a subject prefix with no subject
        "ann@@example.org",  # a malformed email
    ],
)
def test_an_identity_that_is_neither_email_nor_subject_is_refused(text):
    with pytest.raises(mod.ModerationError, match="neither an email"):
        mod.identity(text)


# Deciding -----------------------------------------------------------------------------------


def test_an_approval_changes_the_live_edition_and_logs_old_and_new(moderated, release):
    ref = suggest(moderated)
    decided = mod.decide(ref, "approve", ANN, release=release, url=moderated, now=NOW)
    assert (decided.ref, decided.action, decided.edition) == (ref, "approve", 1)
    log = mod.change_log(url=moderated)
    fields = [(r["entity_id"], r["action"], r["field"], r["old"], r["new"]) for r in log]
    assert fields == [
        ("beta", "set", "year_started", "2002", "2001"),
        (
            "beta",
            "set",
            "source",
            "https://example.org/release",
            "https://example.org/release;https://example.org/evidence",
        ),
        ("beta", "set", "checked", "2026-12-01", "2026-12-08"),
    ]
    assert {(r["moderator"], r["moderator_name"], r["edition"]) for r in log} == {
        (ANN, "Ann Moderator", 1)
    }
    assert mod.suggestion(ref, url=moderated)["status"] == "approved"
    live = mod.live(release, url=moderated)
    assert live.name == "2.1.0+1"
    beta = live.organisations.set_index("id").loc["beta"]
    assert beta["year_started"] == "2001"
    assert mod.edition_number(url=moderated) == 1


def test_a_non_moderator_changes_nothing(moderated, release):
    ref = suggest(moderated)
    before = state(moderated)
    with pytest.raises(mod.NotModeratorError, match="not on the moderators' list"):
        mod.decide(ref, "approve", "mallory@example.org", release=release, url=moderated)
    assert state(moderated) == before


def test_a_moderator_removed_a_moment_ago_can_no_longer_decide(moderated, release):
    ref = suggest(moderated)
    mod.remove_moderator(ANN, url=moderated)
    with pytest.raises(mod.NotModeratorError):
        mod.decide(ref, "approve", ANN, release=release, url=moderated)
    assert mod.suggestion(ref, url=moderated)["status"] == "pending"


def test_a_second_decision_is_told_who_decided_first_and_applies_nothing(moderated, release):
    mod.add_moderator("ben@example.org", url=moderated)
    ref = suggest(moderated)
    mod.decide(ref, "approve", ANN, release=release, url=moderated, now=NOW)
    after_first = state(moderated)
    for action, options in (("approve", {}), ("reject", {"reason": "duplicate"})):
        with pytest.raises(mod.AlreadyDecidedError) as refused:
            mod.decide(ref, action, "ben@example.org", release=release, url=moderated, **options)
        message = str(refused.value)
        assert "already approved by Ann Moderator at 2026-12-08T09:30:00Z" in message
        assert refused.value.render("he").startswith(f"{ref} כבר אושרה")
    assert state(moderated) == after_first


def test_a_rejection_keeps_its_reason_and_changes_no_data(moderated, release):
    ref = suggest(moderated)
    with pytest.raises(mod.ModerationError, match="needs a reason"):
        mod.decide(ref, "reject", ANN, release=release, url=moderated)
    mod.decide(ref, "reject", ANN, reason="The page says 2002.", release=release, url=moderated)
    (row,) = mod.change_log(url=moderated)
    assert (row["action"], row["entity_id"], row["reason"], row["edition"]) == (
        "reject",
        "beta",
        "The page says 2002.",
        None,
    )
    assert mod.edition_number(url=moderated) == 0
    assert mod.suggestion(ref, url=moderated)["decision"]["reason"] == "The page says 2002."


# What a release requires of every organisation besides name, roles and country.
COMPLETE = {
    "org_type": "backbone",
    "domains": ["health"],
    "scope": "metropolitan",
    "description": "A backbone for health.",
}


def test_a_new_organisation_gets_an_id_from_its_name_and_every_field_is_logged(moderated, release):
    values = {"name": "Alpha Backbone", "roles": ["consulting"], "country_code": "NZ", **COMPLETE}
    ref = suggest(moderated, kind="new_organisation", target=None, proposed=values, previous=None)
    decided = mod.decide(ref, "approve", ANN, release=release, url=moderated, now=NOW)
    assert decided.entity_ids == ("alpha-backbone",)  # "alpha" is taken by another id only
    added = {c.field: c.new for c in decided.changes}
    assert added == {
        "name": "Alpha Backbone",
        "roles": "consulting",
        "org_type": "backbone",
        "domains": "health",
        "scope": "metropolitan",
        "country_code": "NZ",
        "description": "A backbone for health.",
        "source": "https://example.org/evidence",
        "checked": "2026-12-08",
    }
    live = mod.live(release, url=moderated)
    assert live.organisations["id"].tolist() == ["alpha", "beta", "gamma", "alpha-backbone"]


def test_an_approval_that_no_release_could_hold_is_refused_and_edits_complete_it(
    moderated, release
):
    bare = {"name": "Delta Fund", "roles": ["funding"], "country_code": "IL"}
    ref = suggest(moderated, kind="new_organisation", target=None, proposed=bare, previous=None)
    before = state(moderated)
    with pytest.raises(mod.IncompleteDecisionError) as refused:
        mod.decide(ref, "approve", ANN, release=release, url=moderated)
    assert [p.field for p in refused.value.problems] == list(COMPLETE)
    assert "org_type, domains, scope, description" in str(refused.value)
    assert "--set FIELD=VALUE" in str(refused.value)
    assert "org_type" in refused.value.render("he")
    assert state(moderated) == before
    live = mod.live(release, url=moderated)
    record = mod.suggestion(ref, url=moderated)
    assert [p.field for p in mod.verdict(record, live)] == list(COMPLETE)
    assert mod.verdict(record, live, edits=COMPLETE) == []
    assert mod.verdict(record, live, action="reject") == []
    decided = mod.decide(ref, "approve", ANN, edits=COMPLETE, release=release, url=moderated)
    assert decided.entity_ids == ("delta-fund",)


def test_a_correction_may_not_blank_a_field_a_release_requires(moderated, release):
    ref = suggest(moderated, target="gamma", proposed={"city": "York"}, previous=None)
    with pytest.raises(mod.IncompleteDecisionError, match="domains"):
        mod.decide(ref, "approve", ANN, edits={"domains": ""}, release=release, url=moderated)


def test_the_moderator_may_edit_a_value_before_approving(moderated, release):
    ref = suggest(moderated)
    mod.decide(ref, "approve", ANN, edits={"year_started": "2000"}, release=release, url=moderated)
    (decision,) = [mod.suggestion(ref, url=moderated)["decision"]]
    assert decision["edits"] == {"year_started": "2000"}
    live = mod.live(release, url=moderated).organisations.set_index("id")
    assert live.loc["beta", "year_started"] == "2000"


@pytest.mark.parametrize(
    ("edits", "field"),
    [
        ({"year_started": "1066"}, "values.year_started"),  # the validator's verdict
        ({"colour": "red"}, "values.colour"),  # not a field of the dataset
        ({"country_code": "XX"}, "values.country_code"),  # not a country
    ],
)
def test_an_edit_the_validator_refuses_changes_nothing(moderated, release, edits, field):
    ref = suggest(moderated)
    before = state(moderated)
    with pytest.raises(mod.InvalidDecisionError) as refused:
        mod.decide(ref, "approve", ANN, edits=edits, release=release, url=moderated)
    assert refused.value.problems[0].field == field
    assert state(moderated) == before


def test_removing_an_organisation_removes_its_links_and_says_when_and_why(moderated, release):
    ref = suggest(
        moderated, kind="removal", target="alpha", proposed={}, previous=None, reason="Closed 2024"
    )
    decided = mod.decide(ref, "approve", ANN, release=release, url=moderated, now=NOW)
    assert decided.entity_ids == ("alpha", "beta funds alpha", "gamma evaluates alpha")
    live = mod.live(release, url=moderated)
    assert "alpha" not in set(live.organisations["id"])
    assert live.links.empty
    removal = live.removed["alpha"]
    assert (removal.name, removal.at, removal.reason) == ("Alpha Backbone", NOW, "Closed 2024")
    # A correction of what is gone is refused by the validator, against the live edition.
    late = suggest(moderated, target="alpha", proposed={"city": "York"}, previous=None)
    with pytest.raises(mod.InvalidDecisionError):
        mod.decide(late, "approve", ANN, release=release, url=moderated)


def test_links_new_corrected_and_removed(moderated, release):
    new = suggest(
        moderated,
        kind="new_link",
        target=None,
        proposed={
            "source_id": "gamma",
            "target_id": "beta",
            "relation": "partners_with",
            "since": "2019",
        },
        previous=None,
    )
    mod.decide(new, "approve", ANN, release=release, url=moderated)
    relation = suggest(
        moderated,
        target={"source_id": "beta", "target_id": "alpha", "relation": "funds"},
        proposed={"since": "2014"},
    )
    mod.decide(relation, "approve", ANN, release=release, url=moderated)
    gone = suggest(
        moderated,
        kind="removal",
        target={"source_id": "gamma", "target_id": "alpha", "relation": "evaluates"},
        proposed={},
        reason="never evaluated it",
    )
    mod.decide(gone, "approve", ANN, release=release, url=moderated)
    live = mod.live(release, url=moderated)
    links = {
        edition.link_id(r["source_id"], r["relation"], r["target_id"]): r
        for r in live.links.to_dict("records")
    }
    assert set(links) == {"beta funds alpha", "gamma partners_with beta"}
    assert links["beta funds alpha"]["since"] == "2014"
    assert links["gamma partners_with beta"]["since"] == "2019"
    assert live.name == "2.1.0+3"


def test_a_merge_fills_blanks_and_never_overwrites(moderated, release):
    values = {
        "name": "Alpha Backbone Org",
        "roles": ["operating", "consulting"],
        "country_code": "GB",
        "city": "Bradford",  # alpha has a city: kept
        "website": "https://alpha.example.org/",  # alpha has none: filled
    }
    ref = suggest(moderated, kind="new_organisation", target=None, proposed=values, previous=None)
    decided = mod.decide(
        ref, "merge", ANN, merge_into="alpha", release=release, url=moderated, now=NOW
    )
    changed = {c.field: (c.old, c.new) for c in decided.changes}
    assert changed["website"] == ("", "https://alpha.example.org/")
    assert changed["roles"] == ("operating", "operating;consulting")
    assert "city" not in changed
    assert "name" not in changed
    assert mod.suggestion(ref, url=moderated)["status"] == "merged"
    with pytest.raises(mod.ModerationError, match="Only a new organisation"):
        mod.decide(
            suggest(moderated), "merge", ANN, merge_into="alpha", release=release, url=moderated
        )


@pytest.mark.parametrize("payload", PAYLOADS[:3])
def test_hostile_text_in_a_decision_is_kept_as_text(moderated, release, payload):
    ref = suggest(moderated)
    mod.decide(
        ref,
        "reject",
        ANN,
        reason=payload + "'); DROP TABLE changes; --",
        release=release,
        url=moderated,
    )
    assert mod.change_log(url=moderated)[0]["reason"].startswith(payload)


# Append-only ------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE changes SET new = '\"1999\"'",
        "DELETE FROM changes",
        "UPDATE decisions SET reason = 'rewritten'",
        "DELETE FROM decisions",
        "UPDATE edition SET number = 0",
        "DELETE FROM edition",
    ],
)
def test_the_log_cannot_be_rewritten_even_by_hand(moderated, release, statement):
    mod.decide(suggest(moderated), "approve", ANN, release=release, url=moderated)
    before = state(moderated)
    connection = store.engine(moderated).connect()
    with pytest.raises(sa.exc.DatabaseError, match=r"append-only|only grows"), connection.begin():
        connection.exec_driver_sql(statement)
    connection.close()
    assert state(moderated) == before


def test_the_library_offers_no_way_to_change_or_delete_the_log():
    public = set(mod.__all__)
    assert not {name for name in public if name.startswith(("update", "delete", "edit_"))}
    assert {"change_log", "decide"} <= public


# Two moderators at once ---------------------------------------------------------------------------


def _decide_in_a_process(url, folder, ref, who, barrier) -> str:
    """One replica: wait for the other, then decide."""
    release = edition.Release.read(
        Path(folder) / "organisations.csv", Path(folder) / "relationships.csv"
    )
    barrier.wait()
    try:
        mod.decide(ref, "approve", who, release=release, url=url)
    except mod.AlreadyDecidedError as refused:
        return "refused: " + refused.moderator
    return "decided"


def test_two_moderators_deciding_at_once_on_two_replicas(moderated, release):
    mod.add_moderator("ben@example.org", name="Ben", url=moderated)
    refs = [suggest(moderated, proposed={"year_started": str(2001 - i)}) for i in range(3)]
    spawn = multiprocessing.get_context("spawn")
    with spawn.Manager() as manager, spawn.Pool(2) as pool:
        for ref in refs:
            barrier = manager.Barrier(2)
            jobs = [
                (moderated, str(release.directory), ref, who, barrier)
                for who in (ANN, "ben@example.org")
            ]
            outcomes = pool.starmap(_decide_in_a_process, jobs)
            assert sorted(outcomes)[0] == "decided"
            assert sorted(outcomes)[1] in ("refused: Ann Moderator", "refused: Ben")
    with store.reading(moderated) as connection:
        assert (
            connection.execute(sa.select(sa.func.count()).select_from(schema.decisions)).scalar()
            == 3
        )
    assert mod.edition_number(url=moderated) == 3  # one approval each, none applied twice
    years = [r["new"] for r in mod.change_log(url=moderated) if r["field"] == "year_started"]
    assert years == ["2001", "2000", "1999"]
