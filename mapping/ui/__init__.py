"""The Streamlit adapter: the only part of ``mapping`` that imports Streamlit.

Pages stay thin: ``page_frame`` sets the page up, loads the (cached) dataset,
draws the shared sidebar and returns the filtered frame; the page then calls a
pure builder and renders it. The filter state lives in ``st.query_params`` so
every view is a shareable link. One module per concern:

- ``language``: the page's language, messages, right-to-left layout;
- ``page``: page set-up, navigation, ``page_frame``;
- ``dataset``: the shared, cached dataset;
- ``sidebar``: the filter sidebar and its URL round trip;
- ``share``: permalinks, the Share button, the copy-link box, export provenance;
- ``embed``: the Embed action, and a page opened as an embed;
- ``world_map``: the map, its organisations layer and the details panel;
- ``table``: the Data page's table;
- ``present``: presenter scenes;
- ``upload``: bring your own data.
"""

from mapping.frame import Frame
from mapping.ui.dataset import Dataset, dataset_or_stop, shared_dataset
from mapping.ui.embed import embedded
from mapping.ui.language import _, lang, shown
from mapping.ui.page import (
    FAVICON,
    PAGES,
    REVIEW_PAGE,
    metadata,
    page_frame,
    page_heading,
    setup_page,
    show_caption,
)
from mapping.ui.present import current_scene, scene_controls, scenes_or_stop, show_scene
from mapping.ui.share import permalink, provenance, share_action, share_box
from mapping.ui.table import organisation_details, table_column_title, table_for_display
from mapping.ui.upload import upload_panel
from mapping.ui.world_map import (
    Timeline,
    home_timeline,
    map_footer,
    show_details,
    show_map,
    skip_map_link,
    standalone_html,
)

__all__ = [
    "FAVICON",
    "PAGES",
    "REVIEW_PAGE",
    "Dataset",
    "Frame",
    "Timeline",
    "_",
    "current_scene",
    "dataset_or_stop",
    "embedded",
    "home_timeline",
    "lang",
    "map_footer",
    "metadata",
    "organisation_details",
    "page_frame",
    "page_heading",
    "permalink",
    "provenance",
    "scene_controls",
    "scenes_or_stop",
    "setup_page",
    "share_action",
    "share_box",
    "shared_dataset",
    "show_caption",
    "show_details",
    "show_map",
    "show_scene",
    "shown",
    "skip_map_link",
    "standalone_html",
    "table_column_title",
    "table_for_display",
    "upload_panel",
]
