"""The review page's routes: a thin client of the store, one store connection per request."""

from __future__ import annotations

import threading

from flask import (
    Blueprint,
    Flask,
    Response,
    abort,
    current_app,
    redirect,
    render_template,
    request,
    url_for,
)
from werkzeug.wrappers import Response as BaseResponse

from ..contact import PHONE_KINDS
from ..contact_edits import InvalidValueError
from ..errors import NotFoundError
from .access import guard
from .cards import groups, summary
from .edits import CardForm, FormErrors, checked_edit
from .review import Review, ReviewConfig

pages = Blueprint("review", __name__)


def create_app(config: ReviewConfig) -> Flask:
    """Return the Flask app of one review."""
    app = Flask(__name__)
    app.jinja_env.trim_blocks = app.jinja_env.lstrip_blocks = True
    app.extensions["cardscan_review"] = Review(config)
    guard(app, config.keys)
    app.register_blueprint(pages)
    app.register_error_handler(NotFoundError, _not_found)
    return app


def _review() -> Review:
    review: Review = current_app.extensions["cardscan_review"]
    return review


def _not_found(e: NotFoundError) -> tuple[str, int]:
    return render_template("message.html", title="Not found", message=str(e)), 404


@pages.get("/")
def index() -> str:
    review = _review()
    with review.store() as store:
        cards = [summary(store, i) for i in review.ids()]
    return render_template("list.html", cards=cards, csrf=review.config.keys.csrf)


@pages.get("/card/<int:contact_id>")
def card(contact_id: int) -> str:
    return _card_page(contact_id)


@pages.post("/card/<int:contact_id>")
def save(contact_id: int) -> BaseResponse | tuple[str, int]:
    review = _review()
    form = CardForm.submitted(request.form, {k: request.form.getlist(k) for k in request.form})
    with review.store() as store:
        try:
            edit = checked_edit(store.get(contact_id), form, review.config.region)
            if not edit.is_empty:
                store.edit(contact_id, edit)
        except FormErrors as e:
            return _card_page(contact_id, form, e.errors), 400
        except InvalidValueError as e:  # a removal the store no longer finds
            return _card_page(contact_id, form, {e.field: e.problem}), 400
    return _after(contact_id)


@pages.post("/card/<int:contact_id>/delete")
def delete(contact_id: int) -> BaseResponse:
    review = _review()
    response = _after(contact_id)
    with review.store() as store:
        store.delete(contact_id)
    review.drop(contact_id)
    return response


@pages.post("/card/<int:contact_id>/merge/<int:other_id>")
def merge(contact_id: int, other_id: int) -> BaseResponse:
    review = _review()
    with review.store() as store:
        if other_id not in dict(store.duplicates(contact_id)):
            abort(400)
        store.merge(contact_id, other_id)
    review.drop(other_id)
    return redirect(url_for("review.card", contact_id=contact_id), code=303)


@pages.get("/card/<int:contact_id>/image")
def image(contact_id: int) -> Response:
    with _review().store() as store:
        jpeg = store.card_image(contact_id)
    if jpeg is None:
        abort(404)
    return Response(jpeg, mimetype="image/jpeg")


@pages.get("/favicon.ico")
def favicon() -> tuple[str, int]:
    return "", 204  # no icon, and no error in the browser's console


@pages.post("/done")
def done() -> str:
    threading.Timer(0.2, _review().config.on_done).start()  # after this answer has gone out
    return render_template(
        "message.html",
        title="Review finished",
        message="The review is finished and cardscan has stopped. You can close this tab.",
    )


def _after(contact_id: int) -> BaseResponse:
    """Go to the card after this one, or back to the list after the last."""
    _, _, following = _review().position(contact_id)
    target = url_for("review.card", contact_id=following) if following else url_for("review.index")
    return redirect(target, code=303)


def _card_page(
    contact_id: int, form: CardForm | None = None, errors: dict[str, str] | None = None
) -> str:
    review = _review()
    with review.store() as store:
        stored = store.get(contact_id)
        reading = store.card_words(contact_id)
        has_image = store.card_image(contact_id) is not None
        duplicates = [(store.get(i).contact, why) for i, why in store.duplicates(contact_id)]
    previous, position, following = review.position(contact_id)
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
        total=len(review.ids()),
        kinds=PHONE_KINDS,
        csrf=review.config.keys.csrf,
    )
