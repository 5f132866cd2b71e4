"""The per-field vote between readings of one card: each case names the class it stands for.

Readings arrive as contacts, as parse.readings gets them: the first is the English reading,
the others the Latin-script one or another engine's.
"""

from __future__ import annotations

import pytest

from cardscan.contact import Contact, Phone
from cardscan.parse.readings import combine
from cardscan.parse.vote import disputed_numbers, same_number, vote_emails, vote_phones

P = pytest.param


def read(*emails: str, warnings: tuple[str, ...] = ()) -> Contact:
    return Contact(emails=emails, warnings=warnings)


@pytest.mark.parametrize(
    ("readings", "name", "hosts", "emails"),
    [
        P([read("rwiliams@beacon.example"), read("rwilliams@beacon.example")], "Renée Williams",
          [], ("rwilliams@beacon.example",), id="second-reading-spells-the-name"),
        P([read("ana@acrne.example"), read("ana@acme.example")], "", ["acme.example"],
          ("ana@acme.example",), id="second-reading-agrees-with-the-website"),
        P([read("info@acme.example"), read("lnfo@acme.example")], "", [],
          ("info@acme.example",), id="tie-keeps-the-first-reading"),
        P([read("ana@acme.example", "info@acme.example"),
           read("ana@acme.example", "info@acme.example")], "Ana Ruiz", [],
          ("ana@acme.example", "info@acme.example"), id="two-addresses-stay-two"),
        P([read("rwiliams@x.example"), read("rwilliams@x.example"), read("rwilliams@x.example")],
          "", [], ("rwilliams@x.example",), id="three-readings-majority"),
        P([read("j.doe@acme.example",
                warnings=("email: repaired 'j.d0e@acme.example' -> 'j.doe@acme.example' (x)",)),
           read("j.dee@acme.example")], "", [], ("j.doe@acme.example",),
          id="a-repair-weighs-less-than-a-vote-but-the-first-reading-breaks-the-tie"),
        P([read(), read("ana@acme.example")], "", [], ("ana@acme.example",),
          id="only-the-second-reading-found-one"),
        P([read("giulia.kkuznetsova@quill.example"), read("giulia.kuznetsova@quill.example")],
          "Giulia Kuznetsova", [], ("giulia.kuznetsova@quill.example",),
          id="letter-read-twice-both-hold-the-name-only-one-spells-it"),
        P([read("gkuznetsova@quill.example"), read("giulia.kuznetsova@quill.example")],
          "Giulia Kuznetsova", [], ("gkuznetsova@quill.example",),
          id="two-usual-patterns-the-first-reading-stands"),
        P([read("m.ruiz@chandra.co.uk", "sales@chandra.co"),
           read("m.ruiz@chandra.co.uk", "sales@chandra.co.uk")], "Mara Ruiz", [],
          ("m.ruiz@chandra.co.uk", "sales@chandra.co.uk"),
          id="photo-ending-cut-short-the-cards-other-address-shares-the-whole-domain"),
        P([read("ana@acme.example", "info@acrne.example"),
           read("ana@acme.example", "info@acme.example")], "Ana Ruiz", [],
          ("ana@acme.example", "info@acme.example"),
          id="a-misread-domain-another-address-of-the-card-spells-right"),
        P([read("m.ruiz@chandra.co.uk", "sales@chandra.co"),
           read("m.ruiz@chandra.co.uk", "sales@chandra.co.uk")], "Mara Ruiz",
          ["chandra.co.uk", "chandra.co"], ("m.ruiz@chandra.co.uk", "sales@chandra.co.uk"),
          id="company-name-spells-both-domains-the-other-address-decides"),
        P([read("ana@acme.example", "ana@gmail.com"), read("ana@acme.example", "ana@gmail.co")],
          "Ana Ruiz", [], ("ana@acme.example", "ana@gmail.com"),
          id="a-second-address-with-its-own-domain-the-first-reading-stands"),
    ],
)  # fmt: skip
def test_vote_emails(
    readings: list[Contact], name: str, hosts: list[str], emails: tuple[str, ...]
) -> None:
    assert vote_emails(readings, name, hosts) == emails


@pytest.mark.parametrize(
    ("readings", "numbers"),
    [
        P([[Phone("+10155550134", "mobile")], [Phone("+14155550134", "work")]],
          [("+14155550134", "mobile")], id="valid-reading-of-a-misread-digit-kind-from-first"),
        P([[Phone("+14155550134", "work"), Phone("+14155550135", "fax")],
           [Phone("+14155550134", "work")]],
          [("+14155550134", "work"), ("+14155550135", "fax")],
          id="two-numbers-one-digit-apart-stay-two"),
        P([[Phone("+14155550134", "work")], [Phone("+14155550139", "work")]],
          [("+14155550134", "work")], id="both-valid-first-reading-wins"),
        P([[Phone("+6491870678", "mobile")], [Phone("+61491570675", "mobile")]],
          [("+61491570675", "mobile")], id="photo-invalid-number-the-valid-reading-wins"),
        P([[Phone("+61370109843", "work")], [Phone("+61491570675", "mobile")]],
          [("+61370109843", "work")], id="two-valid-numbers-unalike-are-two-not-rivals"),
    ],
)  # fmt: skip
def test_vote_phones(readings: list[list[Phone]], numbers: list[tuple[str, str]]) -> None:
    voted = vote_phones([Contact(phones=tuple(p)) for p in readings])
    assert [(p.number, p.kind) for p in voted] == numbers


def numbers_read(sureness: float, *numbers: tuple[str, str]) -> Contact:
    """A reading that read each of its numbers this surely."""
    phones = tuple(Phone(n, kind) for n, kind in numbers)
    return Contact(phones=phones, item_confidence={n: sureness for n, _ in numbers})


@pytest.mark.parametrize(
    ("first", "second", "numbers"),
    [
        P(numbers_read(0.95, ("+16505550197", "fax")),
          numbers_read(0.91, ("+16505550179", "work"), ("+16505550197", "fax")),
          ["+16505550197", "+16505550179"],
          id="photo-number-the-first-reading-garbled-the-second-read-surely-is-added"),
        P(numbers_read(0.95, ("+16505550197", "fax")),
          numbers_read(0.30, ("+16505550179", "work"), ("+16505550197", "fax")),
          ["+16505550197"], id="a-number-read-unsurely-is-not-added"),
        P(numbers_read(0.76, ("+441214960574", "work"), ("+447491329752", "mobile")),
          numbers_read(0.76, ("+441214950574", "work"), ("+447491229753", "mobile")),
          ["+441214960574", "+447491329752"],
          id="photo-two-digits-misread-is-that-number-not-another"),
        P(numbers_read(0.67, ("+12025850163", "work")),
          numbers_read(0.82, ("+12025550163", "work")),
          ["+12025550163"], id="flat-a-digit-read-surely-by-the-second-reading-wins"),
        P(numbers_read(0.90, ("+12025850163", "work")),
          numbers_read(0.96, ("+12025550163", "work")),
          ["+12025850163"], id="both-read-surely-the-first-reading-wins"),
        P(numbers_read(0.92, ("+491762454632", "mobile")),
          numbers_read(0.93, ("+491762454632", "mobile"), ("+492454632", "work")),
          ["+491762454632"], id="a-piece-of-a-number-is-no-number"),
        P(numbers_read(0.87, ("+12025550124", "work")),
          numbers_read(0.96, ("+12025550123", "work"), ("+12025550124", "work")),
          ["+12025550124", "+12025550123"],
          id="flat-icons-two-numbers-a-digit-apart-both-read-by-the-second-reading"),
    ],
)  # fmt: skip
def test_vote_phones_weighs_how_surely_each_number_was_read(
    first: Contact, second: Contact, numbers: list[str]
) -> None:
    assert [p.number for p in vote_phones([first, second])] == numbers


def test_combine_takes_the_address_the_name_supports_from_either_reading() -> None:
    english = Contact(name="Renee Williams", emails=("rwiliams@beacon.example",))
    latin = Contact(name="Renée Williams", emails=("rwilliams@beacon.example",))
    combined = combine(english, latin, ["Renée"])
    assert (combined.name, combined.emails) == ("Renée Williams", ("rwilliams@beacon.example",))


@pytest.mark.parametrize(
    ("a", "b", "same"),
    [
        P("+14155550134", "+14155550139", True, id="one-digit-apart"),
        P("+33599006090", "+352599006090", True, id="hard-photo-country-code-misread"),
        P("+6491870678", "+61491570675", True, id="invalid-number-a-digit-lost"),
        P("+442079460123", "+442079460999", False, id="one-office-two-lines"),
        P("+61370109843", "+61491570675", False, id="two-valid-numbers"),
    ],
)  # fmt: skip
def test_same_number(a: str, b: str, same: bool) -> None:
    assert same_number(a, b) is same


@pytest.mark.parametrize(
    ("readings", "kept", "warned"),
    [
        P([numbers_read(0.67, ("+12025850163", "work")),
           numbers_read(0.82, ("+12025550163", "work"))],
          ["+12025550163"], ["phone: +12025550163 was also read as +12025850163; check it"],
          id="flat-a-digit-read-two-ways-both-valid-is-warned"),
        P([numbers_read(0.9, ("+14155550134", "work"), ("+14155550135", "fax")),
           numbers_read(0.9, ("+14155550134", "work"), ("+14155550135", "fax"))],
          ["+14155550134", "+14155550135"], [], id="two-numbers-a-digit-apart-both-kept-agree"),
        P([numbers_read(0.6, ("+6491870678", "mobile")),
           numbers_read(0.9, ("+61491570675", "mobile"))],
          ["+61491570675"], [], id="photo-an-invalid-misreading-is-no-rival"),
    ],
)  # fmt: skip
def test_disputed_numbers(readings: list[Contact], kept: list[str], warned: list[str]) -> None:
    assert list(disputed_numbers(readings, [Phone(n) for n in kept])) == warned


def test_combine_warns_of_a_number_its_readings_read_two_ways() -> None:
    english = numbers_read(0.67, ("+12025850163", "work"))
    latin = numbers_read(0.82, ("+12025550163", "work"))
    combined = combine(english, latin, [])
    assert [p.number for p in combined.phones] == ["+12025550163"]
    assert "phone: +12025550163 was also read as +12025850163; check it" in combined.warnings
