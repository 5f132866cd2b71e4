"""Word lists the parser matches against, kept as immutable data (nameparser-style).

All entries are lower case without trailing dots; matching code folds text the same way.
"""

from __future__ import annotations

from types import MappingProxyType


def words(text: str) -> frozenset[str]:
    """Return the whitespace-separated words of a literal as a frozen set."""
    return frozenset(text.split())


#: Single words that make a line a job title ("Senior Data Engineer", "Geschäftsführer").
TITLE_WORDS = words("""
    engineer engineers manager director recruiter sourcer vp svp evp avp president ceo cto cfo coo
    cmo cio ciso cpo cro founder co-founder cofounder owner partner principal chief officer head
    lead leader associate analyst assistant agent consultant specialist executive designer
    developer architect scientist researcher coordinator administrator accountant advisor adviser
    counsel attorney lawyer solicitor barrister paralegal professor lecturer teacher instructor
    intern trainee editor writer producer strategist representative rep supervisor technician
    officer secretary treasurer chairman chairwoman chair chairperson broker realtor planner
    auditor economist pharmacist therapist surgeon physician doctor nurse dentist
    programmer tester operator superintendent foreman controller comptroller buyer merchandiser
    evangelist advocate ambassador curator librarian photographer journalist notary
    geschäftsführer geschäftsführerin leiter leiterin berater beraterin
    entwickler entwicklerin ingenieur ingenieurin vertriebsleiter prokurist referent referentin
    directeur directrice gérant gérante ingénieur ingénieure responsable chargé chargée
    conseiller conseillère commercial commerciale juriste avocat avocate
    director directora gerente jefe jefa ingeniero ingeniera asesor asesora abogado abogada
    socio socia fundador fundadora
    coach stylist chef pilot mechanic electrician plumber underwriter
    adjuster estimator inspector investigator veterinarian optometrist psychologist counselor
    counsellor midwife paramedic artist illustrator animator copywriter translator interpreter
    actuary banker trader clerk receptionist sommelier
    assistent assistentin vorstand prokuristin inhaber inhaberin
    md mba cpa
    """)

#: Endings of German compound titles ("Projektleiterin", "Softwareentwickler").
TITLE_COMPOUND_ENDINGS = (
    "leiter",
    "leiterin",
    "manager",
    "managerin",
    "berater",
    "beraterin",
    "entwickler",
    "entwicklerin",
    "ingenieur",
    "ingenieurin",
    "referent",
    "referentin",
    "assistent",
    "assistentin",
    "kaufmann",
    "kauffrau",
    "führer",
    "führerin",
    "direktor",
    "direktorin",
)

#: Title words kept in capitals when a title printed in capitals is put in title case.
TITLE_ACRONYMS = words(
    "ceo cto cfo coo cmo cio ciso cpo cro vp svp evp avp hr ux ui it qa ai ml ii iii iv "
    "pr seo bd gm md r&d emea apac us uk eu"
)

#: Small words left in lower case inside a title ("Head of Sales", "Directeur des ventes").
TITLE_SMALL_WORDS = words("of and for the in at to de des du la le et für und y del")

#: Words that only count as a title next to another title word ("Senior", "Global").
TITLE_MODIFIERS = words(
    "senior sr sr. junior jr principal staff lead global regional national associate assistant "
    "deputy vice executive managing general key chief"
)

#: Legal forms that end a company name, lower case, dots removed, spaces single.
COMPANY_SUFFIXES = words("""
    inc incorporated llc llp lp ltd limited plc corp corporation co company pllc pc
    gmbh ag kg ug gbr ohg ev gmbh & co kg gmbh & co. kg se kgaa mbh
    sa s a sas sarl sàrl sasu eurl sca snc scop
    sl slu sau srl spa s p a bv nv oy ab as asa aps
    pvt ltd pvt private limited pty pty ltd llc-fz fzco fze bhd sdn bhd pte pte ltd kk
    ltda eirl
    """)

#: Multi-word legal forms (checked against the end of a line after folding).
COMPANY_SUFFIX_PHRASES = (
    "private limited",
    "pvt ltd",
    "pty ltd",
    "co kg",
    "& co kg",
    "s a",
    "s a s",
    "s a r l",
    "sdn bhd",
    "pte ltd",
    "l l c",  # "L.L.C" as the Gulf's cards print it
    "s a c",  # Peru's S.A.C.
    "de c v",  # Mexico's S.A. de C.V.
    "z o o",  # Poland's Sp. z o.o.
    "b v",  # the Netherlands' B.V. and N.V., dotted
    "n v",
    "s r o",  # Czechia's and Slovakia's s.r.o.
)

#: Legal forms as Tesseract misreads them -> as printed ("plc" read "ple").
SUFFIX_MISREADS = MappingProxyType(
    {
        "ple": "plc",
        "Ple": "Plc",
        "PIc": "Plc",
        "lnc.": "Inc.",
        "lnc": "Inc",
        "Lld": "Ltd",
        "Lld.": "Ltd.",
        "Ltd,": "Ltd.",
        "LLG": "LLC",
        "GmbII": "GmbH",
        "GmhH": "GmbH",
    }
)

#: Nouns common in company names, rare in person names (a weak company signal).
COMPANY_WORDS = words("""
    technologies technology tech labs lab systems solutions consulting consultants group holdings
    holding
    ventures capital partners dynamics analytics talent logistics realty cloud energy legal
    robotics advisory recruiting networks network studio studios media design digital software
    industries international global services associates bank insurance foundation institute
    university college school hospital clinic agency company corporation enterprises
    trading works labs health healthcare pharma pharmaceuticals motors foods brands retail
    architects engineering construction properties estates investments finance financial
    management marketing communications security data ai interactive games entertainment
    """)

#: Words of a department line ("Human Resources", "R&D"): not a title on their own.
DEPARTMENT_WORDS = words("""
    human resources finance accounting talent acquisition marketing sales engineering operations
    legal research development r&d it information department division team customer support
    success services product products procurement purchasing compliance communications
    people culture strategy business administration facilities logistics quality assurance
    & and of the abteilung personal vertrieb service direction ressources humaines
    """)

#: Phone labels -> kind. Keys are lower case without dots or colons.
PHONE_LABELS = MappingProxyType(
    {
        **dict.fromkeys(
            words(
                """tel tel. telephone telephon phone ph p t o office direct d dir work landline
            main switchboard standard s std büro buro fon telefon festnetz tél tel téléphone
            telephone bureau fixe ligne teléfono telefono oficina"""
            ),
            "work",
        ),
        **dict.fromkeys(
            words(
                """mobile mob mobil cell cellular c m handy h portable port gsm móvil movil celular
            cel whatsapp"""
            ),
            "mobile",
        ),
        **dict.fromkeys(words("fax f telefax facsimile télécopie telecopie"), "fax"),
    }
)

#: Labels printed before an email address.
EMAIL_LABELS = words("email e-mail e mail courriel correo em")

#: Labels printed before a website.
WEB_LABELS = words("web w www website site url internet")

#: Hosts whose links are social profiles, not the company's website.
SOCIAL_HOSTS = words(
    """linkedin.com twitter.com x.com instagram.com github.com facebook.com fb.com
    youtube.com tiktok.com medium.com behance.net dribbble.com xing.com threads.net
    mastodon.social bsky.app gitlab.com pinterest.com t.me wa.me"""
)

#: Top-level domains accepted without a www./http prefix (bare "acme.io").
TLDS = words(
    """com net org io ai co uk de fr in au us ca eu info biz app dev tech me ly gg tv nz ie es
    it nl be ch at se no dk fi pl pt jp cn sg hk br mx za ae cloud design studio agency
    consulting solutions group global"""
)

#: Top-level domains as Tesseract misreads them -> as printed.
TLD_MISREADS = MappingProxyType(
    {
        "corn": "com",
        "c0m": "com",
        "cOm": "com",
        "ccm": "com",
        "aj": "ai",
        "al": "ai",
        "lo": "io",
        "jo": "io",
        "1o": "io",
        "l0": "io",
        "10": "io",
        "oe": "de",
        "cle": "de",
        "nct": "net",
        "rnet": "net",
        "orq": "org",
        "0rg": "org",
    }
)

#: Mailbox names that do not belong to a person.
ROLE_MAILBOXES = words(
    """info contact careers jobs hello hi sales support office admin team mail enquiries
    inquiries press media hr billing accounts help service kontakt bonjour"""
)

#: Words that mark registration/VAT/licence/ISO lines: their digits are never phones.
REGNO_WORDS = words(
    """vat gst gstin cin abn acn siret siren rcs tva ust ust-idnr ust-id ustid steuernr hrb hra
    reg registration registered regd licence license lic iso ein tin pan nif cif company
    no. handelsregister amtsgericht est established since certified dl"""
)

#: Street-type words (several languages) that mark an address line.
STREET_WORDS = words(
    """street st avenue ave av road rd boulevard blvd lane ln drive dr way court ct place pl
    square sq terrace parkway pkwy highway hwy circle plaza row crescent close mews wharf
    quay parade esplanade alley
    straße strasse str str. allee weg platz ring gasse damm ufer wall markt chaussee
    rue avenue quai boulevard chemin allée impasse cours route place passage
    calle carrera paseo avenida camino rua travessa praça via viale piazza corso strada
    ul ulica aleja straat laan gracht plein gatan gata vägen vej gade utca ulice jalan jl
    marg nagar floor suite ste unit level building bldg tower park centre center
    """
)

#: Street words that are not also surnames or honorifics (not "Park", "Lane", "Dr", "St"):
#: a line with one of these is an address line, not a person's name.
STREET_MARKERS = words(
    """street avenue ave road rd boulevard blvd parkway pkwy highway hwy straße strasse allee
    rue calle nw ne sw se"""
)

#: Two-letter US state and Australian state codes (address last lines).
US_STATES = words(
    """AL AK AZ AR CA CO CT DE DC FL GA HI ID IL IN IA KS KY LA ME MD MA MI MN MS MO MT NE NV NH
    NJ NM NY NC ND OH OK OR PA RI SC SD TN TX UT VT VA WA WV WI WY"""
)
AU_STATES = words("NSW VIC QLD WA SA TAS ACT NT")

#: Where a legal form is used, commonest first: a hint at the card's country when its numbers
#: are no numbers of the region otherwise assumed ("Nova Cloud Ltd." and "0141 496 0625").
LEGAL_FORM_REGIONS = MappingProxyType(
    {
        **dict.fromkeys(("inc", "incorporated", "llc", "corp", "corporation"), ("US", "CA")),
        **dict.fromkeys(("ltd", "limited"), ("GB", "IE", "IN", "AU", "NZ", "HK", "SG", "ZA")),
        "plc": ("GB", "IE"),
        "llp": ("GB", "US", "IN"),
        **dict.fromkeys(("gmbh", "kg", "ug", "ohg", "mbh", "kgaa"), ("DE", "AT", "CH")),
        "ag": ("DE", "CH", "AT"),
        **dict.fromkeys(("sarl", "sàrl", "sas", "sasu", "eurl", "snc"), ("FR", "BE", "CH", "LU")),
        "sa": ("FR", "ES", "BE", "CH", "LU", "PT"),
        **dict.fromkeys(("sl", "slu", "sau"), ("ES",)),
        **dict.fromkeys(("srl", "spa"), ("IT", "RO")),
        **dict.fromkeys(("bv", "nv"), ("NL", "BE")),
        "oy": ("FI",),
        "ab": ("SE",),
        "asa": ("NO",),
        "aps": ("DK",),
        "pvt": ("IN",),
        "pty": ("AU", "ZA"),
        **dict.fromkeys(("bhd", "sdn"), ("MY",)),
        "pte": ("SG",),
        "kk": ("JP",),
        "ltda": ("BR", "CO", "CL", "PT"),
        "s.a.c": ("PE",),
        "c.v": ("MX",),
        "o.o": ("PL",),
        "s.r.o": ("CZ", "SK"),
    }
)
#: Phone labels of one language, and where that language is spoken, commonest first.
LABEL_REGIONS = MappingProxyType(
    {
        **dict.fromkeys(("handy", "mobil", "telefon", "festnetz", "büro", "fon"),
                        ("DE", "AT", "CH")),
        **dict.fromkeys(("tél", "téléphone", "portable", "port", "bureau", "fixe"),
                        ("FR", "BE", "CH", "CA")),
        **dict.fromkeys(("móvil", "teléfono", "oficina", "celular"), ("ES", "MX", "AR", "CO")),
    }
)  # fmt: skip

#: Where a street word of an address is used: a hint at the card's country when its numbers
#: are national and nothing else tells ("Hohe Straße 17", "113, boulevard Haussmann"). Words
#: English uses too (avenue, place) are left out: they say nothing.
STREET_REGIONS = MappingProxyType(
    {
        **dict.fromkeys(("straße", "strasse", "str", "allee", "gasse", "platz", "weg"),
                        ("DE", "AT", "CH")),
        **dict.fromkeys(("rue", "boulevard", "bd", "quai", "chemin", "allée", "impasse"),
                        ("FR", "BE", "CH", "CA")),
        **dict.fromkeys(("via", "viale", "piazza", "corso", "vicolo"), ("IT", "CH")),
        **dict.fromkeys(("calle", "avenida", "paseo", "plaza", "carrera"),
                        ("ES", "MX", "AR", "CO")),
        **dict.fromkeys(("rua", "praça", "travessa"), ("PT", "BR")),
        **dict.fromkeys(("straat", "laan", "gracht", "plein", "steenweg"), ("NL", "BE")),
        **dict.fromkeys(("ulica", "ul", "aleja"), ("PL",)),
        **dict.fromkeys(("gatan", "vägen", "gata"), ("SE",)),
    }
)  # fmt: skip
#: compound street names end in these ("Königstraße", "Drottninggatan", "Keizersgracht")
STREET_ENDINGS = ("straße", "strasse", "gatan", "vägen", "gracht", "straat", "laan")

#: Labels that start a field on a line ("Jane Doe   E-mail: jane@acme.com").
FIELD_LABELS = words(
    "e-mail email mail e tel phone ph mobile mob cell fax web www t m f w p telefon tél handy "
    "mobil portable"
)

#: Domain endings reserved for documentation and tests (RFC 2606, RFC 6761): real on sample
#: cards and in examples, though no registry holds them.
RESERVED_ENDINGS = words("example test invalid localhost")
#: Country endings sold to anyone, which say nothing of where a card's owner is.
GENERIC_COUNTRY_ENDINGS = words("ai io co me tv fm ly to cc ws gg im la nu sh st vc")

#: Country names as cards print them in their own language, and usual short forms; the
#: English names of every country come from pycountry (countries.py).
COUNTRIES = MappingProxyType(
    {
        "usa": "US",
        "united states": "US",
        "u.s.a.": "US",
        "uk": "GB",
        "united kingdom": "GB",
        "england": "GB",
        "scotland": "GB",
        "germany": "DE",
        "france": "FR",
        "india": "IN",
        "australia": "AU",
        "canada": "CA",
        "ireland": "IE",
        "spain": "ES",
        "italy": "IT",
        "netherlands": "NL",
        "switzerland": "CH",
        "austria": "AT",
    }
)

#: Post-nominal credentials kept out of the name (generational suffixes are kept).
CREDENTIALS = words(
    """phd ph.d md mba cpa pmp esq esq. cfa pe rn dds dvm jd llm msc bsc ma ba meng beng
    frcs mrcp acca aca cissp ceng fca cma pmi-acp csm dipl.-ing mag dr.-ing cfe cfp cisa cia frm"""
)
#: the same, however they are dotted: "Ph.D." and "PhD" alike
CREDENTIALS_UNDOTTED = frozenset(c.replace(".", "") for c in CREDENTIALS)
GENERATIONAL = words("jr jr. sr sr. ii iii iv")

#: Lower-case particles inside names ("van der", "de la", "bin").
PARTICLES = words(
    "van von der den de del della degli dei di da dos das do du des la las los le y bin ibn al el "
    "ter ten zu zum zur vom af av st"
)

#: Legal forms so short they count only when printed in capitals ("AS", "AB"), not as words.
CAPS_ONLY_SUFFIXES = words("ab as se sa nv oy bv ag kg ug co pc lp sl")

#: Mail providers whose domain says nothing about the employer.
FREE_MAIL_DOMAINS = words(
    "gmail googlemail yahoo hotmail outlook live icloud me aol gmx web proton protonmail mail "
    "yandex zoho orange free wanadoo"
)
