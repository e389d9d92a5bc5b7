"""An organisation's details as the Data page shows them: inert HTML, links that work, reasons."""

import re
from html.parser import HTMLParser

import pytest

from mapping import details
from tests.test_maps import linked_view  # noqa: F401 - the fixture
from tests.test_safety import PAYLOADS


class Tags(HTMLParser):
    """The element names and attributes of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__()
        self.names: set[str] = set()
        self.attributes: list[tuple[str, str]] = []

    def handle_starttag(self, tag, attrs) -> None:
        self.names.add(tag)
        self.attributes.extend((name, value or "") for name, value in attrs)


NAMES = {"org-1": "Funder A", "org-2": "Funder B", "org-3": "Institute", "org-4": "Elsewhere"}


def test_a_website_is_a_link_to_exactly_its_address(linked_view):  # noqa: F811
    # A Markdown table once showed https://www\.ecfoundation\.org/ and linked to %5C.
    frame, links = linked_view
    row = frame.iloc[0].copy()
    row["website"] = "https://www.ecfoundation.org/"
    html = details.details_html(row, "en", links, NAMES)
    assert (
        '<a href="https://www.ecfoundation.org/" target="_blank" rel="noopener noreferrer">'
        "https://www.ecfoundation.org/</a>"
    ) in html
    assert "\\" not in html.split("</style>", 1)[1]


def test_the_reason_comes_first_with_relation_years_and_source(linked_view):  # noqa: F811
    frame, links = linked_view
    html = details.details_html(frame.iloc[0], "en", links, NAMES, linked="org-3")
    why = html.index("In this view because it is linked to Institute:")
    reasons = re.search(r'<ul class="atlas-details-reasons">(.*?)</ul>', html).group(1)
    assert reasons.count("<li>") == 1
    assert "Funds: <strong>Institute</strong>" in reasons
    assert '(since 2013 · <a href="https://example.org/members"' in reasons
    others = html.index('<ul class="atlas-details-links">')
    assert why < others
    assert "Partners with: <strong>Funder B</strong>" in html[others:]


def test_the_linked_to_organisation_itself_has_no_reason(linked_view):  # noqa: F811
    frame, links = linked_view
    html = details.details_html(frame.iloc[2], "en", links, NAMES, linked="org-3")
    assert 'class="atlas-details-why"' not in html
    assert "Funded by: <strong>Funder A</strong>" in html


def test_a_source_that_is_not_http_is_text_only(linked_view):  # noqa: F811
    frame, links = linked_view
    html = details.details_html(frame.iloc[1], "en", links, NAMES, linked="org-3")
    assert "javascript" not in html
    assert "Advised by: <strong>Institute</strong> <span" in html
    assert "(years not recorded)" in html


def test_details_in_hebrew(linked_view):  # noqa: F811
    frame, links = linked_view
    html = details.details_html(frame.iloc[0], "he", links, NAMES, linked="org-3")
    assert 'dir="rtl"' in html
    assert "בתצוגה הזו כי הוא מקושר אל Institute:" in html
    assert "מאז 2013" in html


@pytest.mark.parametrize("payload", PAYLOADS)
def test_hostile_text_is_text(payload, linked_view):  # noqa: F811
    frame, links = linked_view
    row = frame.iloc[0].copy()
    row["name"] = row["description"] = row["city"] = payload
    names = dict.fromkeys(NAMES, payload)
    html = details.details_html(row, "en", links, names, linked="org-3")
    tags = Tags()
    tags.feed(html.split("</style>", 1)[1])
    assert tags.names <= {"div", "dl", "dt", "dd", "a", "p", "ul", "li", "strong", "span"}
    assert not [name for name, _value in tags.attributes if name.startswith("on")]
    assert all(value.startswith("https://") for name, value in tags.attributes if name == "href")


@pytest.mark.parametrize(
    ("since", "until", "text", "why"),
    [
        (2013, None, "since 2013", "only a start"),
        (None, 2015, "until 2015", "only an end"),
        (2010, 2015, "2010–2015", "both"),
        (None, None, "years not recorded", "no source gives them"),
    ],
)
def test_link_years(since, until, text, why):
    assert details.link_years(since, until) == text, why
