"""Make data-borne text inert in every context it reaches (HTML, scripts, links, spreadsheets,
a moderator's terminal).

folium does not escape popup or tooltip text, and Streamlit component iframes
are same-origin with the app, so any markup in the data would run with the
app's rights. These helpers are the only way text from the data enters HTML,
JavaScript or a link.
"""

from __future__ import annotations

import html
import json
from urllib.parse import urlsplit

_SCRIPT_JSON_ESCAPES = {
    "<": "\\u003c",
    ">": "\\u003e",
    "&": "\\u0026",
    "\u2028": "\\u2028",
    "\u2029": "\\u2029",
}
_TEMPLATE_LITERAL_ESCAPES = {"\\": "\\\\", "`": "\\`", "$": "\\$"}
ALLOWED_SCHEMES = ("http", "https")
# A spreadsheet reads a cell starting with these as a formula (OWASP CSV injection).
FORMULA_TRIGGERS = ("=", "+", "-", "@", "\t", "\r")
_MARKDOWN_SPECIAL = set("\\`*_{}[]()<>#+-.!|~$")
# What a terminal obeys rather than shows: C0 and C1 controls and DEL (escape sequences
# clear the screen, move the cursor, retitle the window, hide text or make links; a tab or
# a newline forges a column or a line of the command line's output), the Unicode line and
# paragraph separators, and the bidirectional overrides and isolates (which reorder what
# follows them, "Trojan Source").
_TERMINAL_CONTROLS = {
    code: f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}"
    for code in (
        *range(0x00, 0x20),
        *range(0x7F, 0xA0),
        0x2028,
        0x2029,
        *range(0x202A, 0x202F),
        *range(0x2066, 0x206A),
    )
}


def escape_html(text: object) -> str:
    """Escape text for HTML element content or a quoted attribute value.

    Besides ``& < > " '`` it also encodes the backtick, ``$`` and backslash, so
    the result stays inert when folium places it inside a JavaScript template
    literal (as ``Tooltip`` and ``Popup`` do).
    """
    escaped = html.escape("" if text is None else str(text), quote=True)
    return escaped.replace("`", "&#96;").replace("$", "&#36;").replace("\\", "&#92;")


def escape_template_literal(text: object) -> str:
    """Escape text for a JavaScript template literal (backslash, backtick, ``$``)."""
    value = "" if text is None else str(text)
    return "".join(_TEMPLATE_LITERAL_ESCAPES.get(ch, ch) for ch in value)


def safe_url(url: object) -> str:
    """Return ``url`` if it is an absolute http(s) URL with a host, else ``""``.

    ``javascript:``, ``data:``, relative and malformed URLs are all refused.
    """
    text = "" if url is None else str(url).strip()
    if not text or any(ch.isspace() or ord(ch) < 32 for ch in text):
        return ""
    try:
        parts = urlsplit(text)
    except ValueError:
        return ""
    if parts.scheme.lower() not in ALLOWED_SCHEMES or not parts.netloc:
        return ""
    return text


def script_json(value: object) -> str:
    """Serialise ``value`` as JSON that is safe inside an inline ``<script>``.

    ``<``, ``>`` and ``&`` are written as Unicode escapes so no string can
    close the script element or open a comment; U+2028/U+2029 are escaped for
    pre-ES2019 parsers.
    """
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), allow_nan=False)
    for character, escape in _SCRIPT_JSON_ESCAPES.items():  # str.replace: megabytes at C speed
        text = text.replace(character, escape)
    return text


def neutralise_formula(text: str) -> str:
    """Prefix ``'`` to text a spreadsheet would evaluate as a formula."""
    return "'" + text if text.startswith(FORMULA_TRIGGERS) else text


def escape_markdown(text: object) -> str:
    """Backslash-escape Markdown syntax so user text renders literally in Streamlit."""
    value = "" if text is None else str(text)
    return "".join("\\" + ch if ch in _MARKDOWN_SPECIAL else ch for ch in value)


def escape_terminal(text: object) -> str:
    """Write every character a terminal would obey (see ``_TERMINAL_CONTROLS``) as a visible
    escape (``\\x1b``, ``\\u202e``), so user text printed by the command line is shown,
    never executed. A backslash stays as it is; any other text is unchanged."""
    value = "" if text is None else str(text)
    return value.translate(_TERMINAL_CONTROLS)
