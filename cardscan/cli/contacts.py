"""Commands over stored contacts: list, show, edit, note, delete."""

from __future__ import annotations

import sys
from typing import Annotated

import typer

from ..contact import Contact, Phone
from ..errors import BadInputError
from ..parse import parse_text
from .app import app
from .options import DbOption, JsonOption, RegionOption, open_store, region_of
from .render import print_json, stored_block

IdArgument = Annotated[int, typer.Argument(help="The contact's id (see `cardscan list`).")]


@app.command("list")
def list_(
    search: Annotated[
        str | None,
        typer.Option(
            "--search",
            "-s",
            help="Only contacts whose name, company, title, email or meeting contains this text.",
        ),
    ] = None,
    tag: Annotated[str | None, typer.Option("--tag", help="Only contacts with this tag.")] = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List stored contacts: id, name, title, company, first email."""
    with open_store(db) as store:
        contacts = store.list(search=search, tag=tag)
    for stored in contacts:
        c = stored.contact
        if json_out:
            print_json(stored.to_json())
        else:
            fields = [f"{c.id:>4}", c.name or "-", c.title or "-", c.company or "-"]
            fields.append(c.emails[0] if c.emails else "-")
            typer.echo("\t".join(fields))
    if not json_out:
        typer.echo(f"cardscan: {len(contacts)} contacts", err=True)


@app.command()
def show(contact_id: IdArgument, json_out: JsonOption = False, db: DbOption = None) -> None:
    """Show one stored contact with its meeting and notes."""
    with open_store(db) as store:
        stored = store.get(contact_id)
    if json_out:
        print_json(stored.to_json())
    else:
        typer.echo(stored_block(stored))


@app.command()
def edit(
    contact_id: IdArgument,
    name: Annotated[
        str | None, typer.Option("--name", help="Full name as it should be written.")
    ] = None,
    title: Annotated[str | None, typer.Option("--title")] = None,
    company: Annotated[str | None, typer.Option("--company")] = None,
    email: Annotated[
        list[str] | None, typer.Option("--email", help="Replaces the emails (repeatable).")
    ] = None,
    phone: Annotated[
        list[str] | None, typer.Option("--phone", help="Replaces the phones (repeatable).")
    ] = None,
    region: RegionOption = None,
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """Correct a stored contact's fields; what you type is trusted (confidence 1)."""
    with open_store(db) as store:
        current = store.get(contact_id).contact
        changed = _edited(current, name, title, company, email, phone, region_of(region))
        stored = store.update(contact_id, changed)
    if json_out:
        print_json(stored.to_json())
    else:
        typer.echo(stored_block(stored))


def _edited(
    contact: Contact,
    name: str | None,
    title: str | None,
    company: str | None,
    emails: list[str] | None,
    phones: list[str] | None,
    region: str,
) -> Contact:
    changes: dict[str, object] = {}
    if name is not None:
        parsed = parse_text(name, region=region)
        changes |= {
            "name": name.strip() or None,
            "given_name": parsed.given_name,
            "family_name": parsed.family_name,
        }
    if title is not None:
        changes["title"] = title.strip() or None
    if company is not None:
        changes["company"] = company.strip() or None
    if emails is not None:
        changes["emails"] = tuple(_checked_email(e) for e in emails if e.strip())
    if phones is not None:
        changes["phones"] = tuple(_checked_phone(p, region) for p in phones if p.strip())
    return contact.corrected(**changes)


def _checked_email(text: str) -> str:
    contact = parse_text(text)
    if len(contact.emails) != 1:
        raise BadInputError("--email", f"not an email address: {text!r}")
    return contact.emails[0]


def _checked_phone(text: str, region: str) -> Phone:
    contact = parse_text(text, region=region)
    if len(contact.phones) != 1:
        raise BadInputError("--phone", f"not a phone number: {text!r}")
    return contact.phones[0]


@app.command()
def note(
    contact_id: IdArgument,
    text: Annotated[str, typer.Argument(help="What was discussed, or anything to remember.")],
    db: DbOption = None,
) -> None:
    """Add a note to a stored contact."""
    with open_store(db) as store:
        store.add_note(contact_id, text)
        stored = store.get(contact_id)
    typer.echo(stored_block(stored))


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
    typer.echo(f"cardscan: deleted #{contact_id}", err=True)
