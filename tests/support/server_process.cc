#include "support/server_process.h"

#include <algorithm>

#include <fcntl.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <sys/prctl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <fstream>
#include <map>
#include <mutex>
#include <sstream>
#include <thread>

#include "support/pg_database.h"

namespace jh::testing {

namespace {

std::string ReadFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// `in`: a file for stdin, or empty to inherit the test's.
pid_t Spawn(const std::vector<std::string>& args, const std::filesystem::path& out,
            const std::filesystem::path& err, const std::filesystem::path& in = {}) {
  pid_t pid = fork();
  if (pid != 0) return pid;
  // A test binary that dies (a crash, a closed pipe) takes its servers with it: no orphan
  // keeps a port, a data directory or a database connection.
  prctl(PR_SET_PDEATHSIG, SIGKILL);
  if (!in.empty()) {
    int i = open(in.c_str(), O_RDONLY);
    dup2(i, 0);
  }
  int o = open(out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  int e = open(err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
  dup2(o, 1);
  dup2(e, 2);
  std::vector<char*> argv;
  // JH_TEST_BINARY runs these tests against another build of the server: the ThreadSanitizer
  // stage serves its TSan binary to the Release test binary (Makefile, test-tsan).
  const char* other = std::getenv("JH_TEST_BINARY");
  std::string binary = other != nullptr && *other != '\0' ? other : JH_BINARY;
  argv.push_back(binary.data());
  std::vector<std::string> copy = args;
  for (auto& a : copy) argv.push_back(a.data());
  argv.push_back(nullptr);
  execv(binary.c_str(), argv.data());
  _exit(127);
}

// Data directories of servers on PostgreSQL and their database URLs, so that a command run on
// such a directory gets its --database too.
std::mutex registry_mu;
std::map<std::string, std::string>& Registry() {
  static std::map<std::string, std::string> registry;
  return registry;
}

std::vector<std::string> WithDatabaseArg(const std::vector<std::string>& args) {
  std::vector<std::string> out = args;
  for (size_t i = 0; i + 1 < args.size(); ++i) {
    if (args[i] != "--data") continue;
    std::lock_guard lock(registry_mu);
    auto it = Registry().find(std::filesystem::path(args[i + 1]).lexically_normal().string());
    if (it != Registry().end()) {
      out.push_back("--database");
      out.push_back(it->second);
    }
  }
  return out;
}

}  // namespace

std::string DatabaseUrlOf(const std::filesystem::path& data_dir) {
  std::lock_guard lock(registry_mu);
  auto it = Registry().find(data_dir.lexically_normal().string());
  return it == Registry().end() ? std::string() : it->second;
}

bool ServerProcess::OnPostgres() { return PgDatabase::BaseUrl().has_value(); }

const std::string& ServerProcess::database_url() const {
  static const std::string none;
  if (!sibling_of_url_.empty()) return sibling_of_url_;
  return db_ ? db_->url() : none;
}

std::unique_ptr<ServerProcess> ServerProcess::Sibling() const {
  std::unique_ptr<ServerProcess> p(new ServerProcess());
  char tmpl[] = "/tmp/jh-it-XXXXXX";
  p->root_ = mkdtemp(tmpl);  // its own captured output; the data directory is shared
  p->data_ = data_;
  p->token_ = token_;
  p->serve_args_ = serve_args_;
  p->sibling_of_url_ = database_url();
  if (!p->Launch()) return nullptr;
  return p;
}

std::pair<int, std::string> ServerProcess::Run(const std::vector<std::string>& args) {
  char tmpl[] = "/tmp/jh-run-XXXXXX";
  std::filesystem::path dir = mkdtemp(tmpl);
  pid_t pid = Spawn(WithDatabaseArg(args), dir / "out", dir / "err");
  int status = 0;
  waitpid(pid, &status, 0);
  std::string out = ReadFile(dir / "out");
  std::filesystem::remove_all(dir);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, out};
}

ServerProcess::RunResult ServerProcess::RunWithInput(const std::vector<std::string>& args,
                                                     const std::string& input) {
  char tmpl[] = "/tmp/jh-run-XXXXXX";
  std::filesystem::path dir = mkdtemp(tmpl);
  std::ofstream(dir / "in", std::ios::binary) << input;
  pid_t pid = Spawn(WithDatabaseArg(args), dir / "out", dir / "err", dir / "in");
  int status = 0;
  waitpid(pid, &status, 0);
  RunResult r{WIFEXITED(status) ? WEXITSTATUS(status) : -1, ReadFile(dir / "out"),
              ReadFile(dir / "err")};
  std::filesystem::remove_all(dir);
  return r;
}

std::unique_ptr<ServerProcess> ServerProcess::Start(const Options& options) {
  std::unique_ptr<ServerProcess> p(new ServerProcess());
  char tmpl[] = "/tmp/jh-it-XXXXXX";
  p->root_ = mkdtemp(tmpl);
  p->data_ = p->root_ / "data";
  if (OnPostgres()) {
    std::string error;
    p->db_ = PgDatabase::Create(&error);
    if (p->db_ == nullptr) {
      ADD_FAILURE() << "no PostgreSQL database: " << error;
      return nullptr;
    }
    std::lock_guard lock(registry_mu);
    Registry()[p->data_.lexically_normal().string()] = p->db_->url();
  }
  auto [code, out] = Run({"init", "--data", p->data_.string()});
  auto pos = out.find("BEHEERDER_TOKEN=");
  if (code != 0 || pos == std::string::npos) {
    ADD_FAILURE() << "init failed: " << out;
    return nullptr;
  }
  p->token_ = out.substr(pos + 16, 64);
  // An 8 MiB writer cache instead of 256: serve makes its page pool resident at start, and
  // at 256 MiB that was ~0.3 s of page faults per server start and most of this suite's CPU
  // (docs/architecture.md, "Building and testing on two cores").
  std::vector<std::string> args = {"serve",    "--data",      p->data_.string(),
                                   "--listen", "127.0.0.1:0", "--workers",
                                   "16",       "--cache-mib", "8"};
  if (!options.today.empty()) {
    args.push_back("--today");
    args.push_back(options.today);
  }
  if (p->db_) {
    args.push_back("--database");
    args.push_back(p->db_->url());
  }
  // scripts/test runs the suite once more with every write batch run twice (store.h,
  // rerun_batches): each service callback must survive a rerun.
  if (std::getenv("JH_TEST_RERUN_BATCHES") != nullptr) args.push_back("--test-rerun-batches");
  args.insert(args.end(), options.extra_args.begin(), options.extra_args.end());
  p->serve_args_ = std::move(args);
  if (!p->Launch()) return nullptr;
  return p;
}

void ServerProcess::SetToday(const std::string& date) {
  auto it = std::find(serve_args_.begin(), serve_args_.end(), "--today");
  if (it != serve_args_.end()) serve_args_.erase(it, it + 2);
  if (!date.empty()) {
    serve_args_.push_back("--today");
    serve_args_.push_back(date);
  }
}

bool ServerProcess::Launch() {
  port_ = 0;
  // Empty the output here, not only in the child: otherwise a restart could read the
  // previous process's LISTENING= line before the child has truncated the file.
  std::ofstream(root_ / "stdout", std::ios::trunc).close();
  pid_ = Spawn(serve_args_, root_ / "stdout", root_ / "stderr");
  auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(20);
  while (std::chrono::steady_clock::now() < deadline) {
    std::string so = ReadFile(root_ / "stdout");
    auto at = so.find("LISTENING=");
    auto nl = so.find('\n', at);
    if (at != std::string::npos && nl != std::string::npos) {
      std::string addr = so.substr(at + 10, nl - at - 10);
      port_ = static_cast<uint16_t>(std::stoi(addr.substr(addr.rfind(':') + 1)));
      return true;
    }
    int status = 0;
    if (waitpid(pid_, &status, WNOHANG) == pid_) {
      pid_ = -1;
      ADD_FAILURE() << "serve exited early: " << Output();
      return false;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  ADD_FAILURE() << "serve did not start: " << Output();
  return false;
}

bool ServerProcess::Restart() {
  if (pid_ > 0) {
    ADD_FAILURE() << "Restart while the server still runs";
    return false;
  }
  return Launch();
}

void ServerProcess::Kill() {
  if (pid_ < 0) return;
  kill(pid_, SIGKILL);
  waitpid(pid_, nullptr, 0);
  pid_ = -1;
}

std::string ServerProcess::Output() const {
  return ReadFile(root_ / "stdout") + ReadFile(root_ / "stderr");
}

int ServerProcess::Stop() {
  if (pid_ < 0) return -1;
  kill(pid_, SIGTERM);
  int status = 0;
  waitpid(pid_, &status, 0);
  pid_ = -1;
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

ServerProcess::~ServerProcess() {
  if (pid_ > 0) {
    kill(pid_, SIGKILL);
    waitpid(pid_, nullptr, 0);
  }
  std::error_code ec;
  std::filesystem::remove_all(root_, ec);
  if (db_) {
    std::lock_guard lock(registry_mu);
    Registry().erase(data_.lexically_normal().string());
  }
  db_.reset();  // drops the database
}

HttpResponse JsonRequest(HttpClient& client, std::string_view method, std::string_view target,
                         const nlohmann::json& body, const std::string& token) {
  HeaderList headers = {{"Content-Type", "application/json"}};
  if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
  std::string text = body.is_null() ? "" : body.dump();
  return client.Request(method, target, text, headers);
}

nlohmann::json BodyJson(const HttpResponse& response) {
  return nlohmann::json::parse(response.body, nullptr, false);
}

}  // namespace jh::testing
