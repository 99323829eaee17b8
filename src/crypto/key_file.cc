#include "crypto/key_file.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string>

namespace jh::crypto {

namespace {

// Closes a descriptor on every path out.
class Fd {
 public:
  explicit Fd(int fd) : fd_(fd) {}
  ~Fd() {
    if (fd_ >= 0) ::close(fd_);
  }
  Fd(const Fd&) = delete;
  Fd& operator=(const Fd&) = delete;
  int get() const { return fd_; }
  // close() reports write-back errors some file systems defer to it.
  bool Close() {
    const int fd = fd_;
    fd_ = -1;
    return ::close(fd) == 0;
  }

 private:
  int fd_;
};

Error IoError(const std::filesystem::path& path, const char* what) {
  // The path and errno name a file and a cause, never key material.
  return Error::Unavailable("Sleutelbestand " + path.string() + ": " + what + " (" +
                            std::strerror(errno) + ").");
}

bool WriteAll(int fd, const unsigned char* p, size_t n) {
  while (n > 0) {
    const ssize_t w = ::write(fd, p, n);
    if (w < 0 && errno == EINTR) continue;
    if (w <= 0) return false;
    p += w;
    n -= static_cast<size_t>(w);
  }
  return true;
}

bool SyncDirectoryOf(const std::filesystem::path& path) {
  const std::filesystem::path dir = path.has_parent_path() ? path.parent_path() : ".";
  Fd fd(::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC));
  return fd.get() >= 0 && ::fsync(fd.get()) == 0;
}

Status WriteNew(const std::filesystem::path& path, int fd,
                const unsigned char (&key)[kMasterKeyBytes]) {
  Fd file(fd);
  // The umask can only remove bits, but be explicit: exactly owner read/write.
  if (::fchmod(file.get(), S_IRUSR | S_IWUSR) != 0) return IoError(path, "chmod mislukt");
  if (!WriteAll(file.get(), key, kMasterKeyBytes)) return IoError(path, "schrijven mislukt");
  if (::fsync(file.get()) != 0) return IoError(path, "fsync mislukt");
  if (!file.Close()) return IoError(path, "sluiten mislukt");
  if (!SyncDirectoryOf(path)) return IoError(path, "fsync van de map mislukt");
  return {};
}

}  // namespace

Status WriteKeyFile(const std::filesystem::path& path,
                    const unsigned char (&key)[kMasterKeyBytes]) {
  const int fd =
      ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC | O_NOFOLLOW, S_IRUSR | S_IWUSR);
  if (fd < 0) {
    if (errno == EEXIST) return Error::Conflict("Het sleutelbestand bestaat al.");
    return IoError(path, "aanmaken mislukt");
  }
  Status written = WriteNew(path, fd, key);
  if (!written.ok()) ::unlink(path.c_str());
  return written;
}

Status ReadKeyFile(const std::filesystem::path& path, unsigned char (&key)[kMasterKeyBytes]) {
  Fd file(::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NOFOLLOW));
  if (file.get() < 0) return IoError(path, "openen mislukt");
  struct stat st {};
  if (::fstat(file.get(), &st) != 0) return IoError(path, "stat mislukt");
  if (!S_ISREG(st.st_mode)) {
    return Error::Unavailable("Sleutelbestand " + path.string() + " is geen gewoon bestand.");
  }
  if ((st.st_mode & (S_IRWXG | S_IRWXO)) != 0) {
    return Error::Unavailable(
        "Sleutelbestand " + path.string() +
        " is toegankelijk voor anderen dan de eigenaar; verwacht modus 0600.");
  }
  if (st.st_size != static_cast<off_t>(kMasterKeyBytes)) {
    return Error::Unavailable("Sleutelbestand " + path.string() + " heeft niet de lengte van " +
                              std::to_string(kMasterKeyBytes) + " bytes.");
  }
  size_t got = 0;
  while (got < kMasterKeyBytes) {
    const ssize_t r = ::read(file.get(), key + got, kMasterKeyBytes - got);
    if (r < 0 && errno == EINTR) continue;
    if (r <= 0) return IoError(path, "lezen mislukt");
    got += static_cast<size_t>(r);
  }
  return {};
}

}  // namespace jh::crypto
