"""Present: full-width scenes for a conference screen, clicked through with Next / Previous."""

from mapping import ui

ui.setup_page("present", sidebar="collapsed")
dataset = ui.dataset_or_stop()
deck = ui.scenes_or_stop()
index = ui.current_scene(deck)
ui.scene_controls(deck, index)
ui.show_scene(dataset, deck[index])
