"""About: what Collective Impact is, where this atlas comes from, and every definition."""

import streamlit as st

from mapping import about, ui

frame = ui.page_frame("about")
st.title(ui._("about.heading"))
st.markdown(about.introduction(frame.lang))
st.header(ui._("about.definitions"))
for heading, definitions in about.definition_tables(frame.lang):
    st.markdown(f"**{heading}**")
    st.table(definitions)
st.header(ui._("about.dataset"))
st.markdown(
    about.dataset_summary(frame.all, ui.metadata(), frame.lang, edition=frame.dataset.edition)
)
st.header(ui._("about.cite"))
st.code(ui.metadata()["citation"], language=None)
st.markdown(about.corrections(frame.lang))
