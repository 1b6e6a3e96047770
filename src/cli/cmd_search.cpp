// search: full-text search over the stored documents and the tracked items.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/store_access.hpp"
#include "db/search.hpp"
#include "db/tracked_items.hpp"
#include "pipeline/store.hpp"

namespace toezeg::cli {

void setup_search(CLI::App& app, Runner& run) {
    struct Options {
        std::string store;
        std::vector<std::string> words;
        bool json_out = false;
        int limit = 20;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("search", "Search the documents and the tracked items for words (full text)");
    cmd->add_option("QUERY", o->words, "Words that must all occur; case and accents are ignored; 'migr*' is a prefix")
        ->required();
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_flag("--json", o->json_out,
                  "Print JSON Lines: type, id, version, title, snippet (matches between [ and ])");
    cmd->add_option("--limit", o->limit, "At most this many documents and this many items (default 20)")
        ->check(CLI::PositiveNumber);
    cmd->footer(
        "Documents come first (their latest version), then tracked items, best match first.\n"
        "Each result shows the passage with the match between [ and ].");
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            std::string words;
            for (auto& w : o->words) words += (words.empty() ? "" : " ") + w;
            auto items = db::load_tracked_items(store->index().database(), {});
            auto hits = db::search(store->index().database(), items, words, o->limit);
            if (o->json_out) {
                for (auto& h : hits) {
                    nlohmann::json j{{"type", h.type}, {"id", h.id}, {"title", h.title}, {"snippet", h.snippet}};
                    if (h.type == "document") j["version"] = h.version;
                    std::cout << j.dump() << "\n";
                }
                return k_exit_ok;
            }
            if (hits.empty()) {
                std::cout << "no documents or items match " << words << "\n";
                return k_exit_ok;
            }
            std::vector<std::vector<std::string>> rows{{"TYPE", "ID", "MATCH"}};
            int n_docs = 0;
            for (auto& h : hits) {
                n_docs += h.type == "document";
                std::string snippet;
                for (char c : h.snippet) snippet += c == '\n' ? ' ' : c;
                rows.push_back({h.type, h.id, snippet});
            }
            std::cout << format_table(rows);
            std::size_t n_items = hits.size() - static_cast<std::size_t>(n_docs);
            std::cout << n_docs << (n_docs == 1 ? " document, " : " documents, ") << n_items
                      << (n_items == 1 ? " item" : " items") << "\n";
            return k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
