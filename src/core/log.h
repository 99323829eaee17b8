// Structured logging: one JSON object per line on stderr, {"ts", "level", "event", ...}.
// Fields are JSON-escaped here, so no caller can break the format. Never pass a BSN, a
// token, a request body or a query string (BSN-02): log ids and route templates only.
#pragma once

#include <nlohmann/json.hpp>
#include <string_view>

namespace jh::log {

enum class Level { kDebug, kInfo, kWarn, kError };

// Installs the stderr logger with the given minimum level ("debug", "info", "warn",
// "error", "off"). Before this is called events go to spdlog's default logger.
void Init(std::string_view level);

void Event(Level level, std::string_view event, nlohmann::json fields = nlohmann::json::object());
inline void Info(std::string_view event, nlohmann::json fields = nlohmann::json::object()) {
  Event(Level::kInfo, event, std::move(fields));
}
inline void Warn(std::string_view event, nlohmann::json fields = nlohmann::json::object()) {
  Event(Level::kWarn, event, std::move(fields));
}
inline void Error(std::string_view event, nlohmann::json fields = nlohmann::json::object()) {
  Event(Level::kError, event, std::move(fields));
}

}  // namespace jh::log
