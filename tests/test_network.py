"""Links between organisations: checking the file, the graph, metrics and exports."""

import io
from pathlib import Path

import networkx as nx
import pandas as pd
import pytest

from mapping import network, vocab
from mapping.data import DatasetError
from mapping.filters import Filters
from tests.conftest import make_frame

LINK = {
    "source_id": "org-1",
    "target_id": "org-2",
    "relation": "member_of",
    "since": "2014",
    "until": "",
    "source": "https://example.org/members",
    "checked": "2026-12-01",
    "note": "listed as a member",
}


@pytest.fixture(scope="module")
def small():
    """Four organisations: two members of org-3's network, org-4 funds org-1."""
    return make_frame(
        {"name": "Alpha", "roles": "operating"},
        {"name": "Beta", "roles": "operating;funding"},
        {"name": "Network", "roles": "knowledge", "org_type": "network"},
        {"name": "Funder", "roles": "funding", "org_type": "funder"},
    )


def links_table(*changes: dict) -> pd.DataFrame:
    """A links table of strings: one row per change applied to ``LINK``."""
    return pd.DataFrame([{**LINK, **change} for change in changes]).astype(str)


def check(table: pd.DataFrame, small) -> pd.DataFrame:
    return network.relationships_from_table(table, small["id"], source="links.csv")


@pytest.fixture(scope="module")
def small_links(small):
    return check(
        links_table(
            {"source_id": "org-1", "target_id": "org-3"},
            {"source_id": "org-2", "target_id": "org-3", "since": ""},
            {"source_id": "org-4", "target_id": "org-1", "relation": "funds"},
        ),
        small,
    )


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        # A link must name organisations of the dataset, at both ends.
        ({"target_id": "nobody"}, "target_id", "is not the id of an organisation"),
        ({"source_id": "nobody"}, "source_id", "is not the id of an organisation"),
        # A loop says nothing about the field.
        ({"target_id": "org-1"}, "target_id", "links an organisation to itself"),
        # The relation is a closed vocabulary.
        ({"relation": "likes"}, "relation", "is not a known relation"),
        ({"since": "1850"}, "since", "must be a year between 1900"),
        ({"until": "3000"}, "until", "must be a year between 1900"),
        (
            {"since": "2016", "until": "2012"},
            "until",
            "the end year 2012 is before the start year 2016",
        ),
        # A source is the page that shows the link: one http(s) address.
        ({"source": "javascript:alert(1)"}, "source", "must be one http(s) URL"),
        ({"source": "annual report"}, "source", "must be one http(s) URL"),
        ({"source": ""}, "source", "is required but blank"),
        ({"checked": "01/12/2026"}, "checked", "must be a date written YYYY-MM-DD"),
        ({"checked": "2999-01-01"}, "checked", "not after today"),
    ],
)
def test_a_bad_link_is_named_by_row_and_field(small, change, field, fragment):
    table = links_table({"source_id": "org-2", "target_id": "org-3"}, change)
    with pytest.raises(DatasetError) as raised:
        check(table, small)
    message = str(raised.value)
    assert message.startswith(f"links.csv, row 2, field '{field}': ")
    assert fragment in message


def test_a_repeated_link_names_the_first(small):
    table = links_table({}, {"note": "the same link again"})
    with pytest.raises(DatasetError, match=r"row 2, .*repeats the link of row 1"):
        check(table, small)


def test_partners_with_is_the_same_link_either_way_round(small):
    # A symmetric relation is stored once: b-a repeats a-b.
    table = links_table(
        {"relation": "partners_with"},
        {"relation": "partners_with", "source_id": "org-2", "target_id": "org-1"},
    )
    with pytest.raises(DatasetError, match="repeats the link of row 1"):
        check(table, small)


def test_other_relations_may_run_both_ways(small):
    # A funds B and B funds A are two facts.
    table = links_table(
        {"relation": "funds"}, {"relation": "funds", "source_id": "org-2", "target_id": "org-1"}
    )
    assert len(check(table, small)) == 2


def test_a_missing_column_is_named(small):
    with pytest.raises(DatasetError, match="missing required column"):
        check(links_table({}).drop(columns=["relation"]), small)


def test_link_errors_render_in_hebrew(small):
    with pytest.raises(DatasetError) as raised:
        check(links_table({"target_id": "org-1"}), small)
    hebrew = raised.value.render("he")
    assert "מקשר ארגון לעצמו" in hebrew
    assert "שורה 1" in hebrew


def test_years_become_nullable_integers(small_links):
    assert small_links["since"].tolist() == [2014, pd.NA, 2014]
    assert str(small_links["since"].dtype) == "Int64"


def test_linked_and_member_ids(small_links):
    assert network.linked_ids(small_links, "org-1") == {"org-1", "org-3", "org-4"}
    assert network.member_ids(small_links, "org-3") == {"org-1", "org-2", "org-3"}
    # An organisation without links is linked to itself only.
    assert network.linked_ids(small_links, "org-9") == {"org-9"}


@pytest.mark.parametrize(
    ("year", "kept", "why"),
    [
        (2013, [1], "the 2014 links had not started; the undated one may have"),
        (2014, [0, 1, 2], "a link counts from its since year"),
        (2030, [0, 1, 2], "no until: still in force"),
    ],
)
def test_links_in_force(small_links, year, kept, why):
    assert network.links_in_force(small_links, year).index.tolist() == kept, why


def test_a_link_that_ended_is_out_of_force_after_its_until(small):
    ended = check(links_table({"source_id": "org-1", "target_id": "org-3", "until": "2016"}), small)
    assert len(network.links_in_force(ended, 2016)) == 1
    assert network.links_in_force(ended, 2017).empty


def test_an_as_of_view_follows_only_the_links_of_that_year(small, small_links):
    # org-4 funds org-1 from 2014: before then org-1's links hold only its network... which
    # also starts in 2014, so org-1 stands alone.
    dated = small.assign(year_started=pd.array([2010] * 4, dtype="Int64"))
    assert set(Filters(linked="org-1", asof=2013).apply(dated, small_links)["id"]) == {"org-1"}
    assert set(Filters(linked="org-1", asof=2015).apply(dated, small_links)["id"]) == {
        "org-1",
        "org-3",
        "org-4",
    }


def test_view_keeps_only_links_inside_it(small_links):
    assert len(network.view_links(small_links, ["org-1", "org-3"])) == 1
    assert network.neighbour_ids(small_links, ["org-4"]) == {"org-4", "org-1"}


def test_graph_metrics(small, small_links):
    graph = network.view_graph(small, small_links)
    assert graph.nodes["org-2"]["role"] == "operating"
    assert graph.nodes["org-2"]["roles"] == "operating;funding"
    assert network.degree(graph).to_dict() == {"org-1": 2, "org-3": 2, "org-2": 1, "org-4": 1}
    assert network.components(graph) == [{"org-1", "org-2", "org-3", "org-4"}]
    # org-1 and org-3 sit between the others.
    assert list(network.brokers(graph).index) == ["org-1", "org-3"]


def test_network_sizes_and_column(small, small_links):
    networks = pd.DataFrame({"network": ["The Network"], "organisation_id": ["org-3"]})
    assert network.network_sizes(small_links, networks)["members"].tolist() == [2]
    column = network.network_column(small["id"], small_links, networks)
    assert column == {
        "org-1": ("The Network",),
        "org-2": ("The Network",),
        "org-3": ("The Network",),  # the runner carries its own network's name
        "org-4": (),
    }


# Named networks and their rosters ---------------------------------------------------

ROSTER = {
    "network": "The Network",
    "organisation_id": "org-3",
    "roster_source": "https://example.org/members",
    "roster_date": "2025-06",
    "roster_size": "4",
    "roster_note": "Members are place-based partnerships.",
}


def write_networks(tmp_path: Path, *rows: dict) -> Path:
    path = tmp_path / "networks.csv"
    pd.DataFrame([{**ROSTER, **row} for row in rows]).to_csv(path, index=False)
    return path


@pytest.mark.parametrize(
    ("change", "field", "fragment"),
    [
        # A size counts members: a positive whole number, never a range or a guess.
        ({"roster_size": "0"}, "roster_size", "must be a positive whole number"),
        ({"roster_size": "60+"}, "roster_size", "must be a positive whole number"),
        ({"roster_size": "12.5"}, "roster_size", "must be a positive whole number"),
        ({"roster_size": "-3"}, "roster_size", "must be a positive whole number"),
        # A date as precise as the page gives it, and never in the future.
        ({"roster_date": "Sept 2017"}, "roster_date", "must be a date written YYYY, YYYY-MM"),
        ({"roster_date": "2017-13"}, "roster_date", "must be a date written YYYY, YYYY-MM"),
        ({"roster_date": "2017-02-30"}, "roster_date", "must be a date written YYYY"),
        ({"roster_date": "2999"}, "roster_date", "not after today"),
        ({"roster_date": "1850"}, "roster_date", "must be a date written"),
        # The roster is a page a reader can open.
        ({"roster_source": "javascript:alert(1)"}, "roster_source", "must be one http(s) URL"),
        ({"roster_source": "the 2017 directory"}, "roster_source", "must be one http(s) URL"),
        # A size or a date says nothing without the page it comes from.
        ({"roster_source": ""}, "roster_source", "needs the page that lists the members"),
        ({"roster_source": "", "roster_size": ""}, "roster_source", "needs the page"),
        # The runner is an organisation of the dataset.
        ({"organisation_id": "nobody"}, "organisation_id", "is not the id of an organisation"),
    ],
)
def test_a_bad_roster_is_named_by_row_and_field(small, tmp_path, change, field, fragment):
    second = {"network": "Another", "organisation_id": "org-4", **change}
    path = write_networks(tmp_path, {}, second)
    with pytest.raises(DatasetError) as raised:
        network.networks_table(path, organisations=small)
    message = str(raised.value)
    assert message.startswith(f"networks.csv, row 2, field '{field}': "), message
    assert fragment in message


@pytest.mark.parametrize(
    "change",
    [
        # Every roster column may be blank: a network without a published roster.
        {"roster_source": "", "roster_date": "", "roster_size": "", "roster_note": ""},
        # A page without a size (the Collective Impact Forum: its members are people).
        {"roster_size": ""},
        {"roster_date": "2011"},
        {"roster_date": "2017-09-14"},
    ],
)
def test_a_good_roster_loads(small, tmp_path, change):
    table = network.networks_table(write_networks(tmp_path, change), organisations=small)
    assert tuple(table.columns) == network.NETWORK_COLUMNS
    assert table.iloc[0].to_dict() == {**ROSTER, **change}


def test_a_networks_file_without_roster_columns_still_loads(small, tmp_path):
    # 2.0.0's networks.csv had two columns: the roster columns read as blank.
    path = tmp_path / "networks.csv"
    path.write_text("network,organisation_id\nThe Network,org-3\n", encoding="utf-8")
    table = network.networks_table(path, organisations=small)
    assert table["roster_size"].tolist() == [""]


def test_roster_errors_render_in_hebrew(small, tmp_path):
    path = write_networks(tmp_path, {"roster_size": "many"})
    with pytest.raises(DatasetError) as raised:
        network.networks_table(path, organisations=small)
    hebrew = raised.value.render("he")
    assert "חייב להיות מספר שלם חיובי" in hebrew
    assert "שורה 1" in hebrew


def test_coverage_counts_each_member_once_against_its_roster(small_links):
    networks = pd.DataFrame(
        [
            {**ROSTER, "roster_size": "4"},
            {**ROSTER, "network": "Unsized", "organisation_id": "org-1", "roster_size": ""},
            {**ROSTER, "network": "Empty", "organisation_id": "org-4", "roster_size": "2"},
        ]
    )
    # A member linked twice (since a later year, say) is still one member.
    links = pd.concat([small_links, small_links.iloc[[0]]], ignore_index=True)
    table = network.coverage(networks, links)
    assert tuple(table.columns) == network.COVERAGE_COLUMNS
    assert table["network"].tolist() == ["The Network", "Unsized", "Empty"]
    assert table["members"].tolist() == [2, 0, 0]
    assert table["roster_size"].tolist() == [4, pd.NA, 2]
    assert table.loc[0, "share"] == 0.5
    assert pd.isna(table.loc[1, "share"])
    assert table.loc[2, "share"] == 0.0
    # Links other than member_of are not memberships (org-4 funds org-1).
    assert table.loc[1, "members"] == 0


@pytest.mark.parametrize(
    ("row", "english", "hebrew"),
    [
        (
            {"members": 57, "roster_size": 69, "roster_date": "2026-12-07"},
            "X: 57 of 69 listed members (roster of 2026-12-07)",
            "X: 57 מתוך 69 החברים ברשימה (רשימה מ־2026-12-07)",
        ),
        ({"members": 3, "roster_size": 4, "roster_date": ""}, "X: 3 of 4 listed members", None),
        # No published size: the count stands alone, and says so.
        (
            {"members": 1, "roster_size": pd.NA, "roster_date": "2015-12"},
            "X: one member in the atlas; no roster size is published",
            "X: חבר אחד באטלס; מספר החברים ברשת לא פורסם",
        ),
        (
            {"members": 1200, "roster_size": None, "roster_date": ""},
            "X: 1,200 members in the atlas; no roster size is published",
            None,
        ),
    ],
)
def test_coverage_sentences(row, english, hebrew):
    message = network.coverage_message({"network": "X", **row})
    assert message.render("en") == english
    if hebrew:
        assert message.render("he") == hebrew


def test_gexf_reads_back_with_the_same_nodes_and_edges(small, small_links):
    graph = nx.read_gexf(io.BytesIO(network.to_gexf_bytes(small, small_links)))
    assert set(graph.nodes) == set(small["id"])
    edges = {(a, b, data["label"]) for a, b, data in graph.edges(data=True)}
    ends = small_links[["source_id", "target_id", "relation"]]
    expected = set(ends.itertuples(index=False, name=None))
    assert edges == expected
    assert graph.nodes["org-1"]["label"] == "Alpha"


def test_graphml_reads_back_with_the_same_nodes_and_edges(small, small_links):
    graph = nx.read_graphml(io.BytesIO(network.to_graphml_bytes(small, small_links)))
    assert set(graph.nodes) == set(small["id"])
    pairs = small_links[["source_id", "target_id"]].itertuples(index=False, name=None)
    assert set(graph.edges()) == set(pairs)


def test_links_csv_is_formula_safe_with_names(small, small_links):
    hostile = small_links.assign(note='=HYPERLINK("http://evil")')
    text = network.to_links_csv_bytes(small, hostile).decode("utf-8-sig")
    lines = text.splitlines()
    assert lines[0].startswith("source_id,source_name,relation,target_id,target_name")
    assert "org-1,Alpha,member_of,org-3,Network,2014" in lines[1]
    assert "'=HYPERLINK" in text


# The shipped links -------------------------------------------------------------------


@pytest.fixture(scope="module")
def shipped_links(organisations):
    return network.load_relationships(organisations=organisations)


@pytest.fixture(scope="module")
def shipped_networks(organisations):
    return network.networks_table(organisations=organisations)


def test_shipped_links_meet_the_coverage_minima(organisations, shipped_links):
    assert len(shipped_links) >= 1100
    linked = set(shipped_links["source_id"]) | set(shipped_links["target_id"])
    assert organisations["id"].isin(linked).mean() >= 0.70


def test_every_shipped_link_has_a_source_and_a_checked_date(shipped_links):
    assert (shipped_links["source"] != "").all()
    assert shipped_links["checked"].str.fullmatch(r"\d{4}-\d{2}-\d{2}").all()


def test_every_shipped_network_says_where_its_roster_is_and_what_counts(shipped_networks):
    # A reader can check every coverage figure: the roster's page, its date, and a note
    # saying what counts as a member (or why the members are not collected).
    for column in ("roster_source", "roster_date", "roster_note"):
        blank = shipped_networks.loc[shipped_networks[column] == "", "network"].tolist()
        assert not blank, column
    assert (shipped_networks["roster_size"] != "").sum() >= 18


def test_shipped_coverage_is_what_the_research_found(shipped_networks, shipped_links):
    table = network.coverage(shipped_networks, shipped_links).set_index("network")
    strive = table.loc["StriveTogether Cradle to Career Network"]
    assert strive["members"] >= 57
    assert strive["roster_size"] == 69
    # Members never exceed a roster that counts them all.
    sized = table[table["roster_size"].notna()]
    assert (sized["share"] <= 1).all(), sized[sized["share"] > 1].index.tolist()


def test_every_relation_is_used(shipped_links):
    assert set(shipped_links["relation"]) == set(vocab.RELATIONS)


def test_the_network_column_is_what_the_links_say(organisations, shipped_links, shipped_networks):
    # The column is kept equal to the member_of links (and a runner's own network).
    column = network.network_column(organisations["id"], shipped_links, shipped_networks)
    differing = {
        org: (tuple(values), column[org])
        for org, values in zip(organisations["id"], organisations["network"], strict=True)
        if tuple(values) != column[org]
    }
    assert not differing


def test_every_network_name_in_the_column_is_a_named_network(organisations, shipped_networks):
    used = {name for values in organisations["network"] for name in values}
    assert used <= set(shipped_networks["network"])


def test_another_dataset_does_not_get_the_shipped_links(tmp_path, monkeypatch):
    monkeypatch.setenv("ATLAS_DATA", str(tmp_path / "mine.csv"))
    monkeypatch.delenv("ATLAS_LINKS", raising=False)
    assert network.relationships_path() is None
    (tmp_path / "relationships.csv").write_text("source_id,target_id,relation,source\n")
    assert network.relationships_path() == tmp_path / "relationships.csv"
