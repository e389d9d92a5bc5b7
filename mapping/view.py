"""The map's view in the URL: centre, zoom and the selected organisation.

The filters say *which* organisations are shown (``mapping.filters``); this
module says *where the map looks* and *which organisation is open*, so that a
link restores exactly what its author saw. Parsing is pure and never raises
for bad input: what cannot be used is dropped and named in a notice, as
``Filters.parse_query_params`` does.

The browser keeps these parameters up to date while the user pans, zooms and
opens popups (``mapping/assets/atlas.js`` and ``mapping/assets/url.js``), so
panning never re-runs the app; the server only reads them when a map is first
shown in a session.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass

from mapping.i18n import Message
from mapping.rules import is_id

__all__ = ["LATITUDE_LIMIT", "MAX_ZOOM", "MIN_ZOOM", "ORG_ZOOM", "VIEW_PARAMS", "MapView"]

VIEW_PARAMS = ("lat", "lon", "zoom", "org")
MIN_ZOOM = 1.0
MAX_ZOOM = 18.0
# Web Mercator cannot show the poles; Leaflet clamps to this latitude.
LATITUDE_LIMIT = 85.0511
# Four decimals is about 11 m: finer than any organisation's location here.
COORDINATE_DECIMALS = 4
ZOOM_DECIMALS = 2
# Zoom for a link that names an organisation but no view: its town and surroundings.
ORG_ZOOM = 9.0


@dataclass(frozen=True)
class MapView:
    """Where the map looks and which organisation is open.

    Attributes
    ----------
    centre : tuple of float or None
        ``(latitude, longitude)``, or None to let the app frame the results.
    zoom : float or None
        Leaflet zoom level, or None with ``centre``.
    org : str
        The ``id`` of the organisation whose details are open, or "".
    """

    centre: tuple[float, float] | None = None
    zoom: float | None = None
    org: str = ""

    def __post_init__(self) -> None:
        if (self.centre is None) != (self.zoom is None):
            raise ValueError(
                f"centre and zoom go together; got centre={self.centre!r}, zoom={self.zoom!r}"
            )
        if self.centre is not None:
            latitude, longitude = self.centre
            if not (-90 <= latitude <= 90) or not (-180 <= longitude <= 180):
                raise ValueError(f"centre {self.centre!r} is not a latitude/longitude pair")
            if not MIN_ZOOM <= self.zoom <= MAX_ZOOM:
                raise ValueError(f"zoom {self.zoom!r} is outside {MIN_ZOOM:g}-{MAX_ZOOM:g}")
        if self.org and not is_id(self.org):
            raise ValueError(f"org {self.org!r} is not an organisation id")

    @property
    def has_view(self) -> bool:
        """Whether the view fixes a centre and zoom."""
        return self.centre is not None

    def to_query_params(self) -> dict[str, str]:
        """Return the URL parameters for this view (none for an empty view)."""
        params: dict[str, str] = {}
        if self.centre is not None:
            params["lat"] = _number(self.centre[0], COORDINATE_DECIMALS)
            params["lon"] = _number(self.centre[1], COORDINATE_DECIMALS)
            params["zoom"] = _number(self.zoom, ZOOM_DECIMALS)
        if self.org:
            params["org"] = self.org
        return params

    @classmethod
    def from_query_params(cls, params: Mapping[str, str | list[str]]) -> MapView:
        """Parse URL parameters, silently dropping what is unusable."""
        return cls.parse_query_params(params)[0]

    @classmethod
    def parse_query_params(
        cls, params: Mapping[str, str | list[str]]
    ) -> tuple[MapView, list[Message]]:
        """Parse URL parameters into a ``MapView`` plus a notice for each thing ignored.

        Parameters
        ----------
        params : mapping
            Query parameters (other keys are ignored); a value may be a string
            or a list of strings, in which case the last one counts.

        Returns
        -------
        (MapView, list of Message)
            ``lat``, ``lon`` and ``zoom`` are used together or not at all;
            coordinates are rounded to about 11 m and a longitude outside
            -180..180 is wrapped (a map panned across the date line reports one).
        """
        notices: list[Message] = []
        # A parameter given empty (or not at all) is absent.
        given_text = {key: _last(params[key]).strip() for key in VIEW_PARAMS if key in params}
        text = {key: value for key, value in given_text.items() if value}
        centre = zoom = None
        given = [key for key in ("lat", "lon", "zoom") if key in text]
        if given:
            latitude, longitude, level = (
                _float(text.get(key, "")) for key in ("lat", "lon", "zoom")
            )
            if len(given) < 3:
                notices.append(Message("view.notice.incomplete"))
            elif latitude is None or not -90 <= latitude <= 90:
                notices.append(Message("view.notice.latitude", value=text["lat"]))
            elif longitude is None:
                notices.append(Message("view.notice.longitude", value=text["lon"]))
            elif level is None or not MIN_ZOOM <= level <= MAX_ZOOM:
                notices.append(Message("view.notice.zoom", value=text["zoom"]))
            else:
                latitude = max(min(latitude, LATITUDE_LIMIT), -LATITUDE_LIMIT)
                centre = (
                    round(latitude, COORDINATE_DECIMALS),
                    round(_wrap_longitude(longitude), COORDINATE_DECIMALS),
                )
                zoom = round(level, ZOOM_DECIMALS)
        org = text.get("org", "")
        if org and not is_id(org):
            notices.append(Message("view.notice.org", value=org[:60]))
            org = ""
        return cls(centre=centre, zoom=zoom, org=org), notices


def _last(value: str | list[str]) -> str:
    """The last value of a possibly repeated parameter."""
    return value if isinstance(value, str) else (str(value[-1]) if value else "")


def _float(text: str) -> float | None:
    """A finite number, or None."""
    try:
        number = float(text)
    except ValueError:
        return None
    return number if math.isfinite(number) else None


def _wrap_longitude(longitude: float) -> float:
    """Bring a longitude into -180..180 (180 stays 180)."""
    if -180 <= longitude <= 180:
        return longitude
    return (longitude + 180) % 360 - 180


def _number(value: float, decimals: int) -> str:
    """Shortest text for a rounded number: 2 not 2.0, 51.5074 not 51.50740."""
    text = f"{round(value, decimals):.{decimals}f}".rstrip("0").rstrip(".")
    return "0" if text == "-0" else text
