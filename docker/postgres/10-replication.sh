#!/usr/bin/env bash
# Run by the postgres image on the primary's first start only (/docker-entrypoint-initdb.d): the role
# that postgres-replica streams as, and the pg_hba.conf line that admits its replication connection.
# On a volume initialised before this file existed, do the same by hand (docs/operations.md, 8).
set -eu
: "${POSTGRES_REPLICATION_PASSWORD:?POSTGRES_REPLICATION_PASSWORD is not set}"
psql -v ON_ERROR_STOP=1 --username "$POSTGRES_USER" --dbname "$POSTGRES_DB" --set pw="$POSTGRES_REPLICATION_PASSWORD" <<'SQL'
CREATE ROLE replicator WITH REPLICATION LOGIN PASSWORD :'pw';
SQL
echo 'host replication replicator all scram-sha-256' >> "$PGDATA/pg_hba.conf"
