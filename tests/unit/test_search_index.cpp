#include <catch2/catch.hpp>

#include <nlohmann/json.hpp>
#include <set>

#include "report/search_index.hpp"
#include "util/search_words.hpp"

using namespace toezeg;
using Words = std::vector<std::string>;

namespace {

// The JSON between the first '=' and the last ';' of one of the index's scripts.
nlohmann::json script_value(const std::string& script) {
    auto from = script.find('=') + 1, to = script.rfind(';');
    return nlohmann::json::parse(script.substr(from, to - from));
}

std::map<std::string, std::string> files_of(std::string_view items, const std::vector<db::DocumentRow>& docs = {}) {
    std::map<std::string, std::string> out;
    for (auto& [name, content] : report::search_index_files(items, docs)) out[name] = content;
    return out;
}

// The entries (numbers) the index lists for `word`, decoded from its shard.
std::vector<int> entries_of(const std::map<std::string, std::string>& files, const std::string& word) {
    auto index = script_value(files.at("search-index.js"));
    auto words = index["words"].get<Words>();
    auto at = std::find(words.begin(), words.end(), word);
    if (at == words.end()) return {};
    int w = static_cast<int>(at - words.begin()), shard = 0;
    auto starts = index["starts"].get<std::vector<int>>();
    while (shard + 1 < static_cast<int>(starts.size()) && starts[shard + 1] <= w) ++shard;
    auto postings = script_value(files.at("zoek/p-" + std::to_string(shard) + ".js"));
    std::vector<int> out;
    int entry = 0;
    for (int d : postings[w - starts[shard]]) out.push_back(entry += d);
    return out;
}

}  // namespace

TEST_CASE("search words: folded as the report's script folds what a reader types", "[search]") {
    CHECK(text::search_words("Kröger's 36 410-VIII") == Words{"kroger", "s", "36", "410", "viii"});
    CHECK(text::search_words("Şahin, ÉÉN en één") == Words{"sahin", "een", "en"});
    CHECK(text::search_words("vertrekmoratoria; kst-36410-VIII-58") ==
          Words{"vertrekmoratoria", "kst", "36410", "viii", "58"});
    CHECK(text::search_words("Straße Ωmega") == Words{"straße", "ωmega"});  // lower case, not case folding
    CHECK(text::search_words(" \t–…") == Words{});
    CHECK(text::search_words("ab\xff" "cd") == Words{"ab", "cd"});  // a byte that is not UTF-8 ends a word
}

TEST_CASE("search index: each word's entries, the entries' titles and pages, and the parts' names", "[search]") {
    std::string items = report::search_piece("Toezegging", "Kröger\tover moratoria", "items/tz-1.html",
                                             "Kröger vertrekmoratoria") +
                        "\n" + report::search_piece("Motie", "motie Ram </script>", "items/motie-1.html", "Ram");
    std::vector<db::DocumentRow> docs(1);
    docs[0].id = "kst-36410-1";
    docs[0].title = "Brief over moratoria";
    docs[0].dossier = "36410";
    auto files = files_of(items, docs);
    REQUIRE(files.size() == 3);
    auto index = script_value(files["search-index.js"]);
    CHECK(index["entries"] == 3);
    CHECK(index["shards"] == 1);
    CHECK(index["blocks"] == 1);
    auto words = index["words"].get<Words>();
    CHECK(std::is_sorted(words.begin(), words.end()));
    CHECK(std::set<std::string>(words.begin(), words.end()).size() == words.size());
    CHECK(entries_of(files, "kroger") == std::vector<int>{0});
    CHECK(entries_of(files, "moratoria") == std::vector<int>{0, 2});  // title of the item, title of the document
    CHECK(entries_of(files, "ram") == std::vector<int>{1});
    CHECK(entries_of(files, "36410") == std::vector<int>{2});
    auto entries = script_value(files["zoek/e-0.js"]);
    CHECK(entries[0] == nlohmann::json::array({"Toezegging", "Kröger over moratoria", "items/tz-1.html"}));
    CHECK(entries[2][2] == "docs/kst-36410-1.html");
    // A title can never end the script it stands in.
    CHECK(files["zoek/e-0.js"].find("</script>") == std::string::npos);
    CHECK(files["zoek/e-0.js"].find("<\\/script>") != std::string::npos);
    // The manifest names its parts, so a later run can keep them.
    CHECK(report::search_index_parts(files["search-index.js"]) == Words{"zoek/p-0.js", "zoek/e-0.js"});
    CHECK(report::search_index_parts("window.toezegSearchIndex = [];").empty());
    // "v" stands for the parts: another title, another "v".
    auto other = files_of(items + "\n" + report::search_piece("Motie", "x", "items/m.html", ""), docs);
    CHECK(script_value(other["search-index.js"])["v"] != index["v"]);
}

TEST_CASE("search index: large sets are cut into shards and blocks, a word never split", "[search]") {
    std::string items;
    const int n = static_cast<int>(report::k_search_shard) + 1500;  // "gemeen" alone fills more than a shard
    for (int k = 0; k < n; ++k)
        items += report::search_piece("Motie", "m" + std::to_string(k), "items/m" + std::to_string(k) + ".html",
                                      "gemeen w" + std::to_string(k % 3000)) +
                 "\n";
    auto files = files_of(items);
    auto index = script_value(files["search-index.js"]);
    CHECK(index["entries"] == n);
    CHECK(index["blocks"] == (n + static_cast<int>(report::k_search_block) - 1) / static_cast<int>(report::k_search_block));
    CHECK(index["shards"].get<int>() >= 3);
    auto gemeen = entries_of(files, "gemeen");
    REQUIRE(gemeen.size() == static_cast<std::size_t>(n));
    CHECK(gemeen.back() == n - 1);
    auto w7 = entries_of(files, "w7");
    CHECK(w7.size() == static_cast<std::size_t>((n - 7 + 2999) / 3000));
    CHECK(w7[1] == 3007);
    auto parts = report::search_index_parts(files["search-index.js"]);
    CHECK(parts.size() + 1 == files.size());
    for (auto& p : parts) CHECK(files.contains(p));
    // Every shard but a single word's holds at most k_search_shard postings.
    for (auto& [name, content] : files)
        if (name.starts_with("zoek/p-")) {
            auto lists = script_value(content);
            std::size_t postings = 0;
            for (auto& l : lists) postings += l.size();
            CHECK((lists.size() == 1 || postings <= report::k_search_shard));
        }
}
