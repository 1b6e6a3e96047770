// util/files: atomic replacement of files.
#include <catch2/catch.hpp>

#include "helpers.hpp"
#include "util/files.hpp"

using namespace toezeg;

TEST_CASE("write_atomic replaces a file whole and leaves no temporary behind", "[files]") {
    test::TempDir tmp;
    auto path = tmp.path / "state.json";
    REQUIRE(files::write_atomic(path, "old"));
    REQUIRE(files::write_atomic(path, std::string(100'000, 'n')));
    CHECK(files::read(path, 1 << 20).value() == std::string(100'000, 'n'));
    CHECK_FALSE(std::filesystem::exists(tmp.path / "state.json.tmp"));
    CHECK(files::sync_directory(tmp.path));

    auto missing = files::write_atomic(tmp.path / "no-such-folder" / "x.json", "x");
    REQUIRE_FALSE(missing);
    CHECK(missing.error().describe().find("no-such-folder/x.json.tmp: cannot write") != std::string::npos);
    CHECK_FALSE(files::sync_directory(tmp.path / "no-such-folder"));
}
