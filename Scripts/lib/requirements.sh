# Installs the Debian packages Vouch needs when any is missing. Sourced by Scripts/*.

VOUCH_APT_PACKAGES=(
  libavformat-dev libavcodec-dev libswscale-dev libavutil-dev  # CFFmpeg
  ffmpeg                                                      # sample generation and test fixtures
  pkg-config
  fonts-dejavu-core                                           # captions in the sample clips
  python3-jwt python3-cryptography                            # attestations minted by PyJWT in the identity tests
  postgresql                                                  # the store's tests on PostgreSQL
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
