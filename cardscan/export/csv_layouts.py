"""The column layouts of the CSV flavours, as data."""

from __future__ import annotations

#: Google Contacts' export/import header before the numbered groups (contacts.google.com, 2024-)
GOOGLE_HEAD = (
    "First Name", "Middle Name", "Last Name", "Phonetic First Name", "Phonetic Middle Name",
    "Phonetic Last Name", "Name Prefix", "Name Suffix", "Nickname", "File As",
    "Organization Name", "Organization Title", "Organization Department", "Birthday", "Notes",
    "Photo", "Labels",
)  # fmt: skip
GOOGLE_ADDRESS = (
    "Address 1 - Label", "Address 1 - Formatted", "Address 1 - Street", "Address 1 - City",
    "Address 1 - PO Box", "Address 1 - Region", "Address 1 - Postal Code", "Address 1 - Country",
    "Address 1 - Extended Address",
)  # fmt: skip
#: Google's separator of several values in one cell, and its system label for saved contacts
GOOGLE_MULTI = " ::: "
GOOGLE_MY_CONTACTS = "* myContacts"
GOOGLE_PHONE_LABELS = {"mobile": "Mobile", "work": "Work", "fax": "Work Fax", "other": "Other"}
GOOGLE_SOCIAL_LABEL = "Profile"

#: Outlook's contacts CSV header (outlook.com export and the desktop import map), plus Categories
OUTLOOK_HEADER = (
    "First Name", "Middle Name", "Last Name", "Title", "Suffix", "Nickname", "Given Yomi",
    "Surname Yomi", "E-mail Address", "E-mail 2 Address", "E-mail 3 Address", "Home Phone",
    "Home Phone 2", "Business Phone", "Business Phone 2", "Mobile Phone", "Car Phone",
    "Other Phone", "Primary Phone", "Pager", "Business Fax", "Home Fax", "Other Fax",
    "Company Main Phone", "Callback", "Radio Phone", "Telex", "TTY/TDD Phone", "IMAddress",
    "Job Title", "Department", "Company", "Office Location", "Manager's Name",
    "Assistant's Name", "Assistant's Phone", "Company Yomi", "Business Street",
    "Business Street 2", "Business City",
    "Business State", "Business Postal Code", "Business Country/Region", "Home Street",
    "Home City", "Home State", "Home Postal Code", "Home Country/Region", "Other Street",
    "Other City", "Other State", "Other Postal Code", "Other Country/Region",
    "Personal Web Page", "Spouse", "Schools", "Hobby", "Location", "Web Page", "Birthday",
    "Anniversary", "Notes", "Categories",
)  # fmt: skip
OUTLOOK_EMAILS = ("E-mail Address", "E-mail 2 Address", "E-mail 3 Address")
#: where each kind of phone goes, in order of preference
OUTLOOK_PHONE_SLOTS = {
    "mobile": ("Mobile Phone",),
    "work": ("Business Phone", "Business Phone 2", "Company Main Phone"),
    "fax": ("Business Fax", "Other Fax"),
    "other": ("Other Phone",),
}
#: how Outlook's phone columns read back
OUTLOOK_PHONE_KINDS = {
    "Mobile Phone": "mobile", "Car Phone": "mobile", "Radio Phone": "mobile",
    "Business Phone": "work", "Business Phone 2": "work", "Company Main Phone": "work",
    "Assistant's Phone": "work", "Callback": "work",
    "Business Fax": "fax", "Home Fax": "fax", "Other Fax": "fax",
    "Home Phone": "other", "Home Phone 2": "other", "Other Phone": "other",
    "Primary Phone": "other", "Pager": "other", "TTY/TDD Phone": "other",
}  # fmt: skip
OUTLOOK_ADDRESS = (
    "Business Street", "Business City", "Business State", "Business Postal Code",
    "Business Country/Region",
)  # fmt: skip
#: the second street line: the unit of an address ("Suite 310")
OUTLOOK_STREET_2 = "Business Street 2"
OUTLOOK_CATEGORY_SEP = ";"

#: cardscan's own CSV: the fields of the contact JSON, lists one item per line in a cell
PLAIN_HEADER = (
    "id", "name", "given_name", "family_name", "title", "company", "emails", "phones",
    "websites", "socials", "address", "street", "city", "region", "postcode", "country",
    "met", "met_on", "tags", "notes", "source", "created_at", "updated_at", "department",
    "extended",
)  # fmt: skip
