"""What a field parser found: the value, where it was printed, and how sure the parser is."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Generic, TypeVar

V = TypeVar("V", covariant=True)


@dataclass(frozen=True)
class Found(Generic[V]):
    value: V
    segment: int  # index of the Segment it came from (-1: from several or none)
    confidence: float  # 0..1
    warning: str | None = None  # a repair or doubt worth showing to a person
