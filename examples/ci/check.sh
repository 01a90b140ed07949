#!/bin/sh
# Checks, on a fresh clone, that the committed token outputs and generated components
# match the design system in the repository. Run it from the project root (where
# opends.yaml is) with `opends` on PATH. It writes nothing and creates no store.
#
# Exit status: 0 everything is up to date; 1 a file is stale or missing (run the
# command it names and commit the result); 2 nothing to check or an error (for example
# a source in opends.yaml whose tokens were never synced into the repository).
#
#   OPENDS_FRAMEWORK   framework to check (default: `framework` in opends.yaml)
set -eu

# Teams that share through a team server: bring its changes in first. The API token
# comes from the environment (a CI secret; `opends server token create --role viewer`),
# never from a file in the repository.
#
# opends remote add team "$OPENDS_SERVER_URL"
# OPENDS_SERVER_TOKEN="$OPENDS_SERVER_TOKEN" opends pull team

opends export tokens --check
# shellcheck disable=SC2086 # an empty OPENDS_FRAMEWORK means the project's own
opends generate ${OPENDS_FRAMEWORK:-} --check
