// The HTTP settings fetch and sync share.
#include "cli/network_options.hpp"

#include <algorithm>
#include <cstdlib>

namespace toezeg::cli {

fetch::HttpOptions http_options(double timeout_seconds) {
    fetch::HttpOptions o;
    o.total_timeout_ms = static_cast<long>(timeout_seconds * 1000);
    o.connect_timeout_ms = std::min(o.connect_timeout_ms, o.total_timeout_ms);
    if (const char* interval = std::getenv("TOEZEG_FETCH_INTERVAL_MS")) o.min_interval_ms = std::atol(interval);
    if (const char* backoff = std::getenv("TOEZEG_FETCH_BACKOFF_MS")) o.backoff_ms = std::atol(backoff);
    return o;
}

}  // namespace toezeg::cli
