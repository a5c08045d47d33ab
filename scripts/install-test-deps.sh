#!/usr/bin/env bash
# Installs the real servers and clients the credential tests use (test/credentials/real-*.test.ts,
# clients.test.ts), only the ones missing, so it costs a few `command -v` when everything is there.
# Idempotent. Debian (bookworm) packages; verdaccio, pnpm and yarn (Berry) come from `npm ci`.
#   docker-registry skopeo buildah         registry (token auth), containers clients
#   kubernetes-client                      kubectl, the oracle for the image pull secret
#   apache2-utils openssl                  htpasswd (verdaccio), keys and certificates
#   git python3-pip twine python3-poetry   git http-backend, pip, twine, poetry
#   composer unzip golang-go curl          composer, go get over git, curl --netrc-file
#   maven libmaven-deploy-plugin-java      mvn deploy from /usr/share/maven-repo (no Maven Central)
#   nuget                                  NuGet.exe 2.8 on Mono
#   rsync                                  gitlab-ci-local (the component's end-to-end test)
set -euo pipefail
missing=()
need() { command -v "$1" >/dev/null 2>&1 || missing+=("$2"); }
need docker-registry docker-registry
need skopeo skopeo
need buildah buildah
need kubectl kubernetes-client
need htpasswd apache2-utils
need openssl openssl
need twine twine
need poetry python3-poetry
need composer composer
need unzip unzip
need go golang-go
need curl curl
need mvn maven
need nuget nuget
need rsync rsync
if ! command -v git >/dev/null 2>&1 || [ ! -x "$(git --exec-path)/git-http-backend" ]; then missing+=(git); fi
if ! /usr/bin/python3 -c 'import pip' >/dev/null 2>&1 && ! python3 -c 'import pip' >/dev/null 2>&1; then
  missing+=(python3-pip)
fi
if [ ! -f /usr/share/maven-repo/org/apache/maven/plugins/maven-deploy-plugin/3.0.0/maven-deploy-plugin-3.0.0.jar ]; then
  missing+=(libmaven-deploy-plugin-java)
fi
if [ ${#missing[@]} -eq 0 ]; then exit 0; fi
if [ "$(id -u)" -ne 0 ]; then
  echo "install-test-deps: missing ${missing[*]}; run as root (or: sudo apt-get update && sudo apt-get install -y --no-install-recommends ${missing[*]})" >&2
  exit 1
fi
echo "install-test-deps: installing ${missing[*]}"
export DEBIAN_FRONTEND=noninteractive
apt-get update -qq
apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
