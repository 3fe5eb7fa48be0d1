#!/bin/sh
# Append-only persistence in /data; a password from REDIS_PASSWORD.
set -eu
: "${REDIS_PASSWORD:?REDIS_PASSWORD is required}"
exec redis-server --bind 0.0.0.0 --port 6379 --protected-mode no --dir /data --appendonly yes \
  --requirepass "$REDIS_PASSWORD" "$@"
