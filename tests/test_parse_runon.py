"""Text in one line: each case names the kind of pasted text it stands for."""

from __future__ import annotations

from typing import Any

import pytest

from cardscan.parse import parse_text

P = pytest.param


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        P("Dana Whitfield Data Analyst Northwind Labs 45 Elm Street Suite 3 Denver, CO 80202 "
          "Tel: +1 (303) 555-0142 dana@northwind.example",
          {"name": "Dana Whitfield", "title": "Data Analyst", "company": "Northwind Labs",
           "emails": ("dana@northwind.example",), "phones": (("+13035550142", "work"),),
           "address": "45 Elm Street Suite 3, Denver, CO 80202"},
          id="us-signature-run-together"),
        P("Best regards, Tom Becker Senior Account Executive Lumen Analytics GmbH "
          "Mobil: +49 151 23456789 tom.becker@lumen-analytics.de www.lumen-analytics.de",
          {"name": "Tom Becker", "title": "Senior Account Executive",
           "company": "Lumen Analytics GmbH", "phones": (("+4915123456789", "mobile"),),
           "websites": ("www.lumen-analytics.de",)},
          id="german-signature-with-sign-off"),
        P("Ana Ruiz Product Lead Acme Corp. 500 Market Street San Francisco, CA 94105 "
          "ana@acme.example",
          {"name": "Ana Ruiz", "title": "Product Lead", "company": "Acme Corp.",
           "address": "500 Market Street, San Francisco, CA 94105"},
          id="two-word-city-stays-whole"),
        P("Jonas Weber | Head of Sales | Weber Bau GmbH | +49 30 1234567 | jonas@weberbau.de",
          {"name": "Jonas Weber", "title": "Head of Sales", "company": "Weber Bau GmbH",
           "phones": (("+49301234567", "work"),)},
          id="items-separated-by-bars"),
        P("Direct : (415) 555-0134", {"phones": (("+14155550134", "work"),)},
          id="one-labelled-field-is-not-cut"),
        P("Thanks, Priya Raman | Senior Product Manager, Northwind Analytics | "
          "priya.raman@northwind.example | +1 415 555 0134",
          {"name": "Priya Raman", "title": "Senior Product Manager",
           "company": "Northwind Analytics"},
          id="signature-title-comma-company-the-domain-names"),
        P("Priya Raman\nSenior Product Manager at Northwind Analytics\n"
          "priya.raman@northwind.example",
          {"name": "Priya Raman", "title": "Senior Product Manager",
           "company": "Northwind Analytics"},
          id="signature-title-at-company"),
        P("Priya Raman, Senior Product Manager\nNorthwind Analytics Inc.\n"
          "priya.raman@northwind.example",
          {"name": "Priya Raman", "title": "Senior Product Manager",
           "company": "Northwind Analytics Inc."},
          id="signature-name-comma-title"),
        P("Kenji Watanabe\nSales Manager, Tokyo Office\nHoshi Trading Co., Ltd.\n"
          "kenji.watanabe@hoshi-trading.example",
          {"name": "Kenji Watanabe", "title": "Sales Manager, Tokyo Office",
           "company": "Hoshi Trading Co., Ltd."},
          id="signature-title-and-its-office-stay-together"),
        P("Jane Doe\nDirector, Sales & Marketing\nAcme Widgets Ltd",
          {"name": "Jane Doe", "title": "Director, Sales & Marketing",
           "company": "Acme Widgets Ltd"},
          id="signature-title-with-a-comma-stays-whole"),
        P("Regards,\nJamal Idris - Head of Data - Lagos Fintech Ltd\n"
          "jamal@lagosfintech.example",
          {"name": "Jamal Idris", "title": "Head of Data", "company": "Lagos Fintech Ltd"},
          id="signature-name-title-company-joined-by-dashes"),
        P("Regards, Diego Alvarez, Sales Director, Andes Coffee Co., +57 601 555 0123, "
          "diego@andescoffee.example",
          {"name": "Diego Alvarez", "title": "Sales Director", "company": "Andes Coffee Co.",
           "phones": (("+576015550123", "work"),)},
          id="signature-fields-joined-by-commas-on-one-line"),
    ],
)  # fmt: skip
def test_fields_of_text_on_one_line(text: str, expected: dict[str, Any]) -> None:
    contact = parse_text(text, region="US")
    actual = {
        "name": contact.name,
        "title": contact.title,
        "company": contact.company,
        "emails": contact.emails,
        "phones": tuple((p.number, p.kind) for p in contact.phones),
        "websites": contact.websites,
        "address": contact.address.text if contact.address else None,
    }
    assert {k: actual[k] for k in expected} == expected
