"""`cardscan review` over plain HTTP: the token, CSRF and loopback rules, saving and its errors."""

from __future__ import annotations

import http.cookiejar
import io
import json
import re
import signal
import subprocess
import sys
import threading
import urllib.error
import urllib.request
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import pytest
from flask.testing import FlaskClient
from PIL import Image
from typer.testing import CliRunner

from cardscan.cli import app as cli
from cardscan.contact import Contact, Meeting, Phone
from cardscan.model import OcrResult
from cardscan.store import CardRecord, ContactStore
from cardscan.web import ReviewConfig, create_app, is_loopback
from cardscan.web.cards import selection
from cardscan.web.edits import CardForm, FormErrors, checked_edit

runner = CliRunner()

CARD_TEXT = "Priya Raman\nProduct Manager\npriya.ranan@northwind.example\n(415) 555-0142"
PRIYA = Contact(
    name="Priya Raman",
    given_name="Priya",
    family_name="Raman",
    title="Product Manager",
    emails=("priya.ranan@northwind.example",),
    phones=(Phone("+14155550142", "mobile"),),
    confidence={"emails": 0.4, "name": 0.9, "title": 0.5},
    warnings=("email: low OCR confidence (0.40)",),
)


def jpeg() -> bytes:
    out = io.BytesIO()
    Image.new("RGB", (64, 40), "white").save(out, "JPEG")
    return out.getvalue()


@pytest.fixture
def store_ids(db_path: Path) -> dict[str, int]:
    """A store of three: a doubtful card with its image, a certain one, and a duplicate."""
    reading = OcrResult.from_text(CARD_TEXT)
    with ContactStore(db_path) as store:
        priya = store.add(
            PRIYA, Meeting(met="expo"), CardRecord("a", CARD_TEXT, "p.jpg", jpeg(), reading)
        ).contact_id
        sure = store.add(Contact(name="Sure Person", confidence={"name": 0.99})).contact_id
        twin = store.add(
            Contact(name="priya raman", confidence={"name": 0.3}), Meeting(notes=("met twice",))
        ).contact_id
    return {"priya": priya, "sure": sure, "twin": twin}


@pytest.fixture
def config(db_path: Path, store_ids: dict[str, int]) -> ReviewConfig:
    return ReviewConfig(db=db_path, ids=list(store_ids.values()), region="US")


@pytest.fixture
def client(config: ReviewConfig) -> FlaskClient:
    """A client that opened the printed link, so it holds the cookie."""
    c = create_app(config).test_client()
    assert c.get(f"/?token={config.keys.token}").status_code == 303
    return c


def stranger(config: ReviewConfig) -> FlaskClient:
    return create_app(config).test_client()


def form(config: ReviewConfig, **fields: str | list[str]) -> dict[str, str | list[str]]:
    """Return Priya's form as the page shows it (one blank row per list), some fields changed."""
    with ContactStore(config.db) as store:
        shown = CardForm.of(store.get(1))
    base: dict[str, str | list[str]] = {
        "csrf": config.keys.csrf,
        "phone_kinds": [kind for kind, _ in shown.phones] + ["work"],
        "phones": [number for _, number in shown.phones] + [""],
    }
    for name in ("name", "title", "company", "department", "address", "met", "met_on"):
        base[name] = getattr(shown, name)
    for name in ("emails", "websites", "socials", "tags"):
        base[name] = [*getattr(shown, name), ""]
    return base | fields


def show_json(contact_id: int) -> dict:
    result = runner.invoke(cli, ["show", str(contact_id), "--json"])
    assert result.exit_code == 0, result.output
    return json.loads(result.stdout)


# -- the token -----------------------------------------------------------------------------------


@pytest.mark.parametrize("path", ["/", "/card/1", "/card/1/image", "/static/review.js", "/nowhere"])
def test_without_the_token_every_request_is_refused(config: ReviewConfig, path: str) -> None:
    response = stranger(config).get(path)
    assert response.status_code == 403
    assert b"Priya" not in response.data


def test_a_wrong_token_is_refused_and_sets_no_cookie(config: ReviewConfig) -> None:
    c = stranger(config)
    response = c.get("/?token=guess")
    assert response.status_code == 403
    assert "Set-Cookie" not in response.headers
    assert c.get("/").status_code == 403


def test_the_token_becomes_a_strict_http_only_cookie_and_leaves_the_address(
    config: ReviewConfig,
) -> None:
    c = stranger(config)
    response = c.get(f"/card/1?token={config.keys.token}")
    assert response.status_code == 303
    assert response.headers["Location"] == "/card/1"
    cookie = response.headers["Set-Cookie"]
    assert config.keys.token in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie
    assert c.get("/card/1").status_code == 200


def test_a_forged_cookie_is_refused(config: ReviewConfig) -> None:
    c = stranger(config)
    c.set_cookie("cardscan_review_80", "forged")
    assert c.get("/").status_code == 403


# -- CSRF --------------------------------------------------------------------------------------


@pytest.mark.parametrize("csrf", [None, "", "wrong"], ids=["missing", "empty", "wrong"])
@pytest.mark.parametrize("path", ["/card/1", "/card/1/delete", "/card/1/merge/3", "/done"])
def test_a_post_without_the_csrf_token_is_refused_and_changes_nothing(
    client: FlaskClient, config: ReviewConfig, path: str, csrf: str | None
) -> None:
    data = form(config, emails=["fixed@northwind.example"])
    if csrf is None:
        del data["csrf"]
    else:
        data["csrf"] = csrf
    assert client.post(path, data=data).status_code == 403
    assert show_json(1)["emails"] == ["priya.ranan@northwind.example"]
    assert show_json(3)["name"] == "priya raman"


def test_pages_load_nothing_from_elsewhere_and_forbid_it(client: FlaskClient) -> None:
    for path in ("/", "/card/1"):
        response = client.get(path)
        page = response.data.decode()
        links = re.findall(r'(?:src|href|action)="([^"]*)"', page)
        assert links and all(link.startswith("/") for link in links), links
        policy = response.headers["Content-Security-Policy"]
        assert "default-src 'none'" in policy and "script-src 'self'" in policy
        assert response.headers["Referrer-Policy"] == "no-referrer"
    assert client.get("/static/review.js").status_code == 200
    assert client.get("/static/review.css").status_code == 200


# -- images --------------------------------------------------------------------------------------


def test_only_the_stores_own_images_are_served(client: FlaskClient) -> None:
    response = client.get("/card/1/image")
    assert response.status_code == 200
    assert response.mimetype == "image/jpeg"
    assert response.data == jpeg()
    assert client.get("/card/2/image").status_code == 404  # typed in: no image
    assert client.get("/card/99/image").status_code == 404
    for path in ("/card/..%2F..%2Fetc%2Fpasswd/image", "/static/..%2F..%2Fpyproject.toml"):
        response = client.get(path)
        assert response.status_code == 404, path
        assert b"cardscan" not in response.data


# -- the page ------------------------------------------------------------------------------------


def test_the_card_page_shows_the_image_the_fields_and_why_they_are_doubtful(
    client: FlaskClient,
) -> None:
    page = client.get("/card/1").data.decode()
    assert 'src="/card/1/image"' in page
    assert 'value="priya.ranan@northwind.example"' in page
    assert 'value="Product Manager"' in page
    assert "low OCR confidence (0.40)" in page  # the parser's warning
    assert "unsure of it (confidence 0.50)" in page  # the title: no warning, a low confidence
    # the doubtful group comes first, and its words are outlined
    assert page.index('data-field="emails"') < page.index('data-field="name"')
    outline = re.search(r'id="emails-0"[^>]*data-outline=\'([^\']*)\'', page, re.S)
    assert outline and len(json.loads(outline.group(1))) == 1
    # the duplicate by name is offered for merging
    assert 'action="/card/1/merge/3"' in page and "(same name Priya Raman)" in page


def test_the_list_shows_every_card_with_a_thumbnail_and_its_doubts(client: FlaskClient) -> None:
    page = client.get("/").data.decode()
    assert page.count('href="/card/') == 3
    assert 'class="thumb" src="/card/1/image"' in page
    assert "2 doubts" in page  # Priya: title, and emails (the warning about them counts once)
    assert "1 doubt<" in page  # her twin's name
    assert "checked" in page  # the sure one


def test_saving_a_fixed_email_stores_it_trusted_and_opens_the_next_card(
    client: FlaskClient, config: ReviewConfig
) -> None:
    response = client.post("/card/1", data=form(config, emails=["priya.raman@northwind.example"]))
    assert response.status_code == 303
    assert response.headers["Location"] == "/card/2"
    shown = show_json(1)
    assert shown["emails"] == ["priya.raman@northwind.example"]
    assert shown["confidence"]["emails"] == 1.0
    assert shown["warnings"] == []
    assert shown["phones"] == [{"number": "+14155550142", "kind": "mobile", "extension": None}]
    assert shown["confidence"]["name"] == 0.9  # untouched fields keep their confidence


def test_a_bad_phone_is_refused_inline_and_nothing_is_saved(
    client: FlaskClient, config: ReviewConfig
) -> None:
    data = form(config, emails=["priya.raman@northwind.example"], phones=["+1 415-555-0142", "12"])
    response = client.post("/card/1", data=data)
    assert response.status_code == 400
    page = response.data.decode()
    assert re.search(r'id="phones-1"[^>]*aria-invalid="true"', page, re.S)
    assert "not a phone number: &#39;12&#39;" in page
    assert 'value="priya.raman@northwind.example"' in page  # what was typed is kept
    assert show_json(1)["emails"] == ["priya.ranan@northwind.example"]


def test_emails_and_phones_can_be_added_removed_and_retyped(
    client: FlaskClient, config: ReviewConfig
) -> None:
    data = form(
        config,
        emails=["", "p.raman@northwind.example"],
        phone_kinds=["work", "fax"],
        phones=["+1 415-555-0142", "(415) 555-0199"],
        websites=["northwind.example"],
        address="12 Main St, Springfield, IL 62701",
    )
    assert client.post("/card/1", data=data).status_code == 303
    shown = show_json(1)
    assert shown["emails"] == ["p.raman@northwind.example"]
    assert [(p["number"], p["kind"]) for p in shown["phones"]] == [
        ("+14155550142", "work"),
        ("+14155550199", "fax"),
    ]
    assert shown["websites"] == ["northwind.example"]
    assert shown["address_parts"]["city"] == "Springfield"


def test_department_socials_tags_and_the_meeting_can_be_changed(
    client: FlaskClient, config: ReviewConfig
) -> None:
    data = form(
        config,
        department="Platform",
        socials=["@priya", ""],
        tags=["lead", "expo-2026", ""],
        met="Expo booth 12",
        met_on="2026-01-15",
    )
    assert client.post("/card/1", data=data).status_code == 303
    shown = show_json(1)
    assert (shown["department"], shown["socials"]) == ("Platform", ["@priya"])
    assert sorted(shown["tags"]) == ["expo-2026", "lead"]
    assert (shown["met"], shown["met_on"]) == ("Expo booth 12", "2026-01-15")
    # and a tag removed is gone
    assert client.post("/card/1", data=form(config, tags=["lead"])).status_code == 303
    assert show_json(1)["tags"] == ["lead"]


@pytest.mark.parametrize(
    ("field", "value", "error"),
    [
        ("met_on", "2999-01-01", "is in the future"),
        ("met_on", "last week", "not a day"),
        ("socials", ["not a profile"], "not a @handle or a profile address"),
        ("websites", ["two words"], "not a web address"),
        ("emails", ["priya@"], "not an email address"),
    ],
    ids=["future-day", "not-a-day", "social", "website", "email"],
)
def test_values_edit_refuses_are_refused_inline(
    client: FlaskClient, config: ReviewConfig, field: str, value: str | list[str], error: str
) -> None:
    before = show_json(1)
    response = client.post("/card/1", data=form(config, **{field: value}))
    assert response.status_code == 400
    page = response.data.decode()
    key = field if isinstance(value, str) else f"{field}-0"
    assert re.search(rf'id="{key}"[^>]*aria-invalid="true"', page, re.S), key
    assert error in page
    assert show_json(1) == before


def test_a_name_with_a_control_character_is_refused(
    client: FlaskClient, config: ReviewConfig
) -> None:
    response = client.post("/card/1", data=form(config, name="Priya\x07Raman"))
    assert response.status_code == 400
    assert "a control character (U+0007)" in response.data.decode()
    assert show_json(1)["name"] == "Priya Raman"


@pytest.mark.parametrize(
    "text",
    [
        "priya(at)northwind.example",
        "Priya <priya@northwind.example>",
        "priya@northwind",
        "not an email",
        "a@b.example c@d.example",
    ],
)
def test_the_page_takes_emails_exactly_as_cardscan_edit_does(
    db_path: Path, store_ids: dict, text: str
) -> None:
    with ContactStore(db_path) as store:
        stored = store.get(1)
    typed = replace(CardForm.of(stored), emails=(text,))
    try:
        by_page: tuple[str, ...] | None = (
            checked_edit(stored, typed, "US").apply(stored.contact).emails
        )
    except FormErrors:
        by_page = None
    by_edit = runner.invoke(cli, ["edit", "1", "--email", text, "--json"])
    if by_edit.exit_code == 0:
        assert by_page == tuple(json.loads(by_edit.stdout)["emails"])
    else:
        assert by_page is None


@pytest.mark.parametrize(
    ("text", "region"),
    [
        ("(415) 555-0199", "US"),
        ("+44 20 7946 0123 ext. 12", "US"),
        ("030 1234567", "DE"),
        ("555-01", "US"),
        ("call me", "US"),
    ],
)
def test_the_page_takes_phones_exactly_as_cardscan_edit_does(
    db_path: Path, store_ids: dict, text: str, region: str
) -> None:
    with ContactStore(db_path) as store:
        stored = store.get(1)
    typed = replace(CardForm.of(stored), phones=(("other", text),))
    try:
        edit = checked_edit(stored, typed, region)
        numbers: list | None = [(p.number, p.extension) for p in edit.apply(stored.contact).phones]
    except FormErrors:
        numbers = None
    by_edit = runner.invoke(cli, ["edit", "1", "--phone", text, "--region", region, "--json"])
    if by_edit.exit_code == 0:
        assert numbers == [
            (p["number"], p["extension"]) for p in json.loads(by_edit.stdout)["phones"]
        ]
    else:
        assert numbers is None


def test_delete_removes_the_contact_and_moves_on(client: FlaskClient, config: ReviewConfig) -> None:
    response = client.post("/card/1/delete", data={"csrf": config.keys.csrf})
    assert (response.status_code, response.headers["Location"]) == (303, "/card/2")
    assert runner.invoke(cli, ["show", "1"]).exit_code == 4
    assert 'href="/card/1"' not in client.get("/").data.decode()
    assert client.get("/card/1").status_code == 404


def test_merge_folds_the_duplicate_into_the_card(client: FlaskClient, config: ReviewConfig) -> None:
    response = client.post("/card/1/merge/3", data={"csrf": config.keys.csrf})
    assert (response.status_code, response.headers["Location"]) == (303, "/card/1")
    assert runner.invoke(cli, ["show", "3"]).exit_code == 4
    assert [n["text"] for n in show_json(1)["notes"]] == ["met twice"]
    # a contact that is not a duplicate is not merged
    assert client.post("/card/1/merge/2", data={"csrf": config.keys.csrf}).status_code == 400


def test_done_answers_then_stops_the_server(config: ReviewConfig) -> None:
    stopped = threading.Event()
    config.on_done = stopped.set
    c = create_app(config).test_client()
    c.get(f"/?token={config.keys.token}")
    response = c.post("/done", data={"csrf": config.keys.csrf})
    assert response.status_code == 200 and b"Review finished" in response.data
    assert stopped.wait(5)


# -- which cards -------------------------------------------------------------------------------


def test_by_default_only_doubtful_cards_newest_first(
    db_path: Path, store_ids: dict[str, int]
) -> None:
    with ContactStore(db_path) as store:
        assert selection(store) == [3, 1]
        assert selection(store, everything=True) == [3, 2, 1]
        assert selection(store, ids=[2]) == [2]
        assert selection(store, tag="nothing") == []
        assert selection(store, since=date(2000, 1, 1)) == [3, 1]
        assert selection(store, since=date.today() + timedelta(days=1)) == []


# -- the command -------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("host", "loopback"),
    [
        ("127.0.0.1", True),
        ("127.1.2.3", True),
        ("localhost", True),
        ("::1", True),
        ("[::1]", True),
        ("0.0.0.0", False),
        ("192.168.1.20", False),
        ("::", False),
        ("example.com", False),
    ],
)
def test_loopback_hosts(host: str, loopback: bool) -> None:
    assert is_loopback(host) is loopback


def test_a_host_beyond_this_machine_is_refused_without_allow_remote(store_ids: dict) -> None:
    result = runner.invoke(cli, ["review", "--host", "0.0.0.0", "--no-browser"])
    assert result.exit_code == 2
    assert "--allow-remote" in result.stderr


def test_nothing_to_review_says_so(db_path: Path) -> None:
    with ContactStore(db_path) as store:
        store.add(Contact(name="Sure Person", confidence={"name": 0.99}))
    result = runner.invoke(cli, ["review", "--no-browser"])
    assert result.exit_code == 0
    assert "no contacts to review (--all to review every contact)" in result.stderr
    assert runner.invoke(cli, ["review", "--ids", "7", "--no-browser"]).exit_code == 4


def test_a_store_that_does_not_exist_is_refused_and_not_created(tmp_path: Path) -> None:
    missing = tmp_path / "typo" / "contacts.db"
    result = runner.invoke(cli, ["review", "--db", str(missing), "--no-browser"])
    assert result.exit_code == 6
    assert "no such store" in result.stderr
    assert not missing.parent.exists()


def _start(*args: str) -> tuple[subprocess.Popen[str], str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "cardscan", "review", "--no-browser", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        # Ctrl-C as from a terminal, even when the tests run in the background with it ignored
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert proc.stdout is not None
    return proc, proc.stdout.readline().strip()


def test_the_server_serves_on_loopback_with_the_token_and_stops_on_done(store_ids: dict) -> None:
    proc, url = _start("--all")
    try:
        assert re.fullmatch(r"http://127\.0\.0\.1:\d+/\?token=[\w-]{40,}", url), url
        base = url.split("?")[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(base)
        assert refused.value.code == 403
        browser = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        page = browser.open(url).read().decode()
        assert "Priya Raman" in page
        csrf = re.search(r'name="csrf" value="([^"]+)"', page)
        assert csrf
        done = browser.open(base + "done", data=f"csrf={csrf.group(1)}".encode()).read()
        assert b"Review finished" in done
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
        _, err = proc.communicate()
    assert "reviewing 3 cards" in err and "review finished" in err
    assert url.split("token=")[1] not in err  # requests are not logged with the token


def test_allow_remote_serves_beyond_this_machine_with_a_warning_until_ctrl_c(
    store_ids: dict,
) -> None:
    proc, url = _start("--all", "--host", "0.0.0.0", "--allow-remote")
    try:
        assert url.startswith("http://0.0.0.0:")
        port = url.split(":")[2].split("/")[0]
        with pytest.raises(urllib.error.HTTPError) as refused:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/")
        assert refused.value.code == 403  # the token is still needed
        proc.send_signal(signal.SIGINT)  # Ctrl-C
        assert proc.wait(timeout=20) == 0
    finally:
        proc.kill()
        _, err = proc.communicate()
    assert "warning: serving on 0.0.0.0" in err
    assert "review finished" in err
