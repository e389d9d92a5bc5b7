"""An organisation's History (from the change log) and the notice of a removed one."""

from __future__ import annotations

from collections.abc import Sequence

import pandas as pd
import streamlit as st

from mapping import dataset
from mapping.edition import Removal
from mapping.i18n import Message
from mapping.safety import escape_markdown
from mapping.ui.language import _, shown

HISTORY_COLUMNS = ("when", "who", "what", "field", "old", "new", "reason", "source")


def history_table(rows: Sequence[dict]) -> pd.DataFrame:
    """The rows as the History table shows them, in the page's language (every value as text)."""
    table = [
        {
            "when": row["changed_at"].strftime("%Y-%m-%d %H:%M"),
            "who": row["moderator_name"] or shown(Message("history.moderator")),
            "what": shown(Message(f"history.action.{row['action']}")),
            "field": row["field"] or "",
            "old": "" if isinstance(row["old"], dict) else str(row["old"] or ""),
            "new": str(row["new"] or ""),
            "reason": row["reason"] or "",
            "source": row["source_url"] or "",
        }
        for row in rows
    ]
    frame = pd.DataFrame(table, columns=list(HISTORY_COLUMNS)).astype(str)
    return frame.rename(columns={c: _(f"history.column.{c}") for c in HISTORY_COLUMNS})


def show_history(org: str) -> None:
    """The History of one organisation: every decision about it since the log began."""
    # The live dataset's own history: read once per version, shared with the API.
    rows = dataset.history(org)
    with st.expander(_("history.heading"), icon=":material/history:"):
        if rows is None:
            st.caption(_("history.unavailable"))
        elif not rows:
            st.caption(_("history.empty"))
        else:
            # st.dataframe shows cells as text, never as Markdown or HTML.
            st.dataframe(history_table(rows), hide_index=True, width="stretch")


def removed_notice(removal: Removal) -> None:
    """What a permalink to a removed organisation says: removed, when and why."""
    message = Message(
        "history.removed",
        name=removal.name,
        org=removal.id,
        date=removal.at.strftime("%Y-%m-%d"),
        reason=removal.reason or "-",
    )
    st.warning(escape_markdown(shown(message)), icon=":material/delete_history:")
