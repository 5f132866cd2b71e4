"""Repairs only on evidence: each case names the class of cards it stands for.

What the OCR read is changed only where other parts of the card (the email, the website, the
Public Suffix List) support the change; a confidently read word is not bent to fit a guess.
"""

from __future__ import annotations

import pytest

from cardscan.parse import parse_text
from cardscan.parse.suffixes import mend

P = pytest.param


@pytest.mark.parametrize(
    ("text", "name", "emails"),
    [
        P("Juan de los Santos\njuan.delossantos@acme.es", "Juan de los Santos",
          ("juan.delossantos@acme.es",), id="spanish-particle-de-los-not-de-Ios"),
        P("Ana de las Heras\nana.delasheras@acme.es", "Ana de las Heras",
          ("ana.delasheras@acme.es",), id="spanish-particle-de-las"),
        P("Loïc des Rosiers\nloic.desrosiers@acme.fr", "Loïc des Rosiers",
          ("loic.desrosiers@acme.fr",), id="french-particle-des"),
        P("Priya lyer\npriya.iyer@acme.in", "Priya Iyer", ("priya.iyer@acme.in",),
          id="l-read-for-capital-i-email-agrees"),
        P("Priya lyer\nAcme Ltd", "Priya Iyer", (), id="l-read-for-capital-i-no-email"),
        P("Jjames Côté, MBA\njames_cote@sable.example", "James Côté",
          ("james_cote@sable.example",), id="photo-letter-read-twice-capital-and-small"),
        P("Matteo Rossi\nmateo.rossi@acme.example", "Matteo Rossi",
          ("mateo.rossi@acme.example",), id="a-double-letter-printed-stays-whatever-the-email"),
        P("Mei lyer, CFA\nmei.iyer@harbornetworks.com", "Mei Iyer",
          ("mei.iyer@harbornetworks.com",), id="l-read-for-capital-i-after-a-short-given-name"),
        P("Ł UKASZ LY\nlukasz.ly@granite.example", "Łukasz Ly", ("lukasz.ly@granite.example",),
          id="letter-spaced-capitals-accented-initial-set-apart"),
        P("B J örn Chatterjee\nbjorn_chatterjee@riverstone.example", "Björn Chatterjee",
          ("bjorn_chatterjee@riverstone.example",), id="photo-word-split-at-a-descender"),
        P("J Smith\njsmith@acme.example", "J Smith", ("jsmith@acme.example",),
          id="an-initial-before-the-surname-of-an-initial-and-surname-address-stays"),
        P("A Ng\na.ng@acme.example", "A Ng", ("a.ng@acme.example",),
          id="an-initial-the-address-spells-apart-stays"),
    ],
)  # fmt: skip
def test_names_are_rewritten_only_where_the_card_supports_it(
    text: str, name: str, emails: tuple[str, ...]
) -> None:
    contact = parse_text(text, region="US")
    assert (contact.name, contact.emails) == (name, emails)


@pytest.mark.parametrize(
    ("text", "emails", "websites"),
    [
        P("jane@acme.co.jp\nwww.acme.co.jp", ("jane@acme.co.jp",), ("www.acme.co.jp",),
          id="multi-label-suffix-co-jp-stays-whole"),
        P("jane@mail.acme.ne.jp", ("jane@mail.acme.ne.jp",), (), id="multi-label-ne-jp"),
        P("jane@acme.com.au\nwww.acme.com.au", ("jane@acme.com.au",), ("www.acme.com.au",),
          id="multi-label-com-au"),
        P("jane@acme.co.ip", ("jane@acme.co.jp",), (), id="impossible-ending-ip-is-jp"),
        P("jane@acme.ijp", ("jane@acme.jp",), (), id="impossible-ending-stray-letter"),
        P("jane@acme.c0m", ("jane@acme.com",), (), id="impossible-ending-digit-for-letter"),
        P("jane@acme.co.jp\nwww.acme.co.ip", ("jane@acme.co.jp",), ("www.acme.co.jp",),
          id="website-with-impossible-ending-does-not-outvote-the-email"),
        P("jane@acme.co.ip\nwww.acme.co.jp", ("jane@acme.co.jp",), ("www.acme.co.jp",),
          id="email-with-impossible-ending-mended-per-website"),
        P("q@jane.doe@acme.com", ("jane.doe@acme.com",), (), id="icon-read-as-q-at"),
        P("@@jane.doe@acme.com", ("jane.doe@acme.com",), (), id="icon-read-as-at-at"),
        P("jane@acme.al", ("jane@acme.al",), (), id="real-country-ending-is-not-mended"),
        P("jane@acme.example", ("jane@acme.example",), (), id="reserved-example-ending"),
        P("jane.doe@acme.xq", ("jane.doe@acme.xq",), (),
          id="no-real-ending-fits-kept-for-a-person-to-check"),
    ],
)  # fmt: skip
def test_domains_are_checked_against_the_public_suffix_list(
    text: str, emails: tuple[str, ...], websites: tuple[str, ...]
) -> None:
    contact = parse_text(f"Jane Doe\n{text}", region="US")
    assert (contact.emails, contact.websites) == (emails, websites)


@pytest.mark.parametrize(
    ("text", "emails"),
    [
        P("Royal Cargo Vietnam Co.,Ltd.\ntuan.nguyen@royalcargo.com\nwww.royaicargo.com",
          ("tuan.nguyen@royalcargo.com",),
          id="logo-company-spells-the-domain-a-misread-website-does-not-outvote-the-address"),
        P("Royal Cargo Vietnam Co.,Ltd.\ntuan.nguyen@royaicargo.com\nwww.royalcargo.com",
          ("tuan.nguyen@royalcargo.com",), id="misread-address-mended-per-website-and-company"),
        P("Harbor Freight\njane@royalcargo.com\nwww.royaicargo.com",
          ("jane@royaicargo.com",), id="company-spells-neither-the-website-outvotes-as-before"),
        P("Redlean\nheithem.zrelli@rediean.io\nwww.rediean.io", ("heithem.zrelli@rediean.io",),
          id="both-read-alike-no-second-spelling-to-choose-stays-as-read"),
    ],
)  # fmt: skip
def test_the_company_printed_beside_an_address_is_evidence_for_its_domain(
    text: str, emails: tuple[str, ...]
) -> None:
    contact = parse_text(f"Tuan Nguyen\n{text}", region="US")
    assert contact.emails == emails


@pytest.mark.parametrize(
    ("line", "emails"),
    [
        P("Visit us at acme.com", (), id="tagline-inviting-to-the-website-is-no-address"),
        P("Write to me at acme.com", (), id="me-at-is-no-address"),
        P("jane at acme.com", ("jane@acme.com",), id="obfuscated-at-still-an-address"),
        P("e@ www.formalab.tn", (), id="globe-icon-read-as-at-before-a-website"),
        P("fb/formalab.tn\nnadim@formalab.tn", ("nadim@formalab.tn",),
          id="social-handle-fb-slash-is-no-address-with-a-lost-at"),
        P("nadimformalab.tn\nwww.formalab.tn", ("nadim@formalab.tn",),
          id="lost-at-still-repaired-per-website"),
    ],
)  # fmt: skip
def test_web_addresses_and_invitations_are_not_read_as_emails(
    line: str, emails: tuple[str, ...]
) -> None:
    assert parse_text(f"Nadim Gouia\n{line}", region="US").emails == emails


def test_an_ending_nothing_mends_is_kept_doubtful() -> None:
    contact = parse_text("Jane Doe\njane.doe@acme.xq", region="US")
    assert contact.confidence["emails"] < 1.0
    assert any("no real ending, check it" in w for w in contact.warnings)


def test_a_mended_ending_is_warned_about() -> None:
    contact = parse_text("Jane Doe\nwww.acme.co.ip", region="US")
    assert contact.confidence["websites"] < 1.0
    assert any(w.startswith("website:") for w in contact.warnings)


@pytest.mark.parametrize(
    ("host", "mended"),
    [
        P("acme.lo", "acme.io", id="several-fit-vocabulary-settles"),
        P("acme.cle", "acme.de", id="cl-read-for-d"),
        P("acme.corn", "acme.com", id="rn-read-for-m"),
        P("acme.com", None, id="real-ending-untouched"),
    ],
)
def test_mend(host: str, mended: str | None) -> None:
    from cardscan.parse import vocab

    assert mend(host, dict(vocab.TLD_MISREADS)) == mended
