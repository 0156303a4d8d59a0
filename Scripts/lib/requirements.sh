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

require_python_tools() {
  local venv=".build/venv"
  if [ ! -x "$venv/bin/python" ]; then
    python3 -m venv --system-site-packages "$venv"
  fi
  # One Python check, not `pip show | grep -q`: under pipefail grep's early exit fails the pipe.
  if ! "$venv/bin/python" -c "import importlib.metadata as m, c2pa, cryptography, boto3, moto.server; assert m.version('c2pa-python') == '$VOUCH_C2PA_PYTHON_VERSION'; assert m.version('moto') == '$VOUCH_MOTO_VERSION'" >/dev/null 2>&1; then
    echo "Installing into $venv: ${VOUCH_PYTHON_PACKAGES[*]}" >&2
    "$venv/bin/pip" install -q "${VOUCH_PYTHON_PACKAGES[@]}"
  fi
}
