#pragma once
// Wall time of the steps of a long run, printed to stderr when TOEZEG_TIMINGS is set
// (for benchmarks: which part of a weekly run grows with the store). Silent otherwise.
#include <chrono>
#include <string_view>

namespace toezeg::timing {

// True when TOEZEG_TIMINGS is set and not "0".
bool enabled();

// Prints "toezeg: <name> <seconds> s" to stderr when it goes out of scope, if enabled().
class Step {
public:
    explicit Step(std::string_view name);
    ~Step();
    Step(const Step&) = delete;
    Step& operator=(const Step&) = delete;

private:
    std::string_view m_name;
    std::chrono::steady_clock::time_point m_start;
};

// What `f` returns, its wall time printed under `name` when enabled().
template <class F>
auto timed(std::string_view name, F&& f) {
    Step step(name);
    return f();
}

}  // namespace toezeg::timing
