"""Review: moderators decide pending suggestions (signed in with OpenID Connect)."""

from mapping.ui import review

review.review_page()
