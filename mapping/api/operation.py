"""One API operation, declared once: its path, parameters, formats and answer; and how it is served.

Every resource module declares its ``OPERATIONS``; ``mapping.api.routes()`` mounts them
and ``mapping.api.openapi`` describes them, so the documentation is the code. ``serve``
is the one path every GET request takes:

0. wait while visitors' pages run (``mapping.api.gate``: the hall comes first);
1. read the query strictly (the filters from the registry, the operation's own
   parameters; a page's other parameters such as ``zoom`` are ignored, so a page's
   query string can be pasted as it is): a bad value is a 400 problem naming the
   parameter and the value;
2. check the data's version (``mapping.dataset.version``): a request whose ``ETag``
   or date still holds gets ``304 Not Modified`` before any work;
3. run the operation on the live dataset (a missing organisation is a 404 problem);
4. add what every answer carries: CORS for any origin, caching, the data's version,
   licence and citation (headers), and ``nosniff``.

A JSON answer is kept, under its ETag, for the next identical request, and gzipped once
(``mapping.api.answers``); streamed answers are compressed by Streamlit's own middleware.
"""

from __future__ import annotations

import hashlib
import inspect
from collections.abc import Awaitable, Callable, Mapping, Sequence
from dataclasses import dataclass, field
from email.utils import format_datetime, parsedate_to_datetime
from typing import Any
from urllib.parse import quote, urlencode

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse
from starlette.routing import Route

from mapping import dataset as live
from mapping.api.answers import Answer, Answers
from mapping.api.gate import Gate
from mapping.api.params import JSON, LANG, BadValueError, Cursor, Format, Param
from mapping.api.problems import problem
from mapping.data import DatasetError
from mapping.dataset import Dataset, Version
from mapping.edition import Removal
from mapping.filters import BY_KEY, Filters, Problem
from mapping.frame import PAGE_PARAMS
from mapping.i18n import DEFAULT, Message, t
from mapping.provenance import load_metadata
from mapping.store.suggestions import iso_time
from mapping.suggestions import format_ref

PREFIX = "/api/v1"
# The answers kept for the next identical request (mapping.api.answers).
ANSWERS = Answers()
# Where requests wait while visitors' pages run (mapping.api.gate).
GATE = Gate()
MAX_AGE_S = 60
# What every answer says about its data (``data_headers``; the OpenAPI document lists them).
DATA_HEADERS = (
    "Atlas-Data-Version",
    "Atlas-Edition",
    "Atlas-Data-Revision",
    "Atlas-Licence",
    "Atlas-Citation",
)
CORS_HEADERS = {
    "Access-Control-Allow-Origin": "*",
    "Access-Control-Expose-Headers": ", ".join(("ETag", "Last-Modified", "Link", *DATA_HEADERS)),
}
PREFLIGHT_HEADERS = {
    **CORS_HEADERS,
    "Access-Control-Allow-Methods": "GET, HEAD, OPTIONS",
    "Access-Control-Allow-Headers": (
        "Accept, Accept-Language, If-None-Match, If-Modified-Since, Content-Type"
    ),
    "Access-Control-Max-Age": "86400",
}
# A page's parameters that are not filters: accepted and ignored, so a page's query string
# works as it is, except where an operation takes one itself (``lang``; ``by`` for stats).
IGNORED = frozenset(PAGE_PARAMS)


@dataclass(frozen=True)
class Query:
    """A request's parameters, read: the filters, the other values, the format, the language."""

    filters: Filters
    values: Mapping[str, Any]
    format: Format
    lang: str
    path: Mapping[str, str]

    def __getitem__(self, name: str) -> Any:
        return self.values[name]


@dataclass(frozen=True)
class Call:
    """What an operation runs with: the request, its query, the live dataset and its version."""

    request: Request
    query: Query
    dataset: Dataset
    version: Version

    @property
    def base(self) -> str:
        """The site's address as the client reached it (``http://host:port``), no slash."""
        return str(self.request.base_url).rstrip("/")

    def metadata(self) -> Mapping[str, str]:
        """The release's title, version, date, licence and citation."""
        return release(self.dataset)

    def dataset_member(self) -> dict:
        """What a JSON answer says about the data: release, edition, revision, licence,
        citation."""
        metadata = self.metadata()
        return {
            "title": metadata["title"],
            "version": metadata["version"],
            "edition": self.dataset.edition or metadata["version"],
            "date": metadata["date"],
            "revision": self.version.tag,
            "modified": self.version.modified.isoformat().replace("+00:00", "Z"),
            "licence": metadata["licence"],
            "licence_url": metadata["licence_url"],
            "citation": metadata["citation"],
        }

    def page_url(self, page: str, params: Mapping[str, str] | None = None) -> str:
        """The address of an atlas page (``""`` is the map) showing the same selection."""
        query = dict(self.query.filters.to_query_params() if params is None else params)
        if self.query.lang != DEFAULT:
            query["lang"] = self.query.lang
        encoded = urlencode(query, safe=",")
        return f"{self.base}/{page}" + (f"?{encoded}" if encoded else "")

    def next_url(self, cursor: Cursor | None) -> str | None:
        """This request's address with the next page's cursor (None: this is the last page)."""
        if cursor is None:
            return None
        kept = [(k, v) for k, v in self.request.query_params.multi_items() if k != "cursor"]
        path = self.request.url.path.removeprefix(PREFIX)
        return self.api_url(path, [*kept, ("cursor", cursor.encode())])

    def api_url(self, path: str, params: Mapping[str, str] | Sequence[tuple[str, str]]) -> str:
        """The address of an API resource with these parameters."""
        encoded = urlencode(params, safe=",")
        return f"{self.base}{PREFIX}{path}" + (f"?{encoded}" if encoded else "")


Runner = Callable[[Call], Response | Awaitable[Response]]


@dataclass(frozen=True)
class Operation:
    """One operation of the API: everything its route, its OpenAPI entry and its docs need.

    ``name`` is its operationId and the stem of its catalogue texts
    (``api.op.<name>.summary`` and ``.description``). ``schema`` names the component
    schema of its JSON answer (``mapping.api.openapi``). ``filters``: it takes every
    filter of the page URLs. ``formats``: what it answers in, the first the default.

    A read (GET) goes through ``serve`` (conditional answers, caching, the gate). An
    operation of another method (a write) brings its own ``endpoint`` and the schema name
    of its ``request_body``; the description documents it all the same.
    """

    name: str
    path: str
    run: Runner
    schema: str
    tag: str
    params: tuple[Param, ...] = ()
    filters: bool = False
    formats: tuple[Format, ...] = (JSON,)
    path_params: tuple[Param, ...] = ()
    not_found: bool = False
    method: str = "GET"
    responses: Mapping[int, str] = field(default_factory=dict)
    endpoint: Callable[[Request], Awaitable[Response]] | None = None
    request_body: str = ""

    @property
    def url_path(self) -> str:
        """The full path, under the API's prefix."""
        return PREFIX + self.path

    def route(self) -> Route:
        """The Starlette route (a read: GET, with HEAD and the CORS preflight)."""
        if self.endpoint is not None:
            return Route(self.url_path, self.endpoint, methods=[self.method], name=self.name)

        async def endpoint(request: Request) -> Response:
            if request.method == "OPTIONS":
                return with_data_headers(
                    Response(status_code=204, headers=PREFLIGHT_HEADERS), request
                )
            return await serve(self, request)

        return Route(self.url_path, endpoint, methods=[self.method, "OPTIONS"], name=self.name)


class Refused(Exception):  # noqa: N818 (answered as a problem: a refusal, not a failure)
    """A request the API answers with a problem (400, 404, 405, 410, 501) instead of running it.

    ``problems`` name the parameters that could not be used (a 400's ``errors``);
    ``extensions`` are other members of the answer (``id`` for a 404).
    """

    def __init__(
        self,
        status: int,
        detail: Message | list[Message],
        *,
        problems: Sequence[Problem] = (),
        **extensions: str,
    ) -> None:
        super().__init__(str(detail))
        self.status = status
        self.detail = detail if isinstance(detail, list) else [detail]
        self.problems = tuple(problems)
        self.extensions = extensions

    def response(self, lang: str, base: str) -> Response:
        """The problem-details answer, its text in ``lang``."""
        detail = " ".join(message.render(lang) for message in self.detail)
        extensions: dict[str, object] = dict(self.extensions)
        if self.problems:
            extensions["errors"] = [
                {"parameter": p.parameter, "value": p.value, "reason": p.reason.render(lang)}
                for p in self.problems
            ]
        kind = {400: "bad-parameter", 404: "not-found", 405: "method", 410: "gone"}.get(self.status)
        if kind:  # the docs page explains each kind
            extensions["type"] = f"{base}{PREFIX}/docs#{kind}"
        return problem(self.status, detail, **extensions)


def bad_parameters(problems: Sequence[Problem]) -> Refused:
    """A 400 naming every parameter that could not be used, its value and why."""
    return Refused(400, [p.reason for p in problems], problems=problems)


def not_found(kind: str, value: str) -> Refused:
    """A 404 naming the unknown id."""
    return Refused(404, Message(f"api.problem.not_found.{kind}", value=value), id=value)


def gone(removal: Removal, view: str) -> Refused:
    """A 410 for an organisation removed from the live edition: when, why, who decided, on
    which suggestion, and ``view``, its page in the atlas, which says the same."""
    detail = Message(
        "api.problem.gone",
        name=removal.name,
        value=removal.id,
        date=removal.at.strftime("%Y-%m-%d"),
        reason=removal.reason or "-",
    )
    extensions = {
        "id": removal.id,
        "name": removal.name,
        "removed_at": iso_time(removal.at),
        "reason": removal.reason,
        # The moderator's chosen name, as the change log publishes it; never an email.
        "moderator": removal.moderator_name or "moderator",
        "view": view,
    }
    if removal.suggestion_id:
        extensions["suggestion"] = format_ref(removal.suggestion_id)
    return Refused(410, detail, **extensions)


def _grouped(request: Request) -> dict[str, list[str]]:
    """The query's parameters, each with its values in order (repeated keys kept)."""
    grouped: dict[str, list[str]] = {}
    for key, value in request.query_params.multi_items():
        grouped.setdefault(key, []).append(value)
    return grouped


def _accepted(request: Request, formats: Sequence[Format]) -> Format:
    """The format the ``Accept`` header prefers among ``formats`` (the first if none)."""
    header = request.headers.get("accept", "")
    offered = []
    for position, part in enumerate(header.split(",")):
        media, _, rest = part.partition(";")
        quality = 1.0
        for parameter in rest.split(";"):
            name, _, value = parameter.partition("=")
            if name.strip() == "q":
                try:
                    quality = float(value)
                except ValueError:
                    quality = 0.0
        offered.append((-quality, position, media.strip().lower()))
    for negative, _position, media in sorted(offered):
        if negative >= 0:
            break
        for candidate in formats:
            if media in (candidate.media_type, *candidate.aliases):
                return candidate
    return formats[0]


def language(operation: Operation, request: Request) -> str:
    """The language the answer's sentences are in: its ``lang`` where it takes one."""
    wanted = request.query_params.getlist("lang")
    if not wanted or LANG not in operation.params:
        return DEFAULT
    try:
        return LANG.read(wanted[-1])
    except BadValueError:
        return DEFAULT  # and the bad value is reported with the other parameters


def read_query(operation: Operation, request: Request) -> Query:
    """Read a request's parameters for ``operation``; raise ``Refused`` (400) if any is bad."""
    params = {p.name: p for p in operation.params}
    grouped = _grouped(request)
    lang = language(operation, request)
    problems: list[Problem] = []
    values: dict[str, Any] = {p.name: p.default for p in operation.params}
    filter_params: dict[str, list[str]] = {}
    for key, texts in grouped.items():
        if key in params:
            try:
                values[key] = params[key].read(texts[-1])
            except BadValueError as bad:
                problems.append(Problem(key, texts[-1], bad.reason, bad.reason))
        elif operation.filters and key in BY_KEY:
            filter_params[key] = texts
        elif key not in IGNORED:
            reason = Message("api.problem.unknown_parameter", key=key)
            problems.append(Problem(key, ",".join(texts), reason, reason))
    for param in operation.params:
        if param.required and param.name not in grouped:
            reason = Message("api.problem.required", key=param.name)
            problems.append(Problem(param.name, "", reason, reason))
    path = dict(request.path_params)
    for param in operation.path_params:
        try:
            path[param.name] = param.read(path[param.name])
        except BadValueError as bad:
            problems.append(Problem(param.name, path[param.name], bad.reason, bad.reason))
    filters, found = Filters.check_query_params(filter_params)
    problems.extend(found)
    if problems:
        raise bad_parameters(problems)
    chosen = values.get("format") or _accepted(request, operation.formats)
    return Query(filters, values, chosen, lang, path)


def _etag(version: Version, request: Request) -> str:
    """A validator of this answer: the data's revision and what was asked, hashed.

    Made from the request as it came (path, query, ``Accept``), so a kept answer is found,
    and a fresh copy recognised, before the request is even read.
    """
    asked = repr(
        (version.tag, request.url.path, request.url.query, request.headers.get("accept", ""))
    )
    return f'W/"{hashlib.sha256(asked.encode("utf-8")).hexdigest()[:24]}"'


def _still_fresh(request: Request, etag: str, version: Version) -> bool:
    """Whether the client's copy is still good (``If-None-Match``, else ``If-Modified-Since``)."""
    tags = request.headers.get("if-none-match")
    if tags is not None:
        wanted = {tag.strip().removeprefix("W/") for tag in tags.split(",")}
        return "*" in wanted or etag.removeprefix("W/") in wanted
    since = request.headers.get("if-modified-since")
    if since is None:
        return False
    try:
        when = parsedate_to_datetime(since)
    except (TypeError, ValueError, IndexError):
        return False
    if when is None or when.tzinfo is None:
        return False
    return version.modified <= when


def release(dataset: Dataset) -> Mapping[str, str]:
    """The release's metadata (``data/metadata.json``), read once per data version."""
    return live.per_version(dataset, _read_release)


def _read_release(_dataset: Dataset, _lang: str) -> Mapping[str, str]:
    return load_metadata()


def _header_text(text: str) -> str:
    """Text for an HTTP header: as it is if ASCII, else percent-encoded (RFC 8187's way)."""
    return text if text.isascii() else quote(text, safe=" ,.:;()/-'&")


def with_data_headers(response: Response, request: Request) -> Response:
    """Add what every answer says about the data (when the data can be read), and CORS."""
    response.headers.update(CORS_HEADERS)
    response.headers["X-Content-Type-Options"] = "nosniff"
    try:
        version, dataset = live.version(), live.current()
    except (DatasetError, OSError):
        return response  # the data cannot be read: nothing to name
    response.headers.update(data_headers(dataset, version, str(request.base_url).rstrip("/")))
    return response


def data_headers(dataset: Dataset, version: Version, base: str) -> dict[str, str]:
    """What every answer says about the data: its version, licence and how to cite it."""
    metadata = release(dataset)
    return {
        "Atlas-Data-Version": f"{metadata['version']} ({metadata['date']})",
        "Atlas-Edition": dataset.edition or metadata["version"],
        "Atlas-Data-Revision": version.tag,
        "Atlas-Licence": metadata["licence"],
        "Atlas-Citation": _header_text(metadata["citation"]),
        "Link": (
            f'<{metadata["licence_url"]}>; rel="license", '
            f'<{base}{PREFIX}/openapi.json>; rel="service-desc", '
            f'<{base}{PREFIX}/docs>; rel="service-doc"'
        ),
    }


async def _work_out(
    operation: Operation, request: Request, etag: str, dataset: Dataset, version: Version
) -> tuple[Response, Answer | None]:
    """Read the request and run the operation (identical requests meanwhile wait for it);
    keep what it answers."""
    ANSWERS.working(etag)
    streaming = False
    try:
        query = read_query(operation, request)
        if operation.filters:
            unknown = query.filters.unknown_ids(dataset)
            if unknown:
                raise bad_parameters(unknown)
        answer = operation.run(Call(request, query, dataset, version))
        response = await answer if inspect.isawaitable(answer) else answer
        if isinstance(response, StreamingResponse) and response.status_code == 200:
            streaming = True  # the stream says it is done when it ends
            return ANSWERS.keep_streamed(etag, response), None
        return response, ANSWERS.keep(etag, response)
    finally:
        if not streaming:
            ANSWERS.done(etag)


_COMMON: dict[tuple[str, str, bool], tuple[tuple[bytes, bytes], ...]] = {}


def _common_headers(
    dataset: Dataset, version: Version, base: str, negotiated: bool
) -> tuple[tuple[bytes, bytes], ...]:
    """The headers every answer of one data version carries, encoded once per version."""
    key = (version.tag, base, negotiated)
    if key not in _COMMON:
        headers = {**CORS_HEADERS, "X-Content-Type-Options": "nosniff"}
        headers.update(data_headers(dataset, version, base))
        if negotiated:
            headers["Vary"] = "Accept"
        if len(_COMMON) > 64:  # old versions and odd host names do not pile up
            _COMMON.clear()
        _COMMON[key] = tuple(
            (name.lower().encode("latin-1"), value.encode("latin-1"))
            for name, value in headers.items()
        )
    return _COMMON[key]


async def serve(operation: Operation, request: Request) -> Response:
    """Answer one request for ``operation`` (see the module's docstring)."""
    await GATE.wait()  # visitors' pages first
    base = str(request.base_url).rstrip("/")
    lang = language(operation, request)
    cacheable = False
    dataset: Dataset | None = None
    version: Version | None = None
    try:
        version = live.version()
        dataset = live.current(version)
        etag = _etag(version, request)
        if _still_fresh(request, etag, version):
            response: Response = Response(status_code=304)
        else:
            kept = await ANSWERS.settled(etag)
            if kept is None:
                response, kept = await _work_out(operation, request, etag, dataset, version)
            if kept is not None:
                response = ANSWERS.response(etag, kept, request)
        cacheable = response.status_code in (200, 304)
        if cacheable:
            response.raw_headers += [
                (b"etag", etag.encode("latin-1")),
                (b"last-modified", format_datetime(version.modified, usegmt=True).encode()),
            ]
    except BadValueError as bad:  # found while running: a cursor for another sort...
        named = Problem(bad.parameter, bad.value, bad.reason, bad.reason)
        response = bad_parameters([named]).response(lang, base)
        cacheable = True
    except Refused as refused:
        response = refused.response(lang, base)
        cacheable = True  # the same request gets the same refusal from the same data
    except (DatasetError, OSError) as error:
        # The data cannot be read (a bad file, a missing one): say so; nothing is cached.
        reason = error.render(lang) if isinstance(error, DatasetError) else str(error)
        response = problem(503, t("api.problem.unavailable", lang, reason=reason))
        dataset = None
    if "cache-control" not in response.headers:  # the operation's own word stands
        caching = f"public, max-age={MAX_AGE_S}" if cacheable else "no-store"
        response.raw_headers.append((b"cache-control", caching.encode("latin-1")))
    negotiated = len(operation.formats) > 1
    if dataset is not None and version is not None:
        if negotiated and "vary" in response.headers:
            response.headers.add_vary_header("Accept")
            negotiated = False
        response.raw_headers += _common_headers(dataset, version, base, negotiated)
    else:
        response.headers.update(CORS_HEADERS)
        response.headers["X-Content-Type-Options"] = "nosniff"
    return response
