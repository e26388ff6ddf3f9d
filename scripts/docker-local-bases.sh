#!/usr/bin/env bash
# For a machine that reaches Debian's and NuGet's registries but not Microsoft's container registry: builds
# stand-ins for mcr.microsoft.com/dotnet/sdk:10.0 and runtime:10.0 from a debootstrapped Debian 12 and this machine's
# .NET SDK, and prints the build arguments that make the Dockerfile use them. Idempotent: existing images are kept.
set -euo pipefail
dotnet_root="$(dirname "$(readlink -f "$(command -v dotnet)")")"
base=o2c-local/debian:bookworm
sdk=o2c-local/dotnet-sdk:10.0
runtime=o2c-local/dotnet-runtime:10.0
if ! docker image inspect "$base" >/dev/null 2>&1; then
    command -v debootstrap >/dev/null 2>&1 || DEBIAN_FRONTEND=noninteractive apt-get install -y -qq debootstrap >/dev/null
    rootfs="$(mktemp -d)"
    debootstrap --variant=minbase bookworm "$rootfs" http://deb.debian.org/debian >/dev/null
    tar -C "$rootfs" -c . | docker import - "$base" >/dev/null
    rm -rf "$rootfs"
fi
if ! docker image inspect "$sdk" >/dev/null 2>&1; then
    docker build -q -t "$sdk" -f - "$dotnet_root" >/dev/null <<DOCKERFILE
FROM $base
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates libicu72 \
    && rm -rf /var/lib/apt/lists/*
COPY . /usr/share/dotnet/
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
DOCKERFILE
    # The restore in the image goes out as this machine does: trust what this machine trusts (a registry mirror's CA).
    trust="$(mktemp -d)"
    cp /etc/ssl/certs/ca-certificates.crt "$trust/"
    docker build -q -t "$sdk" -f - "$trust" >/dev/null <<DOCKERFILE
FROM $sdk
COPY ca-certificates.crt /etc/ssl/certs/ca-certificates.crt
DOCKERFILE
    rm -rf "$trust"
fi
if ! docker image inspect "$runtime" >/dev/null 2>&1; then
    version="$(ls "$dotnet_root/shared/Microsoft.NETCore.App" | sort -V | tail -1)"
    docker build -q -t "$runtime" -f - "$dotnet_root" >/dev/null <<DOCKERFILE
FROM $base
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends ca-certificates libicu72 \
    && rm -rf /var/lib/apt/lists/*
COPY dotnet /usr/share/dotnet/dotnet
COPY host /usr/share/dotnet/host
COPY shared/Microsoft.NETCore.App/$version /usr/share/dotnet/shared/Microsoft.NETCore.App/$version
RUN ln -s /usr/share/dotnet/dotnet /usr/bin/dotnet
DOCKERFILE
fi
echo "--build-arg SDK_IMAGE=$sdk --build-arg RUNTIME_IMAGE=$runtime"
