#pragma once
// The toezeg command line: parses arguments and runs one subcommand.

namespace toezeg::cli {

// Returns the process exit code (0 ok, 1 some inputs failed, 2 usage or fatal error).
int run(int argc, char** argv);

}  // namespace toezeg::cli
