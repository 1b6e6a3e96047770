// The report's search without a server: a prebuilt index of words, postings and entries.
#include "report/search_index.hpp"

#include <re2/re2.h>

#include <algorithm>
#include <charconv>
#include <nlohmann/json.hpp>
#include <unordered_map>

#include "report/format.hpp"
#include "report/page_cache.hpp"
#include "util/search_words.hpp"

namespace toezeg::report {

namespace {

std::string one_line(std::string_view text) {
    std::string out(text);
    std::replace_if(out.begin(), out.end(), [](char c) { return c == '\t' || c == '\n' || c == '\r'; }, ' ');
    return out;
}

std::string json_string(std::string_view text) {
    return script_safe(nlohmann::json(std::string(text)).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
}

void append_number(std::string& out, std::size_t n) {
    char buf[24];
    auto end = std::to_chars(buf, buf + sizeof buf, n).ptr;
    out.append(buf, end);
}

struct Entry {
    std::string_view type, title, page;
    std::vector<std::string_view> words;
};

// One piece's line: "type\ttitle\tpage\tword word ..."; nullopt when it is not one.
std::optional<Entry> parse_piece(std::string_view line) {
    Entry e;
    std::string_view* fields[] = {&e.type, &e.title, &e.page};
    for (auto* f : fields) {
        auto tab = line.find('\t');
        if (tab == std::string_view::npos) return std::nullopt;
        *f = line.substr(0, tab);
        line.remove_prefix(tab + 1);
    }
    while (!line.empty()) {
        auto space = line.find(' ');
        auto word = line.substr(0, space);
        if (!word.empty()) e.words.push_back(word);
        if (space == std::string_view::npos) break;
        line.remove_prefix(space + 1);
    }
    return e;
}

}  // namespace

std::string script_safe(const std::string& json_text) {
    // JSON is JavaScript; "</" is written "<\/" so the text can never end a script element.
    std::string out;
    out.reserve(json_text.size() + 8);
    for (std::size_t i = 0; i < json_text.size(); ++i) {
        out += json_text[i];
        if (json_text[i] == '<' && i + 1 < json_text.size() && json_text[i + 1] == '/') out += '\\';
    }
    return out;
}

std::string search_piece(std::string_view type, std::string_view title, std::string_view page,
                         std::string_view text) {
    std::string out = one_line(type) + '\t' + one_line(title) + '\t' + one_line(page) + '\t';
    bool first = true;
    for (auto& w : text::search_words(std::string(title) + " " + std::string(text))) {
        if (!first) out += ' ';
        first = false;
        out += w;
    }
    return out;
}

std::vector<std::pair<std::string, std::string>> search_index_files(std::string_view item_pieces,
                                                                   const std::vector<db::DocumentRow>& documents) {
    std::string document_pieces;
    for (auto& d : documents) {
        std::string title = d.title.empty() ? d.id : d.title;
        std::string text = d.id + " " + d.dossier + (d.number.empty() ? "" : ", nr. " + d.number) + " " + date_label(d.date);
        document_pieces += search_piece("Document", title, "docs/" + d.id + ".html", text);
        document_pieces += '\n';
    }
    std::vector<Entry> entries;
    for (std::string_view all : {item_pieces, std::string_view(document_pieces)})
        while (!all.empty()) {
            auto end = all.find('\n');
            if (auto e = parse_piece(all.substr(0, end))) entries.push_back(std::move(*e));
            all.remove_prefix(end == std::string_view::npos ? all.size() : end + 1);
        }

    // Each word's entries, in entry order (so each list is sorted).
    std::unordered_map<std::string_view, std::vector<std::uint32_t>> postings;
    for (std::size_t k = 0; k < entries.size(); ++k)
        for (auto w : entries[k].words) postings[w].push_back(static_cast<std::uint32_t>(k));
    std::vector<std::string_view> words;
    words.reserve(postings.size());
    for (auto& [w, list] : postings) words.push_back(w);
    std::sort(words.begin(), words.end());

    std::vector<std::pair<std::string, std::string>> files;
    files.emplace_back("search-index.js", "");
    std::vector<std::size_t> starts;
    std::string shard;
    std::size_t in_shard = 0;
    auto end_shard = [&] {
        if (shard.empty()) return;
        std::string name = "zoek/p-" + std::to_string(starts.size() - 1) + ".js";
        files.emplace_back(name, "toezegSearch.postings[" + std::to_string(starts.size() - 1) + "] = [" + shard + "];\n");
        shard.clear();
        in_shard = 0;
    };
    for (std::size_t k = 0; k < words.size(); ++k) {
        auto& list = postings[words[k]];
        if (in_shard > 0 && in_shard + list.size() > k_search_shard) end_shard();
        if (shard.empty()) starts.push_back(k);
        else shard += ",\n";
        shard += '[';
        std::uint32_t before = 0;
        for (std::size_t i = 0; i < list.size(); ++i) {
            if (i) shard += ',';
            append_number(shard, list[i] - before);
            before = list[i];
        }
        shard += ']';
        in_shard += list.size();
    }
    end_shard();
    std::size_t blocks = 0;
    for (std::size_t first = 0; first < entries.size(); first += k_search_block, ++blocks) {
        std::string text = "toezegSearch.entries[" + std::to_string(blocks) + "] = [";
        for (std::size_t k = first; k < std::min(entries.size(), first + k_search_block); ++k) {
            if (k > first) text += ",\n";
            text += '[' + json_string(entries[k].type) + ',' + json_string(entries[k].title) + ',' +
                    json_string(entries[k].page) + ']';
        }
        files.emplace_back("zoek/e-" + std::to_string(blocks) + ".js", text + "];\n");
    }

    PageKey all;
    for (std::size_t k = 1; k < files.size(); ++k) all.add(files[k].first).add(files[k].second);
    std::string manifest = "window.toezegSearchIndex = {\"shards\":" + std::to_string(starts.size()) +
                           ",\"blocks\":" + std::to_string(blocks) + ",\"entries\":" + std::to_string(entries.size()) +
                           ",\"block\":" + std::to_string(k_search_block) + ",\"v\":\"" + text::hex(all.value()) +
                           "\",\n\"starts\":[";
    for (std::size_t k = 0; k < starts.size(); ++k) {
        if (k) manifest += ',';
        append_number(manifest, starts[k]);
    }
    manifest += "],\n\"words\":[";
    for (std::size_t k = 0; k < words.size(); ++k) {
        if (k) manifest += k % 16 ? "," : ",\n";
        manifest += json_string(words[k]);
    }
    files.front().second = manifest + "]};\n";
    return files;
}

std::vector<std::string> search_index_parts(std::string_view manifest) {
    static const RE2 counts(R"(^window\.toezegSearchIndex = \{"shards":(\d{1,9}),"blocks":(\d{1,9}),)");
    std::size_t shards = 0, blocks = 0;
    if (!RE2::PartialMatch(manifest.substr(0, 200), counts, &shards, &blocks)) return {};
    std::vector<std::string> parts;
    for (std::size_t k = 0; k < shards; ++k) parts.push_back("zoek/p-" + std::to_string(k) + ".js");
    for (std::size_t k = 0; k < blocks; ++k) parts.push_back("zoek/e-" + std::to_string(k) + ".js");
    return parts;
}

}  // namespace toezeg::report
