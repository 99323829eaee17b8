// A fresh directory under the system's temp dir, removed with everything in it on destruction.
// path() is empty when it could not be made; tests ASSERT on that.
#pragma once

#include <stdlib.h>

#include <filesystem>
#include <string>
#include <system_error>

namespace jh::testing {

class TempDir {
 public:
  TempDir() {
    std::string tmpl = (std::filesystem::temp_directory_path() / "jh-test-XXXXXX").string();
    if (mkdtemp(tmpl.data()) != nullptr) path_ = tmpl;
  }
  ~TempDir() {
    std::error_code ec;
    if (!path_.empty()) std::filesystem::remove_all(path_, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

// For the body of a death-test child. The "threadsafe" style runs the test again in a fresh
// process and leaves it through std::exit, so no destructor runs there, and a TempDir made
// in the test body would stay behind in every run. This makes the directory, runs
// `body(path)`, and returns its exit code once the directory is gone (99: none could be made):
//   EXPECT_EXIT(std::exit(InTempDir(Body)), ::testing::ExitedWithCode(0), "");
template <typename Body>
int InTempDir(Body body) {
  int code = 99;
  {
    TempDir dir;
    if (!dir.path().empty()) code = body(dir.path());
  }
  return code;
}

}  // namespace jh::testing
