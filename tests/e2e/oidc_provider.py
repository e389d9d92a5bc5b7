"""A local OpenID Connect provider for the browser tests (no internet): ``python -m
tests.e2e.oidc_provider PORT``, stopped by its pid.

Just enough of OpenID Connect Core for Streamlit's ``st.login`` (Authlib's client):
discovery, the authorization endpoint (authorization code flow; it signs in whoever
``POST /_as`` named last, with no page of its own), the token endpoint
(``client_secret_basic`` or ``_post``) issuing an RS256 id token with the request's
nonce, and the JWKS. Codes are single-use. The key pair is made at start.
"""

from __future__ import annotations

import base64
import json
import secrets
import sys
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, urlencode, urlsplit

from authlib.jose import JsonWebKey, jwt

CLIENT_ID = "atlas"
CLIENT_SECRET = "atlas-test-secret"


def auth_secrets(redirect_uri: str, cookie_secret: str, provider_url: str) -> str:
    """The ``[auth]`` section of an app's secrets.toml that signs in with this provider."""
    return (
        "[auth]\n"
        f'redirect_uri = "{redirect_uri}"\n'
        f'cookie_secret = "{cookie_secret}"\n'
        f'client_id = "{CLIENT_ID}"\n'
        f'client_secret = "{CLIENT_SECRET}"\n'
        f'server_metadata_url = "{provider_url}/.well-known/openid-configuration"\n'
    )


class Provider:
    def __init__(self, issuer: str) -> None:
        self.issuer = issuer
        self.key = JsonWebKey.generate_key("RSA", 2048, is_private=True, options={"kid": "k1"})
        self.user: dict = {}
        self.codes: dict[str, dict] = {}

    def metadata(self) -> dict:
        return {
            "issuer": self.issuer,
            "authorization_endpoint": self.issuer + "/authorize",
            "token_endpoint": self.issuer + "/token",
            "jwks_uri": self.issuer + "/jwks",
            "response_types_supported": ["code"],
            "subject_types_supported": ["public"],
            "id_token_signing_alg_values_supported": ["RS256"],
            "token_endpoint_auth_methods_supported": ["client_secret_basic", "client_secret_post"],
            "scopes_supported": ["openid", "profile", "email"],
        }

    def id_token(self, grant: dict) -> str:
        now = int(time.time())
        claims = {
            "iss": self.issuer,
            "aud": CLIENT_ID,
            "iat": now,
            "exp": now + 600,
            "nonce": grant["nonce"],
            **grant["user"],
        }
        return jwt.encode({"alg": "RS256", "kid": "k1"}, claims, self.key).decode()


class Handler(BaseHTTPRequestHandler):
    provider: Provider

    def log_message(self, *args) -> None:  # quiet: the test's log is the app's
        return

    def _json(self, body: dict, status: int = 200) -> None:
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self) -> None:
        url = urlsplit(self.path)
        query = {k: v[0] for k, v in parse_qs(url.query).items()}
        if url.path == "/.well-known/openid-configuration":
            return self._json(self.provider.metadata())
        if url.path == "/jwks":
            return self._json({"keys": [self.provider.key.as_dict(is_private=False)]})
        if url.path == "/authorize":
            if query.get("client_id") != CLIENT_ID or not self.provider.user:
                return self._json({"error": "unauthorized_client"}, 400)
            code = secrets.token_urlsafe(16)
            self.provider.codes[code] = {
                "user": dict(self.provider.user),
                "nonce": query.get("nonce", ""),
                "redirect_uri": query["redirect_uri"],
            }
            target = (
                query["redirect_uri"] + "?" + urlencode({"code": code, "state": query["state"]})
            )
            self.send_response(302)
            self.send_header("Location", target)
            self.end_headers()
            return None
        return self._json({"error": "not_found"}, 404)

    def do_POST(self) -> None:
        url = urlsplit(self.path)
        length = int(self.headers.get("Content-Length", 0))
        form = {k: v[0] for k, v in parse_qs(self.rfile.read(length).decode()).items()}
        if url.path == "/_as":  # the test chooses who signs in next
            self.provider.user = json.loads(form["user"])
            return self._json({"ok": True})
        if url.path == "/token":
            client_id, client_secret = form.get("client_id"), form.get("client_secret")
            header = self.headers.get("Authorization", "")
            if header.startswith("Basic "):
                client_id, _, client_secret = base64.b64decode(header[6:]).decode().partition(":")
            if (client_id, client_secret) != (CLIENT_ID, CLIENT_SECRET):
                return self._json({"error": "invalid_client"}, 401)
            grant = self.provider.codes.pop(form.get("code", ""), None)
            if grant is None or grant["redirect_uri"] != form.get("redirect_uri"):
                return self._json({"error": "invalid_grant"}, 400)
            return self._json(
                {
                    "access_token": secrets.token_urlsafe(16),
                    "token_type": "Bearer",
                    "expires_in": 600,
                    "id_token": self.provider.id_token(grant),
                }
            )
        return self._json({"error": "not_found"}, 404)


def main(port: int) -> None:
    Handler.provider = Provider(f"http://127.0.0.1:{port}")
    ThreadingHTTPServer(("127.0.0.1", port), Handler).serve_forever()


if __name__ == "__main__":
    main(int(sys.argv[1]))
