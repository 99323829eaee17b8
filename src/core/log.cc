#include "core/log.h"

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "core/clock.h"

namespace jh::log {

namespace {
spdlog::level::level_enum ToSpd(Level level) {
  switch (level) {
    case Level::kDebug:
      return spdlog::level::debug;
    case Level::kInfo:
      return spdlog::level::info;
    case Level::kWarn:
      return spdlog::level::warn;
    case Level::kError:
      return spdlog::level::err;
  }
  return spdlog::level::info;
}

const char* Name(Level level) {
  switch (level) {
    case Level::kDebug:
      return "debug";
    case Level::kInfo:
      return "info";
    case Level::kWarn:
      return "warn";
    case Level::kError:
      return "error";
  }
  return "info";
}
}  // namespace

void Init(std::string_view level) {
  auto logger = spdlog::get("jeugdhulp");
  if (!logger) logger = spdlog::stderr_logger_mt("jeugdhulp");
  logger->set_pattern("%v");
  spdlog::set_default_logger(logger);
  spdlog::set_level(spdlog::level::from_str(std::string(level)));
}

void Event(Level level, std::string_view event, nlohmann::json fields) {
  if (!spdlog::should_log(ToSpd(level))) return;
  nlohmann::ordered_json line = {{"ts", FormatRfc3339(std::chrono::system_clock::now())},
                                 {"level", Name(level)},
                                 {"event", event}};
  if (fields.is_object()) {
    for (auto& [key, value] : fields.items()) line[key] = value;
  }
  // Invalid UTF-8 in a field is replaced rather than throwing.
  spdlog::log(ToSpd(level), "{}",
              line.dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace));
}

}  // namespace jh::log
