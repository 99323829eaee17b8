#include "http/web.h"

#include <string_view>

#include "core/embedded.h"

namespace jh::http {

namespace {

std::string_view ContentType(std::string_view name) {
  auto ends = [&](std::string_view ext) {
    return name.size() >= ext.size() && name.substr(name.size() - ext.size()) == ext;
  };
  if (ends(".html")) return "text/html; charset=utf-8";
  if (ends(".js")) return "text/javascript; charset=utf-8";
  if (ends(".css")) return "text/css; charset=utf-8";
  if (ends(".svg")) return "image/svg+xml";
  return "application/octet-stream";
}

}  // namespace

std::optional<Response> ServeWeb(Request& request) {
  if (request.method != "GET" && request.method != "HEAD") return std::nullopt;
  if (request.path.empty() || request.path.front() != '/') return std::nullopt;
  // Only names of embedded files match, so ".." or an encoded slash can never reach a disk.
  std::string_view name =
      request.path == "/" ? "index.html" : std::string_view(request.path).substr(1);
  for (const embedded::File& f : embedded::Web()) {
    if (f.name != name) continue;
    request.route = "web";
    Response r;
    r.status = 200;
    r.content_type = std::string(ContentType(f.name));
    r.body = std::string(f.content);
    r.headers.emplace_back("Content-Security-Policy", kWebCsp);
    r.headers.emplace_back("Cache-Control", "no-store");  // as every response (API.md)
    r.headers.emplace_back("Referrer-Policy", "no-referrer");
    r.headers.emplace_back("Cross-Origin-Opener-Policy", "same-origin");
    return r;
  }
  return std::nullopt;
}

}  // namespace jh::http
