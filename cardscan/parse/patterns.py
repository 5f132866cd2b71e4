"""Regular expressions of the parser, compiled once, in one place (as nameparser keeps them)."""

from __future__ import annotations

import re

#: A plausible email once repaired: local@domain.tld (Unicode letters allowed).
#: The ending may hold a digit the OCR read for a letter ("acme.c0m"): suffixes.py mends it.
EMAIL = re.compile(
    r"[\w.+'-]+@[\w-]+(?:\.[\w-]+)*\.(?=[A-Za-z0-9]*[A-Za-z])[A-Za-z0-9]{2,}", re.UNICODE
)
#: Obfuscated or OCR-mangled "at" and "dot" spellings.
AT_WORD = re.compile(
    # "Visit us at acme.com" invites to the website: "us at" and "me at" are no address
    r"\s*(?:\(at\)|\[at\]|\{at\}|<at>|(?<!\bus)(?<!\bme)\s+at\s+(?=[\w-]+\s*(?:\.|\(dot\)|\[dot\])))\s*",
    re.IGNORECASE,
)
DOT_WORD = re.compile(r"\s*(?:\(dot\)|\[dot\]|\{dot\}|<dot>)\s*", re.IGNORECASE)
#: Glyphs Tesseract reads for a printed "@" in an address.
AT_LOOKALIKE = re.compile(r"(?<=[\w.])\s?[©®]\s?(?=\w)")
SPACE_AROUND_AT = re.compile(r"\s*@\s*")
SPACE_IN_LOCAL = re.compile(r"(?<=\w)\.\s+(?=[\w.+'-]+@)|(?<=\w)\s+\.(?=[\w.+'-]*@)")
SPACE_AROUND_DOT_IN_DOMAIN = re.compile(r"(?<=@[\w.-])\s*\.\s*|(?<=\w)\s+\.\s*(?=[a-z]{2,}\b)")

#: A web address: with scheme or www, or a bare host with a known top-level domain.
URL = re.compile(
    r"(?<![\w@.-])((?:https?://)?(?:www\.)?[a-z0-9][a-z0-9-]*(?:\.[a-z0-9-]+)*\.([a-z]{2,})"
    r"(?::\d+)?(?:/[^\s,;]*)?)(?![\w@])",
    re.IGNORECASE,
)
#: "www-acme.com", "www,acme.com": the dot after www misread.
WWW_MISREAD = re.compile(r"\bwww[-,_ ](?=[a-z0-9])", re.IGNORECASE)
#: A social handle, a word of its own: "@janedoe", "@jane.doe" ("@acme-labs" is not one).
HANDLE_TOKEN = re.compile(r"@[A-Za-z0-9_][A-Za-z0-9_.]{1,29}")

#: O/o/l/I/| read instead of digits inside digit runs ("O2O 7946 Ol8O").
DIGITISH_TOKEN = re.compile(r"^[+(]?[\dOoIl|)(.\-/]*\d[\dOoIl|)(.\-/]*$")
DIGIT_FIX = str.maketrans({"O": "0", "o": "0", "I": "1", "l": "1", "|": "1"})
#: A postcode behind its mark ("〒150-0002", "PIN 400001", "P.O. Box 1234"): never a phone.
POSTCODE_LABELLED = re.compile(
    r"(?:〒|\b(?:PIN|ZIP|PLZ|CEP|Post\s?code|P\.?\s?O\.?\s?Box|Postfach|B\.?P\.?)\b)"
    r"\s*(?:code|no\.?|nr\.?)?\s*[:.#-]?\s*\d[\d -]*\d",
    re.IGNORECASE,
)
#: "00" dialled before a country code, at the start of a number ("0044 20 7946 0123").
IDD_00 = re.compile(r"(?<![\d+])\(?00\)?\s?(?=[1-9])")
#: A phone label glued to the number ("M0176", "T:+49").
GLUED_LABEL = re.compile(r"(?<![\w])(?<!\d[-./])([A-Za-zé]{1,4}\.?:?)(?=[+(]?\d)")
#: Dates and ISO certificates, whose digits are never a phone.
DATE = re.compile(r"\b\d{1,4}[./-]\d{1,2}[./-]\d{2,4}\b")
ISO_LINE = re.compile(r"\bISO\s*\d{3,5}(?::\d{4})?", re.IGNORECASE)
#: A label in front of the value: "Tel.:", "E-mail", "M".
LABEL_TOKEN = re.compile(r"^[^\w+(@]*([A-Za-zÀ-ÿ][\w.\-]*?)[.:]*$", re.UNICODE)
#: A comma with no space between digits of a number: a dot the OCR read as a comma.
COMMA_IN_NUMBER = re.compile(r"(?<=[\d)]),(?=[\d(])")
#: Kind written after a number: "(m)", "(t)", "(f)", or a word: "cell", "direct" (not a
#: letter: "T" there labels the next number)
TRAILING_KIND = re.compile(r"^\s*(?:\(\s*([a-zA-Z]{1,6})\s*\)|([a-zA-Z]{3,8})\b)")

#: Postcodes and address lines (US, UK, DE/FR, AU, IN).
US_CITY_LINE = re.compile(
    r"(?:^|,\s*)(?P<city>[A-Za-z][A-Za-z .'-]+),?\s+(?P<region>[A-Z]{2})\.?\s+"
    r"(?P<postcode>\d{5}(?:-\d{4})?)$"
)
UK_POSTCODE = re.compile(r"\b([A-Z]{1,2}\d[A-Z\dOo]?\s?[\dO][A-Z]{2})\b")
EU_POSTCODE_CITY = re.compile(r"(?:^|,\s*)(?:(?:D|F)-)?(?P<postcode>\d{5})\s+(?P<city>[^\d,]{2,})$")
AU_CITY_LINE = re.compile(
    r"(?:^|,\s*)(?P<city>[A-Za-z .'-]+?),?\s+(?P<region>NSW|VIC|QLD|WA|SA|TAS|ACT|NT)\s+"
    r"(?P<postcode>\d{4})$"
)
IN_PIN = re.compile(r"(?:^|,\s*)(?P<city>[^\d,]*?)\s*[-–,]?\s*(?P<postcode>\d{3}\s?\d{3})$")
STREET_NUMBER_FIRST = re.compile(
    r"^\d{1,5}(?:\.\d{1,3})?[A-Za-z]?(?:\s*[-/]\s*\d{1,5})?,?\s+(?:bis\s+|ter\s+)?\w"
)
STREET_NUMBER_LAST = re.compile(
    r"^(?=(?:.*[^\W\d_]){3})[^\d,@]{3,}\s\d{1,5}[a-z]?(?:\s*[-/]\s*\d{1,5})?$"
)
#: A map-pin icon read as a digit or letter before an address line: "9 4636 Elm St", "Q 12 Rue".
PIN_ICON = re.compile(
    r"^(?:[9QO0@&]{1,2}|[^\w\s]{1,2})\s+(?=\d|[A-ZÀ-Þ][a-zà-ÿß&]+(?:stra|str|weg|allee|platz))"
)
FLOOR_SUITE = re.compile(
    r"\b(?:floor|suite|ste\.?|unit|level|etage|étage|stock|og|building|bldg|tower)\b", re.IGNORECASE
)

#: Separators between items on one printed line, and icon garbage at a line's start.
ITEM_SEPARATOR = re.compile(r"\s+[•·|*«»]\s+|\s{3,}")
LEADING_GARBAGE = re.compile(r"^[^\w+(@]+", re.UNICODE)
#: Letters only, for comparing names and domains.
NON_LETTERS = re.compile(r"[^a-z]")
#: Registration, VAT, licence and certificate lines: their digit runs are never phones.
REGNO_LINE = re.compile(
    r"\b(?:VAT|GST(?:IN)?|CIN|ABN|ACN|ARBN|SIRET|SIREN|RCS|TVA|USt|UID|HRB|HRA|EIN|TIN|PAN|NIF|CIF"
    r"|Reg(?:istration|istered|d)?\.?\s*(?:No|Nr|Number|#)|Registered|Company\s*(?:No|Number|Reg)"
    r"|Licen[cs]e|Lic\.|ISO|Steuer\w*|Handelsregister|Amtsgericht|Est\.|Established|Since|Founded"
    r"|IBAN|BIC|SWIFT|Sort\s*code|Account\s*No|CRN|RERA|NMLS|DRE|CA\s*Lic)\b",
    re.IGNORECASE,
)
WHOLE_DATE = re.compile(
    r"^\d{1,2}[./-]\d{1,2}[./-](?:\d{2}|\d{4})$|^\d{4}[./-]\d{1,2}[./-]\d{1,2}$"
)

#: "ß" as Tesseract's English model reads it in German street names: "Schlo&straBe", "strafe".
SHARP_S_BEFORE_STRASSE = re.compile(r"(?<=[a-zäöü])[&B8](?=stra)")
STRASSE_MISREAD = re.compile(r"(?<=stra)[fFBkK8b](?=e\b)")
