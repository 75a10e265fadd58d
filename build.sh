#!/usr/bin/env bash
# Restores the local tools and runs the Cake build: ./build.sh [--target=Test] [--cadence=commit] [--configuration=Release]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
dotnet tool restore >/dev/null && exec dotnet cake build/build.cake "$@"
