// list, log, show, diff: reading the store's documents and their versions.
#include <ctime>
#include <iostream>
#include <memory>
#include <set>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/store_access.hpp"
#include "pipeline/store.hpp"
#include "util/word_diff.hpp"

namespace toezeg::cli {

using nlohmann::json;

namespace {

struct Common {
    std::string store;
    bool json_out = false;
};

void add_common(CLI::App* cmd, Common& c) {
    cmd->add_option("--store", c.store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_flag("--json", c.json_out, "Print JSON (JSON Lines for lists)");
}

std::string iso_time(long long seconds) {
    std::time_t t = static_cast<std::time_t>(seconds);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M", std::gmtime(&t));
    return buf;
}

// "ID" or "ID@N"; N defaults to the latest version.
bool parse_ref(pipeline::Store& store, const std::string& ref, std::string& id, int& version) {
    id = ref;
    version = 0;
    if (auto at = ref.rfind('@'); at != std::string::npos) {
        id = ref.substr(0, at);
        try {
            version = std::stoi(ref.substr(at + 1));
        } catch (...) {
            print_error(Error{ref, "the version after '@' must be a number"});
            return false;
        }
    }
    id = current_document_id(store, id);
    auto doc = store.index().document(id);
    if (!doc) {
        print_error(Error{id, "no such document in the store; see `toezeg list`"});
        return false;
    }
    if (version == 0) version = doc->versions;
    if (version < 1 || version > doc->versions) {
        print_error(Error{ref, "no such version; the document has " + std::to_string(doc->versions)});
        return false;
    }
    return true;
}

}  // namespace

void setup_list(CLI::App& app, Runner& run) {
    auto c = std::make_shared<Common>();
    auto* cmd = app.add_subcommand("list", "List the stored documents");
    add_common(cmd, *c);
    cmd->callback([&run, c] {
        run = [c] {
            auto store = open_store(c->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            std::vector<std::vector<std::string>> rows;
            if (!c->json_out) rows.push_back({"ID", "DATE", "VERSIONS", "TITLE"});
            for (auto& d : store->index().documents()) {
                if (c->json_out) {
                    std::cout << json{{"id", d.id}, {"title", d.title}, {"date", d.date.empty() ? json(nullptr) : json(d.date)},
                                      {"versions", d.versions}, {"dossier", d.dossier}, {"number", d.number},
                                      {"addressee", d.addressee}}.dump() << "\n";
                } else {
                    rows.push_back({d.id, d.date.empty() ? "-" : d.date, std::to_string(d.versions), d.title});
                }
            }
            if (!c->json_out) std::cout << format_table(rows);
            return k_exit_ok;
        };
    });
}

void setup_log(CLI::App& app, Runner& run) {
    auto c = std::make_shared<Common>();
    auto id = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("log", "Show the versions of one document");
    add_common(cmd, *c);
    cmd->add_option("id", *id, "Document id")->required();
    cmd->callback([&run, c, id] {
        run = [c, id] {
            auto store = open_store(c->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            std::string doc_id;
            int version = 0;
            if (!parse_ref(*store, *id, doc_id, version)) return k_exit_some_failed;
            std::vector<std::vector<std::string>> rows;
            if (!c->json_out) rows.push_back({"VERSION", "COMMITTED", "COMMIT", "SOURCE"});
            for (auto& v : store->index().versions(doc_id)) {
                if (c->json_out)
                    std::cout << json{{"id", doc_id}, {"version", v.version}, {"commit", v.commit},
                                      {"committed_at", iso_time(v.committed_at)}, {"ingested_at", v.ingested_at},
                                      {"source", v.source}}.dump() << "\n";
                else
                    rows.push_back({std::to_string(v.version), iso_time(v.committed_at), v.commit.substr(0, 12), v.source});
            }
            if (!c->json_out) std::cout << format_table(rows);
            return k_exit_ok;
        };
    });
}

void setup_show(CLI::App& app, Runner& run) {
    auto c = std::make_shared<Common>();
    auto ref = std::make_shared<std::string>();
    auto* cmd = app.add_subcommand("show", "Show one document version: metadata, relations, text (ID or ID@N)");
    add_common(cmd, *c);
    cmd->add_option("id", *ref, "Document id, optionally with @version")->required();
    cmd->callback([&run, c, ref] {
        run = [c, ref] {
            auto store = open_store(c->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            std::string id;
            int version = 0;
            if (!parse_ref(*store, *ref, id, version)) return k_exit_some_failed;
            auto& index = store->index();
            auto record = index.version(id, version);
            json meta = json::parse(record->meta_json);
            json related = json::array();
            for (auto& r : index.relations(id)) related.push_back({{"id", r.other_id}, {"kind", r.kind}, {"score", r.score}});
            std::set<std::string> cited;
            for (auto& cite_doc : meta.value("citations", json::array())) {
                // A citation "32 317, nr. 994" points at the stored document kst-32317-994.
                std::string ref_text = cite_doc.value("ref", "");
                auto target = index.document_for_ref(ref_text);
                if (target && *target != id && cited.insert(*target).second)
                    related.push_back({{"id", *target}, {"kind", "cites"}, {"ref", ref_text}});
            }
            auto self = index.document(id);
            if (self && !self->dossier.empty() && !self->number.empty())
                for (auto& citing : index.documents_citing(self->dossier + ", nr. " + self->number))
                    if (citing != id) related.push_back({{"id", citing}, {"kind", "cited-by"}});
            if (c->json_out) {
                std::cout << json{{"id", id}, {"version", version}, {"commit", record->commit}, {"meta", meta},
                                  {"related", related}, {"text", record->doc.text}}.dump() << "\n";
                return k_exit_ok;
            }
            auto m = meta.value("metadata", json::object());
            std::vector<std::vector<std::string>> rows = {
                {"id", id}, {"version", std::to_string(version)}, {"commit", record->commit}, {"source", record->doc.source}};
            for (const char* key : {"title", "date", "addressee", "dossier", "dossier_title", "number", "sender", "subject", "meeting"})
                if (!m.value(key, "").empty()) rows.push_back({key, m.value(key, "")});
            for (auto& s : m.value("signers", json::array()))
                rows.push_back({"signer", s.value("role", "") + " (" + s.value("name", "") + ")"});
            for (auto& r : related) rows.push_back({"related", r.value("kind", "") + " " + r.value("id", "")});
            std::cout << format_table(rows) << "\n" << record->doc.text;
            return k_exit_ok;
        };
    });
}

void setup_diff(CLI::App& app, Runner& run) {
    auto c = std::make_shared<Common>();
    auto id = std::make_shared<std::string>();
    auto versions = std::make_shared<std::vector<int>>();
    auto* cmd = app.add_subcommand("diff", "Word diff between two versions of a document (default: the last two)");
    add_common(cmd, *c);
    cmd->add_option("id", *id, "Document id")->required();
    cmd->add_option("versions", *versions, "Two version numbers N M")->expected(0, 2);
    cmd->callback([&run, c, id, versions] {
        run = [c, id, versions] {
            auto store = open_store(c->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            std::string doc_id;
            int latest = 0;
            if (!parse_ref(*store, *id, doc_id, latest)) return k_exit_some_failed;
            int from = latest - 1, to = latest;
            if (versions->size() == 2) {
                from = (*versions)[0];
                to = (*versions)[1];
            } else if (!versions->empty()) {
                print_error(Error{"diff", "give two versions (N M) or none"});
                return k_exit_fatal;
            }
            if (from < 1) {
                print_error(Error{doc_id, "has only one version; nothing to compare"});
                return k_exit_some_failed;
            }
            auto a = store->index().version(doc_id, from);
            auto b = store->index().version(doc_id, to);
            if (!a || !b) {
                print_error(Error{doc_id, "no such version"});
                return k_exit_some_failed;
            }
            auto pieces = word_diff(a->doc.text, b->doc.text);
            if (c->json_out) {
                json out = json::array();
                for (auto& p : pieces)
                    out.push_back({{"op", p.op == DiffPiece::Op::same ? "same" : p.op == DiffPiece::Op::added ? "added" : "removed"},
                                   {"text", p.text}});
                std::cout << json{{"id", doc_id}, {"from", from}, {"to", to}, {"pieces", out}}.dump() << "\n";
                return k_exit_ok;
            }
            bool colour = use_colour();
            std::cout << "diff " << doc_id << " version " << from << " -> " << to << "\n";
            for (auto& p : pieces) {
                if (p.op == DiffPiece::Op::same) std::cout << p.text;
                else if (p.op == DiffPiece::Op::removed) std::cout << (colour ? "\x1b[31m[-" : "[-") << p.text << (colour ? "-]\x1b[0m" : "-]");
                else std::cout << (colour ? "\x1b[32m{+" : "{+") << p.text << (colour ? "+}\x1b[0m" : "+}");
            }
            return k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
