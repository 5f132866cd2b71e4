"""Commands over stored contacts: list, show, edit, note, delete."""

from __future__ import annotations

import sys
from datetime import date
from typing import Annotated, Any

import typer

from ..contact import PHONE_KINDS, Phone
from ..contact_edits import ContactEdit, ListEdit, note_value, phone_value
from ..errors import BadInputError
from .app import app, say
from .options import DbOption, JsonOption, RegionOption, open_store, region_of
from .render import print_json, shown, stored_block
from .terminal import block, rows
from .values import past_date

IdArgument = Annotated[int, typer.Argument(help="The contact's id (see `cardscan list`).")]


@app.command("list")
def list_(
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-s",
            help="Only contacts with this text in any field, notes or tags (any case, "
            "accents ignored: bruckner finds Brückner); digits also match phone numbers.",
        ),
    ] = None,
    tag: Annotated[
        str | None, typer.Option("--tag", help="Only contacts with this tag (any case).")
    ] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List stored contacts: id, name, title, company, first email."""
    with open_store(db, reading=True) as store:
        contacts = store.list(search=search, tag=tag)
    table = []
    for stored in contacts:
        c = stored.contact
        if json_out:
            print_json(stored.to_json())
        else:
            fields = [f"{c.id:>4}", c.name or "-", c.title or "-", c.company or "-"]
            table.append([*fields, c.emails[0] if c.emails else "-"])
    if table:
        rows(("id", "name", "title", "company", "email"), [list(map(shown, r)) for r in table])
    if not contacts and (search or tag):
        filters = " ".join(f"{k} {v!r}" for k, v in (("--search", search), ("--tag", tag)) if v)
        say(f"no contacts match {filters}")
    elif not json_out:
        say(f"{len(contacts)} contacts")


@app.command()
def show(contact_id: IdArgument, json_out: JsonOption = False, db: DbOption = None) -> None:
    """Show one stored contact with its meeting and notes."""
    with open_store(db, reading=True) as store:
        stored = store.get(contact_id)
    if json_out:
        print_json(stored.to_json())
    else:
        block(stored_block(stored))


def _opt(flag: str, help_text: str) -> Any:
    return typer.Option(flag, help=help_text, show_default=False)


_PHONE_FORM = "'[KIND:]NUMBER', KIND one of mobile, work, fax, other: 'fax:+1 415 555 0100'"


@app.command()
def edit(
    contact_id: IdArgument,
    name: Annotated[str | None, _opt("--name", "Full name as it should be written.")] = None,
    title: Annotated[str | None, _opt("--title", "Job title ('' clears it).")] = None,
    company: Annotated[str | None, _opt("--company", "Company ('' clears it).")] = None,
    department: Annotated[str | None, _opt("--department", "Department ('' clears it).")] = None,
    address: Annotated[
        str | None, _opt("--address", "Postal address, parts split by commas ('' clears it).")
    ] = None,
    email: Annotated[list[str] | None, _opt("--email", "Replace all emails (repeatable).")] = None,
    add_email: Annotated[list[str] | None, _opt("--add-email", "Add an email.")] = None,
    remove_email: Annotated[list[str] | None, _opt("--remove-email", "Remove an email.")] = None,
    phone: Annotated[
        list[str] | None, _opt("--phone", f"Replace all phones (repeatable): {_PHONE_FORM}.")
    ] = None,
    add_phone: Annotated[list[str] | None, _opt("--add-phone", "Add a phone, as --phone.")] = None,
    remove_phone: Annotated[
        list[str] | None,
        _opt("--remove-phone", "Remove a phone: its number, or a kind (fax) for all of it."),
    ] = None,
    website: Annotated[
        list[str] | None, _opt("--website", "Replace all websites (repeatable).")
    ] = None,
    add_website: Annotated[list[str] | None, _opt("--add-website", "Add a website.")] = None,
    remove_website: Annotated[
        list[str] | None, _opt("--remove-website", "Remove a website.")
    ] = None,
    social: Annotated[
        list[str] | None, _opt("--social", "Replace all social profiles: @handle or address.")
    ] = None,
    add_social: Annotated[list[str] | None, _opt("--add-social", "Add a social profile.")] = None,
    remove_social: Annotated[
        list[str] | None, _opt("--remove-social", "Remove a social profile.")
    ] = None,
    tag: Annotated[list[str] | None, _opt("--tag", "Add a tag (repeatable).")] = None,
    untag: Annotated[list[str] | None, _opt("--untag", "Remove a tag (repeatable).")] = None,
    met: Annotated[
        str | None, _opt("--met", "Where you met, for the latest meeting ('' clears it).")
    ] = None,
    on: Annotated[
        date | None,
        typer.Option(
            "--on",
            parser=past_date,
            metavar="DATE",
            help="The day of the latest meeting: YYYY-MM-DD, yesterday, 3 days ago.",
            show_default=False,
        ),
    ] = None,
    remove_note: Annotated[
        list[int] | None, _opt("--remove-note", "Delete note N (as `cardscan show` numbers them).")
    ] = None,
    region: RegionOption = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Change a stored contact's fields, tags, meeting or notes; what you type is trusted.

    List fields take --X to replace them all, --add-X and --remove-X for one item.
    """
    area = region_of(region)

    def phones(values: list[str] | None) -> tuple[Phone, ...]:
        return tuple(phone_value(v, area) for v in values or ())

    def removed_phone(text: str) -> str:
        return (
            text.strip().casefold()
            if text.strip().casefold() in PHONE_KINDS
            else phone_value(text, area).number
        )

    changes = ContactEdit(
        name=name,
        title=title,
        company=company,
        department=department,
        address=address,
        emails=ListEdit(_all(email), tuple(add_email or ()), tuple(remove_email or ())),
        phones=ListEdit(
            None if phone is None else phones(phone),
            phones(add_phone),
            tuple(removed_phone(p) for p in remove_phone or ()),
        ),
        websites=ListEdit(_all(website), tuple(add_website or ()), tuple(remove_website or ())),
        socials=ListEdit(_all(social), tuple(add_social or ()), tuple(remove_social or ())),
        add_tags=tuple(tag or ()),
        remove_tags=tuple(untag or ()),
        met=met,
        met_on=on,
        remove_notes=tuple(remove_note or ()),
    )
    if changes.is_empty:
        raise typer.BadParameter("nothing to change: give at least one option (see --help)")
    with open_store(db) as store:
        stored = store.edit(contact_id, changes)
    if json_out:
        print_json(stored.to_json())
    else:
        block(stored_block(stored))


def _all(values: list[str] | None) -> tuple[str, ...] | None:
    """Return the values of a replacing option (blank ones dropped), None when not given."""
    return None if values is None else tuple(v for v in values if v.strip())


@app.command()
def note(
    contact_id: IdArgument,
    text: Annotated[str, typer.Argument(help="What was discussed, or anything to remember.")],
    db: DbOption = None,
) -> None:
    """Add a note to a stored contact."""
    with open_store(db) as store:
        store.add_note(contact_id, note_value(text))
        stored = store.get(contact_id)
    block(stored_block(stored))


@app.command()
def delete(
    contact_id: IdArgument,
    yes: Annotated[bool, typer.Option("--yes", "-y", help="Do not ask for confirmation.")] = False,
    db: DbOption = None,
) -> None:
    """Delete a stored contact (asks first on a terminal)."""
    with open_store(db) as store:
        stored = store.get(contact_id)
        if not yes:
            if not sys.stdin.isatty():
                raise BadInputError(
                    f"#{contact_id}", "not deleted: add --yes when not on a terminal"
                )
            typer.confirm(
                f"Delete #{contact_id} {stored.contact.name or ''}?", abort=True, err=True
            )
        store.delete(contact_id)
    say(f"deleted #{contact_id}")
