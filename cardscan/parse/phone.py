"""Phone numbers: find them with phonenumbers in digit-repaired text and tell their kind."""

from __future__ import annotations

import re

import phonenumbers
from phonenumbers import Leniency, PhoneNumberMatcher, PhoneNumberType

from ..contact import Phone, PhoneKind
from . import patterns, vocab
from .address import looks_like_address
from .found import Found
from .lines import Segment

#: Confidence kept by a number phonenumbers does not know as valid (kept as printed).
INVALID_FACTOR = 0.5


def find_phones(segs: list[Segment], region: str) -> list[Found[Phone]]:
    """Return the phone numbers printed on the segments, E.164, with their kinds."""
    found: list[Found[Phone]] = []
    for seg in segs:
        if patterns.REGNO_LINE.search(seg.text):
            continue
        text = " ".join(t for t in seg.text.split() if "@" not in t)
        text = digit_normalised(patterns.POSTCODE_LABELLED.sub(" ", text))
        # on a street or city line, only a labelled number is a phone: "40212 Düsseldorf" is not
        for phone, valid in _phones_in(text, region, labelled_only=looks_like_address(seg.text)):
            if any(f.value.number == phone.number for f in found):
                continue
            sureness = _read_surely(seg, phone.number)
            if valid:
                found.append(Found(phone, seg.index, sureness))
            else:
                note = f"phone: {phone.number} is no valid number; kept as printed, check it"
                found.append(Found(phone, seg.index, sureness * INVALID_FACTOR, note))
    return found


def _read_surely(seg: Segment, number: str) -> float:
    """Return how surely the number was read: its least sure word holding its digits, not
    the line's label or icon ("&" at 0.36 before "1-202-555-0123" at 0.96)."""
    words = [w for w in seg.words if (d := re.sub(r"\D", "", w.text)) and d in number]
    return min((w.confidence for w in words), default=seg.confidence)


def _phones_in(text: str, region: str, labelled_only: bool) -> list[tuple[Phone, bool]]:
    """Return the numbers of one line, each with whether phonenumbers knows it as valid: valid
    ones, and merely possible ones behind a label.

    A label ("M 07700 900482") vouches for a number in a range phonenumbers does not know to
    be in service (new ranges, the fictional ranges used on sample cards): it is kept, but not
    as a sure one. So does a "+" and a country code: a signature's "+57 1 555 0123" (a number
    from before its country renumbered) is written as a phone and nothing else.
    """
    phones = []
    prev_end = 0
    text = _plus_read_as_four(text, region)
    for match in PhoneNumberMatcher(text, region, leniency=Leniency.POSSIBLE):
        label = _label_kind(text[prev_end : match.start])
        prev_end = match.end
        if patterns.WHOLE_DATE.match(match.raw_string.strip()):
            continue
        number = match.number
        label = label or _trailing_kind(text[match.end :])  # "(555) 201-3344 direct"
        if label is None and labelled_only:
            continue
        international = match.raw_string.lstrip().startswith("+") and _full_length(number)
        if not phonenumbers.is_valid_number(number) and not (
            (label is not None or international) and _plausible(number)
        ):
            continue
        kind = label or _kind_from_type(number)
        e164 = phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
        valid = phonenumbers.is_valid_number(number)
        phones.append((Phone(e164, kind, number.extension or None), valid))
    return phones


def _plus_read_as_four(text: str, region: str) -> str:
    """Return text with a "+" the OCR read as "4" restored: "41.512.555.0122" on a US card
    is "+1.512.555.0122". Only where a 4 runs into the card's own country code, and the
    number as read is none while with "+" it is a valid one of that country."""
    code = phonenumbers.country_code_for_region(region)
    if not code:
        return text

    def mend(m: re.Match[str]) -> str:
        mended = "+" + m.group(0)[1:]
        if valid_in(mended, region) and not valid_in(m.group(0), region):
            return mended
        return m.group(0)

    return re.sub(rf"(?<![\d+])4{code}(?=[ .\-(])[\d .\-()]{{7,}}\d", mend, text)


def valid_in(text: str, region: str) -> bool:
    """Return whether text holds a number phonenumbers knows as valid in region."""
    return any(True for _ in PhoneNumberMatcher(text, region, leniency=Leniency.VALID))


def _plausible(number: phonenumbers.PhoneNumber) -> bool:
    """Valid, or possible with enough digits to be a subscriber number (labelled numbers)."""
    if phonenumbers.is_valid_number(number):
        return True
    national = phonenumbers.national_significant_number(number)
    return (
        phonenumbers.is_possible_number(number)
        and len(national) >= 7
        and national.strip("0") != ""
        and not national.startswith("0")
    )


def _full_length(number: phonenumbers.PhoneNumber) -> bool:
    """A whole number's length for its country, not a local one: "+74 496 113" read from
    a number upside down is none."""
    reason = phonenumbers.is_possible_number_with_reason(number)
    return bool(reason == phonenumbers.ValidationResult.IS_POSSIBLE)


def digit_normalised(text: str) -> str:
    """Return text with O/l/I read as digits inside digit runs, commas between digits read
    as the dots they were, glued labels split off, and a "00" international prefix written
    as "+".

    A group right after a group of digits is read as digits before labels are looked for:
    the "O" of "555 O13I" is a zero in the number, not a label glued to it.
    """
    text = patterns.COMMA_IN_NUMBER.sub(".", text)  # "+33,(0)2.99.00,98,32"
    words = text.split(" ")
    for i in range(1, len(words)):
        if _digit_group(words[i - 1]) and _digit_group(words[i]):
            words[i] = words[i].translate(patterns.DIGIT_FIX)
    text = patterns.GLUED_LABEL.sub(r"\1 ", " ".join(words))
    tokens = []
    for token in text.split(" "):
        if _digit_group(token):
            token = token.translate(patterns.DIGIT_FIX)
        tokens.append(token)
    return patterns.IDD_00.sub(_plus, " ".join(tokens))


def _digit_group(token: str) -> bool:
    return bool(patterns.DIGITISH_TOKEN.match(token)) and sum(c.isdigit() for c in token) >= 2


def _plus(m: re.Match[str]) -> str:
    """Return "+" for a "00" before a country code ("0044 20 ..."): the prefix most of the
    world dials abroad, and never the start of a national number."""
    before = m.string[: m.start()].rstrip(" -./")
    if before[-1:].isdigit():
        return m.group(0)  # inside a number: "01 99 00 12 34"
    code = m.string[m.end() : m.end() + 3]
    known = any(
        code[:n].isdigit() and phonenumbers.region_code_for_country_code(int(code[:n])) != "ZZ"
        for n in (1, 2, 3)
    )
    return "+" if known else m.group(0)


def _label_kind(before: str) -> PhoneKind | None:
    """Return the kind named by the word just before a number ("Mob.", "Tél.:", "F")."""
    for token in reversed(before.split()):
        word = token.strip(".:;,()[]/-•·|*").casefold()
        if word:
            return vocab.PHONE_LABELS.get(word)  # type: ignore[return-value]
    return None


def _trailing_kind(after: str) -> PhoneKind | None:
    m = patterns.TRAILING_KIND.match(after)
    if m is None:
        return None
    word = m.group(1) or m.group(2)  # "(m)", or a label word after it: "201-3344 direct"
    return vocab.PHONE_LABELS.get(word.casefold())  # type: ignore[return-value]


def _kind_from_type(number: phonenumbers.PhoneNumber) -> PhoneKind:
    """Unlabelled numbers: mobile ranges are mobiles, everything else is taken as work."""
    return "mobile" if phonenumbers.number_type(number) == PhoneNumberType.MOBILE else "work"
