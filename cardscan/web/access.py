"""Who may use the review page: the holder of the printed link, from a page the server sent.

The link's token is swapped for a cookie on first use (and dropped from the address bar);
every request must then carry the cookie, and every POST the page's CSRF token as well.
"""

from __future__ import annotations

import hmac
import secrets
from dataclasses import dataclass, field

from flask import Flask, Response, abort, redirect, request
from werkzeug.wrappers import Response as BaseResponse

COOKIE = "cardscan_review"


def new_token() -> str:
    """Return a random token that cannot be guessed."""
    return secrets.token_urlsafe(32)


@dataclass(frozen=True)
class Keys:
    """The two secrets of one run of the server."""

    token: str = field(default_factory=new_token)
    csrf: str = field(default_factory=new_token)


def guard(app: Flask, keys: Keys) -> None:
    """Make every request of app check the token, and every POST the CSRF token."""

    @app.before_request
    def _check() -> BaseResponse | None:
        given = request.args.get("token")
        if given is not None:
            if not _same(given, keys.token):
                abort(403)
            # the address bar, history and any referrer keep no token
            response = redirect(request.path, code=303)
            response.set_cookie(
                cookie_name(), keys.token, httponly=True, samesite="Strict", path="/"
            )
            return response
        if not _same(request.cookies.get(cookie_name(), ""), keys.token):
            abort(403)
        writes = request.method not in ("GET", "HEAD")
        if writes and not _same(request.form.get("csrf", ""), keys.csrf):
            abort(403)
        return None

    @app.after_request
    def _headers(response: Response) -> Response:
        response.headers["Content-Security-Policy"] = (
            "default-src 'none'; img-src 'self'; style-src 'self'; script-src 'self'; "
            "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
        )
        response.headers["X-Content-Type-Options"] = "nosniff"
        response.headers["Referrer-Policy"] = "no-referrer"
        response.headers["Cache-Control"] = "no-store"
        return response


def cookie_name() -> str:
    """Return the cookie's name: one per port, so two review pages at once keep theirs."""
    return f"{COOKIE}_{request.environ.get('SERVER_PORT', '0')}"


def _same(given: str, expected: str) -> bool:
    return hmac.compare_digest(given.encode(), expected.encode())
