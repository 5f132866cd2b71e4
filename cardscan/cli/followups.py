"""`cardscan followup`, `due` and `templates`: drafts, tracking and reminders."""

from __future__ import annotations

import os
from datetime import UTC, date, datetime, time, timedelta
from pathlib import Path
from typing import Annotated

import typer

from ..contact import StoredContact
from ..control_chars import escape_lines
from ..dates import parse_date, parse_duration
from ..followup import drafts, reminders, templates
from ..followup.due import due_items
from ..store.followups import FollowupState, FollowupStore
from .app import app, say
from .options import DbOption, JsonOption, open_store
from .outputs import ForceOption, write_output
from .render import print_json, shown
from .terminal import rows
from .values import past_date

DATE_FORMS = "YYYY-MM-DD, today, tomorrow, +3d, in 1w"


def _say(message: str) -> None:
    """Print a one-line status message to stderr (stdout is kept for the draft itself)."""
    say(message)


def _date(text: str) -> date:
    try:
        return parse_date(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


def _date_option(flag: str, help_text: str) -> typer.models.OptionInfo:
    return typer.Option(flag, parser=_date, metavar="DATE", help=help_text, show_default=False)


IdArgument = Annotated[int, typer.Argument(help="The contact's id (see `cardscan list`).")]
TemplateOption = Annotated[
    str | None,
    typer.Option(
        "--template",
        "-t",
        help="Template name (see `cardscan templates`); by default interview or informational "
        "when the meeting says so, else networking.",
        show_default=False,
    ),
]
OutputOption = Annotated[
    Path | None,
    typer.Option(
        "--output",
        "-o",
        help="Write the draft as an .eml file (an existing one needs --force).",
        dir_okay=False,
    ),
]
MailtoOption = Annotated[bool, typer.Option("--mailto", help="Print a mailto: link instead.")]
PrintOption = Annotated[bool, typer.Option("--print", help="Print the draft (the default).")]
FromOption = Annotated[
    str | None,
    typer.Option(
        "--from",
        help="Your address, 'Name <you@example.com>' (else CARDSCAN_FROM, else no From).",
        show_default=False,
    ),
]
SentOption = Annotated[bool, typer.Option("--sent", help="Record that you sent a follow-up.")]
OnOption = Annotated[
    date | None,
    typer.Option(
        "--on",
        parser=past_date,
        metavar="DATE",
        help="When --sent: YYYY-MM-DD, today, yesterday, 3 days ago (default: today).",
        show_default=False,
    ),
]
NextOption = Annotated[
    date | None, _date_option("--next", f"Set the next follow-up date: {DATE_FORMS}.")
]
StepOption = Annotated[
    str | None, typer.Option("--step", help="What the next step is (stored with --next).")
]


def _alarm(text: str | time) -> time | None:
    if isinstance(text, time):  # the default
        return text
    if text.strip().casefold() in ("none", "off", "no"):
        return None
    try:
        return time.fromisoformat(text.strip().zfill(5))
    except ValueError:
        raise typer.BadParameter(f"not a time of day: {text!r} (use HH:MM, or none)") from None


AlarmOption = Annotated[
    time | None,
    typer.Option(
        "--alarm",
        parser=_alarm,
        metavar="HH:MM|none",
        help="When the --ics reminder alerts on its day (default 09:00); none for no alarm.",
        show_default=False,
    ),
]
IcsOption = Annotated[
    Path | None,
    typer.Option(
        "--ics",
        help="Write a calendar reminder (.ics) for the next step, else for a week from today.",
        dir_okay=False,
    ),
]


@app.command()
def followup(
    contact_id: IdArgument,
    template: TemplateOption = None,
    output: OutputOption = None,
    mailto: MailtoOption = False,
    print_: PrintOption = False,
    sender: FromOption = None,
    sent: SentOption = False,
    on: OnOption = None,
    next_on: NextOption = None,
    step: StepOption = None,
    ics: IcsOption = None,
    alarm: AlarmOption = reminders.DEFAULT_ALARM,
    force: ForceOption = False,
    db: DbOption = None,
) -> None:
    """Draft a follow-up email to a contact, record one as sent, or set the next step.

    With --sent, --next or --ics alone nothing is drafted; add -o, --mailto or --print to draft too.
    """
    if sum((output is not None, mailto, print_)) > 1:
        raise typer.BadParameter("use one of -o, --mailto and --print")
    if on is not None and not sent:
        raise typer.BadParameter("--on goes with --sent", param_hint="--on")
    drafting = output is not None or mailto or print_ or not (sent or next_on or ics)
    today = date.today()
    with open_store(db, reading=not sent and next_on is None) as store:
        stored = store.get(contact_id)
        follow = FollowupStore(store.db)
        plan = _plan(follow.get(contact_id), next_on, step, today)
        # Draft and write first: a contact without email or an unwritable path records nothing.
        if drafting:
            chosen = templates.find(template or templates.default_name(stored.met))
            from_addr = drafts.sender_address(sender or os.environ.get("CARDSCAN_FROM"))
            draft = drafts.build(stored, chosen, plan, from_addr)
            _emit(draft, stored, output, mailto, force)
        if ics is not None:
            reminder = reminders.reminder(stored, plan.follow_up_on, plan.step, _now(), alarm)
            write_output(ics, reminder, force)
            _say(f"wrote reminder for {plan.follow_up_on} to {ics}")
        if sent:
            state = follow.mark_sent(contact_id, on or today)
            _say(f"#{contact_id}: follow-up sent on {state.sent_on}")
        if next_on is not None:
            state = follow.set_next(contact_id, next_on, step)
            _say(f"#{contact_id}: next step on {state.next_on}: {state.next_step or '(no step)'}")


def _plan(state: FollowupState, next_on: date | None, step: str | None, today: date) -> drafts.Plan:
    """Return the follow-up date and step: given ones, else stored upcoming ones, else in a week."""
    upcoming = state.next_on if state.next_on and state.next_on >= today else None
    day = next_on or upcoming or today + drafts.DEFAULT_FOLLOW_UP
    return drafts.Plan(day, step or (state.next_step if upcoming else None))


def _emit(
    draft: drafts.Draft, stored: StoredContact, output: Path | None, mailto: bool, force: bool
) -> None:
    if output is not None:
        write_output(output, bytes(drafts.to_message(draft, _now().astimezone())), force)
        _say(f"wrote draft to {output}")
    elif mailto:
        link = drafts.mailto(draft)
        if len(link) <= drafts.MAILTO_LIMIT:
            typer.echo(link)
            return
        path = _free_path(Path(f"followup-{stored.id}.eml"))
        write_output(path, bytes(drafts.to_message(draft, _now().astimezone())), force=False)
        _say(
            f"the mailto: link would be {len(link)} characters (over {drafts.MAILTO_LIMIT}); "
            f"wrote the draft to {path} instead"
        )
    else:
        typer.echo(escape_lines(drafts.to_text(draft)), nl=False)


def _free_path(path: Path) -> Path:
    """Return path, or path with -2, -3... added when a file of that name already exists."""
    candidate, n = path, 1
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def _now() -> datetime:
    return datetime.now(UTC).replace(microsecond=0)


def _duration(text: str) -> timedelta:
    try:
        return parse_duration(text)
    except ValueError as e:
        raise typer.BadParameter(str(e)) from None


@app.command()
def due(
    within: Annotated[
        str,
        typer.Option("--within", help="Also list next steps due within this span, e.g. 2d or 1w."),
    ] = "0d",
    json_out: JsonOption = False,
    db: DbOption = None,
) -> None:
    """List contacts met but not followed up (oldest first), then next steps due (overdue first)."""
    span = _duration(within)
    today = date.today()
    with open_store(db, reading=True) as store:
        contacts = store.list()
        states = FollowupStore(store.db).all()
    items = due_items(contacts, states, today, span)
    table = []
    for item in items:
        if json_out:
            print_json(item.to_json(today))
            continue
        c = item.stored.contact
        detail = item.step if item.kind == "next-step" else item.stored.met
        fields = [f"{item.stored.id:>4}", item.day.isoformat(), item.status(today)]
        table.append([*fields, c.name or "-", c.emails[0] if c.emails else "-", detail or "-"])
    if table:
        headers = ("id", "date", "status", "name", "email", "step or meeting")
        rows(headers, [list(map(shown, r)) for r in table])
    if not json_out:
        _say(f"{len(items)} to follow up")


@app.command("templates")
def templates_(
    name: Annotated[
        str | None, typer.Argument(help="Print this template's text (to copy and adapt it).")
    ] = None,
) -> None:
    """List follow-up templates (built-in, and *.txt in the config dir), or print one."""
    if name is not None:
        chosen = templates.find(name)
        typer.echo(f"Subject: {chosen.subject}\n\n{chosen.body}", nl=False)
        return
    for t in templates.available():
        typer.echo(f"{t.name}\t{t.origin}\t{t.subject}")
    _say(f"user templates: {templates.user_dir()}/*.txt")
