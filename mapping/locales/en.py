"""English messages: the source catalogue every other language translates.

Keys are dotted names grouped by where the text appears. Every value is a
``str.format`` template (literal braces are doubled). A key ending in
``#one``, ``#two`` or ``#other`` is one plural form of a count message; see
``mapping.i18n`` for the conventions.
"""

MESSAGES: dict[str, str] = {
    # --- The app and its pages (app.py, pages/*.py, mapping/ui.py setup_page) ---
    "app.title": "Collective Impact Atlas",
    "app.page_title": "{page} · Collective Impact Atlas",
    "page.map": "Map",
    "page.charts": "Charts",
    "page.data": "Data",
    "page.network": "Network",
    "page.present": "Present",
    "page.about": "About",
    "language.label": "Language",
    "load.spinner": "Loading organisations…",
    "load.error": "The dataset could not be loaded. {error}",
    # --- Counts (sidebar, describe(), map, About) ---
    "count.organisations#one": "{n:,} organisation",
    "count.organisations#other": "{n:,} organisations",
    "count.countries#one": "{n:,} country",
    "count.countries#other": "{n:,} countries",
    "count.shown_of_total#one": "{shown:,} of {n:,} organisation",
    "count.shown_of_total#other": "{shown:,} of {n:,} organisations",
    # --- Sidebar filters (mapping/ui/sidebar.py sidebar_frame) ---
    "sidebar.heading": "Filters",
    "sidebar.search": "Search names, descriptions, cities",
    "sidebar.role": "Role",
    "sidebar.country": "Country",
    "sidebar.domain": "Domain",
    "sidebar.world_region": "World region",
    "sidebar.org_type": "Organisation type",
    "sidebar.scope": "Scope",
    "sidebar.year_started": "Year started",
    "sidebar.year_started_help": "The full span includes organisations with no known start year.",
    "sidebar.placeholder": "Choose options",
    "sidebar.asof": "Active in year",
    "sidebar.asof_any": "Any year (today's view)",
    "sidebar.asof_help": (
        "The organisations whose Collective Impact work had started by that year and had not "
        "ended before it; organisations without a start year are left out."
    ),
    "sidebar.network": "Network",
    "sidebar.network_any": "Any network",
    "sidebar.network_help": "The members of a named network and the organisation that runs it.",
    "sidebar.linked": "Linked to",
    "sidebar.linked_any": "Any organisation",
    "sidebar.linked_help": "An organisation and every organisation directly linked to it.",
    "sidebar.reset": "Reset filters",
    # --- Notices for what a link asked for but could not be used (Filters.parse_query_params) ---
    "notice.unknown_parameter": "Ignored unknown URL parameter '{key}'.",
    "notice.bad_year_range": "Ignored year range '{value}' (expected e.g. 2010-2015).",
    "notice.bad_id": "Ignored {key} '{value}': it is not an organisation id.",
    "notice.bad_asof": (
        "Ignored the year '{value}' (expected a year from {first} to {last}, e.g. 2015)."
    ),
    "notice.unknown_linked": "Ignored linked='{value}': no organisation has that id.",
    "notice.unknown_network": "Ignored network='{value}': it is not the id of a named network.",
    "notice.unknown_value": "Ignored unknown {key} '{value}'.",
    # --- The view in words (Filters.describe) ---
    "describe.head": "Organisations",
    "describe.sentence": "{head}: {clauses}.",
    "describe.all_with_counts": "{head}: all, no filters.",
    "describe.all": "All organisations (no filters).",
    "describe.clause_separator": "; ",
    "describe.list_separator": ", ",
    "describe.or": " or ",
    "describe.role#one": "role {values}",
    "describe.role#other": "roles {values}",
    "describe.country#other": "in {values}",
    "describe.world_region#one": "region {values}",
    "describe.world_region#other": "regions {values}",
    "describe.domain#one": "domain {values}",
    "describe.domain#other": "domains {values}",
    "describe.org_type#one": "type {values}",
    "describe.org_type#other": "types {values}",
    "describe.scope#one": "scope {values}",
    "describe.scope#other": "scopes {values}",
    "describe.years_between": "started {first}–{last}",
    "describe.years_from": "started {first} or later",
    "describe.years_until": "started {last} or earlier",
    "describe.network": "in the network of {name}",
    "describe.linked": "{name} and the organisations linked to it",
    "describe.asof": "active in {year}",
    "describe.undated#one": "One organisation without a start year is left out.",
    "describe.undated#other": "{n:,} organisations without a start year are left out.",
    "describe.text": "matching “{text}”",
    # --- The map page (app.py, mapping/ui.py show_map / show_details) ---
    "map.zoom_to_results": "Zoom to results",
    "map.caption": (
        "Markers are coloured by each organisation's primary role; click a marker for details, "
        "or Tab to it and press Enter (Escape closes). "
        "The basemap is drawn from local data and works offline; online tile layers are optional."
    ),
    "map.label": "World map of the organisations",
    "map.skip": "Skip the map",
    "map.as_list": "These organisations as a list",
    "map.aggregated": (
        "{count:,} organisations are more than the map can draw one by one "
        "(limit {limit:,}), so it shows how many there are in each country. "
        "Narrow the filters to see the organisations themselves; the count and the "
        "exports still cover every row."
    ),
    "map.details_prompt": "Click an organisation on the map to see its details here.",
    "map.details_heading": "Details",
    "share.action": "Share",
    "share.action_help": (
        "Share this exact view: on a phone, with its share sheet; elsewhere the link is copied."
    ),
    "share.caption": "Share this view (copy the link):",
    "share.label": "Link to this view",
    "share.copy": "Copy link",
    "share.copied": "Link copied: it opens this exact view.",
    "share.qr_heading": "QR codes of this view",
    "share.qr_audience": "Audience link: the map alone, light for phones",
    "share.qr_full": "The full atlas at this view",
    "share.qr_alt": "QR code of {link}",
    "audience.open_atlas": "Open the full atlas at this view",
    "present.qr_toggle": "QR code for the audience",
    "present.qr_title": "Open this map on your phone",
    "present.qr_full": "The full atlas",
    # --- The map view in a link (mapping/view.py) ---
    "view.notice.incomplete": "Ignored the link's map view: it needs lat, lon and zoom together.",
    "view.notice.latitude": (
        "Ignored the link's map view: latitude '{value}' is not between -90 and 90."
    ),
    "view.notice.longitude": "Ignored the link's map view: longitude '{value}' is not a number.",
    "view.notice.zoom": "Ignored the link's map view: zoom '{value}' is not between 1 and 18.",
    "view.notice.org": "Ignored the link's organisation '{value}': it is not an organisation id.",
    "view.notice.org_not_shown": (
        "The link's organisation '{org}' is not among the organisations shown "
        "(it may be filtered out or not in this dataset)."
    ),
    # --- The map itself (mapping/maps.py) ---
    "map.legend_title": "Primary role",
    "map.fullscreen_enter": "Full screen",
    "map.fullscreen_exit": "Exit full screen",
    # Filled in by atlas.js, not by Python: pass n="{n}" to keep the placeholder.
    "map.cluster_title": "{n} organisations: open to zoom in",
    "map.close": "Close the details",
    "map.list_title": "{n} organisations here",
    "map.more_text": "and {n} more: zoom in or narrow the filters",
    "map.layer.organisations": "Organisations",
    "map.layer.counts": "Organisations by country",
    "map.tiles.osm": "OpenStreetMap (online)",
    "map.tiles.carto": "CARTO Positron (online)",
    "map.country_count": "{country}: {count}",
    # Popup and details-panel labels, one per maps.DETAIL_FIELDS field.
    "detail.linked": "Linked organisations",
    "detail.linked_hidden": "+ {n} more outside this view",
    # Filled in by details.js: pass name="{name}", year="{year}" etc. to keep the placeholders.
    "detail.linked_why": "In this view because it is linked to {name}:",
    "detail.linked_outside": "(not in this view)",
    "detail.link_since": "since {year}",
    "detail.link_until": "until {year}",
    "detail.link_between": "{since}–{until}",
    "detail.link_source": "source",
    "detail.link_years_unknown": "years not recorded",
    "detail.org_type": "Type",
    "detail.roles": "Roles",
    "detail.domains": "Domains",
    "detail.scope": "Scope",
    "detail.place": "Location",
    "detail.year_started": "Started",
    "detail.network": "Network",
    "detail.website": "Website",
    "detail.description": "About",
    # --- The charts page (pages/charts.py, mapping/charts.py, mapping/chart_images.py) ---
    "charts.heading": "How the field spreads",
    "charts.empty": "No organisation matches the filters. Loosen them in the sidebar.",
    "chart.data_behind": "The numbers behind this chart",
    "chart.untitled": "Chart",
    "chart.region.title": "Organisations by world region",
    "chart.roles.title": "Roles by world region",
    "chart.domains.title": "Domains by world region",
    "chart.countries.title": "Top {top} countries by organisations",
    "chart.adoption.title_region": "Growth: organisations active each year, by world region",
    "chart.adoption.title_role": "Growth: organisations active each year, by role",
    "chart.adoption.asof": "active in {year}",
    "chart.adoption.by": "Growth by",
    "chart.adoption.by.region": "World region",
    "chart.adoption.by.role": "Role",
    "chart.axis.year": "Year",
    "chart.axis.organisations_active": "Organisations active",
    "chart.axis.world_region": "World region",
    "chart.axis.organisations": "Organisations",
    "chart.axis.organisations_with_role": "Organisations holding the role",
    "chart.axis.domain": "Domain",
    "chart.legend.role": "Role",
    "chart.legend.world_region": "World region",
    "chart.legend.organisations": "Organisations",
    "chart.tooltip.region": "Region",
    "chart.tooltip.role": "Role",
    "chart.tooltip.domain": "Domain",
    "chart.tooltip.year": "Year",
    "chart.tooltip.country": "Country",
    "chart.tooltip.organisations": "Organisations",
    # --- The data page (pages/data.py, mapping/ui.py table_for_display, mapping/export.py) ---
    "findings.heading": "2015 and today: the 2015 mapping's findings, checked",
    "findings.intro": (
        "Each headline finding of the 2015 mapping, in our words, beside what the data says. "
        "As of 2015 counts the organisations active in 2015 (dated ones only); today counts every "
        "organisation whose work has not ended. Computed live from the whole atlas, whatever "
        "the filters."
    ),
    "findings.us_leads": (
        "The United States leads by far: most knowledge organisations, initiatives and "
        "backbones are there."
    ),
    "findings.canada_2013": (
        "Canada has been active since about 2013, around the Tamarack Institute and its "
        "Vibrant Communities network."
    ),
    "findings.australia_emerging": (
        "Australia is emerging, with its first collective impact conferences in 2014 and 2015."
    ),
    "findings.europe_sparse": "In Europe the field is still undeveloped: a few organisations only.",
    "findings.israel_2013": (
        "In Israel, Sheatufim has been a backbone and knowledge organisation since 2013; "
        "the first Israeli conference was in 2015."
    ),
    "findings.value.lead": (
        "{count:,} organisations ({share}% of the atlas); the next region {next:,}"
    ),
    "findings.value.count_first": "{count:,} organisations; the earliest started in {first}",
    "findings.value.count_share": "{count:,} organisations ({share}% of the atlas)",
    "findings.why.us_leads": (
        "The United States has {core}% of the initiatives and backbones and {knowledge}% of the "
        "knowledge organisations."
    ),
    "findings.why.canada": (
        "The earliest Canadian start in the data is {first}: the work is older than the term. "
        "{since} of {dated} dated Canadian organisations started in 2013 or later; {network} "
        "belong to Tamarack's Vibrant Communities."
    ),
    "findings.why.australia": (
        "{recent} of {dated} dated Australian organisations started in 2013 or later; the "
        "earliest in {first}."
    ),
    "findings.why.europe": (
        "Europe held {then}% of the organisations active in {year}, and holds {now}% of today's."
    ),
    "findings.why.israel": (
        "Sheatufim's work starts in {started} in the data; the earliest Israeli start is {first}."
    ),
    "findings.verdict.holds": "Holds",
    "findings.verdict.partly": "Partly",
    "findings.verdict.contradicted": "Contradicted by the data",
    "findings.verdict.thin": "Too few dated organisations to judge",
    "findings.column.then": "As of 2015",
    "findings.column.now": "Today",
    "findings.column.region": "World region",
    "findings.column.first": "Earliest start",
    "findings.column.dated": "Dated",
    "findings.column.total": "Organisations",
    "findings.first_years": "First years by region (how much of each region is dated)",
    "findings.undated": (
        "{n:,} organisations have no start year: they count today but not in 2015."
    ),
    "chart.findings.title": "Organisations by world region: active in 2015 and today",
    "chart.findings.then": "2015",
    "chart.findings.now": "Today",
    "chart.legend.when": "When",
    "timeline.caption": "By {year}: {organisations} in {countries}",
    "timeline.play": "Play the years",
    "timeline.pause": "Pause",
    "timeline.year": "Year",
    "timeline.all_years": "All years",
    "timeline.all_caption": "All years: every organisation, dated or not",
    "timeline.label": "The field year by year",
    "network.heading": "The field as a network",
    "network.partners": "Include their direct partners",
    "network.partners_help": (
        "Also draw every organisation directly linked to one the filters select, "
        "even if the filters leave it out."
    ),
    "network.empty": "No organisation matches these filters.",
    "network.no_links": "These organisations have no links to each other in the dataset.",
    "network.trimmed": (
        "The graph shows the {shown:,} most linked of these {total:,} organisations; "
        "the figures below and the downloads cover all of them."
    ),
    "network.partners_added#one": "One direct partner outside the filters is added.",
    "network.partners_added#other": "{n:,} direct partners outside the filters are added.",
    "network.search_label": "Find an organisation in the graph",
    "network.search_placeholder": "Find in the graph…",
    "network.list_label": "Organisations in this graph",
    "network.list_prompt": "Choose an organisation…",
    "network.fit": "Show the whole graph",
    "network.legend_roles": "Primary role",
    "network.legend_links": "Links",
    "network.legend_size": "Larger: more links.",
    "network.details_prompt": (
        "Click an organisation (or find it by name) to read its details and its links."
    ),
    "network.graph_label": "Network graph of the organisations and the links between them",
    "network.matches": "Matches: {n}",
    "network.no_match": "No match",
    "network.coverage_title": "How complete its network is",
    "network.roster_link": "The network's published roster",
    "network.unlinked#one": "One organisation has no link in this view: listed here, not drawn",
    "network.unlinked#other": (
        "{n:,} organisations have no link in this view: listed here, not drawn"
    ),
    "network.metrics_heading": "What the network shows",
    "network.metric.organisations": "Organisations",
    "network.metric.links": "Links",
    "network.metric.linked": "Linked to another",
    "network.metric.groups": "Connected groups",
    "network.metric.largest": "Largest group",
    "network.most_linked": "Most linked",
    "network.brokers": "Brokers (betweenness)",
    "network.brokers_help": (
        "How often an organisation lies on the shortest path between two others: "
        "the ones that bridge otherwise separate parts of the field."
    ),
    "network.networks": "Named networks",
    "network.by_relation": "Links by relation",
    "network.column.organisation": "Organisation",
    "network.column.links": "Links",
    "network.column.betweenness": "Betweenness",
    "network.column.network": "Network",
    "network.column.members": "Members in view",
    "network.column.relation": "Relation",
    "network.coverage_heading": "How complete each named network is",
    "network.coverage_caption": (
        "The members the atlas holds (organisations with a membership link to the network) "
        "against the members its roster lists, with the roster's page and date: the whole "
        "atlas, whatever the filters. A missing member is missing from the atlas, not from "
        "the field."
    ),
    "network.column.held": "In the atlas",
    "network.column.listed": "Listed members",
    "network.column.share": "Share",
    "network.column.roster_date": "Roster of",
    "network.column.roster_source": "Roster",
    "network.coverage_notes": "What counts as a member of each network, and what is missing",
    "coverage.dated": "{network}: {n:,} of {size:,} listed members (roster of {date})",
    "coverage.listed": "{network}: {n:,} of {size:,} listed members",
    "coverage.unsized#one": "{network}: one member in the atlas; no roster size is published",
    "coverage.unsized#other": (
        "{network}: {n:,} members in the atlas; no roster size is published"
    ),
    "network.downloads_heading": "Download this network",
    "download.links_csv": "Links (CSV)",
    "download.links_csv_help": (
        "Every link among these organisations, with both names: UTF-8 with BOM."
    ),
    "download.gexf": "Graph for Gephi (GEXF)",
    "download.gexf_help": "Organisations as nodes with their attributes, links as edges.",
    "download.graphml": "Graph (GraphML)",
    "download.graphml_help": "For yEd, Kumu, Cytoscape and igraph.",
    "data.heading": "Organisations",
    "column.name": "Name",
    "column.roles": "Roles",
    "column.type": "Type",
    "column.domains": "Domains",
    "column.scope": "Scope",
    "column.city": "City",
    "column.country": "Country",
    "column.region": "Region",
    "column.started": "Started",
    "column.network": "Network",
    "column.website": "Website",
    "column.description": "Description",
    "data.details_label": "An organisation's details",
    "data.details_placeholder": "Type a name or choose one…",
    "data.details_too_many": (
        "Narrow the filters to {limit:,} organisations or fewer to open one here."
    ),
    "data.show_on_map": "Show it on the map",
    "data.downloads_heading": "Download exactly this list",
    "download.csv": "Download CSV",
    "download.geojson": "Download GeoJSON",
    "download.xlsx": "Download Excel (XLSX)",
    "download.zip": "Download CSV with notes (ZIP)",
    "download.map_html": "Download map (HTML, works offline)",
    "download.png": "PNG",
    "download.svg": "SVG",
    "download.csv_help": "Clean data for spreadsheets: UTF-8 with BOM, formula-safe.",
    "download.zip_help": (
        "The CSV plus ABOUT.txt: filters in words, permalink, date, version, citation, licence."
    ),
    "download.xlsx_help": (
        "Three sheets: the organisations, the links among them, and About (how this list was made)."
    ),
    "download.map_html_help": "One self-contained file: opens by double-click with no network.",
    "export.sheet.data": "Organisations",
    "export.sheet.about": "About",
    # --- The present page (pages/present.py, mapping/ui.py scene controls) ---
    "present.previous": "◀ Previous",
    "present.next": "Next ▶",
    "present.position": "Scene {index} of {count}",
    "present.auto_advance": "Auto-advance every (s, 0 = off)",
    "present.first": "⏮ First",
    "present.last": "Last ⏭",
    "present.keys": (
        "Keys (a remote works too): Page Down, → or Space: next scene · Page Up or ←: "
        "previous scene · Home / End: first / last · B or .: blank the screen (again to "
        "bring it back). These controls hide until the mouse moves."
    ),
    "present.keys_timeline": (
        "Keys (a remote works too): the years play by themselves; Page Down, → or Space: "
        "show the last year, press again for the next scene · ↓ / ↑: one year on / back · "
        "Page Up or ←: previous scene · Home / End: first / last · B or .: blank the screen. "
        "These controls hide until the mouse moves."
    ),
    "present.blank": "The screen is blank. Press B, the full stop or Escape to show it again.",
    "present.error": "The presenter scenes cannot be shown. {error}",
    # --- The About page (pages/about.py, mapping/about.py) ---
    "about.heading": "About the Collective Impact Atlas",
    "about.introduction": """
**Collective Impact** is the commitment of actors from different sectors to a common
agenda for solving a complex social problem (Kania & Kramer, *Stanford Social
Innovation Review*, 2011). It rests on five conditions: a **common agenda**,
**shared measurement**, **mutually reinforcing activities**, **continuous
communication** and a **backbone organisation**. The Israeli nonprofit Sheatufim
(שיתופים, Shitufim) proposed a sixth: building trust and agreements.

This atlas grows out of Sheatufim's **2015 global mapping** of the organisations
engaged in Collective Impact in four roles: consulting (ייעוץ), operating (הפעלה),
knowledge development (פיתוח ידע) and funding (מימון). That mapping found the
United States far ahead; Canada active since about 2013 around the Tamarack
Institute and its Vibrant Communities; Australia emerging (first conferences in
2014 and 2015); Europe still sparse; and an Israeli field around Sheatufim and the
first Israeli Collective Impact conference (Tel Aviv, 30 March 2015). Its full list
is not available, so this atlas rebuilds a larger, sourced one: every row cites the
page its facts were checked against.
""",
    "about.corrections": """
**Corrections and additions** are welcome: each organisation's `source` shows where
its facts come from. Suggest a new organisation, a link, a correction or a removal on
the **Contribute** page (every organisation's details have a "Suggest a correction"
link), with a web page that supports it; a reviewer checks every suggestion before
anything is published. Programs can send suggestions to `POST /api/v1/suggestions`.
""",
    "about.definitions": "Definitions",
    "about.dataset": "The dataset",
    "about.cite": "How to cite",
    "about.term": "Term",
    "about.definition": "Definition",
    "about.vocabulary.role": "Roles (the 2015 mapping's four)",
    "about.vocabulary.org_type": "Organisation types",
    "about.vocabulary.domain": "Domains",
    "about.vocabulary.scope": "Scopes",
    "about.vocabulary.world_region": "World regions",
    "about.summary.version": "Version **{version}** ({date}), licence {licence}.",
    "about.summary.edition": (
        "You are seeing edition **{edition}**: that release and the changes moderators "
        "approved since it (each organisation's History says who, when and on what source). "
        "Cite the edition and the date you looked."
    ),
    "about.summary.counts": (
        "**{organisations}** in **{countries}** ({regions}); {dated:,} with a known start year."
    ),
    "about.summary.region": "{region} {count:,}",
    "about.summary.locations": (
        "Locations are headquarters, geocoded offline from the GeoNames gazetteer unless given."
    ),
    # --- Bring your own data (mapping/upload.py) ---
    "upload.heading": "Upload",
    "upload.expander": "Bring your own data: CSV, Excel or GeoJSON",
    "upload.file_label": "Upload a file (up to {megabytes:,} MB, {rows:,} rows)",
    "upload.back": "Back to the built-in dataset",
    "upload.fix_swapped": "Fix rows whose latitude and longitude look swapped",
    "upload.mode": "Use it to",
    "upload.mode.replace": "Replace the built-in data (this browser session only)",
    "upload.mode.merge": "Merge with the built-in data (duplicates replaced by your rows)",
    "upload.show": "Show this data on the map",
    "upload.active_replaced": "Your file {name}: {organisations} (built-in data hidden).",
    "upload.active_merged": (
        "Your file {name} merged with the built-in data: {organisations} ({duplicates})."
    ),
    "upload.duplicates_merged#one": "{n:,} duplicate merged",
    "upload.duplicates_merged#other": "{n:,} duplicates merged",
    "upload.summary#one": "{loaded:,} loaded, {rejected:,} rejected, of {n:,} row.",
    "upload.summary#other": "{loaded:,} loaded, {rejected:,} rejected, of {n:,} rows.",
    "upload.blank_rows#one": "{n:,} blank row skipped.",
    "upload.blank_rows#other": "{n:,} blank rows skipped.",
    "upload.read_as": "Read as {encoding}.",
    "upload.imprecise#one": (
        "{n:,} loaded row is placed at its region or country centre because its city was not found:"
    ),
    "upload.imprecise#other": (
        "{n:,} loaded rows are placed at their region or country centre "
        "because their city was not found:"
    ),
    "upload.swapped_fixed#one": "{n:,} row looks like latitude and longitude are swapped (fixed).",
    "upload.swapped_fixed#other": (
        "{n:,} rows look like latitude and longitude are swapped (fixed)."
    ),
    "upload.swapped_unfixed#one": (
        "{n:,} row looks like latitude and longitude are swapped; tick the box above to fix it."
    ),
    "upload.swapped_unfixed#other": (
        "{n:,} rows look like latitude and longitude are swapped; tick the box above to fix them."
    ),
    "upload.unmapped": "**Columns not recognised**: choose what each one holds.",
    "upload.ignore_column": "(ignore)",
    "upload.download_errors": "Download the error report (CSV)",
    "upload.report.row": "Row",
    "upload.report.field": "Field",
    "upload.report.value": "Value",
    "upload.report.reason": "Reason",
    "upload.report.suggestion": "Suggestion",
    # --- Upload errors: a file that cannot be loaded at all (mapping/upload.py UploadError) ---
    "upload.error.empty": "{name} is empty (0 bytes).",
    "upload.error.too_large": (
        "{name} is {size}; the limit is {limit}. Upload a smaller file or split it."
    ),
    "upload.error.too_many_rows": (
        "{name} has more than {limit:,} data rows; the limit is {limit:,}. Split the file."
    ),
    "upload.error.no_data_rows": "{name} has a header row but no data rows.",
    "upload.error.old_excel": (
        "{name} is an old Excel (.xls) workbook, which is not supported; save it as .xlsx or CSV."
    ),
    "upload.error.extension": (
        "{name} has {extension}; upload a CSV (.csv), Excel (.xlsx) or GeoJSON (.geojson) file."
    ),
    "upload.extension.some": "'{suffix}'",
    "upload.extension.none": "no extension",
    "upload.error.in_file": "{name}: {problem}",
    "upload.error.bom_mismatch": (
        "the file starts with a {encoding} byte-order mark but byte {position:,} is not "
        "{encoding} ({reason})."
    ),
    "upload.error.binary": "the file holds binary data (NUL bytes), not text.",
    "upload.error.not_csv": "{name} is not CSV text: it looks like {kind}.",
    "upload.error.blank": "{name} is empty (it holds only blank space).",
    "upload.error.no_cells": "{name} is empty (no cells hold any text).",
    "upload.error.truncated_quote": (
        "{name} looks truncated: a quoted cell is never closed (it opens near line {line}). "
        "Re-export or re-upload the file."
    ),
    "upload.error.unreadable_csv": "{name} is not a readable CSV file: {detail}.",
    "upload.error.not_xlsx": "{name} is not an Excel workbook (.xlsx): it looks like {kind}.",
    "upload.error.damaged_xlsx": (
        "{name} is damaged or truncated: it starts like an Excel workbook but cannot be opened. "
        "Save it again from Excel, or upload it as CSV."
    ),
    "upload.error.zip_bomb": (
        "{name} would expand to {size} when opened (the limit is {limit}), so it was not "
        "opened: it may be a ZIP bomb."
    ),
    "upload.error.zip_not_workbook": (
        "{name} is a ZIP archive but not an Excel workbook (it has no {member})."
    ),
    "upload.error.no_worksheet": "{name} has no worksheet.",
    "upload.error.unreadable_xlsx": (
        "{name} could not be read as an Excel workbook ({detail}). "
        "Save it again from Excel, or upload it as CSV."
    ),
    "upload.error.not_geojson": "{name} is not GeoJSON: it looks like {kind}.",
    "upload.error.geojson_not_utf8": (
        "{name} is not UTF-8 text (byte {position:,}: {reason}); GeoJSON must be UTF-8."
    ),
    "upload.error.invalid_json": (
        "{name} is not valid JSON: {detail} (line {line}, column {column})."
    ),
    "upload.error.json_too_deep": "{name} is not usable GeoJSON: it is nested too deeply.",
    "upload.error.not_feature_collection": (
        "{name} is not a GeoJSON FeatureCollection (its type is {found!r}); "
        "upload {example} with one Point per organisation."
    ),
    "upload.error.features_not_list": "{name} is a FeatureCollection without a list of {member}.",
    "upload.error.no_features": "{name} has no features.",
    "upload.error.duplicate_header": (
        "{name}: the header {header!r} appears in columns {columns} and {last}; rename all but one."
    ),
    "upload.error.missing_column": (
        "{name}: no column is recognised as {description}. The headers are: {headers}. "
        "Rename one, or map it with column_map={{'<header>': '{column}'}}."
    ),
    "upload.headers.none": "none",
    "upload.required.name": "the organisation name ({aliases})",
    "upload.required.roles": "the roles ({aliases})",
    "upload.required.country_code": "the country ({aliases})",
    # What a file that is not text looks like (mapping/upload.py SIGNATURES).
    "upload.kind.png": "a PNG image",
    "upload.kind.jpeg": "a JPEG image",
    "upload.kind.gif": "a GIF image",
    "upload.kind.pdf": "a PDF document",
    "upload.kind.zip": ("a ZIP archive or an Excel workbook (give a workbook the .xlsx extension)"),
    "upload.kind.old_excel": (
        "an old Excel (.xls) or a password-protected workbook; save it as .xlsx or CSV"
    ),
    "upload.kind.gzip": "a gzip archive",
    "upload.kind.7z": "a 7-Zip archive",
    "upload.kind.rar": "a RAR archive",
    "upload.kind.html": "a web page (HTML)",
    "upload.kind.text": "plain text (a CSV file renamed .xlsx? give it the .csv extension)",
    "upload.kind.binary": "some other binary file",
    "upload.size.mb": "{size:,.1f} MB",
    "upload.size.kb": "{size:,.1f} KB",
    "upload.size.bytes#one": "{n:,} byte",
    "upload.size.bytes#other": "{n:,} bytes",
    # The text encodings an upload is read in (mapping/upload.py ENCODING_LABELS).
    "upload.encoding.utf-8": "UTF-8",
    "upload.encoding.utf-8-sig": "UTF-8 with BOM",
    "upload.encoding.utf-16": "UTF-16",
    "upload.encoding.cp1255": "Windows-1255 (Hebrew)",
    "upload.encoding.cp1252": "Windows-1252 (Western European)",
    "upload.encoding.latin-1": "Latin-1 (ISO-8859-1)",
    # --- Upload report: problems with one row (mapping/upload.py, reason and suggestion) ---
    "upload.problem.ragged": "has {cells} cells but the header has {columns} columns",
    "upload.suggest.ragged": (
        "quote cells that contain the separator, or add a header for the extra cells"
    ),
    "upload.problem.not_feature": "is not a GeoJSON Feature object",
    "upload.problem.properties_not_object": "{member} must be an object (or null)",
    "upload.problem.not_point": "the geometry is a {kind}; only Point features can be loaded",
    "upload.suggest.not_point": (
        "use a Point at the organisation's address, or a null geometry and a city"
    ),
    "upload.problem.bad_point": "Point coordinates must be [longitude, latitude] numbers",
    "upload.warning.city_not_found": (
        "city not found in {code}; the marker is at the {precision} centre"
    ),
    "upload.precision.region": "region",
    "upload.precision.country": "country",
    "upload.suggest.city_not_found": "check the spelling, or give latitude and longitude",
    # The report's field column: a dataset column, or what else the problem is about.
    "upload.field.id": "id",
    "upload.field.name": "name",
    "upload.field.name_he": "name_he",
    "upload.field.roles": "roles",
    "upload.field.org_type": "org_type",
    "upload.field.domains": "domains",
    "upload.field.scope": "scope",
    "upload.field.city": "city",
    "upload.field.region": "region",
    "upload.field.country_code": "country_code",
    "upload.field.latitude": "latitude",
    "upload.field.longitude": "longitude",
    "upload.field.year_started": "year_started",
    "upload.field.year_ended": "year_ended",
    "upload.field.network": "network",
    "upload.field.website": "website",
    "upload.field.description": "description",
    "upload.field.source": "source",
    "upload.field.checked": "checked",
    "upload.field.coordinates": "coordinates",
    "upload.field.geometry": "geometry",
    "upload.field.feature": "feature",
    "upload.field.properties": "properties",
    "upload.field.row": "row",
    # --- Dataset validation (mapping/data.py validate_table and DatasetError) ---
    "data.error.located": "{where}: {message}",
    "data.where.row": "row {row}",
    "data.where.field": "field '{field}'",
    "data.error.not_utf8": (
        "the file is not UTF-8 text (byte {byte} here); save it as UTF-8 (in Excel: CSV UTF-8)"
    ),
    "data.error.empty_file": "the file is empty",
    "data.error.no_rows": "the file has a header row but no data rows",
    "data.error.missing_file": "there is no such file",
    "data.error.directory": "this is a folder, not a CSV file",
    "data.error.no_permission": "the file cannot be read: permission denied",
    "data.error.unreadable": "the file cannot be read ({reason})",
    "data.error.not_text": "the file is not CSV text: it looks like {kind}",
    "data.error.ragged": (
        "has {cells} cells but the header has {columns} columns; "
        "put cells that contain a comma in double quotes"
    ),
    "data.error.open_quote": (
        "a cell in double quotes opens here and is never closed (is the file cut short?)"
    ),
    "data.error.quote": (
        "a cell in double quotes is followed by more text; put the whole cell in double quotes "
        "and double each quote inside it"
    ),
    "data.error.duplicate_header": (
        "the header {header!r} appears twice (columns {first} and {second}); rename one"
    ),
    "data.error.missing_columns": "missing required column(s): {columns}",
    "data.error.with_value": "{reason} (value {value!r})",
    "data.error.with_suggestion": "{message}; suggestion: {suggestion}",
    "data.problem.required": "is required but blank",
    "data.problem.duplicate_id": "duplicates the id of row {row}",
    "data.problem.id_rule": (
        "is not an id: an id is words of lowercase letters {letters} and digits {digits} "
        "joined by single hyphens, at most {length} characters"
    ),
    "data.problem.unknown_value": "unknown value {value!r}; expected one of {expected}",
    "data.problem.no_role": "needs at least one role",
    "data.problem.country_code": "is not an {standard} country code",
    "data.problem.coordinates_together": "latitude and longitude must be given together",
    "data.problem.swapped": (
        "latitude and longitude look swapped: the point is outside {country} ({code}) "
        "but inside it when they are exchanged"
    ),
    "data.problem.range": "must be a number between {low:g} and {high:g}",
    "data.problem.outside": "the point is about {km:,.0f} km outside {country} ({code})",
    "data.problem.year": "must be a year between {first} and {last}",
    "data.problem.website": "must be an {scheme} URL",
    "links.problem.unknown_id": "is not the id of an organisation in the dataset",
    "links.problem.self": "links an organisation to itself",
    "links.problem.relation": "is not a known relation; expected one of {expected}",
    "links.problem.duplicate": "repeats the link of row {row}",
    "links.problem.source": "must be one {scheme} URL",
    "links.problem.repeated_network": "is listed twice",
    "networks.problem.roster_size": (
        "must be a positive whole number (the members its roster lists)"
    ),
    "networks.problem.roster_date": "must be a date written {formats}, not after today ({today})",
    "networks.problem.roster_without_source": (
        "is blank, but a roster size or date needs the page that lists the members"
    ),
    "data.problem.year_order": "the end year {ended} is before the start year {started}",
    "data.problem.source": "must be one or more {scheme} URLs separated by ';'",
    "data.problem.checked": "must be a date written {format}, not after today ({today})",
    "data.problem.duplicate_name": "same name, city and country as row {row}",
    "data.problem.cannot_locate": (
        "cannot locate city {city!r}, region {region!r} in {code} offline (no such place, "
        "and no region or country position to fall back on); give latitude/longitude"
    ),
    "data.suggest.value": "{value}",
    "data.suggest.id": "{id}",
    "data.suggest.country": "{code} ({name})",
    "data.suggest.swapped": (
        "latitude {latitude}, longitude {longitude} (or load with fix_swapped=True)"
    ),
    "data.suggest.outside": "check the coordinates and the country",
    "data.suggest.duplicate_name": "merge the two rows or tell them apart",
    "load.unreadable": "{path} cannot be read: {reason}.",
    # --- Column mapping of an upload (mapping/columns.py ColumnMapError) ---
    "columns.error.unknown_header": (
        "the column mapping names the header {header!r}, which the file does not have; "
        "its headers are: {headers}"
    ),
    "columns.error.unknown_column": (
        "the column mapping maps {header!r} to {column!r}, which is not a column; "
        "the columns are: {columns}"
    ),
    "columns.error.repeated": (
        "the column mapping maps several headers to {column!r}; map one header per column"
    ),
    # --- The scene file (mapping/scenes.py SceneError, shown on the Present page) ---
    "scene.label": "Scene {number} ('{id}')",
    "scene.error.no_file": "The scene file {file} does not exist.",
    "scene.error.toml": "The scene file {file} is not valid TOML: {detail}.",
    "scene.error.no_scenes": "The scene file {file} has no {table} entries.",
    "scene.error.not_table": "Scene {number}: expected a table of keys, got {entry!r}.",
    "scene.error.duplicate_id": "{label}: the id is used by an earlier scene.",
    "scene.error.missing": "{label}: missing {keys}.",
    "scene.error.unknown_keys": "{label}: unknown key(s) {keys}.",
    "scene.error.bad_id": "{label}: {key} must be lowercase letters, digits and hyphens.",
    "scene.error.empty_text": "{label}: {key} must be a non-empty text.",
    "scene.error.empty_optional": "{label}: {key} must be a non-empty text when given.",
    "scene.error.filters_table": "{label}: {key} must be a table of text values, e.g. {example}.",
    "scene.error.filter_notice": "{label}: {notice} Filter keys are: {keys}.",
    "scene.error.view_shape": "{label}: {key} must be {example}.",
    "scene.error.view_range": (
        "{label}: {key} needs {lat} in {lat_range}, {lon} in {lon_range} and {zoom} in "
        "{zoom_range}, got {view!r}."
    ),
    "scene.error.kind": "{label}: {key} must be one of {kinds}.",
    "scene.error.timeline_only": '{label}: {keys} belong to timeline scenes (kind = "timeline").',
    "scene.error.years": (
        "{label}: from, to and step must be whole years with 1900 <= from <= to <= {today} "
        "and step >= 1 (got from {first!r}, to {last!r}, step {step!r})."
    ),
    "scene.error.seconds": (
        "{label}: seconds must be a number from 0.2 to {most:g} (got {value!r})."
    ),
    "scene.error.braces": "{label}: the caption's braces do not match.",
    "scene.error.placeholder": "{label}: unknown caption placeholder {placeholder}; use {allowed}.",
    # --- What every export says about itself (mapping/provenance.py STRINGS) ---
    "provenance.heading": "About this export",
    "provenance.dataset": "Dataset",
    "provenance.view": "View",
    "provenance.counts": "Organisations",
    "provenance.counts_value": "{shown:,} shown of {total:,}",
    "provenance.permalink": "Link to this view",
    "provenance.no_permalink": "(not available)",
    "provenance.generated": "Generated",
    "provenance.generated_value": "{iso} (UTC)",
    "provenance.version": "Dataset version",
    "provenance.version_value": "{version} ({date})",
    "provenance.edition_value": (
        "{edition}: release {version} ({date}) and the changes moderators approved since "
        "(each organisation's History; changes.csv at the next release)"
    ),
    "provenance.licence": "Licence",
    "provenance.licence_value": "{licence} ({url})",
    "provenance.citation": "Cite as",
    "provenance.source_line": "Source: {name}, dataset version {version} ({date}), {licence}.",
    "provenance.files": "Files",
    "provenance.csv_note": (
        "{name}: the organisations of this view. UTF-8 with a byte-order mark; "
        "multiple values in one cell are separated by ';'; a cell that a spreadsheet "
        "would read as a formula starts with an apostrophe (')."
    ),
    "provenance.about_note": "{name}: this description.",
    "provenance.basemap": "Basemap: Natural Earth (public domain). Map: Leaflet.",
    # --- Vocabularies (mapping/vocab.py): "<kind>.<value>" and "<kind>.<value>.definition" ---
    "role.consulting": "Consulting",
    "role.consulting.definition": (
        "Advises, trains or facilitates other actors' Collective Impact work."
    ),
    "role.operating": "Operating",
    "role.operating.definition": (
        "Runs an initiative or is the backbone organisation that coordinates one."
    ),
    "role.knowledge": "Knowledge",
    "role.knowledge.definition": (
        "Develops and spreads knowledge: research, evaluation, publications, "
        "learning networks and conferences."
    ),
    "role.funding": "Funding",
    "role.funding.definition": "Funds initiatives, backbone organisations or partners.",
    "org_type.infrastructure": "Infrastructure",
    "org_type.infrastructure.definition": (
        "Develops and spreads the model nationally or internationally."
    ),
    "org_type.backbone": "Backbone",
    "org_type.backbone.definition": (
        "The dedicated staff organisation that coordinates an initiative's partners."
    ),
    "org_type.initiative": "Initiative",
    "org_type.initiative.definition": (
        "A named, cross-sector Collective Impact initiative or partnership."
    ),
    "org_type.funder": "Funder",
    "org_type.funder.definition": (
        "A foundation, community foundation, United Way, federation or pooled fund."
    ),
    "org_type.consultancy": "Consultancy",
    "org_type.consultancy.definition": "A consulting or evaluation practice.",
    "org_type.academic": "Academic",
    "org_type.academic.definition": "A university centre or research institute.",
    "org_type.government": "Government",
    "org_type.government.definition": "A government agency, programme or local authority.",
    "org_type.network": "Network",
    "org_type.network.definition": "A network or association of initiatives.",
    "domain.community-development": "Community development",
    "domain.community-development.definition": "Community development and poverty reduction.",
    "domain.education": "Education",
    "domain.education.definition": "Education from school to career (cradle to career).",
    "domain.stem-education": "STEM education",
    "domain.stem-education.definition": (
        "Science, technology, engineering and mathematics education."
    ),
    "domain.early-childhood": "Early childhood",
    "domain.early-childhood.definition": "Early childhood development and school readiness.",
    "domain.health": "Health",
    "domain.health.definition": "Health and wellbeing.",
    "domain.youth": "Youth",
    "domain.youth.definition": "Youth and young adults.",
    "domain.environment": "Environment",
    "domain.environment.definition": "Environment and natural resources.",
    "domain.employment": "Employment",
    "domain.employment.definition": "Employment, skills and economic opportunity.",
    "domain.housing": "Housing",
    "domain.housing.definition": "Housing and homelessness.",
    "domain.justice": "Justice",
    "domain.justice.definition": "Justice, safety and violence prevention.",
    "domain.food-systems": "Food systems",
    "domain.food-systems.definition": "Food security and food systems.",
    "domain.other": "Other",
    "domain.other.definition": "Any other field.",
    "scope.metropolitan": "Metropolitan",
    "scope.metropolitan.definition": "A city or metropolitan area.",
    "scope.rural": "Rural",
    "scope.rural.definition": "Rural areas and small towns.",
    "scope.regional": "Regional",
    "scope.regional.definition": "A state, province or multi-county region.",
    "scope.national": "National",
    "scope.national.definition": "A whole country.",
    "scope.international": "International",
    "scope.international.definition": "Several countries.",
    "world_region.United States": "United States",
    "world_region.United States.definition": "Organisations based in the United States.",
    "world_region.Canada": "Canada",
    "world_region.Canada.definition": "Organisations based in Canada.",
    "world_region.Australia": "Australia",
    "world_region.Australia.definition": "Organisations based in Australia.",
    "world_region.Europe": "Europe",
    "world_region.Europe.definition": (
        "Organisations based in Europe as GeoNames draws it: Russia and Cyprus are in, "
        "Turkey is not."
    ),
    "world_region.Israel": "Israel",
    "world_region.Israel.definition": "Organisations based in Israel.",
    "world_region.Other": "Other",
    "world_region.Other.definition": "Organisations based anywhere else.",
    "relation.member_of": "Member of",
    "relation.member_of.definition": "A member of the network the other organisation runs.",
    "relation.member_of.inverse": "Network member",
    "relation.backbone_of": "Backbone of",
    "relation.backbone_of.definition": "Is, or hosts, the backbone organisation of the initiative.",
    "relation.backbone_of.inverse": "Backbone",
    "relation.funds": "Funds",
    "relation.funds.definition": "Funds the initiative, its backbone or a partner.",
    "relation.funds.inverse": "Funded by",
    "relation.founded": "Founded",
    "relation.founded.definition": "Founded, launched or created the other organisation.",
    "relation.founded.inverse": "Founded by",
    "relation.advises": "Advises",
    "relation.advises.definition": (
        "Advises, coaches, trains or facilitates the other organisation."
    ),
    "relation.advises.inverse": "Advised by",
    "relation.evaluates": "Evaluates",
    "relation.evaluates.definition": "Evaluates or studies the other organisation's work.",
    "relation.evaluates.inverse": "Evaluated by",
    "relation.partners_with": "Partners with",
    "relation.partners_with.definition": (
        "Partners in a Collective Impact effort (either way round)."
    ),
    "relation.partners_with.inverse": "Partners with",
    # --- Contribute: suggestions (mapping/suggestions.py, mapping/ui/contribute.py) ---
    "page.contribute": "Contribute",
    "contribute.heading": "Suggest an organisation, a link or a correction",
    "contribute.intro": (
        "Anyone can suggest a change to the atlas. Nothing is published before a reviewer "
        "has checked it against the source you give, so every suggestion needs a web page "
        "that supports it."
    ),
    "contribute.kind_label": "What would you like to suggest?",
    "contribute.kind.new_organisation": "A new organisation",
    "contribute.kind.new_link": "A new link",
    "contribute.kind.correction": "A correction",
    "contribute.kind.removal": "A removal",
    "contribute.subject_label": "About",
    "contribute.subject.organisation": "An organisation",
    "contribute.subject.link": "One of its links",
    "contribute.organisation_label": "Organisation",
    "contribute.organisation_placeholder": "Type part of its name",
    "contribute.link_label": "Link",
    "contribute.link_placeholder": "Choose one of its links",
    "contribute.link_text": "{source} · {relation} · {target}",
    "contribute.no_links": (
        "This organisation has no links in the atlas yet: suggest a new link instead."
    ),
    "contribute.choose_first": "Choose the organisation first.",
    "contribute.details_heading": "Its details",
    "contribute.correction_hint": (
        "The form starts from today's values: change what is wrong, and the changes are "
        "listed under it."
    ),
    "contribute.place_hint": (
        "A city and a country are enough to place it; or give its coordinates, or pick the "
        "point on a map."
    ),
    "contribute.pick_on_map": "Pick the point on a map",
    "contribute.pick_hint": "Click the map where the organisation is: the coordinates fill in.",
    "contribute.link_hint": "A link reads: the first organisation, the relation, the second.",
    "contribute.removal_placeholder": (
        "For example: closed in 2022; not Collective Impact work; a duplicate of another entry"
    ),
    "contribute.choose_placeholder": "Choose",
    "contribute.year_placeholder": "e.g. 2013",
    "contribute.source_placeholder": "https://…",
    "contribute.source_help": (
        "A page that supports what you suggest: the organisation's own site, a report, a "
        "news article."
    ),
    "contribute.about_you": "About you (optional)",
    "contribute.privacy": (
        "Your name and email are optional. They are kept with the suggestion for the "
        "reviewers alone: never shown, never in an export or in the API."
    ),
    "contribute.honeypot": "Leave this field empty",
    "contribute.required": "{label} (required)",
    "contribute.submit": "Send the suggestion",
    "contribute.changes_heading": "What changes",
    "contribute.changes_none": "Nothing changes yet: edit the values that are wrong.",
    "contribute.change.field": "Field",
    "contribute.change.before": "Today",
    "contribute.change.after": "Suggested",
    "contribute.empty_value": "(blank)",
    "contribute.duplicates_heading": "Already in the atlas?",
    "contribute.duplicates_intro": (
        "These look like the organisation you are adding. If it is one of them, suggest a "
        "correction to it instead."
    ),
    "contribute.duplicate_item": "{name}: {why}",
    "contribute.duplicate_map": "Show {name} on the map",
    "contribute.duplicate_correct": "Suggest a correction to {name}",
    "contribute.problems_heading": "Please fix these before sending:",
    "contribute.problem_item": "{field}: {reason}",
    "contribute.thanks": (
        "Thank you. Your suggestion is kept as {ref}: quote this reference in any message "
        "about it. A reviewer checks it before anything is published."
    ),
    "contribute.status_link": "The status of {ref}",
    "contribute.another": "Suggest something else",
    "contribute.paused.unreachable": (
        "Suggestions are paused: the database cannot be reached right now. What you type "
        "stays here; try sending again in a few minutes."
    ),
    "contribute.paused.off": (
        "This server takes no suggestions. The map, charts, network, data and downloads "
        "work as ever."
    ),
    "contribute.paused.ceiling#one": (
        "Suggestions are paused: the atlas has taken as many as its reviewers can read "
        "today. What you type stays here; try again in about an hour."
    ),
    "contribute.paused.ceiling#other": (
        "Suggestions are paused: the atlas has taken as many as its reviewers can read "
        "today. What you type stays here; try again in about {n} hours."
    ),
    "contribute.quota_client#one": (
        "You have sent {limit} suggestions in the last hour: please wait a minute before "
        "sending another. What you typed stays here."
    ),
    "contribute.quota_client#other": (
        "You have sent {limit} suggestions in the last hour: please wait about {n} minutes "
        "before sending another. What you typed stays here."
    ),
    "contribute.refused": "This form could not be sent.",
    "contribute.status_heading": "Suggestion {ref}",
    "contribute.status.kind": "Kind",
    "contribute.status.target": "About",
    "contribute.status.status": "Status",
    "contribute.status.created": "Sent",
    "contribute.status.updated": "Last changed",
    "contribute.status_not_found": "No suggestion has the reference {ref}.",
    "contribute.status_unavailable": (
        "The status cannot be read right now: the database cannot be reached."
    ),
    "contribute.lookup_label": "Look up a suggestion by its reference",
    "contribute.lookup_placeholder": "S-000123",
    "status.pending": "Waiting for review",
    "status.approved": "Approved",
    "status.rejected": "Not taken",
    "status.merged": "In the atlas",
    "status.withdrawn": "Withdrawn",
    "detail.suggest": "Suggest a correction",
    "field.name": "Name",
    "field.name_he": "Name in Hebrew",
    "field.roles": "Roles",
    "field.org_type": "Type",
    "field.domains": "Domains",
    "field.scope": "Scope",
    "field.city": "City",
    "field.region": "Region, state or province",
    "field.country_code": "Country",
    "field.latitude": "Latitude",
    "field.longitude": "Longitude",
    "field.year_started": "Year its Collective Impact work started",
    "field.year_ended": "Year it ended",
    "field.network": "Networks it belongs to",
    "field.website": "Website",
    "field.description": "Description",
    "field.source_id": "First organisation",
    "field.target_id": "Second organisation",
    "field.relation": "Relation",
    "field.since": "Since (year)",
    "field.until": "Until (year)",
    "field.source": "Source: a web page that supports it",
    "field.reason": "Why should it be removed?",
    "field.note": "A note for the reviewers",
    "field.contact_name": "Your name",
    "field.contact_email": "Your email",
    "field.kind": "Kind",
    "field.target": "What it is about",
    "field.values": "The values",
    "field.lang": "Language",
    "field.contact": "Contact",
    "suggest.problem.not_text": "must be text",
    "suggest.problem.one_value": "takes one value, not a list",
    "suggest.problem.unknown_member": "is not something this request takes; expected {expected}",
    "suggest.problem.target_type": (
        "must be an organisation id, or a link's source_id, target_id and relation"
    ),
    "suggest.problem.not_object": "the body must be a JSON object",
    "suggest.problem.values": "must be an object of fields and their values",
    "suggest.problem.kind": "is not a kind of suggestion; expected one of {expected}",
    "suggest.problem.source_required": "give a web page that supports the suggestion",
    "suggest.problem.source": "must be one http(s) web address",
    "suggest.problem.lang": "is not a language of the atlas; expected one of {expected}",
    "suggest.problem.no_target": "a new organisation or link is not about an existing one",
    "suggest.problem.removal_values": "a removal changes no field: say why in the reason",
    "suggest.problem.reason_required": "say why it should be removed",
    "suggest.problem.no_change": "changes nothing: every value is as it is today",
    "suggest.problem.unknown_field": "is not a field this suggestion can set; expected {expected}",
    "suggest.problem.no_values": "no value is given",
    "suggest.problem.target_required": "name the organisation or the link it is about",
    "suggest.problem.unknown_link": "is not a link in the atlas",
    "suggest.problem.link_exists": "these two organisations are already linked this way",
    "suggest.duplicate.website": "the same website ({host})",
    "suggest.duplicate.name": "a similar name in the same country",
    "validate.problem.too_long#one": "is {length:,} characters long; the limit is one",
    "validate.problem.too_long#other": "is {length:,} characters long; the limit is {n:,}",
    "validate.problem.email": "is not an email address",
    "validate.problem.control": "holds a character that cannot be stored ({code})",
    "api.problem.not_json": "The body must be a JSON object, sent as application/json.",
    "api.problem.too_large": "The body is larger than {limit:,} bytes.",
    "api.problem.invalid#one": "The suggestion has a problem: see errors.",
    "api.problem.invalid#other": "The suggestion has {n} problems: see errors.",
    "api.problem.quota_client#one": (
        "This client has sent {limit} suggestions in the last hour: try again in a minute."
    ),
    "api.problem.quota_client#other": (
        "This client has sent {limit} suggestions in the last hour: try again in {n} minutes."
    ),
    "api.problem.quota_global": (
        "Suggestions are paused: the atlas has taken its {limit} suggestions of the last "
        "24 hours. Try again later."
    ),
    "api.problem.suggestions_unavailable": (
        "Suggestions are paused: the database cannot be reached. Nothing was kept; try again later."
    ),
    "api.problem.off": "This server takes no suggestions.",
    "api.problem.not_found": "No suggestion has the reference {ref}.",
    # Moderation (issue #21) -------------------------------------------------------------
    "moderate.action.approve": "approved",
    "moderate.action.reject": "rejected",
    "moderate.action.merge": "merged",
    "moderate.error.already_decided": (
        "{ref} was already {action} by {moderator} at {at}: nothing was changed."
    ),
    "moderate.error.not_moderator": "{who} is not on the moderators' list: nothing was changed.",
    "moderate.error.unknown": "No suggestion has the reference {ref}.",
    "moderate.error.not_pending": (
        "{ref} is {status}, not waiting for a decision: nothing was changed."
    ),
    "moderate.error.invalid": (
        'The decision cannot be applied: {field} "{value}" {reason} ({n} problem(s) in all). '
        "Nothing was changed."
    ),
    "moderate.error.identity": (
        '"{value}" is neither an email address nor an OpenID Connect subject (sub:...).'
    ),
    "moderate.error.name": "A moderator's name must be plain text of at most 200 characters.",
    "moderate.error.action": '"{value}" is not a decision; expected approve, reject or merge.',
    "moderate.error.reason_required": (
        "A rejection needs a reason: the submitter and the history show it."
    ),
    "moderate.error.incomplete": (
        "A release needs every organisation's {fields}, and {org} would have none: "
        "approve with them filled in (the edits on the Review page; --set FIELD=VALUE "
        "on the command line). Nothing was changed."
    ),
    "moderate.problem.release_required": "is required in a release: fill it in before approving",
    "moderate.error.merge_kind": "Only a new organisation can be merged into an existing one.",
    "admin.error.set": '--set takes FIELD=VALUE, not "{value}".',
    # The Review page (issue #21: mapping/ui/review.py) -----------------------------------
    "page.review": "Review",
    "review.heading": "Review suggestions",
    "review.intro": (
        "Moderators review the suggestions visitors send: each is approved (perhaps after "
        "editing a value), rejected with a reason, or merged into an organisation already "
        "in the atlas. Sign in to review; visitors never need to."
    ),
    "review.sign_in": "Sign in",
    "review.sign_out": "Sign out",
    "review.no_signin": (
        "Sign-in is not configured on this server. Moderators decide from the command "
        "line: python -m mapping.admin queue, show, approve, reject, merge."
    ),
    "review.signed_in_as": "Signed in as {who}",
    "review.not_moderator": (
        "You are signed in as {who}, who is not on the moderators' list: there is nothing "
        "to review here. An operator adds moderators with python -m mapping.admin "
        "moderators add."
    ),
    "review.unavailable": (
        "The suggestions database does not answer now: nothing can be reviewed or decided. "
        "The atlas stays readable; try again in a moment."
    ),
    "review.filter.kind": "Kind",
    "review.filter.country": "Country",
    "review.filter.all": "All",
    "review.count": "{n:,} of {total:,} pending suggestions, oldest first",
    "review.empty": "No pending suggestion matches.",
    "review.sent": "Sent {at} (UTC)",
    "review.source": "Source:",
    "review.reason": "Reason given:",
    "review.note": "Note to moderators:",
    "review.removal": "Removes {org} and its links from the atlas.",
    "review.column.field": "Field",
    "review.column.today": "Today",
    "review.column.proposed": "Proposed",
    "review.duplicate": "Likely duplicate: {name} ({org}): {why}",
    "review.verdict.ok": "The validator finds no problem: it can be approved as it is.",
    "review.verdict.problems": "It cannot be approved as it is:",
    "review.action": "Decision",
    "review.action.approve": "Approve",
    "review.action.reject": "Reject",
    "review.action.merge": "Merge into an existing organisation",
    "review.edit": "Edit values before approving",
    "review.merge_into": "Merge into (organisation id)",
    "review.merge_help": (
        "The id of the organisation already in the atlas: its blank fields are filled, "
        "none is overwritten."
    ),
    "review.reason_label": "Reason (required to reject; kept in the history)",
    "review.decide": "Decide",
    "review.done.approve": "{ref} approved: {changes} change(s) in the live atlas.",
    "review.done.reject": "{ref} rejected; the reason is kept in the history.",
    "review.done.merge": "{ref} merged: {changes} change(s) in the live atlas.",
    # History and the live edition (issue #21) ------------------------------------------
    "history.heading": "History",
    "history.empty": "No change since the release: every value is as published.",
    "history.unavailable": "The history cannot be read now (the database does not answer).",
    "history.moderator": "a moderator",
    "history.action.add": "added",
    "history.action.set": "changed",
    "history.action.remove": "removed",
    "history.action.reject": "suggestion not taken",
    "history.column.when": "When (UTC)",
    "history.column.who": "Decided by",
    "history.column.what": "What",
    "history.column.field": "Field",
    "history.column.old": "Before",
    "history.column.new": "After",
    "history.column.reason": "Reason",
    "history.column.source": "Source",
    "history.removed": ("{name} ({org}) was removed from the atlas on {date}. Reason: {reason}"),
    "release.error.nothing": "Nothing to release: no approval since {version}.",
    "release.error.version": "{version} is not a new version (X.Y.Z, other than today's).",
    "release.error.invalid": "The release does not validate, so nothing was written: {reason}",
    # --- Embeds (mapping/embed.py, mapping/ui/embed.py) ---
    "embed.action": "Embed",
    "embed.help": "Put this view on another website: it opens without the sidebar, read-only.",
    "embed.intro": (
        "Paste this code into a web page. It shows the view as it is now (filters, language "
        "and, on the map, where you have zoomed), without the sidebar, with a link back here."
    ),
    "embed.width": "Width (px)",
    "embed.height": "Height (px)",
    "embed.code": "Embed code",
    "embed.copy": "Copy code",
    "embed.copied": "Code copied.",
    "embed.open": "Open in the atlas",
    "embed.title": "{app} — {page}: {view}",
    "embed.oembed": "Sites that read oEmbed (WordPress, Notion) can embed the page's link itself.",
    # --- The HTTP API (mapping/api): its documentation and its problems ---
    "api.title": "Collective Impact Atlas API",
    "api.summary": (
        "The atlas's organisations, the links between them, the named networks and the numbers "
        "behind its charts, as JSON, CSV and GeoJSON."
    ),
    "api.description": (
        "Every view of the atlas is also data: the filters of the page URLs (role, country, "
        "domain, region, type, scope, q, year, asof, linked, network) have the same names and "
        "meanings here, so a page's link and its API call select the same rows. Answers carry "
        "the data's version, licence (CC BY 4.0) and citation."
    ),
    "api.docs": "The API's documentation",
    "api.docs.intro": (
        "Read only, no key needed, from any website (CORS). Every view of the atlas is also "
        "data: copy a page's query string after an API address and it selects the same rows."
    ),
    "api.docs.openapi": "The OpenAPI 3.1 description",
    "api.docs.cite": "The data is free to use with credit. Cite it as:",
    "api.docs.licence": "Licence of the data",
    "api.docs.contents": "Contents",
    "api.docs.heading.start": "Quick start",
    "api.docs.heading.filters": "Filters",
    "api.docs.heading.resources": "Resources",
    "api.docs.heading.errors": "Errors",
    "api.docs.heading.caching": "Caching, versions and citation",
    "api.docs.heading.embeds": "Embedding a view",
    "api.docs.heading.fields": "An organisation's fields",
    "api.docs.filters_intro": (
        "Every list takes the filters of the atlas's page URLs. Several values of one filter "
        "are comma-separated and mean any of them; different filters must all hold. A page's "
        "other parameters (lang, zoom, lat, lon, org...) may stay: they are ignored, except "
        "lang (the language of the answer's sentences) and by (the growth chart's grouping)."
    ),
    "api.docs.country_codes": "ISO 3166-1 alpha-2 codes (US, CA, AU, IL, GB...)",
    "api.docs.column.parameter": "Parameter",
    "api.docs.column.meaning": "Meaning",
    "api.docs.column.values": "Values",
    "api.docs.column.example": "Example",
    "api.docs.column.default": "Default",
    "api.docs.column.field": "Field",
    "api.docs.column.status": "Status",
    "api.docs.formats": "Formats (format= or the Accept header)",
    "api.docs.try": "Try it",
    "api.docs.with_filters": "Every filter above.",
    "api.docs.errors": (
        "An error is a problem-details object (RFC 9457, application/problem+json): its "
        "detail says what went wrong, and for a bad parameter its errors list names each "
        "parameter, the value and the reason."
    ),
    "api.docs.error.bad-parameter": (
        "A parameter cannot be used: an unknown name, a value a filter does not take, a "
        "malformed year, a cursor from another sort."
    ),
    "api.docs.error.gone": (
        "The organisation was removed from the atlas: the answer says when, why, which "
        "moderator decided and on which suggestion, and links to its page in the atlas, "
        "which says the same (its id is never given to another)."
    ),
    "api.docs.error.not-found": "No organisation has that id, or no resource has that address.",
    "api.docs.error.method": "The API only reads: GET (and HEAD) only.",
    "api.docs.error.unavailable": "The data cannot be read at the moment; try again later.",
    "api.docs.caching": (
        "Answers say which data they come from: an ETag and a Last-Modified date from the data's "
        "version (send If-None-Match or If-Modified-Since and an unchanged answer is a short "
        "304), Cache-Control (60 s), and the headers Atlas-Edition (the live edition: the "
        "release and the changes approved since it, e.g. 2.1.0+17), Atlas-Data-Version (the "
        "release), Atlas-Licence and Atlas-Citation; JSON answers also hold a dataset member "
        "with the same. Any website "
        "may read the API (CORS). Larger answers are compressed with gzip when the client "
        "accepts it."
    ),
    "api.docs.embeds": (
        "The Map, Charts and Network pages have an Embed action: it gives an iframe of the "
        "current view, which opens without the sidebar, read-only, with a link to open it in "
        "the atlas. Sites that read oEmbed (WordPress, Notion) can ask /api/v1/oembed with a "
        "page's link. Which sites may embed the atlas is set by ATLAS_EMBED_ORIGINS (any by "
        "default)."
    ),
    "api.tag.organisations": "The organisations a view selects, and one organisation.",
    "api.tag.links": "The links among a view's organisations.",
    "api.tag.networks": "The named networks and their members in a view.",
    "api.tag.stats": "The numbers behind the charts.",
    "api.tag.embeds": "Embedding a view in another site.",
    "api.tag.about": "This API: its index, description and documentation.",
    "api.op.listOrganisations.summary": "The organisations a view's filters select.",
    "api.op.listOrganisations.description": (
        "JSON, a page at a time (limit, cursor; the next page's address is in next); CSV and "
        "GeoJSON hold every matching row, streamed. The CSV is the Data page's CSV download: "
        "UTF-8 with a byte-order mark, multi-valued fields joined with ';', cells a "
        "spreadsheet would read as a formula prefixed with an apostrophe."
    ),
    "api.op.getOrganisation.summary": "One organisation and its links.",
    "api.op.getOrganisation.description": (
        "Every field, every link either way (with the other organisation's name), and the "
        "atlas's page that opens it; also as JSON-LD (schema.org Organization)."
    ),
    "api.op.listLinks.summary": "The links among a view's organisations.",
    "api.op.listLinks.description": (
        "A link is in a view when both its organisations are (under linked, the organisation "
        "named counts as in the view: its link to each one is why that one is listed) and, in "
        "an as-of view, when it is in force that year. The CSV is the Data page's links "
        "download."
    ),
    "api.op.listNetworks.summary": "The named networks, with their members in a view.",
    "api.op.listNetworks.description": (
        "A network's id is the id of the organisation that runs it: the value of the network "
        "filter. members counts its members among the view's organisations."
    ),
    "api.op.getStats.summary": "The numbers behind the Charts page's charts of a view.",
    "api.op.getStats.description": (
        "Organisations by world region, roles and domains by region, organisations active "
        "each year (by region or role; every year, the as-of year marked) and the top "
        "countries, with codes and labels."
    ),
    "api.op.getOembed.summary": "oEmbed for a Map, Charts or Network view.",
    "api.op.getOembed.description": (
        "Give a page's address as url: the answer (type rich) holds the same iframe as the "
        "page's Embed action. Another site's address, or a page that cannot be embedded, "
        "is a 404."
    ),
    "api.op.getIndex.summary": "Where the API starts.",
    "api.op.getIndex.description": "Its resources, its description, its documentation, the data.",
    "api.op.getOpenapi.summary": "The OpenAPI 3.1 description of this API.",
    "api.op.getOpenapi.description": "Generated from the API's own declarations.",
    "api.op.getDocs.summary": "This documentation.",
    "api.op.getDocs.description": "In English or Hebrew (lang=he).",
    "api.param.q": "Words to find in names (English or Hebrew), descriptions and cities; any case.",
    "api.param.role": "Organisations holding any of these roles.",
    "api.param.country": "Organisations in any of these countries (ISO 3166-1 alpha-2 codes).",
    "api.param.region": "Organisations in any of these world regions.",
    "api.param.domain": "Organisations working in any of these domains.",
    "api.param.type": "Organisations of any of these types.",
    "api.param.scope": "Organisations whose work reaches this far (any of these scopes).",
    "api.param.year": (
        "The year its Collective Impact work started: 2010-2015, 2010- (from), -2015 (until) or "
        "2013. Organisations without a start year are left out."
    ),
    "api.param.asof": (
        "Active in that year: started by then and not ended before. Organisations without a "
        "start year are left out; a link counts unless its since is later or its until earlier."
    ),
    "api.param.network": (
        "The id of the organisation that runs a named network: its members and itself."
    ),
    "api.param.linked": "An organisation's id: it and every organisation directly linked to it.",
    "api.param.format": "The format of the answer (otherwise the Accept header chooses).",
    "api.param.limit": "How many rows a JSON page holds.",
    "api.param.cursor": "Where the previous page ended (take it from its next address).",
    "api.param.sort": (
        "Columns to sort by, comma-separated; '-' before one sorts it descending. Blanks "
        "come last; ties keep the file's order."
    ),
    "api.param.fields": "The fields each row holds, comma-separated, in that order.",
    "api.param.lang": "The language of the answer's sentences (en or he).",
    "api.param.by": "The growth chart's grouping: by world region or by role.",
    "api.param.url": "The address of a Map, Charts or Network view of this atlas.",
    "api.param.maxwidth": "The widest the embed may be, in pixels.",
    "api.param.maxheight": "The tallest the embed may be, in pixels.",
    "api.param.oembed_format": "json (oEmbed's xml is answered with 501 Not Implemented).",
    "api.param.id": "The organisation's id (as in the id field).",
    "api.field.world_region": "The world region the charts count it in (from its country).",
    "api.field.location_precision": (
        "How precisely it is placed: given coordinates, or its city's, region's or country's."
    ),
    "api.field.source_name": "The name of the organisation the link reads from.",
    "api.field.history": (
        "Its history, oldest first: every change an approval made to it (field, before, "
        "after, source, suggestion) and every suggestion about it not taken, with the reason, "
        "as data/changes.csv publishes the log (moderators by name, never by email). null "
        "when the database does not answer."
    ),
    "api.header.ETag": "The answer's version: it changes when the data or its history does.",
    "api.header.Last-Modified": (
        "When the data or its history last changed (a release, an approval)."
    ),
    "api.header.Atlas-Data-Version": "The release the data starts from, and its date.",
    "api.header.Atlas-Edition": (
        "The live edition: the release's version and the number of approved changes since it "
        "(2.1.0+17). Cite it with the date."
    ),
    "api.header.Atlas-Data-Revision": "An identifier of the data and its history as served now.",
    "api.header.Atlas-Licence": "The data's licence.",
    "api.header.Atlas-Citation": "How to cite the data (percent-encoded where not ASCII).",
    "api.field.target_name": "The name of the organisation the link reads to.",
    "api.response.304": "Not modified: the copy you have is still the current one.",
    "api.response.400": "A parameter cannot be used (each is named, with its value).",
    "api.response.410": (
        "Gone: the organisation was removed from the atlas (when, why and by which "
        "moderator are named)."
    ),
    "api.response.404": "Not found (the id or the address is named).",
    "api.response.501": "Not implemented: oEmbed answers in JSON only.",
    "api.response.503": "The data cannot be read at the moment.",
    "api.problem.unknown_parameter": "{key} is not a parameter here.",
    "api.problem.unknown_value": "{key}: '{value}' is not one of its values.",
    "api.problem.bad_year_range": (
        "{key}: '{value}' is not a year range (e.g. 2010-2015, 2010-, -2015 or 2013)."
    ),
    "api.problem.bad_year": "{key}: '{value}' is not a year from {first} to {last}.",
    "api.problem.bad_id": (
        "{key}: '{value}' is not an organisation id: an id is words of lowercase letters a-z "
        "and digits 0-9 joined by single hyphens, at most {length} characters."
    ),
    "api.problem.unknown_linked": "{key}: no organisation has the id '{value}'.",
    "api.problem.unknown_network": (
        "{key}: '{value}' is not the id of an organisation that runs a named network."
    ),
    "api.problem.format": "format: '{value}' is not one of {formats}.",
    "api.problem.limit": "limit: '{value}' is not a whole number from {first} to {last}.",
    "api.problem.size": "'{value}' is not a whole number of pixels from {first} to {last}.",
    "api.problem.cursor": (
        "cursor: '{value}' is not a cursor of this API (take it from a page's next address)."
    ),
    "api.problem.cursor_sort": (
        "cursor: it continues a list sorted by '{sort}'; ask with the same sort, or start again."
    ),
    "api.problem.sort": "sort: '{value}' is not a column to sort by ({columns}).",
    "api.problem.sort_repeated": "sort: '{value}' names a column twice.",
    "api.problem.field": "fields: '{value}' is not a field ({columns}).",
    "api.problem.no_fields": "fields: '{value}' names no field.",
    "api.problem.lang": "lang: '{value}' is not one of {languages}.",
    "api.problem.choice": "{key}: '{value}' is not one of {choices}.",
    "api.problem.required": "{key} is required.",
    "api.problem.gone": "{name} ({value}) was removed from the atlas on {date}. Reason: {reason}",
    "api.problem.not_found.organisation": "No organisation has the id '{value}'.",
    "api.problem.not_found.path": "No resource of the API has the address '{value}'.",
    "api.problem.method": "The API only reads: {method} is not allowed here.",
    "api.problem.oembed_xml": "This oEmbed provider answers in JSON only.",
    "api.problem.oembed_url": (
        "'{value}' is not the address of a Map, Charts or Network view of this atlas."
    ),
    "api.problem.unavailable": "The data cannot be read: {reason}",
}
