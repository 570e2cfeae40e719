#!/bin/sh
# Entrypoint of Parley's image (deploy/Dockerfile).
#
# Parley reads its settings from the environment only. Secrets are often handed to a
# container as files instead (Docker/Compose secrets under /run/secrets, Kubernetes
# secret volumes), so for every variable NAME_FILE=/some/path this exports NAME with that
# file's contents, e.g. JWT_PRIVATE_KEY_FILE=/run/secrets/jwt_private_key sets
# JWT_PRIVATE_KEY to the PEM. Then it execs the command (by default node dist/main.js),
# which therefore receives SIGTERM directly from tini.
set -eu

for name in $(env | sed -n 's/^\([A-Z][A-Z0-9_]*\)_FILE=.*/\1/p'); do
  eval "file=\${${name}_FILE}"
  eval "direct=\${${name}:-}"
  if [ -n "$direct" ]; then
    echo "parley-entrypoint: both $name and ${name}_FILE are set; set only one" >&2
    exit 2
  fi
  if [ ! -r "$file" ]; then
    echo "parley-entrypoint: ${name}_FILE=$file cannot be read by uid $(id -u)" >&2
    exit 2
  fi
  value=$(cat "$file")
  export "$name=$value"
  unset "${name}_FILE"
done

exec "$@"
