# IessClave web app: build with the .NET SDK, run on the ASP.NET Core runtime as the non-root `app` user.
#   docker build -t iessclave .        (docker-compose.yml does this for you: `docker compose up --build`)
# The same image runs the CLI verbs: `docker run --rm iessclave migrate` (see README.md, "CLI verbs").

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
ENV DOTNET_NOLOGO=1 DOTNET_CLI_TELEMETRY_OPTOUT=1
WORKDIR /src

# Restore first, from the lock file only, so this layer is reused while only sources change.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY src/IessClave.Web/IessClave.Web.csproj src/IessClave.Web/packages.lock.json src/IessClave.Web/
RUN dotnet restore src/IessClave.Web --locked-mode

# The csproj copies ../../templates/** (Scriban mail templates) into the publish folder as templates/.
COPY templates/ templates/
COPY src/IessClave.Web/ src/IessClave.Web/
RUN dotnet publish src/IessClave.Web -c Release -o /app --no-restore


FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# ASPNETCORE_URLS replaces the image's ASPNETCORE_HTTP_PORTS; emptying the latter avoids a start-up warning.
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS= \
    DOTNET_NOLOGO=1
# The app files stay owned by root (read-only for the app). Only data/ is writable: it is used solely when
# the image runs in the embedded default (SQLite, local outbox); compose runs it on PostgreSQL + SMTP.
COPY --from=build /app ./
RUN mkdir -p /app/data && chown app:app /app/data
USER app
EXPOSE 8080
# The image has no curl/wget: the app's own `check-health` verb asks /healthz/ready (no host is started for it).
HEALTHCHECK --interval=30s --timeout=10s --start-period=60s --retries=3 CMD ["dotnet", "IessClave.Web.dll", "check-health"]
ENTRYPOINT ["dotnet", "IessClave.Web.dll"]
