// corpus/git_packs: how many packs ingest lets accumulate (git's gc.autoPackLimit), and the count.
#include <catch2/catch.hpp>

#include "corpus/git_packs.hpp"
#include "helpers.hpp"

using namespace toezeg;

namespace {

// A bare repository made by git itself, with `gc.autoPackLimit` set to `value` (none: unset).
std::filesystem::path bare_repository(const test::TempDir& tmp, const char* value) {
    auto dir = tmp.path / "corpus.git";
    REQUIRE(test::run_program({"git", "init", "-q", "--bare", dir.string()}) == 0);
    if (value) REQUIRE(test::run_program({"git", "--git-dir", dir.string(), "config", "gc.autoPackLimit", value}) == 0);
    return dir;
}

}  // namespace

TEST_CASE("git packs: the automatic consolidation follows git's gc.autoPackLimit", "[corpus]") {
    test::TempDir tmp;
    SECTION("unset: git's default, 50") { CHECK(corpus::auto_pack_limit(bare_repository(tmp, nullptr)) == 50); }
    SECTION("set") { CHECK(corpus::auto_pack_limit(bare_repository(tmp, "8")) == 8); }
    SECTION("0 turns it off, as in git") { CHECK(corpus::auto_pack_limit(bare_repository(tmp, "0")) == 0); }
    SECTION("git's unit suffix") { CHECK(corpus::auto_pack_limit(bare_repository(tmp, "1k")) == 1024); }
    SECTION("negative or not a number: the default") {
        CHECK(corpus::auto_pack_limit(bare_repository(tmp, "-3")) == 50);
        auto dir = tmp.path / "corpus.git";
        REQUIRE(test::run_program({"git", "--git-dir", dir.string(), "config", "gc.autoPackLimit", "many"}) == 0);
        CHECK(corpus::auto_pack_limit(dir) == 50);
    }
    SECTION("no repository there: the default") { CHECK(corpus::auto_pack_limit(tmp.path / "missing.git") == 50); }
}

TEST_CASE("git packs: a fresh repository has no packs and no loose objects", "[corpus]") {
    test::TempDir tmp;
    auto count = corpus::count_packs(bare_repository(tmp, nullptr));
    CHECK(count.packs == 0);
    CHECK(count.loose == 0);
}
