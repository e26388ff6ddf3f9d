# o2c as a service: `o2c schedule` runs the configured jobs; any other command runs once.
#   docker build -t o2c .
#   docker run --rm -v o2c-data:/data o2c run --data /app/data-samples     # the main job on the bundled sample
#   docker run -d -v o2c-data:/data -v /srv/erp-drop:/data/incoming:ro o2c  # the scheduler
# Everything the program writes (warehouse, reports, outbox, logs, models) is under /data; o2c.json there is read.
# The base images are build arguments so a machine without access to Microsoft's registry can use its own
# (scripts/docker-smoke.sh builds local ones from Debian's packages).
ARG SDK_IMAGE=mcr.microsoft.com/dotnet/sdk:10.0
ARG RUNTIME_IMAGE=mcr.microsoft.com/dotnet/runtime:10.0

FROM ${SDK_IMAGE} AS build
WORKDIR /src
# Restore first, from the project files only, so a code change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/O2C.Analytics/O2C.Analytics.csproj src/O2C.Analytics/
COPY src/O2C.Cli/O2C.Cli.csproj src/O2C.Cli/
# Linux x64 only: the native libraries of other platforms (DuckDB, ML.NET) stay out of the image.
RUN dotnet restore src/O2C.Cli/O2C.Cli.csproj -r linux-x64
COPY src/ src/
COPY sql/ sql/
RUN dotnet publish src/O2C.Cli/O2C.Cli.csproj -c Release -r linux-x64 --self-contained false --no-restore -o /app -nologo -v quiet

FROM ${RUNTIME_IMAGE}
# Fonts for charts and the pack's page widths (Carlito has Calibri's metrics); libgdiplus for ClosedXML's picture
# sizes; tzdata for the TimeZone setting.
RUN apt-get update \
    && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends \
        fonts-dejavu-core fonts-crosextra-carlito libgdiplus tzdata ca-certificates \
    && rm -rf /var/lib/apt/lists/*
RUN groupadd --system --gid 10001 o2c \
    && useradd --system --uid 10001 --gid o2c --home-dir /data --no-create-home o2c \
    && mkdir -p /data/incoming && chown -R o2c:o2c /data
COPY --from=build /app /app
COPY data-samples/ /app/data-samples/
USER o2c
WORKDIR /data
VOLUME ["/data"]
# Defaults for a container; o2c.json in /data or O2C_ variables override them. The SMTP password only ever comes
# from O2C_SMTP_PASSWORD (a secret of the orchestrator), never from the image.
ENV O2C_Warehouse=/data/o2c.duckdb \
    O2C_ReportsFolder=/data/reports \
    O2C_DataFolder=/data/incoming \
    O2C_Logging__Format=json \
    DOTNET_CLI_TELEMETRY_OPTOUT=1
# Healthy while `o2c schedule` beats (every 30 s); a one-off command's container is not checked in practice.
HEALTHCHECK --interval=60s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "/app/o2c.dll", "health"]
# SIGTERM (docker stop) reaches the .NET host directly: a load rolls back, other jobs finish. Allow for that with
# `docker stop -t 600` or stop_grace_period in compose.
STOPSIGNAL SIGTERM
ENTRYPOINT ["dotnet", "/app/o2c.dll"]
CMD ["schedule"]
