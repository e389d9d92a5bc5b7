"""Contribute: suggest a new organisation, a new link, a correction or a removal."""

from mapping.ui import contribute

contribute.contribute_page()
