#include "crypto/id_random.h"

#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <set>
#include <string>
#include <thread>
#include <vector>

namespace jh::crypto {
namespace {

std::string Take(size_t n) {
  std::string out(n, '\0');
  FillIdRandom(reinterpret_cast<unsigned char*>(out.data()), n);
  return out;
}

// Many more bytes than one pool holds: every slice differs, also across refills.
TEST(IdRandomTest, SlicesNeverRepeatAcrossRefills) {
  std::set<std::string> seen;
  for (int i = 0; i < 2000; ++i) ASSERT_TRUE(seen.insert(Take(8)).second) << "at " << i;
  // Sizes that do not divide the pool leave a remainder the next refill must not reuse.
  for (int i = 0; i < 500; ++i) ASSERT_TRUE(seen.insert(Take(10)).second) << "at " << i;
}

TEST(IdRandomTest, RequestsLargerThanThePoolAreFilled) {
  const std::string a = Take(4096);
  const std::string b = Take(4096);
  EXPECT_NE(a, b);
  EXPECT_NE(a.find_first_not_of('\0'), std::string::npos);
}

TEST(IdRandomTest, ThreadsDrawFromTheirOwnPools) {
  std::array<std::vector<std::string>, 4> drawn;
  std::vector<std::thread> threads;
  for (auto& d : drawn) {
    threads.emplace_back([&d] {
      for (int i = 0; i < 300; ++i) d.push_back(Take(16));
    });
  }
  for (auto& t : threads) t.join();
  std::set<std::string> seen;
  for (const auto& d : drawn) {
    for (const auto& s : d) EXPECT_TRUE(seen.insert(s).second);
  }
}

// A forked child must not hand out what its parent's pool still holds: the parent's next
// slice and the child's first one differ.
TEST(IdRandomTest, ForkedChildDoesNotRepeatTheParent) {
  (void)Take(8);  // the pool now holds unused bytes
  int fds[2];
  ASSERT_EQ(pipe(fds), 0);
  const pid_t pid = fork();
  ASSERT_GE(pid, 0);
  if (pid == 0) {
    const std::string s = Take(8);
    const bool written = write(fds[1], s.data(), s.size()) == static_cast<ssize_t>(s.size());
    _exit(written ? 0 : 1);
  }
  close(fds[1]);
  const std::string parent = Take(8);
  std::string child(8, '\0');
  EXPECT_EQ(read(fds[0], child.data(), child.size()), 8);
  close(fds[0]);
  int status = 0;
  ASSERT_EQ(waitpid(pid, &status, 0), pid);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_NE(parent, child);
}

}  // namespace
}  // namespace jh::crypto
