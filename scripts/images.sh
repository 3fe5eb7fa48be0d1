# ./jobwise images (sourced): builds every JobWise image with the local container engine.
#
# The base is Debian bookworm, pinned in deploy/images/base-image. With a registry it is pulled; without one
# (these machines) it is made from Debian's packages with mmdebstrap, the way the official image is made, and
# imported under the same name. The .NET services (api, renderer, web) are published self-contained on the host (no SDK image is
# needed) and their output is copied into the images.

# The two bases come first: every other image is built FROM debian-base, api and renderer FROM service-base.
base_names=(debian-base service-base)
image_names=("${base_names[@]}" api renderer web edge postgres redis s3)
image_tag=${JOBWISE_IMAGE_TAG:-local}

cmd_images() {
  require_container_engine
  require_dotnet
  local base
  base=$(tr -d '[:space:]' < "$root/deploy/images/base-image")
  ensure_base_image "$base"
  publish_service api JobWise.ApiService
  publish_service renderer JobWise.Renderer
  publish_service web JobWise.Web
  local revision created version
  revision=$(git -C "$root" rev-parse --short HEAD 2>/dev/null || echo unknown)
  created=$(date -u +%Y-%m-%dT%H:%M:%SZ)
  version=${JOBWISE_VERSION:-$revision}
  local format=()
  # HEALTHCHECK is a Docker-format instruction; Podman's default OCI format drops it.
  [ "$engine" = podman ] && format=(--format docker)
  for name in "${image_names[@]}"; do
    local context="$root/deploy/images/$name" labels=()
    case $name in api | renderer | web) context="$root/deploy/.build/$name" ;; esac
    # The OCI labels every image carries, given here rather than in each Containerfile. The bases get none: they
    # are only built upon, and labels that change with every build would give them a new id each time, so that the
    # builds FROM them would miss their cache (Chromium's install among them).
    [[ " ${base_names[*]} " == *" $name "* ]] || labels=(
      --label "org.opencontainers.image.title=jobwise-$name"
      --label "org.opencontainers.image.source=https://github.com/jobwise/jobwise"
      --label "org.opencontainers.image.base.name=$base"
      --label "org.opencontainers.image.version=$version" --label "org.opencontainers.image.revision=$revision"
      --label "org.opencontainers.image.created=$created")
    log "building localhost/jobwise-$name:$image_tag"
    "$engine" build -q "${format[@]}" "${labels[@]}" \
      --build-arg "BASE_IMAGE=$base" --build-arg "DEBIAN_BASE=localhost/jobwise-debian-base:$image_tag" \
      --build-arg "SERVICE_BASE=localhost/jobwise-service-base:$image_tag" \
      -f "$root/deploy/images/$name/Containerfile" -t "localhost/jobwise-$name:$image_tag" "$context" >/dev/null
  done
  # Each build leaves the images it replaced untagged; ours (by their source label) go, unless a container uses them.
  "$engine" image prune -f --filter "label=org.opencontainers.image.source=https://github.com/jobwise/jobwise" >/dev/null 2>&1 || true
  for name in "${image_names[@]}"; do
    "$engine" image inspect --format "localhost/jobwise-$name:$image_tag {{.Size}}" "localhost/jobwise-$name:$image_tag" |
      awk '{ printf "  %-36s %5.0f MB\n", $1, $2 / 1000000 }' >&2
  done
}

ensure_base_image() {
  local base=$1
  if "$engine" image inspect "$base" >/dev/null 2>&1; then
    return
  fi
  log "pulling $base"
  if "$engine" pull -q "$base" >/dev/null 2>&1; then
    return
  fi
  log "no registry answers: making $base from Debian's packages with mmdebstrap (as the official image is made)"
  command -v mmdebstrap >/dev/null || install_packages mmdebstrap
  local work
  work=$(mktemp -d)
  # A slim, apt-capable bookworm with the security and updates suites, without documentation and man pages.
  mmdebstrap --variant=apt --quiet \
    --dpkgopt='path-exclude=/usr/share/man/*' --dpkgopt='path-exclude=/usr/share/doc/*' \
    --dpkgopt='path-include=/usr/share/doc/*/copyright' --dpkgopt='path-exclude=/usr/share/info/*' \
    --dpkgopt='path-exclude=/usr/share/locale/*' \
    bookworm "$work/rootfs.tar" \
    "deb http://deb.debian.org/debian bookworm main" \
    "deb http://deb.debian.org/debian bookworm-updates main" \
    "deb http://deb.debian.org/debian-security bookworm-security main"
  local release
  release=$(tar -xOf "$work/rootfs.tar" ./etc/debian_version)
  case $base in
    *":$release-slim") ;;
    *) log "note: the mirror serves Debian $release; the image is tagged $base as deploy/images/base-image pins" ;;
  esac
  "$engine" import --change 'CMD ["bash"]' "$work/rootfs.tar" "$base" >/dev/null
  rm -rf "$work"
}

publish_service() {
  local name=$1 project=$2
  log "publishing $project (self-contained, linux-x64)"
  rm -rf "$root/deploy/.build/$name"
  dotnet publish "$root/$project" -c Release -r linux-x64 --self-contained -o "$root/deploy/.build/$name" \
    -nologo -clp:ErrorsOnly -v:q -p:DebugType=none
}
