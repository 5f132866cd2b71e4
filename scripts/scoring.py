"""The scoring rules of scripts/evaluate.py: how one prediction is compared with its truth.

Each field has its normaliser (norm_text, norm_email, norm_website, phone_key) and score_image
applies them: emails, phones and websites are matched as sets after normalising, addresses by
edit-distance similarity. Kept apart from evaluate.py, which runs cardscan and prints tables.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

import phonenumbers

Json = dict[str, Any]

_SPACES = re.compile(r"\s+")
_NOT_WORD = re.compile(r"[\W_]+")  # \w keeps accented letters: accents still count
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*://")
_WWW = re.compile(r"^www\d?\.")
_MAILTO = re.compile(r"^mailto:")
_EDGE_PUNCT = " .,;:<>()[]"


# --- normalising -------------------------------------------------------------------------


def clean_spaces(text: str | None) -> str:
    """Return text NFC-normalised with runs of whitespace made one space, trimmed."""
    return _SPACES.sub(" ", unicodedata.normalize("NFC", text or "")).strip()


def norm_text(text: str | None) -> str:
    """Return text casefolded with punctuation dropped, for titles, companies and addresses."""
    return clean_spaces(_NOT_WORD.sub(" ", clean_spaces(text).casefold()))


def norm_email(email: str) -> str:
    """Return an email lowercased, without mailto: or the punctuation OCR leaves around it."""
    return _MAILTO.sub("", clean_spaces(email).lower()).strip(_EDGE_PUNCT)


def norm_website(url: str) -> str:
    """Return the host of a web address: no scheme, no www., no path."""
    host = _WWW.sub("", _SCHEME.sub("", clean_spaces(url).lower().strip(_EDGE_PUNCT)))
    return re.split(r"[/?#]", host, maxsplit=1)[0].rstrip(".")


def phone_key(number: str, region: str) -> str:
    """Return a phone number as E.164, or a key no true number can equal when it is not one."""
    try:
        parsed = phonenumbers.parse(number, region)
    except phonenumbers.NumberParseException:
        return "invalid:" + number
    if not phonenumbers.is_possible_number(parsed):
        return "invalid:" + number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.E164)


def similarity(a: str, b: str) -> float:
    """Return 1 - Levenshtein distance / longer length (1.0 for two empty strings)."""
    if not a and not b:
        return 1.0
    return 1.0 - levenshtein(a, b) / max(len(a), len(b))


def levenshtein(a: str, b: str) -> int:
    """Return the number of single-character edits that turn a into b."""
    previous = list(range(len(b) + 1))
    for i, char_a in enumerate(a, 1):
        current = [i]
        for j, char_b in enumerate(b, 1):
            current.append(
                min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (char_a != char_b))
            )
        previous = current
    return previous[-1]


# --- scoring one image -------------------------------------------------------------------


@dataclass(frozen=True)
class SetMatch:
    """How a predicted set compares with the true set: counts for micro precision/recall."""

    hits: int
    predicted: int
    true: int

    @property
    def exact(self) -> bool:
        return self.hits == self.predicted == self.true


def match_sets(true: Iterable[str], predicted: Iterable[str]) -> SetMatch:
    """Return the overlap of two sets of already normalised values."""
    true_set, predicted_set = set(true), {p for p in predicted if p}
    return SetMatch(len(true_set & predicted_set), len(predicted_set), len(true_set))


@dataclass(frozen=True)
class KindMatch:
    """Of the true phones found with a kind, how many have the true kind."""

    agreed: int
    compared: int


def match_phones(truth: Json, predicted: Sequence[Json | str]) -> tuple[SetMatch, KindMatch]:
    """Return the phone set match on E.164 numbers and the agreement on kinds.

    A predicted phone is {"number", "kind"} or a bare number string (no kind).
    """
    region = truth.get("region") or "US"
    true_kinds = {p["number_e164"]: p["kind"] for p in truth.get("phones") or ()}
    predicted_kinds: dict[str, str | None] = {}
    for phone in predicted:
        number, kind = (
            (phone, None) if isinstance(phone, str) else (phone["number"], phone.get("kind"))
        )
        predicted_kinds.setdefault(phone_key(number, region), kind)
    found = [n for n in true_kinds if predicted_kinds.get(n) is not None]
    agreed = sum(1 for n in found if predicted_kinds[n] == true_kinds[n])
    return match_sets(true_kinds, predicted_kinds), KindMatch(agreed, len(found))


def address_similarity(true: str | None, predicted: str | None) -> float:
    """Return the similarity of two addresses; a card without one wants an empty prediction."""
    true_norm, predicted_norm = norm_text(true), norm_text(predicted)
    if not true_norm:
        return float(not predicted_norm)
    return similarity(true_norm, predicted_norm)


@dataclass(frozen=True)
class ImageScore:
    """How right one prediction is, field by field."""

    name: bool
    name_ci: bool
    title: bool
    company: bool
    emails: SetMatch
    phones: SetMatch
    phone_kinds: KindMatch
    websites: SetMatch
    address: float

    @property
    def card_ok(self) -> bool:
        """Return whether the card is fully right: name, every email and every phone."""
        return self.name and self.emails.exact and self.phones.exact


def score_image(truth: Json, prediction: Json) -> ImageScore:
    """Return the scores of one prediction (shared scorer format) against its truth."""
    true_name, predicted_name = (
        clean_spaces(truth.get("name")),
        clean_spaces(prediction.get("name")),
    )
    phones, kinds = match_phones(truth, prediction.get("phones") or ())
    return ImageScore(
        name=true_name == predicted_name,
        name_ci=true_name.casefold() == predicted_name.casefold(),
        title=norm_text(truth.get("title")) == norm_text(prediction.get("title")),
        company=norm_text(truth.get("company")) == norm_text(prediction.get("company")),
        emails=match_sets(
            map(norm_email, truth.get("emails") or ()),
            map(norm_email, prediction.get("emails") or ()),
        ),
        phones=phones,
        phone_kinds=kinds,
        websites=match_sets(
            map(norm_website, truth.get("websites") or ()),
            map(norm_website, prediction.get("websites") or ()),
        ),
        address=address_similarity(truth.get("address"), prediction.get("address")),
    )
