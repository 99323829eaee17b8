#include "store/pg_errors.h"

#include <libpq-fe.h>

#include <string>
#include <string_view>

namespace jh::store::pg {

namespace {

std::string_view Field(const PGresult* r, int field) {
  const char* v = r != nullptr ? PQresultErrorField(r, field) : nullptr;
  return v != nullptr ? std::string_view(v) : std::string_view();
}

Error Unavailable(std::string_view why) {
  return Error::Unavailable("De opslag is niet beschikbaar (postgresql: " + std::string(why) +
                            ").");
}

}  // namespace

Error LostConnection() { return Unavailable("verbinding verbroken"); }

bool IsRetryable(const PGresult* r) {
  const std::string_view state = Field(r, PG_DIAG_SQLSTATE);
  return state == "40001" || state == "40P01";
}

Error MapError(const PGresult* r) {
  const std::string_view state = Field(r, PG_DIAG_SQLSTATE);
  if (state.size() != 5) return LostConnection();
  if (state == "23505") return Error::Conflict("Er bestaat al een gegeven met dezelfde sleutel.");
  if (state == "23503") {
    return Error::Conflict("Een gegeven waarnaar verwezen wordt, bestaat niet (meer).");
  }
  if (state == "40001") return Unavailable("serialisatieconflict");
  if (state == "40P01") return Unavailable("deadlock");
  if (state == "25006") {
    return Error::Internal("postgresql: schrijvend statement in een leestransactie");
  }
  if (state == "08P01") {  // e.g. fewer parameters than the statement has: the caller's defect
    return Error::Internal("postgresql: " + std::string(Field(r, PG_DIAG_MESSAGE_PRIMARY)));
  }
  const std::string_view cls = state.substr(0, 2);
  if (cls == "08" || cls == "53" || cls == "57" || cls == "58" || cls == "XX" || state == "55P03") {
    return Unavailable("SQLSTATE " + std::string(state));
  }
  if (cls == "22" || cls == "23") {
    std::string names(Field(r, PG_DIAG_COLUMN_NAME));
    if (names.empty()) names = Field(r, PG_DIAG_CONSTRAINT_NAME);
    return Error::Internal("postgresql: ongeldige waarde of beperking geschonden (SQLSTATE " +
                           std::string(state) + (names.empty() ? "" : ", " + names) + ")");
  }
  // Syntax, undefined objects, wrong types: PostgreSQL names SQL, columns and types here,
  // never a bound value.
  return Error::Internal("postgresql: " + std::string(Field(r, PG_DIAG_MESSAGE_PRIMARY)) +
                         " (SQLSTATE " + std::string(state) + ")");
}

}  // namespace jh::store::pg
