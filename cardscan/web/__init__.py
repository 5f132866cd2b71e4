"""`cardscan review`: a local web page to check cards, each card's image beside its fields."""

from .app import create_app
from .review import ReviewConfig
from .server import ReviewServer, is_loopback

__all__ = ["ReviewConfig", "ReviewServer", "create_app", "is_loopback"]
