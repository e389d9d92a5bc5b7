"""``/api/v1/docs``: the API's documentation as a page, in English or Hebrew (``?lang=he``).

Generated from the same declarations as the OpenAPI description (the operations, the
filter registry, the dataset's columns), with its wording from the message catalogues.
Served by the app itself, styled inline: it needs nothing from the internet. Every value
shown is escaped (``mapping.safety.escape_html``).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from urllib.parse import urlencode

from starlette.responses import Response

from mapping.api.openapi import organisation_schema
from mapping.api.operation import PREFIX, Call, Operation
from mapping.api.params import HTML, LANG, Param
from mapping.filters import FIELDS, Choice, Field
from mapping.i18n import LANGUAGE_NAMES, LANGUAGES, direction, t
from mapping.safety import escape_html

STYLE = """
body { font: 16px/1.55 system-ui, -apple-system, "Segoe UI", "Noto Sans", "Noto Sans Hebrew",
  sans-serif; color: #1f2933; max-width: 62rem; margin: 0 auto; padding: 1.5rem; }
h1 { font-size: 1.9rem; margin-bottom: .2rem; } h2 { margin-top: 2.2rem;
  border-bottom: 1px solid #d9dee3; padding-bottom: .2rem; } h3 { margin-top: 1.6rem; }
code, pre { font-family: ui-monospace, "DejaVu Sans Mono", monospace; font-size: .88rem; }
pre { background: #f4f6f8; padding: .75rem 1rem; overflow-x: auto; border-radius: .4rem;
  direction: ltr; text-align: left; }
table { border-collapse: collapse; width: 100%; margin: .6rem 0; font-size: .92rem; }
th, td { border: 1px solid #d9dee3; padding: .35rem .5rem; vertical-align: top;
  text-align: start; } th { background: #f4f6f8; }
a { color: #005a8c; } .method { font-weight: 700; color: #00578a; }
.muted { color: #52606d; } nav a { margin-inline-end: 1rem; }
blockquote { margin: .4rem 0; padding: .5rem 1rem; border-inline-start: 4px solid #d9dee3;
  background: #f4f6f8; }
"""


def _e(text: object) -> str:
    return escape_html(text)


def _table(headings: Sequence[str], rows: Iterable[Sequence[str]]) -> str:
    """An HTML table; the cells are HTML already (escape their text before)."""
    head = "".join(f"<th scope=col>{_e(h)}</th>" for h in headings)
    body = "".join("<tr>" + "".join(f"<td>{c}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"


def _link(url: str, text: str | None = None) -> str:
    return f'<a href="{_e(url)}">{_e(text or url)}</a>'


def _values(field: Field, lang: str) -> str:
    """What a filter takes, in words: its vocabulary, or its pattern and an example."""
    if isinstance(field, Choice):
        values = field.vocabulary()
        if len(values) > 20:
            return _e(t("api.docs.country_codes", lang))
        return ", ".join(f"<code>{_e(v)}</code>" for v in values)
    return f"<code>{_e(field.example())}</code>"


def _filters(call: Call, lang: str) -> str:
    rows = []
    for field in FIELDS:
        example = f"{call.base}{PREFIX}/organisations?{urlencode({field.key: field.example()})}"
        rows.append(
            (
                f"<code>{_e(field.key)}</code>",
                _e(t(field.doc, lang)) + f" <span class=muted>({_e(t(field.label, lang))})</span>",
                _values(field, lang),
                _link(example, f"?{field.key}={field.example()}"),
            )
        )
    columns = ("parameter", "meaning", "values", "example")
    return _table([t(f"api.docs.column.{c}", lang) for c in columns], rows)


def _param_rows(params: Iterable[Param], lang: str) -> list[tuple[str, str, str]]:
    rows = []
    for param in params:
        default = "" if param.default in (None, "", ()) else str(param.default)
        rows.append((f"<code>{_e(param.name)}</code>", _e(t(param.doc, lang)), _e(default)))
    return rows


def _example(call: Call, operation: Operation) -> str:
    """An address that shows what the operation answers."""
    path = operation.url_path
    for param in operation.path_params:
        path = path.replace("{" + param.name + "}", param.example)
    params: dict[str, str] = {}
    if operation.filters:
        params["role"] = "funding"
        params["country"] = "CA"
    for param in operation.params:
        if param.required and param.example:
            params[param.name] = param.example
    if operation.name == "getOembed":  # its example is a page of this very atlas
        params["url"] = f"{call.base}/?role=funding&country=CA"
    return f"{call.base}{path}" + (f"?{urlencode(params, safe=',')}" if params else "")


def _operations(call: Call, operations: Sequence[Operation], lang: str) -> str:
    parts = []
    headings = [t(f"api.docs.column.{c}", lang) for c in ("parameter", "meaning", "default")]
    for operation in operations:
        formats = ", ".join(f"<code>{_e(f.name)}</code>" for f in operation.formats)
        # A read can be tried by following a link; a write cannot.
        trial = (
            f" {_e(t('api.docs.try', lang))}: {_link(_example(call, operation))}"
            if operation.method == "GET"
            else ""
        )
        parts.append(
            f'<h3 id="{_e(operation.name)}"><span class=method>{_e(operation.method)}</span> '
            f"<code>{_e(operation.url_path)}</code></h3>"
            f"<p><strong>{_e(t(f'api.op.{operation.name}.summary', lang))}</strong> "
            f"{_e(t(f'api.op.{operation.name}.description', lang))}</p>"
            f"<p>{_e(t('api.docs.formats', lang))}: {formats}.{trial}</p>"
        )
        rows = _param_rows([*operation.path_params, *operation.params], lang)
        if operation.filters:
            rows.append(("…", _e(t("api.docs.with_filters", lang)), ""))
        if rows:
            parts.append(_table(headings, rows))
    return "".join(parts)


def _fields(lang: str) -> str:
    properties = organisation_schema()["properties"]
    rows = [
        (f"<code>{_e(name)}</code>", _e(schema.get("description", "")))
        for name, schema in properties.items()
    ]
    return _table([t(f"api.docs.column.{c}", lang) for c in ("field", "meaning")], rows)


def _quick_start(call: Call) -> str:
    base = call.base + PREFIX
    csv = f"{base}/organisations?role=funding&country=CA&format=csv"
    return (
        # Focusable: a reader who cannot scroll with a mouse reaches the long lines.
        '<pre tabindex="0">'
        + _e(
            f'curl "{base}/organisations?role=funding&country=CA&limit=5"\n'
            f'curl -o funders.csv "{csv}"\n\n'
            "# Python (pandas)\n"
            "import pandas as pd\n"
            f'funders = pd.read_csv("{csv}")\n\n'
            "# R\n"
            f'funders <- read.csv("{csv}", fileEncoding = "UTF-8-BOM")'
        )
        + "</pre>"
    )


def page(call: Call, operations: Sequence[Operation]) -> str:
    """The documentation page's HTML in the request's language."""
    lang = call.query.lang
    metadata = call.metadata()
    other = [
        _link(f"{call.base}{PREFIX}/docs?lang={code}", LANGUAGE_NAMES[code])
        for code in LANGUAGES
        if code != lang
    ]
    sections = [
        ("start", _quick_start(call)),
        ("filters", f"<p>{_e(t('api.docs.filters_intro', lang))}</p>" + _filters(call, lang)),
        ("resources", _operations(call, operations, lang)),
        ("errors", _errors(lang)),
        ("caching", f"<p>{_e(t('api.docs.caching', lang))}</p>"),
        ("embeds", f"<p>{_e(t('api.docs.embeds', lang))}</p>"),
        ("fields", _fields(lang)),
    ]
    nav = "".join(
        f'<a href="#{key}">{_e(t(f"api.docs.heading.{key}", lang))}</a>' for key, _ in sections
    )
    body = "".join(
        f'<h2 id="{key}">{_e(t(f"api.docs.heading.{key}", lang))}</h2>{html}'
        for key, html in sections
    )
    openapi = f"{call.base}{PREFIX}/openapi.json"
    licence = _link(metadata["licence_url"], metadata["licence"])
    return (
        f'<!doctype html><html lang="{_e(lang)}" dir="{direction(lang)}"><head>'
        '<meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{_e(t('api.title', lang))}</title><style>{STYLE}</style></head><body><main>"
        f"<p>{' · '.join(other)}</p>"
        f"<h1>{_e(t('api.title', lang))}</h1>"
        f"<p>{_e(t('api.summary', lang))}</p>"
        f"<p>{_e(t('api.docs.intro', lang))}</p>"
        f"<p>{_e(t('api.docs.openapi', lang))}: {_link(openapi)}</p>"
        f"<p>{_e(t('api.docs.cite', lang))}</p><blockquote>{_e(metadata['citation'])}</blockquote>"
        f"<p>{_e(t('api.docs.licence', lang))}: {licence}"
        f'</p><nav aria-label="{_e(t("api.docs.contents", lang))}">{nav}</nav>{body}'
        "</main></body></html>"
    )


def _errors(lang: str) -> str:
    rows = [
        (f'<code id="{kind}">{status}</code>', _e(t(f"api.docs.error.{kind}", lang)))
        for status, kind in (
            ("400", "bad-parameter"),
            ("404", "not-found"),
            ("405", "method"),
            ("410", "gone"),
            ("503", "unavailable"),
        )
    ]
    intro = f"<p>{_e(t('api.docs.errors', lang))}</p>"
    return intro + _table([t(f"api.docs.column.{c}", lang) for c in ("status", "meaning")], rows)


def get_docs(call: Call) -> Response:
    """The documentation page."""
    from mapping.api import operations  # the package imports this module: look up late

    return Response(page(call, operations()).encode("utf-8"), media_type=HTML.content_type)


OPERATIONS = (
    Operation(
        name="getDocs",
        path="/docs",
        run=get_docs,
        schema="",
        tag="about",
        formats=(HTML,),
        params=(LANG,),
    ),
)
