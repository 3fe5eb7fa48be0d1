# ./jobwise deploy [down [--volumes]] (sourced): the container deployment in deploy/compose.yaml.
#
# Up: secrets in deploy/.env (generated when missing), then the stack in order — backing services healthy, the
# migration run to completion, then the API and renderer replicas and the edge — and waits until the API answers
# healthy through the edge. Docker Compose does the ordering itself (depends_on conditions); podman-compose 1.0
# ignores the conditions, so with Podman the steps are taken here.

# JOBWISE_DEPLOY_DIR (a folder with compose.yaml and .env) and JOBWISE_DEPLOY_PROJECT let a test run its own copy.
deploy_project=${JOBWISE_DEPLOY_PROJECT:-jobwise}
deploy_dir=${JOBWISE_DEPLOY_DIR:-$root/deploy}
deploy_network="${deploy_project}_default"

cmd_deploy() {
  case "${1:-up}" in
    up) deploy_up ;;
    down) shift; deploy_down "$@" ;;
    *) die "usage: ./jobwise deploy [down [--volumes]]" ;;
  esac
}

compose_run() {
  "${compose[@]}" -p "$deploy_project" -f "$deploy_dir/compose.yaml" "$@"
}

# Containers of one service: Docker Compose names them jobwise-api-1-1, podman-compose jobwise_api-1_1.
service_container() {
  if [ "$engine" = docker ]; then echo "${deploy_project}-$1-1"; else echo "${deploy_project}_$1_1"; fi
}

ensure_env_file() {
  [ -e "$deploy_dir/.env" ] && return
  log "writing deploy/.env with new random secrets (from deploy/.env.example)"
  local secret
  secret() { head -c 48 /dev/urandom | base64 | tr -dc 'A-Za-z0-9' | head -c "$1"; }
  sed -e "s|^POSTGRES_PASSWORD=.*|POSTGRES_PASSWORD=$(secret 32)|" \
      -e "s|^REDIS_PASSWORD=.*|REDIS_PASSWORD=$(secret 32)|" \
      -e "s|^S3_SECRET_KEY=.*|S3_SECRET_KEY=$(secret 32)|" \
      -e "s|^JWT_SIGNING_KEY=.*|JWT_SIGNING_KEY=$(secret 48)|" \
      "$root/deploy/.env.example" > "$deploy_dir/.env"
  chmod 600 "$deploy_dir/.env"
}

deploy_setting() {
  local value
  value=$(grep -E "^$1=" "$deploy_dir/.env" | tail -n 1 | cut -d= -f2- || true)
  echo "${value:-$2}"
}

deploy_up() {
  require_container_engine
  ensure_env_file
  local tag missing=()
  tag=$(deploy_setting JOBWISE_IMAGE_TAG local)
  for name in api renderer web edge postgres redis s3; do
    "$engine" image inspect "localhost/jobwise-$name:$tag" >/dev/null 2>&1 || missing+=("jobwise-$name:$tag")
  done
  [ ${#missing[@]} -eq 0 ] || die "images missing (${missing[*]}): run ./jobwise images first"
  local port web_port started=$SECONDS
  port=$(deploy_setting JOBWISE_HTTP_PORT 8480)
  web_port=$(deploy_setting JOBWISE_WEB_PORT 8482)

  if [ "$engine" = docker ]; then
    compose_run up -d --wait >&2
  else
    # podman-compose 1.0 creates networks without a subnet; the API trusts forwarded headers from this one only.
    podman network exists "$deploy_network" ||
      podman network create --subnet "$(deploy_setting JOBWISE_SUBNET 10.89.47.0/24)" "$deploy_network" >/dev/null
    # The renderers need nothing else: their Chromium starts while the database is made ready.
    compose_run up -d postgres redis s3 renderer-1 renderer-2 >/dev/null 2>&1
    wait_healthy postgres redis s3
    compose_run up -d migrate >/dev/null 2>&1
    local status
    status=$(podman wait "$(service_container migrate)")
    while [ "$status" != 0 ] && [ "$(podman inspect -f '{{.State.Restarting}}' "$(service_container migrate)" 2>/dev/null)" = true ]; do
      status=$(podman wait "$(service_container migrate)")
    done
    [ "$status" = 0 ] || { podman logs --tail 30 "$(service_container migrate)" >&2; die "the migration failed"; }
    # nginx resolves its upstreams when it starts: every replica behind the edge first.
    compose_run up -d renderer api-1 api-2 web-1 web-2 >/dev/null 2>&1
    compose_run up -d edge >/dev/null 2>&1
  fi

  local deadline=$((SECONDS + 180))
  until curl -fsS "http://127.0.0.1:$port/health" 2>/dev/null | grep -q '"status":"Healthy"'; do
    [ $SECONDS -lt $deadline ] || { compose_run ps >&2; die "the API was not healthy through the edge within 3 minutes"; }
    sleep 1
  done
  until curl -fsS "http://127.0.0.1:$web_port/alive" >/dev/null 2>&1; do
    [ $SECONDS -lt $deadline ] || { compose_run ps >&2; die "the web front end did not answer through the edge within 3 minutes"; }
    sleep 1
  done
  log "deployment healthy in $((SECONDS - started)) s ($engine)"
  echo "JobWise API: http://127.0.0.1:$port"
  echo "JobWise web: http://127.0.0.1:$web_port"
}

# Polls each service's own HEALTHCHECK (Podman runs them only under systemd, so they are run here).
wait_healthy() {
  local deadline=$((SECONDS + 120))
  for service in "$@"; do
    until podman healthcheck run "$(service_container "$service")" >/dev/null 2>&1; do
      [ $SECONDS -lt $deadline ] || { podman logs --tail 30 "$(service_container "$service")" >&2; die "$service was not healthy within 2 minutes"; }
      sleep 1
    done
  done
}

deploy_down() {
  local volumes=()
  case "${1:-}" in
    "") ;;
    --volumes) volumes=(--volumes) ;;
    *) die "usage: ./jobwise deploy down [--volumes]" ;;
  esac
  require_container_engine
  [ -e "$deploy_dir/.env" ] || ensure_env_file
  compose_run down -t 10 "${volumes[@]}" >/dev/null 2>&1
  if [ "$engine" = podman ]; then
    if podman network exists "$deploy_network"; then podman network rm "$deploy_network" >/dev/null; fi
  fi
  log "deployment stopped${volumes:+ and its volumes removed}"
}
