"""Network: who is linked to whom among the organisations the sidebar filters select."""

from mapping import ui
from mapping.ui import network_page

frame = ui.page_frame("network")
ui.page_heading(frame, "network", ui._("network.heading"))
network_page.show_network_coverage(frame)
partners = network_page.partners_option()
view = network_page.graph_view(frame, partners)
network_page.show_graph(frame, view, partners)
if not view.organisations.empty and not ui.embedded():
    network_page.show_metrics(frame, network_page.summary(frame, view, partners))
    network_page.show_downloads(frame, view, partners)
network_page.show_coverage(frame)
