"""Serving the review page on this machine until "Done" or Ctrl-C."""

from __future__ import annotations

import ipaddress
import logging

from flask import Flask
from werkzeug.serving import BaseWSGIServer, WSGIRequestHandler, make_server


def is_loopback(host: str) -> bool:
    """Return whether host names this machine only (127.0.0.0/8, ::1, localhost)."""
    if host.casefold() == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a host name: it may resolve to anything


class _QuietHandler(WSGIRequestHandler):
    """Logs nothing: request lines would print the token of the first request."""

    def log_request(self, code: int | str = "-", size: int | str = "-") -> None:
        pass


class ReviewServer:
    """The page's HTTP server, bound before it serves so the URL can be printed first."""

    def __init__(self, app: Flask, host: str = "127.0.0.1", port: int = 0) -> None:
        logging.getLogger("werkzeug").setLevel(logging.ERROR)
        self._server: BaseWSGIServer = make_server(
            host.strip("[]"), port, app, threaded=True, request_handler=_QuietHandler
        )
        self.host = host
        self.port = int(self._server.server_port)

    def url(self, token: str) -> str:
        """Return the address that opens the page (with the token it needs)."""
        host = f"[{self.host.strip('[]')}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/?token={token}"

    def serve(self) -> None:
        """Serve until stop() is called (from another thread)."""
        try:
            self._server.serve_forever()
        finally:
            self._server.server_close()

    def stop(self) -> None:
        """Stop serving; serve() returns."""
        self._server.shutdown()
