"""About: what Collective Impact is, where this atlas comes from, and every definition."""

import streamlit as st

from mapping import about, ui

frame = ui.page_frame("About", "ℹ️")
st.title("About the Collective Impact Atlas")
st.markdown(about.INTRODUCTION)
st.subheader("Definitions")
for heading, definitions in about.definition_tables():
    st.markdown(f"**{heading}**")
    st.table(definitions)
st.subheader("The dataset")
st.markdown(about.dataset_summary(frame.all, ui.metadata()))
st.subheader("How to cite")
st.code(ui.metadata()["citation"], language=None)
st.markdown(about.CORRECTIONS)
