"""Where a source may point: the original publisher's page, never a copy of it.

A citation that leads to a copy of a document on a document-sharing site or a
content farm (docslib, scribd, pdfslide, studylib, a blog that reposted a press
release) undermines every figure it supports: the copy may be altered, out of
date or gone tomorrow, and it hides who published the fact. The dataset test,
the research slices' merge (``scripts/research_slices.py``) and the suggestions'
validator all ask ``is_copy_host``, so the list below is the one place to add a
host found in a review.

Examples
--------
>>> is_copy_host("https://www.docslib.org/doc/123/report")
True
>>> is_copy_host("https://docslib.org./doc/123")  # a trailing dot names the same host
True
>>> is_copy_host("https://ghpn.blogspot.com/2015/05/post.html")  # the organisation's own blog
False
>>> is_copy_host("https://www.strivetogether.org/")
False
"""

from __future__ import annotations

from urllib.parse import urlsplit

__all__ = ["COPY_HOSTS", "OWN_BLOGS", "copy_host", "is_copy_host"]

# Hosts of copies of other publishers' documents (and of reposted press releases):
# never a source. Cite the original: the government, the organisation, the funder,
# the journal, the newspaper. A subdomain of a listed host is a copy host too.
COPY_HOSTS = (
    "123deta.com",
    "1library.net",
    "anyflip.com",
    "blogspot.com",
    "coursehero.com",
    "cupdf.com",
    "dialog.cm",  # issuu's embed mirror (embed-rech-01.dialog.cm/realdania.dk/...)
    "docest.com",
    "docplayer.net",
    "docsbay.net",
    "docslib.org",
    "docstoc.com",
    "documentop.com",
    "documents.pub",
    "dokumen.pub",
    "dokumen.tips",
    "fdocuments.in",
    "fdocuments.net",
    "fichier-pdf.fr",
    "issuu.com",
    "kipdf.com",
    "kiwix.org",
    "paperzz.com",
    "pdf4pro.com",
    "pdfcoffee.com",
    "pdfslide.net",
    "pdfslide.us",
    "questionai.com",  # a content farm answering with copied text
    "readkong.com",
    "scribd.com",
    "silo.tips",
    "slideplayer.com",
    "slideshare.net",
    "studylib.net",
    "studylibfr.com",
    "vdocument.in",
    "vdocuments.mx",
    "vdocuments.net",
    "vdocuments.site",
    "vdocuments.us",
    "vlex.com",
    "wikisum.com",
    "wikisum.wiki",  # reproduces Wikipedia sentences
    "yumpu.com",
)
# Blogs on a copy host's domain that an organisation writes itself: its own words, so a
# source (the Coalition for Community Schools' and the Greater Hartford network's blogs).
OWN_BLOGS = ("coalitionforcommunityschools.blogspot.com", "ghpn.blogspot.com")


def _host(url: str) -> str:
    """The URL's host in lower case, without port, user or the DNS root's trailing dot."""
    try:
        host = urlsplit(url.strip()).hostname or ""
    except ValueError:  # a malformed authority (e.g. an unclosed IPv6 bracket)
        return ""
    return host.rstrip(".")


def copy_host(url: str) -> str | None:
    """The listed copy host ``url`` is on (``"docslib.org"`` for ``www.docslib.org``), or None."""
    host = _host(url)
    if not host or host in OWN_BLOGS:
        return None
    for listed in COPY_HOSTS:
        if host == listed or host.endswith("." + listed):
            return listed
    return None


def is_copy_host(url: str) -> bool:
    """Whether ``url`` is on a host of copies (or a subdomain of one) rather than an original."""
    return copy_host(url) is not None
