"""Presenter scenes: presets of filters, a view and a caption computed from the data.

Scenes live in ``data/scenes.toml``, a file a presenter can edit. ``load_scenes``
validates it completely and raises one ``SceneError`` naming the bad entry
(``error.render(lang)`` in the page's language, ``str(error)`` in English);
``Scene.caption_for`` fills the caption's placeholders ({count}, {countries},
{share}, {first_year}, {links}, {role:...}, {type:...}, {network:...}) from the
organisations the scene's filters select. A scene's ``kind`` is ``map`` (the
default), ``network`` (the graph of the scene's organisations) or
``timeline`` (the map stepping through the years ``from``..``to`` every
``step`` years, ``seconds`` per year, its caption computed for each year:
{year} and every placeholder count the organisations active in that year).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import re
import tomllib
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from mapping import network, vocab
from mapping.filters import PARAMS, Filters
from mapping.i18n import LocalisedError, Message
from mapping.paths import SCENES_FILE
from mapping.rules import is_id

# {count}, {role:funding}, {network:Vibrant Communities}; no format specs.
_PLACEHOLDER = re.compile(r"\{([^{}]*)\}")
_SIMPLE_FIELDS = ("count", "countries", "share", "first_year", "links")
_KEYED_FIELDS = ("role", "type", "network")
REQUIRED_KEYS = ("id", "title", "filters", "caption")
# Hebrew versions (shown with lang=he), the kind, the map view, a timeline's years.
OPTIONAL_KEYS = ("title_he", "caption_he", "kind", "view", "from", "to", "step", "seconds")
KINDS = ("map", "network", "timeline")
TIMELINE_KEYS = ("from", "to", "step", "seconds")
DEFAULT_STEP = 1
DEFAULT_SECONDS = 2.0
MAX_SECONDS = 60.0
WORLD = ((25.0, 10.0), 2.0)


class SceneError(LocalisedError):
    """A scene file that cannot be used; the message names the bad entry."""


@dataclass(frozen=True)
class Scene:
    """One presenter scene."""

    id: str
    title: str
    filters: Filters
    centre: tuple[float, float]
    zoom: float
    caption: str
    title_he: str = ""
    caption_he: str = ""
    kind: str = "map"
    years: tuple[int, ...] = ()  # a timeline's years, in order
    seconds: float = DEFAULT_SECONDS  # a timeline's seconds per year

    def title_in(self, lang: str) -> str:
        """The title in ``lang`` (Hebrew when the file gives one)."""
        return self.title_he if lang == "he" and self.title_he else self.title

    def caption_for(
        self,
        gdf: pd.DataFrame,
        lang: str = "en",
        links: pd.DataFrame | None = None,
        year: int | None = None,
    ) -> str:
        """Return the caption with its placeholders computed from ``gdf`` (the whole dataset).

        ``links`` are needed when the scene's filters name a network or a linked
        organisation; with ``year`` (a timeline's) the counts are of the
        organisations active in that year.
        """
        filters = self.filters if year is None else dataclasses.replace(self.filters, asof=year)
        values = _Values(filters.apply(gdf, links), len(gdf), year, links)
        template = self.caption_he if lang == "he" and self.caption_he else self.caption
        return _PLACEHOLDER.sub(lambda match: values[match.group(1).strip()], template)


class _Values(dict):
    """Caption placeholder values, computed on demand from the scene's organisations."""

    def __init__(
        self,
        shown: pd.DataFrame,
        total: int,
        year: int | None = None,
        links: pd.DataFrame | None = None,
    ) -> None:
        super().__init__()
        self.shown, self.total, self.year, self.links = shown, total, year, links

    def __missing__(self, key: str) -> str:
        shown = self.shown
        if key == "year" and self.year is not None:
            return str(self.year)
        if key == "count":
            return f"{len(shown):,}"
        if key == "countries":
            return f"{shown['country_code'].nunique():,}"
        if key == "links":
            inside = network.view_links(self.links, shown["id"]) if self.links is not None else ()
            return f"{len(inside):,}"
        if key == "share":
            return f"{100 * len(shown) / self.total:.0f}" if self.total else "0"
        if key == "first_year":
            years = shown["year_started"].dropna()
            return str(int(years.min())) if len(years) else "?"
        kind, _, value = key.partition(":")
        if kind == "role":
            return f"{sum(value in roles for roles in shown['roles']):,}"
        if kind == "type":
            return f"{int((shown['org_type'] == value).sum()):,}"
        if kind == "network":
            return f"{sum(value in networks for networks in shown['network']):,}"
        raise KeyError(key)


def load_scenes(path: str | Path = SCENES_FILE) -> list[Scene]:
    """Read and validate the scene file.

    Parameters
    ----------
    path : str or path-like
        A TOML file with ``[[scene]]`` tables (see ``data/scenes.toml``).

    Returns
    -------
    list of Scene
        In file order.

    Raises
    ------
    SceneError
        If the file is missing, is not TOML, or any scene is malformed; the
        message names the scene (number and id) and what is wrong with it.
    """
    path = Path(path)
    try:
        document = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError as error:
        raise SceneError("scene.error.no_file", file=path.name) from error
    except tomllib.TOMLDecodeError as error:
        raise SceneError("scene.error.toml", file=path.name, detail=str(error)) from error
    entries = document.get("scene")
    if not isinstance(entries, list) or not entries:
        raise SceneError("scene.error.no_scenes", file=path.name, table="[[scene]]")
    scenes, seen = [], set()
    for number, entry in enumerate(entries, start=1):
        scene = _scene(entry, number)
        if scene.id in seen:
            label = Message("scene.label", number=number, id=scene.id)
            raise SceneError("scene.error.duplicate_id", label=label)
        seen.add(scene.id)
        scenes.append(scene)
    return scenes


def _scene(entry: object, number: int) -> Scene:
    """Validate one ``[[scene]]`` table."""
    if not isinstance(entry, dict):
        raise SceneError("scene.error.not_table", number=number, entry=entry)
    label = Message("scene.label", number=number, id=entry.get("id", "?"))
    missing = [key for key in REQUIRED_KEYS if key not in entry]
    if missing:
        raise SceneError("scene.error.missing", label=label, keys=", ".join(missing))
    unknown = sorted(set(entry) - set(REQUIRED_KEYS) - set(OPTIONAL_KEYS))
    if unknown:
        raise SceneError("scene.error.unknown_keys", label=label, keys=", ".join(unknown))
    if not is_id(entry["id"]):
        raise SceneError("scene.error.bad_id", label=label, key="id")
    for key in ("title", "caption"):
        if not isinstance(entry[key], str) or not entry[key].strip():
            raise SceneError("scene.error.empty_text", label=label, key=key)
    for key in ("title_he", "caption_he"):
        if key in entry and (not isinstance(entry[key], str) or not entry[key].strip()):
            raise SceneError("scene.error.empty_optional", label=label, key=key)
    kind = entry.get("kind", "map")
    if kind not in KINDS:
        raise SceneError("scene.error.kind", label=label, key="kind", kinds=", ".join(KINDS))
    if kind != "network" and "view" not in entry:
        raise SceneError("scene.error.missing", label=label, keys="view")
    timeline_keys = [key for key in TIMELINE_KEYS if key in entry]
    if kind != "timeline" and timeline_keys:
        raise SceneError("scene.error.timeline_only", label=label, keys=", ".join(timeline_keys))
    filters = _filters(entry["filters"], label)
    centre, zoom = _view(entry["view"], label) if "view" in entry else WORLD
    years, seconds = _years(entry, label) if kind == "timeline" else ((), DEFAULT_SECONDS)
    _check_placeholders(entry["caption"], label, timeline=kind == "timeline")
    if "caption_he" in entry:
        _check_placeholders(entry["caption_he"], label, timeline=kind == "timeline")
    return Scene(
        entry["id"],
        entry["title"].strip(),
        filters,
        centre,
        zoom,
        entry["caption"].strip(),
        entry.get("title_he", "").strip(),
        entry.get("caption_he", "").strip(),
        kind,
        years,
        seconds,
    )


def _years(entry: dict, label: Message) -> tuple[tuple[int, ...], float]:
    """A timeline scene's years (``from``..``to`` every ``step``) and its seconds per year."""
    if "from" not in entry or "to" not in entry:
        raise SceneError("scene.error.missing", label=label, keys="from, to")
    first, last = entry["from"], entry["to"]
    step, seconds = entry.get("step", DEFAULT_STEP), entry.get("seconds", DEFAULT_SECONDS)
    this_year = dt.date.today().year
    whole = all(isinstance(v, int) and not isinstance(v, bool) for v in (first, last, step))
    if not whole or not (1900 <= first <= last <= this_year) or step < 1:
        raise SceneError(
            "scene.error.years", label=label, first=first, last=last, step=step, today=this_year
        )
    if (
        isinstance(seconds, bool)
        or not isinstance(seconds, int | float)
        or not (0.2 <= seconds <= MAX_SECONDS)
    ):
        raise SceneError("scene.error.seconds", label=label, value=seconds, most=MAX_SECONDS)
    years = tuple(range(first, last + 1, step))
    if years[-1] != last:
        years = (*years, last)  # the last year is always shown
    return years, float(seconds)


def _filters(raw: object, label: Message) -> Filters:
    """Parse a scene's filters strictly: anything the URL parser would ignore is an error."""
    if not isinstance(raw, dict) or not all(isinstance(v, str) for v in raw.values()):
        raise SceneError(
            "scene.error.filters_table", label=label, key="filters", example='{ country = "CA" }'
        )
    filters, notices = Filters.parse_query_params(raw)
    if notices:
        keys = ", ".join(PARAMS.values())
        raise SceneError("scene.error.filter_notice", label=label, notice=notices[0], keys=keys)
    return filters


def _view(raw: object, label: Message) -> tuple[tuple[float, float], float]:
    """Validate a scene's map view."""
    if not isinstance(raw, dict) or set(raw) != {"lat", "lon", "zoom"}:
        example = "{ lat = ..., lon = ..., zoom = ... }"
        raise SceneError("scene.error.view_shape", label=label, key="view", example=example)
    lat, lon, zoom = raw["lat"], raw["lon"], raw["zoom"]
    numbers = all(isinstance(v, int | float) and not isinstance(v, bool) for v in (lat, lon, zoom))
    if not numbers or not (-90 <= lat <= 90 and -180 <= lon <= 180 and 1 <= zoom <= 18):
        raise SceneError(
            "scene.error.view_range",
            label=label,
            key="view",
            lat="lat",
            lat_range="-90..90",
            lon="lon",
            lon_range="-180..180",
            zoom="zoom",
            zoom_range="1..18",
            view=raw,
        )
    return (float(lat), float(lon)), float(zoom)


def _check_placeholders(caption: str, label: Message, timeline: bool = False) -> None:
    """Reject caption placeholders the data cannot fill ({year}: timeline scenes only)."""
    if _PLACEHOLDER.sub("", caption).count("{") or _PLACEHOLDER.sub("", caption).count("}"):
        raise SceneError("scene.error.braces", label=label)
    for name in (match.strip() for match in _PLACEHOLDER.findall(caption)):
        kind, _, value = name.partition(":")
        if name in _SIMPLE_FIELDS or (timeline and name == "year"):
            continue
        if kind == "role" and value in vocab.ROLES:
            continue
        if kind == "type" and value in vocab.ORG_TYPES:
            continue
        if kind == "network" and value:
            continue
        simple = (*_SIMPLE_FIELDS, "year") if timeline else _SIMPLE_FIELDS
        allowed = ", ".join([*simple, *(f"{k}:..." for k in _KEYED_FIELDS)])
        raise SceneError(
            "scene.error.placeholder", label=label, placeholder=f"{{{name}}}", allowed=allowed
        )
