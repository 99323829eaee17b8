// Runs the real `jeugdhulp` binary for integration tests: `init` into a fresh temp data
// directory, then `serve` on a free loopback port, with its stdout and stderr captured to
// files outside the data directory (so tests can search both for leaked personal data).
//
// With JH_TEST_PG_URL set (scripts/test-pg), every server gets a fresh PostgreSQL database of
// its own on that server (dropped when the ServerProcess goes): `init` and `serve` run with
// `--database`, and Run/RunWithInput add the same `--database` to any command given the
// `--data` of such a server (audit verify, purge, import, admin), so tests need not know
// which store they run on. OnPostgres() tells the few that must.
#pragma once

#include <sys/types.h>

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "support/http_client.h"

namespace jh::testing {

class PgDatabase;

class ServerProcess {
 public:
  struct Options {
    std::string today;                    // --today, "" for the real date
    std::vector<std::string> extra_args;  // more serve flags
  };

  // Initialises and starts a server; fails the current test (and returns nullptr) on error.
  static std::unique_ptr<ServerProcess> Start(const Options& options);
  static std::unique_ptr<ServerProcess> Start() { return Start(Options{}); }
  ~ServerProcess();

  uint16_t port() const { return port_; }
  const std::string& beheerder_token() const { return token_; }
  const std::filesystem::path& data_dir() const { return data_; }
  // The server's PostgreSQL URL, or "" on SQLite.
  const std::string& database_url() const;
  // True when the integration tests run against PostgreSQL (JH_TEST_PG_URL is set).
  static bool OnPostgres();
  // Everything the process wrote to stdout and stderr so far.
  std::string Output() const;
  // SIGTERM and wait; returns the exit status (or -1).
  int Stop();
  // SIGKILL and wait: the process dies at once and no shutdown code runs. (Unlike a power
  // cut, what it already handed to the kernel survives; fsync is not tested by this.)
  void Kill();
  // Starts `serve` again on the same data directory and flags (a new free port, see
  // port()); the previous process must have been stopped or killed. Fails the current test
  // and returns false on error. The captured output restarts empty.
  [[nodiscard]] bool Restart();
  // A second `serve` process on this server's data directory and database (same master key,
  // same store), on a port of its own: many processes behind one load balancer. Only for
  // PostgreSQL (SQLite allows one server per file). The sibling never owns the database;
  // stop or destroy it before this one.
  [[nodiscard]] std::unique_ptr<ServerProcess> Sibling() const;
  // Sets the --today the next Restart() serves with ("" for the real date).
  void SetToday(const std::string& date);
  // Runs the binary with `args` to completion; returns {exit code, stdout}.
  static std::pair<int, std::string> Run(const std::vector<std::string>& args);
  struct RunResult {
    int code = -1;
    std::string out;
    std::string err;
  };
  // Runs the binary with `args` and `input` on its stdin to completion; both outputs.
  static RunResult RunWithInput(const std::vector<std::string>& args,
                                const std::string& input = "");

 private:
  ServerProcess() = default;
  // Spawns `serve` with serve_args_ and waits for its LISTENING= line.
  [[nodiscard]] bool Launch();
  std::filesystem::path root_;  // temp root: data/ plus the captured output
  std::filesystem::path data_;
  std::string token_;
  std::vector<std::string> serve_args_;
  std::unique_ptr<PgDatabase> db_;  // PostgreSQL only; null in a sibling
  std::string sibling_of_url_;      // a sibling's database URL
  uint16_t port_ = 0;
  pid_t pid_ = -1;
};

// The PostgreSQL URL of the running server whose data directory is `data_dir`, or "".
std::string DatabaseUrlOf(const std::filesystem::path& data_dir);

// Sends a JSON request with a bearer token.
HttpResponse JsonRequest(HttpClient& client, std::string_view method, std::string_view target,
                         const nlohmann::json& body, const std::string& token);
// Parses a response body as JSON (null on failure).
nlohmann::json BodyJson(const HttpResponse& response);

}  // namespace jh::testing
