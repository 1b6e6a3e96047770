// review, accept, reject, correct: a person's decisions on what the detector found.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/store_access.hpp"
#include "db/tracked_items.hpp"
#include "pipeline/store.hpp"
#include "report/exports.hpp"
#include "track/review.hpp"
#include "util/text.hpp"

namespace toezeg::cli {

using nlohmann::json;

namespace {

constexpr const char* k_store_help = "Store directory (default: $TOEZEG_STORE, else .toezeg)";

std::vector<track::Passage> passages_of(const track::TrackedItem& t, const std::string& doc) {
    std::vector<track::Passage> out;
    for (auto& e : t.events)
        if (!e.doc.empty() && (doc.empty() || e.doc == doc)) out.push_back(track::Passage{e.doc, e.evidence});
    return out;
}

// Records one decision on the item `id` (its passages, or those of `doc`) and retracks.
int decide(const std::string& store_flag, const std::string& op, const std::vector<std::string>& ids,
           const std::string& doc, const std::map<std::string, std::string>& fields) {
    auto store = open_store(store_flag, pipeline::Access::write);
    if (!store) return k_exit_fatal;
    std::vector<track::Correction> decisions;
    std::string doc_id = doc.empty() ? doc : current_document_id(*store, doc);
    for (auto& given : ids) {
        std::string id = current_item_id(*store, given);
        auto t = db::load_tracked_item(store->index().database(), id);
        if (!t) {
            print_error(Error{id, "no such tracked item; see `toezeg status` or `toezeg review`"});
            return k_exit_some_failed;
        }
        auto passages = passages_of(*t, doc_id);
        if (passages.empty()) {
            print_error(Error{id, doc_id.empty() ? "has no passage from a letter to decide on"
                                              : "has no passage from " + doc_id + "; see `toezeg item " + id + "`"});
            return k_exit_some_failed;
        }
        decisions.push_back(track::Correction{op, {id}, doc_id, "", std::move(passages), fields});
    }
    for (auto& d : decisions)
        if (auto added = store->add_correction(d); !added) {
            print_error(added.error());
            return k_exit_fatal;
        }
    auto n = retrack(*store);
    if (!n) return k_exit_fatal;
    std::string done = op == "accept" ? "accepted" : op == "reject" ? "rejected" : "corrected";
    for (auto& d : decisions)
        std::cout << done << " " << d.items[0] << " (" << d.passages.size() << " passage"
                  << (d.passages.size() == 1 ? "" : "s") << ")\n";
    std::cout << tracked_items(*n) << "\n";
    return k_exit_ok;
}

}  // namespace

void setup_review(CLI::App& app, Runner& run) {
    struct Options {
        std::string store;
        double threshold = track::k_review_threshold;
        bool json_out = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("review", "Items waiting for a person: low detection confidence or possible links, newest first");
    cmd->add_option("--store", o->store, k_store_help);
    cmd->add_option("--threshold", o->threshold, "Detection confidence below which an item waits for review")
        ->check(CLI::Range(0.0, 1.0))
        ->capture_default_str();
    cmd->add_flag("--json", o->json_out, "JSON Lines, one item per line with its reason");
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            auto items = db::load_review_queue(store->index().database(), o->threshold);
            std::vector<std::vector<std::string>> rows{{"ID", "KIND", "STATUS", "CONFIDENCE", "WHY", "LAST", "SUBJECT"}};
            for (auto& t : items) {
                std::string why = track::review_reason(t, o->threshold);
                if (o->json_out) {
                    json j = report::tracked_to_json(t, "");
                    j["reason"] = why;
                    std::cout << j.dump() << "\n";
                    continue;
                }
                char confidence[16];
                std::snprintf(confidence, sizeof confidence, "%.2f", t.confidence);
                std::string what = t.subject.empty() && !t.events.empty() ? t.events.front().evidence : t.subject;
                rows.push_back({t.id, std::string(to_string(t.kind)), std::string(to_string(t.status)), confidence, why,
                                t.last_date(), text::shorten(what, 60)});
            }
            if (o->json_out) return k_exit_ok;
            if (items.empty()) {
                std::cout << "nothing to review\n";
                return k_exit_ok;
            }
            std::cout << format_table(rows) << items.size() << " item" << (items.size() == 1 ? "" : "s")
                      << " to review; decide with `toezeg accept|reject|correct ID` or `toezeg link ID ID`\n";
            return k_exit_ok;
        };
    });
}

void setup_accept(CLI::App& app, Runner& run) {
    struct Options {
        std::string store;
        std::vector<std::string> ids;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("accept", "Confirm tracked items as detected; they leave the review queue (kept in git)");
    cmd->add_option("--store", o->store, k_store_help);
    cmd->add_option("ids", o->ids, "Tracked item ids")->required();
    cmd->callback([&run, o] { run = [o] { return decide(o->store, "accept", o->ids, "", {}); }; });
}

void setup_reject(CLI::App& app, Runner& run) {
    struct Options {
        std::string store, doc;
        std::vector<std::string> ids;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand(
        "reject", "Mark detections as no commitment or motion; they never reappear, also in later versions (kept in git)");
    cmd->add_option("--store", o->store, k_store_help);
    cmd->add_option("--doc", o->doc, "Only the passages of this document");
    cmd->add_option("ids", o->ids, "Tracked item ids")->required();
    cmd->callback([&run, o] { run = [o] { return decide(o->store, "reject", o->ids, o->doc, {}); }; });
}

void setup_correct(CLI::App& app, Runner& run) {
    struct Options {
        std::string store, id, status, member, due, subject, ref, kind;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("correct", "Set what the detector got wrong on a tracked item (kept in git)");
    cmd->add_option("--store", o->store, k_store_help);
    cmd->add_option("id", o->id, "Tracked item id")->required();
    cmd->add_option("--status", o->status, "open, fulfilled, partial, lapsed, rejected or held");
    cmd->add_option("--member", o->member, "Kamerlid");
    cmd->add_option("--due", o->due, "Deadline (YYYY-MM-DD)");
    cmd->add_option("--subject", o->subject, "Subject");
    cmd->add_option("--ref", o->ref, "Kamerstuk reference");
    cmd->add_option("--kind", o->kind, "commitment or motion");
    cmd->callback([&run, o] {
        run = [o] {
            std::map<std::string, std::string> fields;
            for (auto& [name, value] : {std::pair{"status", o->status}, {"member", o->member}, {"due", o->due},
                                        {"subject", o->subject}, {"ref", o->ref}, {"kind", o->kind}})
                if (!value.empty()) fields[name] = value;
            if (fields.empty()) {
                print_error(Error{"correct", "give at least one of --status, --member, --due, --subject, --ref, --kind"});
                return k_exit_fatal;
            }
            for (auto& [name, value] : fields)
                if (auto bad = track::invalid_correction(name, value)) {
                    print_error(Error{"--" + name, *bad + ", not '" + value + "'"});
                    return k_exit_fatal;
                }
            return decide(o->store, "correct", {o->id}, "", fields);
        };
    });
}

}  // namespace toezeg::cli
