"""`cardscan review`: a local web page to check cards, each card's image beside its fields."""

from .app import ReviewConfig, create_app
from .server import ReviewServer, is_loopback

__all__ = ["ReviewConfig", "ReviewServer", "create_app", "is_loopback"]
