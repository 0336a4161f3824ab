# Sourced by .ci/run: install and start Debian's PostgreSQL on loopback, create a role and a test
# database, and export DETENTE_TEST_PG so that tests/test_postgres_store.py runs its PostgreSQL
# variants. Idempotent. When PostgreSQL cannot be set up, it says so and the variants skip.
detente_pg_setup() {
  if ! command -v pg_ctlcluster >/dev/null 2>&1 || ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null) || return 1
  fi
  local version
  version=$(ls /usr/lib/postgresql | sort -V | tail -n 1)
  if ! pg_lsclusters -h | grep -q "^${version} main"; then
    pg_createcluster "$version" main >/dev/null || return 1
  fi
  if ! pg_lsclusters -h | grep -q "^${version} main .* online"; then
    pg_ctlcluster "$version" main start || return 1
  fi
  local port
  port=$(pg_lsclusters -h | awk -v v="$version" '$1 == v && $2 == "main" {print $3}')
  su postgres -c "psql -q -p $port -v ON_ERROR_STOP=1" <<'SQL' || return 1
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'detente') THEN
    CREATE ROLE detente LOGIN PASSWORD 'detente';
  END IF;
END $$;
SQL
  if ! su postgres -c "psql -p $port -tAc \"SELECT 1 FROM pg_database WHERE datname = 'detente_test'\"" | grep -q 1; then
    su postgres -c "createdb -p $port -O detente detente_test" || return 1
  fi
  export DETENTE_TEST_PG="postgresql://detente:detente@127.0.0.1:${port}/detente_test"
}
if detente_pg_setup; then
  echo "PostgreSQL ready: store tests run on DuckDB and PostgreSQL ($DETENTE_TEST_PG)"
else
  echo "WARNING: PostgreSQL could not be set up; the PostgreSQL store tests will skip" >&2
fi
