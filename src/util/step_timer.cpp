#include "util/step_timer.hpp"

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace toezeg::timing {

bool enabled() {
    static const bool on = [] {
        const char* env = std::getenv("TOEZEG_TIMINGS");
        return env && *env && std::strcmp(env, "0") != 0;
    }();
    return on;
}

Step::Step(std::string_view name) : m_name(name), m_start(std::chrono::steady_clock::now()) {}

Step::~Step() {
    if (!enabled()) return;
    std::chrono::duration<double> took = std::chrono::steady_clock::now() - m_start;
    std::fprintf(stderr, "toezeg: %.*s %.2f s\n", static_cast<int>(m_name.size()), m_name.data(), took.count());
}

}  // namespace toezeg::timing
