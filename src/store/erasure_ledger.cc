#include "store/erasure_ledger.h"

#include <fcntl.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>

namespace jh::store {

namespace {

// A kind and a UUID (8-4-4-4-12 hex digits) and nothing else: no other text can enter the
// file, and a line torn short by a crash is recognised and skipped.
bool Valid(const std::string& soort, const std::string& id) {
  if (soort != "persoon" && soort != "vt-zaak" && soort != "jw-dossier") return false;
  if (id.size() != 36) return false;
  for (size_t i = 0; i < id.size(); ++i) {
    const bool dash = i == 8 || i == 13 || i == 18 || i == 23;
    if (dash ? id[i] != '-' : !std::isxdigit(static_cast<unsigned char>(id[i]))) return false;
  }
  return true;
}

}  // namespace

Result<std::unique_ptr<ErasureLedger>> ErasureLedger::Open(const std::filesystem::path& file) {
  std::error_code ec;
  const bool existed = std::filesystem::exists(file, ec);
  const int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_APPEND | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Error::Unavailable("Kan " + file.string() + " niet openen: " + std::strerror(errno));
  }
  auto ledger = std::unique_ptr<ErasureLedger>(new ErasureLedger(fd));
  // A write torn by a crash leaves a line without its newline: end it, so that the next
  // entry is not glued to it (Read skips the torn one; the next is whole).
  const off_t size = ::lseek(fd, 0, SEEK_END);
  char last = '\n';
  if (size > 0 && ::pread(fd, &last, 1, size - 1) != 1) {
    return Error::Unavailable("Kan " + file.string() + " niet lezen.");
  }
  if (last != '\n' && (::write(fd, "\n", 1) != 1 || ::fdatasync(fd) != 0)) {
    return Error::Unavailable("Kan " + file.string() + " niet herstellen.");
  }
  if (!existed) {  // the new file's directory entry must survive a crash too
    const std::filesystem::path parent = file.has_parent_path() ? file.parent_path() : ".";
    const int dir = ::open(parent.c_str(), O_RDONLY | O_CLOEXEC);
    const bool synced = dir >= 0 && ::fsync(dir) == 0;
    if (dir >= 0) ::close(dir);
    if (!synced) return Error::Unavailable("Kan " + file.string() + " niet wegschrijven.");
  }
  return ledger;
}

ErasureLedger::~ErasureLedger() { ::close(fd_); }

Status ErasureLedger::Append(const Vernietigd& entry) {
  if (!Valid(entry.soort, entry.id)) return Error::Internal("ongeldige regel voor de ledger");
  // One write(2) per line: with O_APPEND a line is never interleaved with another.
  const std::string line = entry.soort + " " + entry.id + "\n";
  std::lock_guard<std::mutex> lock(mu_);
  const ssize_t n = ::write(fd_, line.data(), line.size());
  if (n != static_cast<ssize_t>(line.size()) || ::fdatasync(fd_) != 0) {
    return Error::Unavailable("De vernietiging kan niet worden vastgelegd in de ledger.");
  }
  return {};
}

Result<std::vector<Vernietigd>> ErasureLedger::Read(const std::filesystem::path& file) {
  std::vector<Vernietigd> out;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return out;
  std::ifstream in(file);
  if (!in) return Error::Unavailable("Kan " + file.string() + " niet lezen.");
  std::string line;
  while (std::getline(in, line)) {
    const size_t space = line.find(' ');
    if (space == std::string::npos) continue;
    Vernietigd v{line.substr(0, space), line.substr(space + 1)};
    if (Valid(v.soort, v.id)) out.push_back(std::move(v));
  }
  if (in.bad()) return Error::Unavailable("Kan " + file.string() + " niet lezen.");
  return out;
}

}  // namespace jh::store
