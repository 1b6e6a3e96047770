#include "cli/app.hpp"

int main(int argc, char** argv) { return toezeg::cli::run(argc, argv); }
