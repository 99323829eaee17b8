// Files embedded into the binary at build time (cmake/embed.cmake): SQL migrations and
// the static web pages. Nothing is read from disk at run time.
#pragma once

#include <string_view>
#include <vector>

namespace jh::embedded {

struct File {
  std::string_view name;     // path relative to the bundle's root, e.g. "0001_init.sql"
  std::string_view content;  // the bytes
};

const std::vector<File>& Migrations();  // src/store/migrations/*.sql, sorted by name
const std::vector<File>& Web();         // web/**, sorted by name

}  // namespace jh::embedded
