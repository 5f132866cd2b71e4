#!/usr/bin/env bash
# Set up cardscan on Debian/Ubuntu (or macOS with Homebrew) and run it.
#
#   scripts/setup.sh demo   # set up, then `cardscan add` the bundled sample card into your store
#   scripts/setup.sh test   # set up (and Chromium for the browser tests), then ruff, mypy and
#                           # the whole test suite (what CI runs)
#   scripts/setup.sh        # set up only
#
# CARDSCAN_EXTRAS=rapidocr adds optional extras (comma-separated) to any of these; `test` always
# installs the rapidocr extra, so CI runs every engine's tests.
#
# Idempotent: it installs only what is missing. Uses sudo only when not root. Needs no input.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV="${CARDSCAN_VENV:-.venv}"
PYTHON="${PYTHON:-python3}"
SAMPLE="samples/photo/quickstart.jpg"

say() { printf 'setup: %s\n' "$*" >&2; }
as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }

apt_install() {
  say "installing $* (apt)"
  # another apt-get at work (a second setup, unattended upgrades) is waited for, not an error
  local lock=(-o DPkg::Lock::Timeout=600)
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get "${lock[@]}" install -y -qq \
    --no-install-recommends "$@" >/dev/null
}

have_tesseract_lang() {
  command -v tesseract >/dev/null 2>&1 && tesseract --list-langs 2>/dev/null | grep -qx "$1"
}

# Tesseract with its English data, and its Latin-script model, which reads the accented
# letters of names the English model drops (Élodie, Müller): one apt-get run for all.
ensure_system_packages() {
  local want=()
  have_tesseract_lang eng || want+=(tesseract-ocr tesseract-ocr-eng)
  have_tesseract_lang Latin || want+=(tesseract-ocr-script-latn)
  command -v "$PYTHON" >/dev/null 2>&1 || want+=(python3)
  if command -v "$PYTHON" >/dev/null 2>&1 && ! "$PYTHON" -c 'import venv, ensurepip' 2>/dev/null; then
    want+=(python3-venv)
  fi
  [ ${#want[@]} -eq 0 ] && return 0
  if command -v apt-get >/dev/null 2>&1; then
    apt_install "${want[@]}"
  elif command -v brew >/dev/null 2>&1; then
    brew install tesseract tesseract-lang
  else
    say "please install Tesseract OCR with English and Latin-script data and Python >= 3.11, then rerun"
    exit 3
  fi
  have_tesseract_lang eng || { say "tesseract with English data is still missing"; exit 3; }
  have_tesseract_lang Latin || say "no Latin-script model: names are read without their accents"
}

# The browser tests of `cardscan review` drive the distribution's Chromium headless through
# its chromedriver; both come from apt, so nothing is downloaded when the tests run.
ensure_browser() {
  [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ] && return 0
  if command -v apt-get >/dev/null 2>&1; then
    apt_install chromium chromium-driver
  else
    say "the browser tests need Chromium and chromedriver at /usr/bin (Debian: chromium, chromium-driver)"
    exit 3
  fi
}

ensure_venv() {
  local extras="$1"
  "$PYTHON" -c 'import sys; sys.exit(sys.version_info < (3, 11))' \
    || { say "cardscan needs Python >= 3.11 ($PYTHON is $("$PYTHON" -V 2>&1))"; exit 3; }
  [ -x "$VENV/bin/python" ] || { say "creating $VENV"; "$PYTHON" -m venv "$VENV"; }
  # Reinstall only when the project's requirements changed since the last run, or an extra is
  # asked for that is not installed yet; extras installed before are kept.
  local stamp="$VENV/.cardscan-installed" want have_hash="" have_extras=""
  want="$(sha256sum < pyproject.toml | cut -d' ' -f1)"
  { read -r have_hash have_extras < "$stamp"; } 2>/dev/null || true
  [ "$have_hash" = "$want" ] || have_extras=""
  extras="$(printf '%s\n' ${extras//,/ } ${have_extras//,/ } | sort -u | paste -sd, -)"
  [ "$have_hash" = "$want" ] && [ "$extras" = "$have_extras" ] && return 0
  say "installing Python packages into $VENV (extras: $extras)"
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check --upgrade pip >/dev/null
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check -e ".[$extras]"
  echo "$want $extras" > "$stamp"
}

# dev for everyone; `test` adds the optional engines, so their tests run in CI too
extras="dev${CARDSCAN_EXTRAS:+,$CARDSCAN_EXTRAS}"
[ "${1:-}" = test ] && extras="$extras,rapidocr"

ensure_system_packages
ensure_venv "$extras"

case "${1:-}" in
  demo)
    "$VENV/bin/cardscan" add "$SAMPLE" --met "cardscan quick start" --tag demo
    ;;
  test)
    ensure_browser
    "$VENV/bin/ruff" check cardscan tests scripts
    "$VENV/bin/ruff" format --check cardscan tests scripts
    "$VENV/bin/mypy"
    # pytest exits 5 when it collects no tests: that is a failure here too.
    "$VENV/bin/pytest" -q -p no:cacheprovider
    ;;
  "") say "done; activate with: . $VENV/bin/activate" ;;
  *) say "unknown command: $1 (use demo or test)"; exit 2 ;;
esac
