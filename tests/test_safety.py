"""Hostile text stays inert in every context."""

import json

import pytest

from mapping.safety import (
    escape_html,
    escape_markdown,
    escape_template_literal,
    escape_terminal,
    safe_url,
    script_json,
)

PAYLOADS = [
    "<img src=x onerror=alert(1)>",
    "<script>alert(1)</script>",
    '"><svg onload=alert(1)>',
    "${alert(1)}",
    "`;alert(1);`",
    "</script><script>alert(1)</script>",
    "\\`${alert(1)}",
    "<!--",
    "\u2028alert(1)",
]


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escape_html_leaves_no_markup_or_template_syntax(payload):
    escaped = escape_html(payload)
    for dangerous in ("<", ">", '"', "`", "${", "\\"):
        assert dangerous not in escaped


@pytest.mark.parametrize("payload", PAYLOADS)
def test_escape_template_literal_cannot_close_or_interpolate(payload):
    escaped = escape_template_literal(payload)
    assert "`" not in escaped.replace("\\`", "")
    assert "${" not in escaped.replace("\\${", "")


@pytest.mark.parametrize("payload", PAYLOADS)
def test_script_json_round_trips_and_cannot_close_the_script(payload):
    encoded = script_json({"name": payload})
    for dangerous in ("<", ">", "&", "\u2028"):
        assert dangerous not in encoded
    assert json.loads(encoded) == {"name": payload}


@pytest.mark.parametrize(
    ("url", "safe"),
    [
        ("https://www.fsg.org/", "https://www.fsg.org/"),
        ("http://example.org/a?b=c", "http://example.org/a?b=c"),
        ("javascript:alert(1)", ""),  # script URL
        ("JaVaScRiPt:alert(1)", ""),
        (" javascript:alert(1)", ""),
        ("java\tscript:alert(1)", ""),  # browsers strip tabs inside schemes
        ("data:text/html,<script>alert(1)</script>", ""),
        ("vbscript:msgbox(1)", ""),
        ("//evil.example/", ""),  # protocol-relative
        ("/relative/path", ""),
        ("https://", ""),  # no host
        ("https://exa mple.org", ""),
        ("", ""),
        (None, ""),
    ],
)
def test_safe_url(url, safe):
    assert safe_url(url) == safe


@pytest.mark.parametrize(
    ("text", "escaped"),
    [
        ("[click](javascript:alert(1))", "\\[click\\]\\(javascript:alert\\(1\\)\\)"),
        ("<b>bold</b>", "\\<b\\>bold\\</b\\>"),
        ("**not bold**", "\\*\\*not bold\\*\\*"),
        ("12 of 250 organisations", "12 of 250 organisations"),
    ],
)
def test_escape_markdown(text, escaped):
    assert escape_markdown(text) == escaped


@pytest.mark.parametrize(
    ("text", "shown"),
    [
        ("\x1b[2J\x1b]0;pwned\x07", "\\x1b[2J\\x1b]0;pwned\\x07"),  # clear, retitle
        ("a\nS-000009\tforged", "a\\x0aS-000009\\x09forged"),  # a forged line and column
        ("\x9b31m\x7f", "\\x9b31m\\x7f"),  # C1 CSI, DEL
        ("abc\u202etxt.exe\u2066\u2028", "abc\\u202etxt.exe\\u2066\\u2028"),  # overrides
        ("שיתופים \u200f(IL) café C:\\path", "שיתופים \u200f(IL) café C:\\path"),  # text as is
    ],
)
def test_escape_terminal_shows_what_a_terminal_would_obey(text, shown):
    assert escape_terminal(text) == shown
    assert escape_terminal(None) == ""
