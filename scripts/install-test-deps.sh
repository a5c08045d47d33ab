#!/usr/bin/env bash
# Installs the real servers and clients the credential tests use (test/credentials/real-*.test.ts),
# only when one is missing, so it costs a few `command -v` when everything is there. Idempotent.
# Debian packages: docker-registry (registry:2), skopeo, apache2-utils (htpasswd), git (ships
# git-http-backend), python3-pip (pip download against a local PyPI index), rsync (gitlab-ci-local,
# test/package/component-e2e.test.ts). verdaccio and gitlab-ci-local come from npm ci.
set -euo pipefail
missing=()
command -v docker-registry >/dev/null 2>&1 || missing+=(docker-registry)
command -v skopeo >/dev/null 2>&1 || missing+=(skopeo)
command -v htpasswd >/dev/null 2>&1 || missing+=(apache2-utils)
command -v rsync >/dev/null 2>&1 || missing+=(rsync)
if ! command -v git >/dev/null 2>&1 || [ ! -x "$(git --exec-path)/git-http-backend" ]; then missing+=(git); fi
if ! /usr/bin/python3 -c 'import pip' >/dev/null 2>&1 && ! python3 -c 'import pip' >/dev/null 2>&1; then
  missing+=(python3-pip)
fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: missing ${missing[*]}; run as root (or: sudo apt-get update && sudo apt-get install -y ${missing[*]})" >&2
  exit 1
fi
echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
