"""Map: the world map of the organisations the sidebar filters select (the home page)."""

from mapping import ui

frame = ui.page_frame("map")
ui.page_heading(frame, "map", ui._("app.title"))
ui.skip_map_link()
ui.show_map(frame, sync_url=True, years=ui.home_timeline(frame))
ui.map_footer()
