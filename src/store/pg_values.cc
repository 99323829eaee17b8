#include "store/pg_values.h"

#include <libpq-fe.h>

#include <cstdint>
#include <cstring>

namespace jh::store::pg {

namespace {

// Built-in type oids (pg_type.dat); stable across PostgreSQL versions.
constexpr Oid kBool = 16;
constexpr Oid kBytea = 17;
constexpr Oid kChar = 18;
constexpr Oid kName = 19;
constexpr Oid kInt8 = 20;
constexpr Oid kInt2 = 21;
constexpr Oid kInt4 = 23;
constexpr Oid kText = 25;
constexpr Oid kOid = 26;
constexpr Oid kUnknown = 705;
constexpr Oid kBpchar = 1042;
constexpr Oid kVarchar = 1043;

constexpr int kTextFormat = 0;
constexpr int kBinaryFormat = 1;

// A big-endian signed integer of `n` bytes.
int64_t BigEndian(const char* p, int n) {
  uint64_t v = 0;
  for (int i = 0; i < n; ++i) v = (v << 8) | static_cast<unsigned char>(p[i]);
  if (n < 8 && (v >> (8 * n - 1)) != 0) v |= ~uint64_t{0} << (8 * n);  // sign-extend
  return static_cast<int64_t>(v);
}

Result<Value> Decode(const PGresult* r, int row, int col) {
  auto* res = const_cast<PGresult*>(r);  // libpq's getters take a non-const pointer
  if (PQgetisnull(res, row, col) != 0) return Value(std::monostate{});
  const char* p = PQgetvalue(res, row, col);
  const int n = PQgetlength(res, row, col);
  switch (const Oid type = PQftype(res, col)) {
    case kInt8:
    case kInt4:
    case kInt2:
      if (n != 2 && n != 4 && n != 8) break;
      return Value(BigEndian(p, n));
    case kOid:
      if (n != 4) break;
      return Value(BigEndian(p, 4) & 0xffffffff);
    case kBool:
      if (n != 1) break;
      return Value(int64_t{p[0] != 0 ? 1 : 0});
    case kBytea:
      return Value(Blob{std::string(p, static_cast<size_t>(n))});
    case kText:
    case kVarchar:
    case kBpchar:
    case kName:
    case kChar:
    case kUnknown:
      return Value(std::string(p, static_cast<size_t>(n)));
    default:
      return Error::Internal("postgresql: resultaattype " + std::to_string(type) +
                             " hoort niet bij draagbare SQL");
  }
  return Error::Internal("postgresql: onverwachte lengte van een binaire waarde");
}

}  // namespace

std::string TypeSignature(const std::vector<Value>& params) {
  std::string s;
  s.reserve(params.size());
  for (const Value& v : params) {
    s.push_back(std::holds_alternative<int64_t>(v) ? 'i'
                : std::holds_alternative<Blob>(v)  ? 'b'
                                                   : 'u');
  }
  return s;
}

std::vector<Oid> ParameterTypes(const std::vector<Value>& params) {
  std::vector<Oid> types;
  types.reserve(params.size());
  for (const Value& v : params) {
    types.push_back(std::holds_alternative<int64_t>(v) ? kInt8
                    : std::holds_alternative<Blob>(v)  ? kBytea
                                                       : Oid{0});
  }
  return types;
}

Result<Parameters> Bind(const std::vector<Value>& params) {
  Parameters p;
  p.values.resize(params.size(), nullptr);
  p.lengths.resize(params.size(), 0);
  p.formats.resize(params.size(), kTextFormat);
  p.ints.resize(params.size());
  for (size_t i = 0; i < params.size(); ++i) {
    const Value& v = params[i];
    if (const auto* n = std::get_if<int64_t>(&v)) {
      auto u = static_cast<uint64_t>(*n);
      for (int b = 7; b >= 0; --b, u >>= 8) p.ints[i][b] = static_cast<char>(u & 0xff);
      p.values[i] = p.ints[i].data();
      p.lengths[i] = 8;
      p.formats[i] = kBinaryFormat;
    } else if (const auto* blob = std::get_if<Blob>(&v)) {
      p.values[i] = blob->bytes.data();  // never null: "" is an empty bytea, not NULL
      p.lengths[i] = static_cast<int>(blob->bytes.size());
      p.formats[i] = kBinaryFormat;
    } else if (const auto* text = std::get_if<std::string>(&v)) {
      // Text format ends at the first zero byte; PostgreSQL's text cannot hold one anyway.
      if (text->find('\0') != std::string::npos) {
        return Error::Internal("postgresql: tekst met een nulbyte kan niet worden opgeslagen");
      }
      p.values[i] = text->c_str();
    }
  }
  return p;
}

Result<Rows> ReadRows(const PGresult* r) {
  auto* res = const_cast<PGresult*>(r);
  Rows rows;
  const int n = PQntuples(res);
  const int columns = PQnfields(res);
  rows.reserve(static_cast<size_t>(n));
  for (int row = 0; row < n; ++row) {
    std::vector<Value> values;
    values.reserve(static_cast<size_t>(columns));
    for (int col = 0; col < columns; ++col) {
      JH_ASSIGN_OR_RETURN(Value v, Decode(r, row, col));
      values.push_back(std::move(v));
    }
    rows.emplace_back(std::move(values));
  }
  return rows;
}

}  // namespace jh::store::pg
