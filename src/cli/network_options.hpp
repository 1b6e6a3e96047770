#pragma once
// The HTTP settings fetch and sync share: --timeout, and the test hooks for the request
// interval and the retry backoff (TOEZEG_FETCH_INTERVAL_MS, TOEZEG_FETCH_BACKOFF_MS).
#include "fetch/http_client.hpp"

namespace toezeg::cli {

fetch::HttpOptions http_options(double timeout_seconds);

}  // namespace toezeg::cli
