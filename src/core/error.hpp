#pragma once
// Failure values for ordinary bad input; the CLI turns them into messages and exit codes.
#include <expected>
#include <string>

namespace toezeg {

struct Error {
    std::string subject;  // the file, id or argument the error is about (may be empty)
    std::string message;  // what is wrong, lower case, no trailing period

    std::string describe() const { return subject.empty() ? message : subject + ": " + message; }
};

template <class T>
using Result = std::expected<T, Error>;

inline std::unexpected<Error> fail(std::string subject, std::string message) {
    return std::unexpected<Error>(Error{std::move(subject), std::move(message)});
}

}  // namespace toezeg
