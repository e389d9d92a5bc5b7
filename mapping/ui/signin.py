"""Who is signed in (``st.user``, OpenID Connect through ``st.login``) and whether they moderate.

Sign-in exists for moderators only; visitors never need it. It is configured in
``.streamlit/secrets.toml`` under ``[auth]`` (README, "Moderating and publishing");
without that section the app runs as before, nobody can sign in, and moderators
use ``python -m mapping.admin``.

Whether someone moderates is the atlas's own list (``mapping.store.moderation``),
asked here only to decide what the navigation shows. It is never a permission:
every decision asks the list again inside its own transaction
(``moderation.decide``), with the identities ``st.user`` holds at that moment.
"""

from __future__ import annotations

import logging

import streamlit as st

from mapping import store
from mapping.store import moderation

log = logging.getLogger(__name__)

__all__ = [
    "display_name",
    "identities",
    "is_moderator",
    "moderator",
    "signed_in",
    "signin_configured",
]


def signin_configured() -> bool:
    """Whether this server can sign anyone in: an ``[auth]`` section and Authlib."""
    try:
        if not st.secrets.load_if_toml_exists() or "auth" not in st.secrets:
            return False
    except (OSError, ValueError) as error:  # an unreadable or malformed secrets.toml
        log.warning("sign-in is off: the secrets file cannot be read (%s)", error)
        return False
    from streamlit.auth_util import is_authlib_installed

    return is_authlib_installed()


def signed_in() -> bool:
    """Whether the session holds a signed-in user (``st.user.is_logged_in``)."""
    return st.user.to_dict().get("is_logged_in") is True


def identities() -> list[str]:
    """The signed-in user's identities as the moderators' list holds them, read from
    ``st.user`` now: ``sub:<subject>`` and the email, unless the provider says the
    email is not verified (anyone could claim an unverified address). ``[]`` if signed out.
    """
    user = st.user.to_dict()
    if user.get("is_logged_in") is not True:
        return []
    found = []
    if user.get("sub"):
        found.append(moderation.SUBJECT_PREFIX + str(user["sub"]))
    if user.get("email") and user.get("email_verified", True) is not False:
        found.append(str(user["email"]))
    return found


def display_name() -> str:
    """How the page names the signed-in user: their email, else their name, else subject."""
    user = st.user.to_dict()
    return str(user.get("email") or user.get("name") or user.get("sub") or "")


def moderator() -> dict | None:
    """The signed-in user's entry on the moderators' list, or None (signed out, not on
    it, or the database does not answer). One query, only for a signed-in session."""
    who = identities()
    if not who:
        return None
    try:
        return moderation.find_moderator(who)
    except store.UnavailableError as error:
        log.warning("the moderators' list cannot be read: the database is %s", error)
        return None


def is_moderator() -> bool:
    """Whether to show moderation in the navigation (never a permission: see the module)."""
    return moderator() is not None
