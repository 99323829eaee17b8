// Store Values to and from PostgreSQL's wire formats. Internal to the PostgreSQL store.
//
// Parameters: int64 is sent as int8 and a Blob as bytea, both in binary, so no value is ever
// parsed from text and bytea keeps every byte (zero bytes included). Text and NULL are sent
// with type "unknown" and PostgreSQL infers the type from where the parameter stands, as
// SQLite's type affinity would: a text into a TEXT column is text. A text holding a zero byte
// cannot be stored by PostgreSQL and is refused before sending.
//
// Results are read in binary: int2/int4/int8/oid/bool become int64, bytea a Blob, the text
// types std::string, NULL monostate. Portable SQL yields nothing else; another type is a
// defect (kInternal naming its type oid).
#pragma once

#include <postgres_ext.h>

#include <array>
#include <string>
#include <vector>

#include "core/result.h"
#include "store/store.h"

struct pg_result;

namespace jh::store::pg {

// The arrays PQexecPrepared takes; `values` point into this object and the Values bound.
struct Parameters {
  std::vector<const char*> values;
  std::vector<int> lengths;
  std::vector<int> formats;
  std::vector<std::array<char, 8>> ints;  // big-endian int8s, one per parameter
};

// One letter per parameter type (i int8, b bytea, u unknown): part of the statement cache
// key, because a statement is prepared with its parameter types.
std::string TypeSignature(const std::vector<Value>& params);
// The parameter type oids for PQprepare (0 = let the server infer).
std::vector<Oid> ParameterTypes(const std::vector<Value>& params);
// Binds `params`, which must outlive the result. Errors: kInternal for text with a zero byte.
[[nodiscard]] Result<Parameters> Bind(const std::vector<Value>& params);
// Every row of a binary-format result.
[[nodiscard]] Result<Rows> ReadRows(const pg_result* r);

}  // namespace jh::store::pg
