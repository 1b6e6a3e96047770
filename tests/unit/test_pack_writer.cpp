// corpus/pack_writer: objects deflated ahead (pack_entry, on another thread) give the same pack
// as objects deflated by the writer, and a commit of many files handed their entries reads back.
#include <catch2/catch.hpp>
#include <thread>

#include "corpus/git_repository.hpp"
#include "corpus/pack_writer.hpp"
#include "helpers.hpp"

using namespace toezeg;

namespace {

corpus::ObjectId object_id(const std::string& content) {
    std::string hex = corpus::GitRepository::blob_id(content);
    corpus::ObjectId id{};
    for (std::size_t k = 0; k < id.size(); ++k)
        id[k] = static_cast<unsigned char>(std::stoi(hex.substr(2 * k, 2), nullptr, 16));
    return id;
}

std::string record(int k) {
    return "{\n \"Id\": \"aaaaaaaa-0000-0000-0000-" + std::to_string(100000000000 + k) +
           "\",\n \"Soort\": \"Voor\"\n}\n";
}

}  // namespace

TEST_CASE("pack writer: entries deflated ahead make the same pack as objects deflated by it", "[corpus]") {
    test::TempDir tmp;
    std::filesystem::create_directories(tmp.path / "a");
    std::filesystem::create_directories(tmp.path / "b");
    std::vector<std::string> contents;
    for (int k = 0; k < 300; ++k) contents.push_back(record(k));
    contents.push_back(std::string(70000, 'x'));  // a size that takes three header bytes
    contents.push_back("");
    std::vector<std::string> entries(contents.size());
    std::thread ahead([&] {  // another thread, with its own compressor
        for (std::size_t k = 0; k < contents.size(); ++k)
            entries[k] = corpus::pack_entry(corpus::PackObjectType::blob, contents[k], corpus::k_record_pack_level);
    });
    ahead.join();
    corpus::PackWriter by_writer(corpus::k_record_pack_level), by_entries(corpus::k_record_pack_level);
    for (std::size_t k = 0; k < contents.size(); ++k) {
        by_writer.add(object_id(contents[k]), corpus::PackObjectType::blob, contents[k]);
        by_entries.add_entry(object_id(contents[k]), entries[k]);
        by_entries.add_entry(object_id(contents[k]), entries[k]);  // an id added before is skipped
    }
    CHECK(by_entries.size() == contents.size());
    CHECK(by_entries.contains(object_id(contents[7])));
    CHECK_FALSE(by_entries.contains(object_id("not in the pack")));
    auto a = by_writer.finish(tmp.path / "a");
    auto b = by_entries.finish(tmp.path / "b");
    REQUIRE(a);
    REQUIRE(b);
    CHECK(*a == *b);
    CHECK(test::slurp(tmp.path / "a" / ("pack-" + *a + ".pack")) ==
          test::slurp(tmp.path / "b" / ("pack-" + *b + ".pack")));
    CHECK(test::slurp(tmp.path / "a" / ("pack-" + *a + ".idx")) ==
          test::slurp(tmp.path / "b" / ("pack-" + *b + ".idx")));
}

TEST_CASE("commit_paths: a commit of many files given their pack entries is whole", "[corpus]") {
    test::TempDir tmp;
    auto repo = corpus::GitRepository::init_bare(tmp.path / "corpus.git");
    REQUIRE(repo);
    std::vector<corpus::PathChange> changes;
    for (int k = 0; k < 400; ++k) {
        std::string content = record(k);
        std::string entry =
            k % 2 ? corpus::pack_entry(corpus::PackObjectType::blob, content, corpus::k_record_pack_level) : "";
        changes.push_back({"official/Stemming/" + std::to_string(k % 16) + "/" + std::to_string(k) + ".json", content,
                           k % 3 ? corpus::GitRepository::blob_id(content) : "", entry});
    }
    auto commit = repo->commit_paths(changes, "Sync official records\n");
    REQUIRE(commit);
    for (int k : {0, 1, 2, 3, 399}) CHECK(repo->read(*commit, changes[k].path) == record(k));
    std::string fsck;
    CHECK(test::run_program({"git", "--git-dir", (tmp.path / "corpus.git").string(), "fsck", "--full", "--strict"},
                            &fsck) == 0);
    INFO(fsck);
    auto counts =
        test::run_program_output({"git", "--git-dir", (tmp.path / "corpus.git").string(), "count-objects", "-v"});
    CHECK(counts.find("count: 0\n") != std::string::npos);  // no loose object: all in one pack
    CHECK(counts.find("packs: 1\n") != std::string::npos);
    CHECK(counts.find("in-pack: 420\n") != std::string::npos);  // 400 blobs, 19 trees, the commit
}
