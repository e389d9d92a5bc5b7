"""Charts as files for slides and papers: PNG, SVG and self-contained HTML, offline.

``vl_convert`` renders Vega-Lite in-process (no browser, no network). Each
export works on a copy of the chart set to ``PRESENTATION_WIDTH`` with
presentation-size text, and adds a footer: the view in words and the source
line (``Provenance.footer_lines``), as a bottom-anchored title of a one-chart
``vconcat``. Vega draws titles as text, so footer text is never markup; the
HTML export embeds the spec with ``script_json`` so it cannot close its script.
"""

from __future__ import annotations

import functools
import textwrap
from collections.abc import Sequence

import altair as alt
import vl_convert as vlc

from mapping.provenance import Provenance
from mapping.safety import escape_html, script_json

PRESENTATION_WIDTH = 960  # CSS pixels: a 16:9 slide at 1920 px is PNG scale 2
PNG_SCALE = 2
MIN_WIDTH = 200
FOOTER_CHAR_PX = 6.6  # average width of a footer character at FOOTER_FONT_SIZE
FOOTER_FONT_SIZE = 12
FOOTER_COLOUR = "#444444"
PRESENTATION_CONFIG = {
    "title": {"fontSize": 20},
    "axis": {"labelFontSize": 13, "titleFontSize": 14},
    "legend": {"labelFontSize": 13, "titleFontSize": 14},
}
HTML_TEMPLATE = """<!DOCTYPE html>
<html lang="{lang}">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>body {{ margin: 24px; font-family: "Noto Sans", "DejaVu Sans", Arial, sans-serif; }}</style>
</head>
<body>
<div id="chart"></div>
<script>{bundle}</script>
<script>vegaEmbed("#chart", {spec}, {{"actions": false, "renderer": "svg"}});</script>
</body>
</html>
"""

Footer = Provenance | str | Sequence[str] | None


def presentation_chart(
    chart: alt.TopLevelMixin, footer: Footer = None, *, width: int = PRESENTATION_WIDTH
) -> alt.VConcatChart:
    """Return a copy of ``chart`` sized for presentation, with a footer under it.

    Parameters
    ----------
    chart : altair chart
        Any top-level chart (e.g. from ``mapping.charts.CHARTS``); it is not
        modified. A single or layered chart is set to ``width``; a composite
        chart keeps its own sizes.
    footer : Provenance, str or sequence of str, optional
        The footer lines; a ``Provenance`` gives ``footer_lines()`` (the view
        in words, then the source). Long lines are wrapped to the width.
    width : int
        Width of the plot in CSS pixels.

    Returns
    -------
    altair.VConcatChart

    Raises
    ------
    ValueError
        If ``width`` is below ``MIN_WIDTH``.
    """
    if width < MIN_WIDTH:
        raise ValueError(f"chart width {width!r} is below the minimum {MIN_WIDTH} px")
    inner = chart.copy(deep=True)
    if isinstance(inner, alt.Chart | alt.LayerChart):
        inner.width = width
    # Only the top level may hold a config: a chart's own config moves up and wins.
    config = inner.config if inner.config is not alt.Undefined else PRESENTATION_CONFIG
    inner.config = alt.Undefined
    lines = footer_lines(footer, width)
    title = (
        alt.TitleParams(
            text=lines,
            orient="bottom",
            anchor="start",
            fontSize=FOOTER_FONT_SIZE,
            fontWeight="normal",
            color=FOOTER_COLOUR,
            offset=12,
        )
        if lines
        else alt.Undefined
    )
    return alt.vconcat(inner, title=title, config=config)


def footer_lines(footer: Footer, width: int = PRESENTATION_WIDTH) -> list[str]:
    """Return the footer as lines wrapped to ``width`` pixels (empty list for no footer)."""
    if footer is None:
        return []
    if isinstance(footer, Provenance):
        texts = footer.footer_lines()
    elif isinstance(footer, str):
        texts = [footer]
    else:
        texts = [str(line) for line in footer]
    chars = max(int(width / FOOTER_CHAR_PX), 20)
    return [part for text in texts for part in textwrap.wrap(text, chars) or [""]]


def chart_png(
    chart: alt.TopLevelMixin,
    scale: float = PNG_SCALE,
    *,
    footer: Footer = None,
    width: int = PRESENTATION_WIDTH,
) -> bytes:
    """Return the chart as a PNG image at presentation resolution.

    Parameters
    ----------
    chart : altair chart
        The chart (not modified).
    scale : float
        Pixel density: 2 renders a ``width`` = 960 chart about 2,000 px wide.
    footer : Provenance, str or sequence of str, optional
        Footer lines under the chart (see ``presentation_chart``).
    width : int
        Plot width in CSS pixels.

    Returns
    -------
    bytes
        PNG data.

    Raises
    ------
    ValueError
        If ``scale`` is not positive or ``width`` is too small.
    """
    if not scale > 0:
        raise ValueError(f"PNG scale must be positive, not {scale!r}")
    spec = presentation_chart(chart, footer, width=width).to_dict()
    return vlc.vegalite_to_png(spec, scale=scale)


def chart_svg(
    chart: alt.TopLevelMixin, *, footer: Footer = None, width: int = PRESENTATION_WIDTH
) -> str:
    """Return the chart as an SVG document (text drawn as ``<text>``, never markup).

    Parameters
    ----------
    chart : altair chart
        The chart (not modified).
    footer : Provenance, str or sequence of str, optional
        Footer lines under the chart (see ``presentation_chart``).
    width : int
        Plot width in CSS pixels.

    Returns
    -------
    str
    """
    return vlc.vegalite_to_svg(presentation_chart(chart, footer, width=width).to_dict())


def chart_html(
    chart: alt.TopLevelMixin,
    *,
    footer: Footer = None,
    width: int = PRESENTATION_WIDTH,
    title: str | None = None,
    language: str = "en",
) -> str:
    """Return the chart as one interactive HTML file that needs no network.

    Parameters
    ----------
    chart : altair chart
        The chart (not modified).
    footer : Provenance, str or sequence of str, optional
        Footer lines under the chart (see ``presentation_chart``).
    width : int
        Plot width in CSS pixels.
    title : str, optional
        Document title; default: the chart's own title.
    language : str
        The page's ``lang`` attribute.

    Returns
    -------
    str
        HTML with Vega, Vega-Lite and vega-embed inline (about 0.9 MB) and the
        spec embedded as script-safe JSON.
    """
    spec = presentation_chart(chart, footer, width=width).to_dict()
    return HTML_TEMPLATE.format(
        lang=escape_html(language),
        title=escape_html(chart_title(chart) if title is None else title),
        bundle=_vega_bundle(),
        spec=script_json(spec),
    )


def chart_title(chart: alt.TopLevelMixin) -> str:
    """Return the text of the chart's first title (a layer's or part's too), or ``"Chart"``."""
    text = _spec_title(chart.to_dict())
    if isinstance(text, list):
        return " ".join(str(line) for line in text)
    return "Chart" if text is None else str(text)


def _spec_title(spec: dict) -> object:
    """The first title text in a Vega-Lite spec, searching layers and concatenations."""
    title = spec.get("title")
    if title is not None:
        return title.get("text") if isinstance(title, dict) else title
    for key in ("layer", "vconcat", "hconcat", "concat"):
        for part in spec.get(key, ()):
            found = _spec_title(part)
            if found is not None:
                return found
    return None


@functools.lru_cache(maxsize=1)
def _vega_bundle() -> str:
    """Vega, Vega-Lite and vega-embed as one script (built once; safe inside ``<script>``)."""
    return vlc.javascript_bundle().replace("</script", "<\\/script").replace("<!--", "<\\!--")
