"""Message catalogues, one module per language (``en``, ``he``); see ``mapping.i18n``."""
