"""The contact store: SQLite under the user's data directory."""

from .contacts import AddOutcome, CardRecord, ContactStore

__all__ = ["AddOutcome", "CardRecord", "ContactStore"]
