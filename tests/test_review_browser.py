"""`cardscan review` in a real browser: headless Chromium from the distribution, through Selenium.

scripts/setup.sh test installs chromium and chromium-driver; nothing is downloaded here. With
CARDSCAN_SCREENSHOT=docs/review.png set, the run rewrites the README's screenshot there (a test
run leaves the checkout as it found it otherwise).
"""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest
from PIL import Image
from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.remote.webdriver import WebDriver
from selenium.webdriver.support.ui import WebDriverWait

from cardscan.store import ContactStore

ROOT = Path(__file__).parent.parent
CHROMIUM = Path("/usr/bin/chromium")
CHROMEDRIVER = Path("/usr/bin/chromedriver")
MISREAD = "m.okafor@tidewater-lnstruments.exarnple"
RIGHT = "m.okafor@tidewater-instruments.example"


def cardscan(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "cardscan", *args],
        capture_output=True,
        text=True,
        timeout=120,
        cwd=ROOT,  # so the sources the page shows are samples/..., not this machine's paths
    )


@pytest.fixture
def cards(db_path: Path) -> dict[str, int]:
    """Two sample cards read for real; the newer one's email then misread, as OCR can."""
    samples = ("samples/flat/elbstrom.png", "samples/photo/quickstart.jpg")
    done = cardscan("add", *samples, "--fast", "--region", "DE", "-j", "1")  # -j 1: ids in order
    assert done.returncode == 0, done.stderr
    with ContactStore(db_path) as store:
        okafor = store.get(2).contact
        assert okafor.emails == (RIGHT,)
        store.update(
            2,
            replace(
                okafor,
                emails=(MISREAD,),
                confidence=okafor.confidence | {"emails": 0.45},
                warnings=(
                    f"email: repaired 'm.okafor@tidewater-lnstruments,exarnple' -> {MISREAD!r}",
                ),
            ),
        )
    return {"weiss": 1, "okafor": 2}


@pytest.fixture
def browser() -> Iterator[WebDriver]:
    if not (CHROMIUM.exists() and CHROMEDRIVER.exists()):
        pytest.fail(f"{CHROMIUM} and {CHROMEDRIVER} are needed: run scripts/setup.sh test")
    options = webdriver.ChromeOptions()
    options.binary_location = str(CHROMIUM)
    # flags that keep Chromium from reaching for the network it does not have here
    for flag in (
        "--headless=new",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--window-size=1100,700",
        "--force-device-scale-factor=1",
    ):
        options.add_argument(flag)
    if os.geteuid() == 0:
        options.add_argument("--no-sandbox")  # Chromium's sandbox refuses to run as root
    with tempfile.TemporaryDirectory(prefix="cardscan-chromium-") as profile:
        options.add_argument(f"--user-data-dir={profile}")
        driver = webdriver.Chrome(options=options, service=Service(str(CHROMEDRIVER)))
        driver.set_page_load_timeout(30)
        try:
            yield driver
        finally:
            driver.quit()


@pytest.fixture
def page_url(cards: dict[str, int]) -> Iterator[str]:
    proc = subprocess.Popen(
        [sys.executable, "-m", "cardscan", "review", "--all", "--no-browser"],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    assert proc.stdout is not None
    try:
        yield proc.stdout.readline().strip()
    finally:
        proc.terminate()
        proc.wait(timeout=20)


def wait(driver: WebDriver, test: object, seconds: float = 15) -> None:
    WebDriverWait(driver, seconds).until(test)  # type: ignore[arg-type]


def stored(contact_id: int) -> dict:
    shown = cardscan("show", str(contact_id), "--json")
    assert shown.returncode == 0, shown.stderr
    return json.loads(shown.stdout)


def save_screenshot(driver: WebDriver) -> None:
    """Write the page as a small palette PNG to $CARDSCAN_SCREENSHOT, when it is set."""
    # no blinking caret: the same page makes the same picture, and the file stays unchanged
    driver.execute_script("document.activeElement.style.caretColor = 'transparent'")
    shot = Image.open(io.BytesIO(driver.get_screenshot_as_png())).convert("RGB")
    small = shot.quantize(colors=96, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    out = io.BytesIO()
    small.save(out, "PNG", optimize=True)
    assert small.size[0] > 0 and out.getvalue().startswith(b"\x89PNG")
    target = os.environ.get("CARDSCAN_SCREENSHOT")
    if target:
        path = ROOT / target
        path.parent.mkdir(exist_ok=True)
        path.write_bytes(out.getvalue())


def test_fix_a_misread_email_and_refuse_a_bad_phone(browser: WebDriver, page_url: str) -> None:
    browser.get(page_url)  # the link printed: the token becomes a cookie, the list opens
    assert "token" not in browser.current_url
    assert len(browser.find_elements(By.CSS_SELECTOR, ".cards li")) == 2
    browser.find_element(By.CSS_SELECTOR, 'a[href="/card/2"]').click()

    # the card's image beside its fields, the doubtful email first, outlined where it was read
    wait(browser, lambda d: d.execute_script("return document.images[0].naturalWidth") > 0)
    image = browser.find_element(By.ID, "card-image")
    email = browser.find_element(By.ID, "emails-0")
    assert email.get_attribute("value") == MISREAD
    assert browser.switch_to.active_element == email
    groups = browser.find_elements(By.CSS_SELECTOR, "fieldset.group")
    assert groups[0].get_attribute("data-field") == "emails"
    assert "doubtful" in (groups[0].get_attribute("class") or "")
    assert "tidewater-lnstruments,exarnple" in groups[0].text  # why it is doubtful
    assert browser.find_element(By.ID, "title").get_attribute("value") == "Senior Product Designer"
    boxes = browser.find_elements(By.CSS_SELECTOR, ".outlines .box")
    assert len(boxes) == 1
    box, img = boxes[0].rect, image.rect
    assert img["y"] + img["height"] * 0.5 < box["y"] < img["y"] + img["height"]  # lower half
    assert box["width"] > img["width"] * 0.3
    save_screenshot(browser)

    # fix it, Enter: saved, and the next card opens
    email.clear()
    email.send_keys(RIGHT, Keys.ENTER)
    wait(browser, lambda d: d.current_url.endswith("/card/1"))
    okafor = stored(2)
    assert okafor["emails"] == [RIGHT]
    assert okafor["warnings"] == [] and okafor["confidence"]["emails"] == 1.0

    # the left arrow, outside a field, goes back; a bad phone is refused where it was typed
    browser.switch_to.active_element.send_keys(Keys.ESCAPE)
    browser.find_element(By.TAG_NAME, "body").send_keys(Keys.ARROW_LEFT)
    wait(browser, lambda d: d.current_url.endswith("/card/2"))
    phone = browser.find_element(By.ID, "phones-0")
    phone.clear()
    phone.send_keys("12", Keys.ENTER)
    wait(browser, lambda d: d.find_elements(By.ID, "error-phones-0"))
    assert browser.current_url.endswith("/card/2")
    assert browser.find_element(By.ID, "error-phones-0").text.startswith("not a phone number: '12'")
    assert browser.find_element(By.ID, "phones-0").get_attribute("aria-invalid") == "true"
    assert [p["number"] for p in stored(2)["phones"]] == ["+14155550134", "+14155550178"]


def test_delete_asks_first_and_done_stops_the_review(browser: WebDriver, page_url: str) -> None:
    browser.get(page_url)
    browser.get(page_url.split("?")[0] + "card/1")
    browser.find_element(By.CSS_SELECTOR, "form.delete button").click()
    alert = browser.switch_to.alert
    assert "Delete #1" in alert.text
    alert.dismiss()
    assert stored(1)["name"]  # still there

    browser.set_window_size(390, 844)  # a phone: the card above its fields
    picture = browser.find_element(By.CSS_SELECTOR, ".picture").rect
    fields = browser.find_element(By.ID, "fields").rect
    assert picture["y"] + picture["height"] <= fields["y"]
    assert fields["width"] <= 390

    browser.find_element(By.CSS_SELECTOR, "form.done button").click()
    wait(browser, lambda d: "Review finished" in d.page_source)
