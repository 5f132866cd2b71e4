"""The review page's routes: a thin client of the store, one store connection per request."""

from __future__ import annotations

import threading
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from flask import Flask, Response, abort, redirect, render_template, request, url_for
from werkzeug.wrappers import Response as BaseResponse

from ..contact import PHONE_KINDS
from ..contact_edits import InvalidValueError
from ..errors import NotFoundError
from ..store import ContactStore
from .access import Keys, guard
from .cards import groups, summary
from .edits import CardForm, FormErrors, checked_edit


@dataclass
class ReviewConfig:
    """One review: the store, the cards under review in order, and the server's secrets."""

    db: Path
    ids: list[int]
    region: str = "US"
    keys: Keys = field(default_factory=Keys)
    #: called once "Done" is pressed, after the page has answered (stops the server)
    on_done: Callable[[], None] = lambda: None


def create_app(config: ReviewConfig) -> Flask:
    """Return the Flask app of one review."""
    app = Flask(__name__)
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    guard(app, config.keys)
    lock = threading.Lock()  # the list of ids is shared by the server's threads

    def store() -> ContactStore:
        return ContactStore(config.db)

    def neighbours(contact_id: int) -> tuple[int | None, int | None]:
        with lock:
            ids = list(config.ids)
        if contact_id not in ids:
            return None, None
        i = ids.index(contact_id)
        return (ids[i - 1] if i > 0 else None), (ids[i + 1] if i + 1 < len(ids) else None)

    def after(contact_id: int) -> BaseResponse:
        """Go to the card after this one, or back to the list after the last."""
        _, following = neighbours(contact_id)
        target = url_for("card", contact_id=following) if following else url_for("index")
        return redirect(target, code=303)

    def card_page(
        contact_id: int, form: CardForm | None = None, errors: dict[str, str] | None = None
    ) -> str:
        with store() as s:
            stored = s.get(contact_id)
            reading = s.card_words(contact_id)
            has_image = s.card_image(contact_id) is not None
            duplicates = [(s.get(i).contact, why) for i, why in s.duplicates(contact_id)]
        previous, following = neighbours(contact_id)
        with lock:
            position = config.ids.index(contact_id) + 1 if contact_id in config.ids else None
        return render_template(
            "card.html",
            stored=stored,
            groups=groups(stored, form or CardForm.of(stored), reading, errors),
            errors=errors or {},
            has_image=has_image,
            has_words=reading is not None,
            duplicates=duplicates,
            previous=previous,
            following=following,
            position=position,
            total=len(config.ids),
            kinds=PHONE_KINDS,
            csrf=config.keys.csrf,
        )

    @app.errorhandler(NotFoundError)
    def _not_found(e: NotFoundError) -> tuple[str, int]:
        return render_template("message.html", title="Not found", message=str(e)), 404

    @app.get("/")
    def index() -> str:
        with lock:
            ids = list(config.ids)
        with store() as s:
            cards = [summary(s, i) for i in ids]
        return render_template("list.html", cards=cards, csrf=config.keys.csrf)

    @app.get("/card/<int:contact_id>")
    def card(contact_id: int) -> str:
        return card_page(contact_id)

    @app.post("/card/<int:contact_id>")
    def save(contact_id: int) -> BaseResponse | tuple[str, int]:
        form = CardForm.submitted(request.form, {k: request.form.getlist(k) for k in request.form})
        with store() as s:
            try:
                edit = checked_edit(s.get(contact_id), form, config.region)
                if not edit.is_empty:
                    s.edit(contact_id, edit)
            except FormErrors as e:
                return card_page(contact_id, form, e.errors), 400
            except InvalidValueError as e:  # a removal the store no longer finds
                return card_page(contact_id, form, {e.field: e.problem}), 400
        return after(contact_id)

    @app.post("/card/<int:contact_id>/delete")
    def delete(contact_id: int) -> BaseResponse:
        response = after(contact_id)
        with store() as s:
            s.delete(contact_id)
        with lock:
            if contact_id in config.ids:
                config.ids.remove(contact_id)
        return response

    @app.post("/card/<int:contact_id>/merge/<int:other_id>")
    def merge(contact_id: int, other_id: int) -> BaseResponse:
        with store() as s:
            if other_id not in dict(s.duplicates(contact_id)):
                abort(400)
            s.merge(contact_id, other_id)
        with lock:
            if other_id in config.ids:
                config.ids.remove(other_id)
        return redirect(url_for("card", contact_id=contact_id), code=303)

    @app.get("/card/<int:contact_id>/image")
    def image(contact_id: int) -> Response:
        with store() as s:
            jpeg = s.card_image(contact_id)
        if jpeg is None:
            abort(404)
        return Response(jpeg, mimetype="image/jpeg")

    @app.get("/favicon.ico")
    def favicon() -> tuple[str, int]:
        return "", 204  # no icon, and no error in the browser's console

    @app.post("/done")
    def done() -> str:
        threading.Timer(0.2, config.on_done).start()  # after this answer has gone out
        return render_template(
            "message.html",
            title="Review finished",
            message="The review is finished and cardscan has stopped. You can close this tab.",
        )

    return app
