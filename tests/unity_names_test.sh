#!/usr/bin/env bash
# scripts/check-unity-names on planted source trees: each kind of clash is found (exit 1,
# naming it), and what may share a unity source passes (exit 0).
set -uo pipefail
check=$(cd "$(dirname "$0")/.." && pwd)/scripts/check-unity-names
tree=$(mktemp -d)
trap 'rm -rf "$tree"' EXIT
failures=0

# expect CODE NAME A B: with src/a.cc holding A and src/b.cc holding B (each inside
# namespace jh { namespace { ... } }), the check exits CODE; with CODE 1 it names NAME.
expect() {
  local code=$1 name=$2
  mkdir -p "$tree/src"
  printf 'namespace jh {\nnamespace {\n%s\n}  // namespace\n}  // namespace jh\n' "$3" >"$tree/src/a.cc"
  printf 'namespace jh {\nnamespace {\n%s\n}  // namespace\n}  // namespace jh\n' "$4" >"$tree/src/b.cc"
  local out rc
  out=$("$check" "$tree" 2>&1)
  rc=$?
  if ((rc != code)) || { ((code == 1)) && [[ $out != *"(anonymous)::$name in src/a.cc, src/b.cc"* ]]; }; then
    echo "FAILED: expected exit $code naming '$name' for [$3] and [$4]; got $rc: $out"
    failures=$((failures + 1))
  fi
}

expect 1 kBatch 'constexpr int kBatch = 500;' 'constexpr int kBatch = 100;'
expect 0 '' 'constexpr int kVirBatch = 500;' 'constexpr int kJwBatch = 100;'
expect 1 FromRow 'Persoon FromRow(const Row& r) {' 'Melding FromRow(const Row& r) {'
expect 0 '' 'std::string Escape(std::string_view s) {' 'std::string Escape(const Json& j) {'
expect 1 Histogram 'struct Histogram {' 'struct Histogram {'
expect 0 '' 'using json = nlohmann::json;' 'using json = nlohmann::json;'
expect 1 Connection 'using sqlite::Connection;' 'using pg::Connection;'
expect 0 '' '  int FromRow = 1;' '  int FromRow = 2;'

if ((failures)); then
  echo "unity_names_test: $failures failed"
  exit 1
fi
echo "unity_names_test: all passed"
