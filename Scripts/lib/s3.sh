# Starts a throwaway S3 service (moto's standalone server) on 127.0.0.1 for the media store's
# tests. Sourced by Scripts/test, after Scripts/lib/requirements.sh's require_python_tools.
#
# start_test_s3 starts moto on a free port, makes an IAM user allowed s3:* and an access key
# for it, then turns on moto's request authentication, so that from then on a request signed
# with any other key or secret is refused (moto checks the key, and the signature as botocore
# recomputes it). It exports VOUCH_TEST_S3_ENDPOINT, VOUCH_TEST_S3_ACCESS_KEY_ID and
# VOUCH_TEST_S3_SECRET_ACCESS_KEY, and stops moto when the calling script exits.

# shellcheck source=Scripts/lib/cleanup.sh
source "$(dirname "${BASH_SOURCE[0]}")/cleanup.sh"
# shellcheck source=Scripts/lib/postgres.sh
declare -F free_port >/dev/null || source "$(dirname "${BASH_SOURCE[0]}")/postgres.sh"

start_test_s3() {
  local venv=".build/venv" port endpoint credentials
  port=$(free_port)
  endpoint="http://127.0.0.1:$port"
  VOUCH_TEST_S3_LOG=$(mktemp /tmp/vouch-moto.XXXXXX)
  # `python -m moto.server` is moto_server's own entry point; it also finds a moto that the
  # venv sees through --system-site-packages, whose moto_server script is not in the venv.
  "$venv/bin/python" -m moto.server -H 127.0.0.1 -p "$port" >"$VOUCH_TEST_S3_LOG" 2>&1 &
  VOUCH_TEST_S3_PID=$!
  vouch_at_exit stop_test_s3
  local tries=0
  until curl -sf -o /dev/null "$endpoint/moto-api/data.json"; do
    tries=$((tries + 1))
    if [ "$tries" -ge 100 ] || ! kill -0 "$VOUCH_TEST_S3_PID" 2>/dev/null; then
      echo "error: moto did not answer on $endpoint within 20 s:" >&2
      tail -n 20 "$VOUCH_TEST_S3_LOG" >&2
      return 1
    fi
    sleep 0.2
  done
  credentials=$("$venv/bin/python" - "$endpoint" <<'PYTHON'
import json, sys
import boto3

iam = boto3.client("iam", endpoint_url=sys.argv[1], region_name="us-east-1",
                   aws_access_key_id="bootstrap", aws_secret_access_key="bootstrap")
iam.create_user(UserName="vouch-test")
iam.put_user_policy(UserName="vouch-test", PolicyName="media", PolicyDocument=json.dumps(
    {"Version": "2012-10-17", "Statement": [{"Effect": "Allow", "Action": "s3:*", "Resource": "*"}]}))
key = iam.create_access_key(UserName="vouch-test")["AccessKey"]
print(key["AccessKeyId"], key["SecretAccessKey"])
PYTHON
  ) || { echo "error: could not make moto's test credentials" >&2; return 1; }
  # From now on every request must be signed with the key just made.
  # text/plain: moto reads the raw body, which Flask leaves empty for a form post.
  curl -sf -o /dev/null -X POST -H "Content-Type: text/plain" --data 0 "$endpoint/moto-api/reset-auth"
  export VOUCH_TEST_S3_ENDPOINT="$endpoint"
  export VOUCH_TEST_S3_ACCESS_KEY_ID="${credentials%% *}"
  export VOUCH_TEST_S3_SECRET_ACCESS_KEY="${credentials#* }"
  echo "S3 (moto) for the tests: $VOUCH_TEST_S3_ENDPOINT" >&2
}

stop_test_s3() {
  [ -n "${VOUCH_TEST_S3_PID:-}" ] || return 0
  kill "$VOUCH_TEST_S3_PID" 2>/dev/null && wait "$VOUCH_TEST_S3_PID" 2>/dev/null
  rm -f "$VOUCH_TEST_S3_LOG"
  VOUCH_TEST_S3_PID=""
}
