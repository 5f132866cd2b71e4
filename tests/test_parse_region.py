"""The phone region comes from the card: each case names the class of cards it stands for.

The user's region here is always one the card contradicts, so a case passes only when the
card's own evidence wins; cards without evidence keep the user's region.
"""

from __future__ import annotations

import pytest

from cardscan.parse import parse_text
from cardscan.parse.region import host_region
from cardscan.parse.suffixes import country, public_suffix

P = pytest.param


@pytest.mark.parametrize(
    ("text", "user_region", "phones"),
    [
        P("Ada Brook\nT +44 20 7946 0123\nM 07700 900123", "US",
          {"+442079460123", "+447700900123"}, id="uk-card-plus-code-on-one-number"),
        P("Ada Brook\nTel 0044 20 7946 0123\nMobile 07911 123456", "US",
          {"+442079460123", "+447911123456"}, id="double-zero-prefix-is-international"),
        P("Kenji Sato\nTel 81-3-5555-0123\nMobile 090-1234-5678", "US",
          {"+81355550123", "+819012345678"}, id="japan-code-without-plus"),
        P("Wei Lin\nT 65 6123 4567", "US", {"+6561234567"}, id="singapore-code-without-plus"),
        P("Amel Ben Salah\nTél. (216) 71 000 000", "FR", {"+21671000000"},
          id="tunisia-code-in-brackets"),
        P("Milica Colic\nAvenija Dubrovnik 15\n10000 Zagreb, Croatia\nT 01 4566 777", "US",
          {"+38514566777"}, id="country-name-in-address"),
        P("Ada Brook\n1 Mill Lane\nBristol BS1 4QA\nT 0117 496 0123", "US",
          {"+441174960123"}, id="uk-postcode-in-address"),
        P("Jonas Weber\njonas@weber-bau.de\nTel 030 12345678", "US", {"+493012345678"},
          id="country-ending-of-email-de"),
        P("Ada Brook\nada@brook.co.uk\nT 020 7946 0123", "US", {"+442079460123"},
          id="two-label-country-ending-co-uk"),
        P("Liam Hart\nwww.hartbuild.com.au\nM 0491 570 156", "US", {"+61491570156"},
          id="two-label-country-ending-com-au"),
        P("Ada Brook\nada@brook.io\nT (415) 555-0134", "US", {"+14155550134"},
          id="generic-country-ending-io-says-nothing"),
        P("Harper Kovacs\nT: 0221 / 224378\nM: 0179 1900635\nHohe Straße 17\n50667 Köln", "US",
          {"+49221224378", "+491791900635"}, id="german-street-word-national-numbers"),
        P("Lena Vogt\nKönigstraße 8\n70173 Stuttgart\nT 0711 6753375", "US", {"+497116753375"},
          id="german-compound-street-name"),
        P("Claire Roy\n113, boulevard Haussmann, 75009 Paris\nStandard 01 39 77 62 70", "US",
          {"+33139776270"}, id="french-street-word-national-number"),
        P("Ada Brook\nHohe Straße 17\nT 020 7946 0123", "GB", {"+442079460123"},
          id="street-word-only-a-hint-a-number-valid-in-the-users-region-stands"),
        P("Ada Brook\nT (415) 555-0134", "US", {"+14155550134"}, id="no-evidence-user-region"),
        P("Ada Brook\nT 020 7946 0123", "GB", {"+442079460123"}, id="no-evidence-user-region-gb"),
        P("Ada Brook\nada@brook.de\nT +1 415 555 0134\nM (415) 555-0178", "DE",
          {"+14155550134", "+14155550178"}, id="plus-code-beats-country-ending"),
        P("Ada Brook\nT 01 99 00 12 34", "FR", {"+33199001234"},
          id="double-zero-inside-a-number-is-not-a-prefix"),
        P("Harper Miller\nNova Cloud Ltd.\n0141 496 0625\n07857 195648", "US",
          {"+441414960625", "+447857195648"}, id="legal-form-ltd-numbers-not-of-user-region"),
        P("Jonas Weber\nWeber Bau GmbH & Co. KG\nT 0711 17864756", "US", {"+4971117864756"},
          id="legal-form-gmbh"),
        P("Eoin Ferrari\nHarbor & Lindqvist S.A.\nPort. 07.58.99.58.02", "US",
          {"+33758995802"}, id="legal-form-sa-french-mobile"),
        P("JAMES JORGENSEN\nLUMEN LOGISTICS S.A.\nE: jjorgensen@lumenlogistics.com\n"
          "T: 01.99.00.68.41\nM: 06 19 21 10 60", "US", {"+33199006841", "+33619211060"},
          id="legal-form-dotted-s-a-names-the-country-as-sa-does"),
        P("Piet Jansen\nDijkhuis Groep B.V.\nT 020 123 4567", "US", {"+31201234567"},
          id="legal-form-dotted-b-v-dutch-number"),
        P("Giada Ferri\nFerri & Associati S.p.A.\nTel 02 1234 5678", "US", {"+390212345678"},
          id="legal-form-dotted-s-p-a-italian-number"),
        P("AGNES KHALIL\nEMBER VENTURES PTY. LTD.\n0491 570 104 (m)\nakhalil@ember.com", "US",
          {"+61491570104"}, id="legal-form-pty-ltd-is-australian-though-ltd-is-irish-too"),
        P("José Aberg\nNorthwind Robotics LLP\nTel. 0113 496 0884\njaberg@northwind.com", "US",
          {"+441134960884"}, id="legal-form-llp-british-number"),
        P("Jeanne Roy\nTél. 04 72 10 30 30", "US", {"+33472103030"}, id="label-language-french"),
        P("Ada Brook\nBrook Ltd.\nT (415) 555-0134", "US", {"+14155550134"},
          id="legal-form-does-not-override-numbers-valid-in-user-region"),
        P("Ada Brook\nBrook Ltd\nT 020 7946 0321\nM 07700 900482", "GB",
          {"+442079460321", "+447700900482"},
          id="one-valid-number-bears-the-region-out-though-another-is-valid-elsewhere"),
    ],
)  # fmt: skip
def test_national_numbers_are_read_in_the_cards_region(
    text: str, user_region: str, phones: set[str]
) -> None:
    assert {p.number for p in parse_text(text, region=user_region).phones} == phones


@pytest.mark.parametrize(
    "line",
    [
        P("〒150-0002 Tokyo, Shibuya", id="japanese-postcode-mark"),
        P("Mumbai PIN 400001", id="indian-pin"),
        P("P.O. Box 1234567", id="po-box"),
        P("VAT GB 123 4567 89", id="vat"),
        P("Licence No. 0123456789", id="licence"),
    ],
)
def test_postcodes_and_registrations_are_never_phones(line: str) -> None:
    assert parse_text(f"Ada Brook\n{line}\nada@brook.example", region="JP").phones == ()


@pytest.mark.parametrize(
    ("text", "region", "number"),
    [
        P("Ada Brook\nada@brook.co.uk\nM 07700 900123", "GB", "+447700900123",
          id="labelled-number-in-a-range-not-in-service"),
        P("Diego Alvarez, Andes Coffee Co., +57 1 555 0123, diego@andes.example", "US",
          "+5715550123", id="signature-number-from-before-its-country-renumbered"),
    ],
)  # fmt: skip
def test_a_number_written_as_one_but_rated_invalid_is_kept_with_a_warning(
    text: str, region: str, number: str
) -> None:
    contact = parse_text(text, region=region)
    (phone,) = contact.phones
    assert phone.number == number
    assert contact.confidence["phones"] < 0.6
    assert any(w.startswith(f"phone: {number} is no valid number") for w in contact.warnings)


@pytest.mark.parametrize(
    "text",
    [
        P("Ada Brook\nada@brook.example\nOrder 555 0123 4567", id="unlabelled-digits-without-plus"),
        P("Ada Brook\nada@brook.example\n+1 555", id="plus-with-too-few-digits"),
        P("Ada Brook\nada@brook.example\n+74 496 113 +44", id="plus-and-a-local-length-only"),
    ],
)  # fmt: skip
def test_an_invalid_number_neither_labelled_nor_international_is_not_a_phone(text: str) -> None:
    assert parse_text(text, region="US").phones == ()


def test_a_valid_number_carries_no_such_warning() -> None:
    contact = parse_text("Ada Brook\nada@brook.co.uk\nT 020 7946 0123", region="GB")
    assert contact.confidence["phones"] == 1.0
    assert not any(w.startswith("phone:") for w in contact.warnings)


@pytest.mark.parametrize(
    ("host", "suffix", "region"),
    [
        P("acme.co.jp", "co.jp", "JP", id="multi-label-co-jp"),
        P("acme.ne.jp", "ne.jp", "JP", id="multi-label-ne-jp"),
        P("acme.com.au", "com.au", "AU", id="multi-label-com-au"),
        P("acme.co.uk", "co.uk", "GB", id="uk-is-gb"),
        P("acme.de", "de", "DE", id="country-ending"),
        P("acme.io", "io", None, id="country-ending-sold-as-generic"),
        P("acme.com", "com", None, id="generic-ending"),
        P("acme.example", "example", None, id="reserved-for-examples"),
        P("acme.ip", None, None, id="ocr-made-up-ending"),
        P("acme.c0m", None, None, id="digit-in-ending"),
    ],
)
def test_public_suffix_and_its_country(host: str, suffix: str | None, region: str | None) -> None:
    assert (public_suffix(host), country(host)) == (suffix, region)


def test_host_region_is_the_majority_of_country_endings() -> None:
    assert host_region(["a.de", "b.de", "c.fr", "d.com"]) == "DE"
    assert host_region(["d.com", "e.io"]) is None
