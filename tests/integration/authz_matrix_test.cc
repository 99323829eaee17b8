// The authorisation matrix: every route of the route table called by every caller — each
// medewerker role of API.md, four of them in another organisation, a burger, another
// burger, no token and an invalid token — against one real server, each outcome compared
// with tests/authz/matrix.tsv (the outcome classes are in support/authz_tables.h). A
// forgotten or loosened check changes an outcome and fails the route's test, named after
// the route, with the role.
//
// The table is written by hand from RULES.md and API.md, not derived from the Operations'
// `roles`; AuthzRouteTable keeps it and the route table the same set of routes, so a new
// endpoint cannot go unchecked. To see what the server does now (for a new route, before
// writing its row), run with JH_AUTHZ_RECORD=FILE: the observed matrix is written there.
#include <gtest/gtest.h>

#include <fstream>
#include <memory>
#include <set>

#include "core/clock.h"
#include "crypto/vault.h"
#include "http/api.h"
#include "store/store.h"
#include "support/authz_tables.h"
#include "support/authz_world.h"

namespace jh::testing {
namespace {

// A store that refuses everything: the route table needs the operations, not the data.
class NoStore : public store::Store {
 public:
  Status Write(TxFn) override { return Error::Unavailable("geen opslag"); }
  Status Read(TxFn) override { return Error::Unavailable("geen opslag"); }
  std::string_view Dialect() const override { return "none"; }
};

// "METHOD path" of every operation the server registers.
std::set<std::string> RouteTable() {
  NoStore store;
  auto vault = crypto::Vault::ForTesting("authz");
  Clock clock;
  api::Api api(services::Env{store, *vault, clock}, nullptr, "1.0.0");
  api::RegisterAll(api);
  std::set<std::string> routes;
  for (const auto& op : api.operations()) routes.insert(op->method + " " + op->path);
  return routes;
}

TEST(AuthzRouteTable, MatrixCoversExactlyTheRouteTable) {
  const AuthzTables& t = RepositoryAuthzTables();
  for (const auto& e : t.errors) ADD_FAILURE() << e;
  std::set<std::string> in_matrix;
  for (const auto& r : t.routes) in_matrix.insert(r.method + " " + r.path);
  const std::set<std::string> served = RouteTable();
  ASSERT_FALSE(served.empty());
  for (const auto& route : served) {
    EXPECT_EQ(in_matrix.count(route), 1u)
        << route << " is served but tests/authz/matrix.tsv has no row for it";
  }
  for (const auto& route : in_matrix) {
    EXPECT_EQ(served.count(route), 1u)
        << route << " is in tests/authz/matrix.tsv but no longer served";
  }
}

TEST(AuthzRouteTable, EveryCallerHasAColumn) {
  const std::set<std::string> want = {"beheerder",
                                      "huisarts",
                                      "jeugdarts",
                                      "medisch-specialist",
                                      "jeugdhulpverlener",
                                      "toegangsmedewerker",
                                      "regievoerder",
                                      "gemeentemedewerker",
                                      "vt-medewerker",
                                      "rvdk-medewerker",
                                      "leerkracht",
                                      "vertrouwenspersoon",
                                      "burger",
                                      "andere-burger",
                                      "geen",
                                      "ongeldig",
                                      "jeugdhulpverlener-elders",
                                      "regievoerder-elders",
                                      "gemeentemedewerker-elders",
                                      "vt-medewerker-elders"};
  const auto& columns = RepositoryAuthzTables().columns;
  EXPECT_EQ(std::set<std::string>(columns.begin(), columns.end()), want);
  EXPECT_GE(RepositoryAuthzTables().routes.size() * columns.size(), 300u);
}

class AuthzMatrix : public ::testing::TestWithParam<AuthzRoute> {
 protected:
  static void SetUpTestSuite() { shared_ = AuthzWorldServer::Start().release(); }
  static void TearDownTestSuite() {
    if (const char* file = std::getenv("JH_AUTHZ_RECORD"); file != nullptr) Record(file);
    delete shared_;
    shared_ = nullptr;
  }
  // Writes the observed outcomes as a matrix.tsv, for review before it replaces the table,
  // and the statuses behind them to FILE.status.
  static void Record(const std::string& file) {
    for (const bool status : {false, true}) {
      std::ofstream out(status ? file + ".status" : file);
      out << "method\tpath";
      for (const auto& c : RepositoryAuthzTables().columns) out << '\t' << c;
      out << '\n';
      for (const auto& r : RepositoryAuthzTables().routes) {
        out << r.method << '\t' << r.path;
        for (const auto& c : RepositoryAuthzTables().columns) {
          const auto& seen = observed_[r.method + " " + r.path][c];
          out << '\t' << (status ? std::to_string(seen.second) : seen.first);
        }
        out << '\n';
      }
    }
  }

  static AuthzWorldServer* shared_;
  // "METHOD path" → column → {outcome class, status}.
  static std::map<std::string, std::map<std::string, std::pair<std::string, int>>> observed_;
};
AuthzWorldServer* AuthzMatrix::shared_ = nullptr;
std::map<std::string, std::map<std::string, std::pair<std::string, int>>> AuthzMatrix::observed_;

TEST_P(AuthzMatrix, EveryCaller) {
  ASSERT_NE(shared_, nullptr);
  const AuthzWorld& world = shared_->world;
  const AuthzRoute& route = GetParam();
  const std::string target = Substitute(route.target, world.vars);
  const std::string body = Substitute(route.body, world.vars);
  for (const auto& column : RepositoryAuthzTables().columns) {
    HeaderList headers = {{"Content-Type", "application/json"}};
    const std::string& token = world.tokens.at(column);
    if (!token.empty()) headers.emplace_back("Authorization", "Bearer " + token);
    HttpResponse r = shared_->client->Request(route.method, target, body, headers);
    const std::string outcome = OutcomeClass(r);
    observed_[route.method + " " + route.path][column] = {outcome, r.status};
    EXPECT_EQ(outcome, route.expect.at(column)) << route.method << " " << route.path << " as "
                                                << column << ": " << r.status << " " << r.body;
  }
}

INSTANTIATE_TEST_SUITE_P(Routes, AuthzMatrix, ::testing::ValuesIn(RepositoryAuthzTables().routes),
                         [](const ::testing::TestParamInfo<AuthzRoute>& info) {
                           return RouteTestName(info.param.method, info.param.path);
                         });

}  // namespace
}  // namespace jh::testing
