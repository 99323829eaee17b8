// Small shared pieces of the services: pagination and reference errors.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "core/result.h"

namespace jh::services {

// A page of a list: 1-based page number and page size (1..100).
struct Page {
  int64_t pagina = 1;
  int64_t pagina_grootte = 20;
  int64_t Offset() const { return (pagina - 1) * pagina_grootte; }
};

template <class T>
struct PageOf {
  std::vector<T> items;
  int64_t totaal = 0;
  Page page;
};

// 422 naming `field`: the body refers to an id that does not exist (or may not be known).
Error UnknownReference(std::string field, const std::string& what);
// 422 naming `field` for content that is well-formed but inconsistent.
Error Inconsistent(std::string field, std::string code, std::string reason);

}  // namespace jh::services
