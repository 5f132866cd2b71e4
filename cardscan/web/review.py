"""One review: the store, the cards under review in order, and the server's secrets."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from ..store import ContactStore
from .access import Keys


@dataclass
class ReviewConfig:
    """What the review is of; ids is the order the cards are shown in (newest first)."""

    db: Path
    ids: list[int]
    region: str = "US"
    keys: Keys = field(default_factory=Keys)
    #: called once "Done" is pressed, after the page has answered (stops the server)
    on_done: Callable[[], None] = lambda: None


class Review:
    """The cards under review, shared by the server's threads."""

    def __init__(self, config: ReviewConfig) -> None:
        self.config = config
        self._lock = threading.Lock()

    def store(self) -> ContactStore:
        """Return a connection to the store, for one request (a connection is for one thread)."""
        return ContactStore(self.config.db)

    def ids(self) -> list[int]:
        with self._lock:
            return list(self.config.ids)

    def position(self, contact_id: int) -> tuple[int | None, int | None, int | None]:
        """Return (previous id, 1-based position, next id); all None for a card not reviewed."""
        ids = self.ids()
        if contact_id not in ids:
            return None, None, None
        i = ids.index(contact_id)
        previous = ids[i - 1] if i > 0 else None
        following = ids[i + 1] if i + 1 < len(ids) else None
        return previous, i + 1, following

    def drop(self, contact_id: int) -> None:
        """Take a deleted or merged-away card out of the review."""
        with self._lock:
            if contact_id in self.config.ids:
                self.config.ids.remove(contact_id)
