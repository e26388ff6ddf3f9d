#!/usr/bin/env bash
# Builds the image and runs it as an operator would: the main job on the bundled sample writes the pack into the
# volume, as a non-root user; the scheduler container turns healthy and stops cleanly on SIGTERM.
# Skips, saying why, where no Docker engine runs. Base images: Microsoft's, or local stand-ins where its registry is
# out of reach (scripts/docker-local-bases.sh).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
if ! command -v docker >/dev/null 2>&1; then echo "skip: docker is not installed here"; exit 0; fi
if ! docker info >/dev/null 2>&1; then echo "skip: no Docker engine runs here (docker info fails: the client only)"; exit 0; fi

bases=()
if ! docker image inspect mcr.microsoft.com/dotnet/runtime:10.0 >/dev/null 2>&1 && ! docker pull -q mcr.microsoft.com/dotnet/runtime:10.0 >/dev/null 2>&1; then
    echo "Microsoft's container registry is out of reach: using local base images"
    read -r -a bases <<< "$(bash "$here/scripts/docker-local-bases.sh" 2>/dev/null)"
fi
image=o2c:smoke
volume="o2c-smoke-$$"
scheduler="o2c-smoke-scheduler-$$"
cleanup() { docker rm -f "$scheduler" >/dev/null 2>&1 || true; docker volume rm -f "$volume" >/dev/null 2>&1 || true; }
trap cleanup EXIT

echo "building $image"
docker build -q "${bases[@]}" -t "$image" "$here" >/dev/null
uid="$(docker run --rm --entrypoint id "$image" -u)"
[ "$uid" != 0 ] || { echo "FAILED: the image runs as root" >&2; exit 1; }
echo "runs as uid $uid"

echo "o2c run on the bundled sample"
docker run --rm -v "$volume:/data" "$image" run --data /app/data-samples > /tmp/o2c-smoke-run.out 2> /tmp/o2c-smoke-run.err \
    || { tail -5 /tmp/o2c-smoke-run.err >&2; echo "FAILED: o2c run" >&2; exit 1; }
pack="$(grep -E 'o2c-kpi-pack-[0-9]{4}-[0-9]{2}\.xlsx$' /tmp/o2c-smoke-run.out | head -1)"
[ -n "$pack" ] || { echo "FAILED: o2c run printed no pack path" >&2; exit 1; }
docker run --rm -v "$volume:/data" --entrypoint test "$image" -s "$pack" || { echo "FAILED: $pack is not in the volume" >&2; exit 1; }
echo "pack written: $pack (in the volume)"

echo "o2c schedule: health check and SIGTERM"
docker run -d --name "$scheduler" -v "$volume:/data" "$image" >/dev/null
for _ in $(seq 1 60); do
    if docker exec "$scheduler" dotnet /app/o2c.dll health >/dev/null 2>&1; then break; fi
    sleep 2
done
docker exec "$scheduler" dotnet /app/o2c.dll health
docker stop -t 600 "$scheduler" >/dev/null
code="$(docker inspect --format '{{.State.ExitCode}}' "$scheduler")"
docker logs "$scheduler" 2>&1 | grep -q '"Message":"scheduler stopped"' || { docker logs "$scheduler" 2>&1 | tail -5 >&2; echo "FAILED: no 'scheduler stopped' log line" >&2; exit 1; }
[ "$code" = 0 ] || { echo "FAILED: the scheduler exited $code on SIGTERM" >&2; exit 1; }
echo "docker smoke: passed ($(docker version --format '{{.Server.Version}}') engine)"
