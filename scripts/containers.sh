# Shared by ./jobwise images and ./jobwise deploy (sourced, not run): which container engine and compose to use.
# Expects log, die, as_root and install_packages from ./jobwise.

# dnsname: name resolution between containers on Podman's CNI networks (Debian bookworm's default backend).
container_packages=(podman buildah runc uidmap slirp4netns mmdebstrap podman-compose golang-github-containernetworking-plugin-dnsname)

# Docker where it answers, else Podman; on Debian, Podman is installed when neither is there.
# Sets engine (docker|podman) and compose (the command line of the matching compose).
require_container_engine() {
  if command -v docker >/dev/null && docker info >/dev/null 2>&1; then
    engine=docker
    compose=(docker compose)
    return
  fi
  if command -v apt-get >/dev/null; then
    install_packages "${container_packages[@]}"
  fi
  command -v podman >/dev/null && command -v podman-compose >/dev/null ||
    die "no container engine: install Docker (with compose) or Podman and podman-compose"

  configure_podman
  podman info >/dev/null 2>&1 || die "podman is installed but does not answer: $(podman info 2>&1 | tail -n 1)"
  engine=podman
  compose=(podman-compose)
}

# Podman's defaults fail on these machines (see deploy/podman/containers.conf for why); install the two settings
# unless the machine already has its own containers.conf.
configure_podman() {
  if [ -z "${CONTAINERS_CONF:-}" ] && [ ! -e /etc/containers/containers.conf ]; then
    log "installing deploy/podman/containers.conf as /etc/containers/containers.conf"
    as_root install -D -m 0644 "$root/deploy/podman/containers.conf" /etc/containers/containers.conf
  fi
}

# True when a container engine answers, without installing anything.
container_engine_answers() {
  { command -v docker >/dev/null && docker info >/dev/null 2>&1; } ||
    { command -v podman >/dev/null && podman info >/dev/null 2>&1; }
}
