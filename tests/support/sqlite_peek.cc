#include "support/sqlite_peek.h"

#include <gtest/gtest.h>
#include <libpq-fe.h>
#include <sqlite3.h>

#include <fstream>
#include <iterator>

#include "support/server_process.h"

namespace jh::testing {

namespace {

std::vector<std::vector<std::string>> PeekPostgres(const std::string& url, const std::string& sql) {
  std::vector<std::vector<std::string>> rows;
  PGconn* c = PQconnectdb(url.c_str());
  PGresult* r = PQexec(c, sql.c_str());
  if (PQresultStatus(r) != PGRES_TUPLES_OK) {
    ADD_FAILURE() << PQerrorMessage(c) << " in " << sql;
  } else {
    for (int i = 0; i < PQntuples(r); ++i) {
      std::vector<std::string> row;
      for (int j = 0; j < PQnfields(r); ++j) {
        const char* v = PQgetisnull(r, i, j) != 0 ? "<null>" : PQgetvalue(r, i, j);
        if (PQftype(r, j) == 16 && PQgetisnull(r, i, j) == 0) {  // bool, as SQLite's 1/0
          v = v[0] == 't' ? "1" : "0";
        }
        row.emplace_back(v);
      }
      rows.push_back(std::move(row));
    }
  }
  PQclear(r);
  PQfinish(c);
  return rows;
}

}  // namespace

std::vector<std::vector<std::string>> Peek(const std::filesystem::path& db,
                                           const std::string& sql) {
  if (std::string url = DatabaseUrlOf(db.parent_path()); !url.empty()) {
    return PeekPostgres(url, sql);
  }
  std::vector<std::vector<std::string>> rows;
  sqlite3* handle = nullptr;
  if (sqlite3_open_v2(db.c_str(), &handle, SQLITE_OPEN_READONLY, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << "cannot open " << db;
    sqlite3_close(handle);
    return rows;
  }
  sqlite3_busy_timeout(handle, 5000);
  sqlite3_stmt* stmt = nullptr;
  if (sqlite3_prepare_v2(handle, sql.c_str(), -1, &stmt, nullptr) != SQLITE_OK) {
    ADD_FAILURE() << sqlite3_errmsg(handle) << " in " << sql;
  } else {
    while (sqlite3_step(stmt) == SQLITE_ROW) {
      std::vector<std::string> row;
      for (int i = 0; i < sqlite3_column_count(stmt); ++i) {
        const unsigned char* text = sqlite3_column_text(stmt, i);
        row.emplace_back(text == nullptr
                             ? "<null>"
                             : std::string(reinterpret_cast<const char*>(text),
                                           static_cast<size_t>(sqlite3_column_bytes(stmt, i))));
      }
      rows.push_back(std::move(row));
    }
  }
  sqlite3_finalize(stmt);
  sqlite3_close(handle);
  return rows;
}

std::string SealedKeyOf(const std::filesystem::path& db, const std::string& owner_id) {
  const auto rows =
      Peek(db, std::string("SELECT ") +
                   (ServerProcess::OnPostgres() ? "encode(sealed, 'hex')" : "hex(sealed)") +
                   " FROM data_keys WHERE owner_id = '" + owner_id + "'");
  std::string sealed;
  if (rows.empty()) return sealed;
  const std::string& hex = rows[0][0];
  for (size_t i = 0; i + 1 < hex.size(); i += 2) {
    sealed.push_back(static_cast<char>(std::stoi(hex.substr(i, 2), nullptr, 16)));
  }
  return sealed;
}

std::vector<std::filesystem::path> FilesHolding(const std::filesystem::path& dir,
                                                const std::string& bytes) {
  std::vector<std::filesystem::path> out;
  for (const auto& entry : std::filesystem::directory_iterator(dir)) {
    std::ifstream in(entry.path(), std::ios::binary);
    std::string content((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    if (content.find(bytes) != std::string::npos) out.push_back(entry.path());
  }
  return out;
}

}  // namespace jh::testing
