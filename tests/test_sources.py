"""Copy hosts: a source is the original publisher's page, never a copy of it."""

import pytest

from mapping import sources


@pytest.mark.parametrize(
    ("url", "host", "why"),
    [
        ("https://docslib.org/doc/123/report", "docslib.org", "a listed host"),
        ("https://www.scribd.com/document/1/x", "scribd.com", "a subdomain of a listed host"),
        ("https://fr.slideshare.net/x", "slideshare.net", "a language subdomain"),
        ("https://docslib.org./doc/1", "docslib.org", "a trailing dot names the same host"),
        ("https://WWW.StudyLib.NET/doc/1", "studylib.net", "hosts are case-insensitive"),
        ("https://paperzz.com:443/doc/1", "paperzz.com", "a port changes nothing"),
        ("https://user@vdocuments.mx/doc", "vdocuments.mx", "user information changes nothing"),
        ("https://someone.blogspot.com/2015/post", "blogspot.com", "a blog reposting a release"),
        ("https://ghpn.blogspot.com/2015/05/p.html", None, "an organisation's own blog"),
        ("https://ghpn.blogspot.com./2015/05/p.html", None, "its own blog, trailing dot"),
        ("https://www.strivetogether.org/", None, "an original publisher"),
        ("https://notdocslib.org/doc/1", None, "a host that only ends with a listed name"),
        ("https://docslib.org.example.com/x", None, "a listed name inside another host"),
        ("https://example.com/?u=https://docslib.org/x", None, "a copy host named in the query"),
        ("not a url", None, "no host at all"),
        ("https://[::1/x", None, "a malformed authority is not a copy host (nor a crash)"),
    ],
)
def test_copy_host(url, host, why):
    assert sources.copy_host(url) == host, why
    assert sources.is_copy_host(url) is (host is not None), why


def test_the_lists_are_lowercase_hosts_without_repeats():
    for hosts in (sources.COPY_HOSTS, sources.OWN_BLOGS):
        assert len(set(hosts)) == len(hosts)
        assert all(h == h.lower().strip(".") and "/" not in h for h in hosts)
    # An organisation's own blog is on a copy host's domain, else it would need no exception.
    assert all(h.endswith(".blogspot.com") for h in sources.OWN_BLOGS)
    # Kept sorted, so a review sees where a new host went.
    assert list(sources.COPY_HOSTS) == sorted(sources.COPY_HOSTS)
