#!/bin/sh
# The image's entry point: runs one app by name, exec'd, so node is PID 1 and receives the
# container's SIGTERM itself (no shell, npm or init left in between). Run from the app folder
# (the image's WORKDIR, /app).
set -eu
command="${1:-}"
[ $# -gt 0 ] && shift
case "$command" in
  api | worker | dashboard) exec node "dist/apps/$command/src/main.js" "$@" ;;
  hash-password) exec node dist/apps/dashboard/src/hash-password.js "$@" ;;
  *)
    echo "usage: docker run <image> api | worker | dashboard | hash-password" >&2
    exit 64
    ;;
esac
