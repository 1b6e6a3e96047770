// status, item, link, unlink: tracked commitments and motions across letters.
#include <algorithm>
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "core/date.hpp"
#include "db/register_records.hpp"
#include "db/tracked_items.hpp"
#include "cli/store_access.hpp"
#include "pipeline/store.hpp"
#include "report/exports.hpp"
#include "track/review.hpp"
#include "util/text.hpp"

namespace toezeg::cli {

using nlohmann::json;


void setup_status(CLI::App& app, Runner& run) {
    struct Options {
        std::string store, kind, member, actor, dossier, since, as_of, csv_dialect = "rfc4180";
        bool open = false, fulfilled = false, partial = false, lapsed = false, rejected = false, held = false;
        bool overdue = false;
        bool json_out = false, csv = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("status", "Tracked commitments and motions, with status and deadline");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    auto* g = cmd->add_option_group("status filter");
    g->add_flag("--open", o->open, "Only open items (Openstaand)");
    g->add_flag("--fulfilled", o->fulfilled, "Only fulfilled items (Voldaan)");
    g->add_flag("--partial", o->partial, "Only partly fulfilled items (Deels voldaan)");
    g->add_flag("--lapsed", o->lapsed, "Only lapsed items (Vervallen: withdrawn, replaced or lapsed)");
    g->add_flag("--rejected", o->rejected, "Only motions the Kamer did not adopt (Verworpen, also a tie)");
    g->add_flag("--held", o->held, "Only motions held (Aangehouden)");
    g->add_flag("--overdue", o->overdue, "Only open items whose deadline has passed");
    g->require_option(0, 1);
    cmd->add_option("--kind", o->kind, "commitment or motion")->check(CLI::IsMember({"commitment", "motion"}));
    cmd->add_option("--member", o->member, "Kamerlid (part of the name)");
    cmd->add_option("--actor", o->actor, "Minister or state secretary (part of the role)");
    cmd->add_option("--dossier", o->dossier, "Kamerstuk dossier number, e.g. 32317");
    cmd->add_option("--since", o->since, "Only items with an event on or after this date (YYYY-MM-DD)");
    cmd->add_option("--as-of", o->as_of, "Date for overdue (default today)");
    cmd->add_flag("--json", o->json_out, "JSON Lines, one tracked item per line");
    cmd->add_flag("--csv", o->csv, "CSV with a header row");
    cmd->add_option("--csv-dialect", o->csv_dialect, "rfc4180 (commas, the default) or excel-nl (BOM, semicolons, decimal commas)")
        ->check(CLI::IsMember({"rfc4180", "excel-nl"}));
    cmd->callback([&run, o] {
        run = [o] {
            if (!valid_date_option(o->since, "--since") || !valid_date_option(o->as_of, "--as-of")) return k_exit_fatal;
            auto store = open_store(o->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            db::TrackedQuery q;
            q.as_of = o->as_of.empty() ? Date::today().iso() : o->as_of;
            if (o->open) q.status = Status::open;
            if (o->fulfilled) q.status = Status::fulfilled;
            if (o->partial) q.status = Status::partial;
            if (o->lapsed) q.status = Status::lapsed;
            if (o->rejected) q.status = Status::rejected;
            if (o->held) q.status = Status::held;
            q.overdue_only = o->overdue;
            if (!o->kind.empty()) q.kind = parse_kind(o->kind);
            q.member = o->member;
            q.actor = o->actor;
            q.dossier = o->dossier;
            q.since = o->since;
            if (o->json_out) {
                std::string out;
                db::for_each_tracked_json(store->index().database(), q, [&](std::string_view line) {
                    out += line;
                    out += '\n';
                    if (out.size() > (1 << 20)) {
                        std::cout << out;
                        out.clear();
                    }
                });
                std::cout << out;
                return k_exit_ok;
            }
            auto items = db::load_tracked_summaries(store->index().database(), q);
            std::string out;
            if (o->csv) {
                auto dialect = *report::parse_csv_dialect(o->csv_dialect);
                out = report::csv_start(dialect) + report::csv_line(report::tracked_csv_header(), dialect);
                for (auto& t : items) {
                    auto members = json::parse(t.members).get<std::vector<std::string>>();
                    out += report::csv_line({t.id, t.kind, t.status, t.overdue ? "true" : "false", t.member,
                                             text::join(members, "; "), t.actor, t.subject, t.made_on, t.due, t.ref,
                                             t.last_type, t.last_doc, t.decision, t.confidence, t.review},
                                            dialect);
                }
                std::cout << out;
                return k_exit_ok;
            }
            if (items.empty()) {
                std::cout << "geen items\n";
                return k_exit_ok;
            }
            std::vector<std::vector<std::string>> rows = {
                {"ID", "KIND", "STATUS", "MEMBER", "DUE", "LAST EVENT", "DECISION", "SUBJECT"}};
            for (auto& t : items) {
                std::string status = t.status;
                if (t.overdue) status += " (overdue)";
                if (t.has_possible_matches) status += " ?";
                rows.push_back({t.id, t.kind, status, t.member.empty() ? "-" : t.member,
                                t.due.empty() ? (t.due_text.empty() ? "-" : t.due_text) : t.due,
                                t.last_date + " " + t.last_type, t.decision.empty() ? "-" : text::shorten(t.decision, 48),
                                text::shorten(t.subject.empty() ? t.last_evidence : t.subject, 60)});
            }
            // On a narrow terminal DECISION, LAST EVENT, KIND, DUE and then MEMBER give way before
            // SUBJECT is cut (at 70 columns ID, STATUS and MEMBER alone left it 12 and the lines 73).
            std::cout << format_table(fit_to_width(std::move(rows), terminal_width(), {6, 5, 1, 4, 3}));
            return k_exit_ok;
        };
    });
}

void setup_item(CLI::App& app, Runner& run) {
    struct Options {
        std::string store, id, as_of;
        bool json_out = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("item", "The timeline of one tracked item");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_option("id", o->id, "Tracked item id (see `toezeg status`)")->required();
    cmd->add_option("--as-of", o->as_of, "Date for overdue (default today)");
    cmd->add_flag("--json", o->json_out, "One JSON object");
    cmd->callback([&run, o] {
        run = [o] {
            if (!valid_date_option(o->as_of, "--as-of")) return k_exit_fatal;
            auto store = open_store(o->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            auto t = db::load_tracked_item(store->index().database(), current_item_id(*store, o->id));
            if (!t) {
                print_error(Error{o->id, "no such tracked item; see `toezeg status`"});
                return k_exit_some_failed;
            }
            std::string as_of = o->as_of.empty() ? Date::today().iso() : o->as_of;
            if (o->json_out) {
                // The one JSON writer of tracked items, as `status --json` gives this item.
                db::TrackedQuery q;
                q.id = t->id;
                q.as_of = as_of;
                db::for_each_tracked_json(store->index().database(), q,
                                          [](std::string_view line) { std::cout << line << "\n"; });
                return k_exit_ok;
            }
            std::vector<std::vector<std::string>> head = {
                {"id", t->id}, {"kind", std::string(to_string(t->kind))},
                {"status", std::string(to_string(t->status)) + " (" + std::string(dutch_status(t->status)) + ")" +
                               (track::is_overdue(*t, as_of) ? ", overdue" : "")}};
            auto add = [&](const char* k, const std::string& v) {
                if (!v.empty()) head.push_back({k, v});
            };
            add("members", text::join(t->members, ", "));
            add("actor", t->actor);
            add("subject", t->subject);
            add("made on", t->made_on);
            add("made in", t->made_in);
            add("due", t->due.empty() ? t->due_text : t->due + (t->due_text.empty() ? "" : " (" + t->due_text + ")"));
            add("ref", t->ref);
            char confidence[16];
            std::snprintf(confidence, sizeof confidence, "%.2f", t->confidence);
            add("confidence", std::string(confidence) + (t->review.empty() ? "" : " (" + t->review + " by a person)"));
            add("review", track::review_reason(*t));
            if (t->fate) {
                add("decision", t->fate->summary());
                add("zaak", t->fate->zaak + (t->fate->besluit_tekst.empty() ? "" : " (" + t->fate->besluit_tekst + ")"));
                std::string voor, tegen;
                for (auto& v : t->fate->votes) {
                    std::string one = v.fractie + " " + std::to_string(v.seats);
                    if (v.soort == "Voor") voor += (voor.empty() ? "" : ", ") + one;
                    else if (v.soort == "Tegen") tegen += (tegen.empty() ? "" : ", ") + one;
                }
                add("voor", voor);
                add("tegen", tegen);
                if (!t->fate->successor.empty()) add("replaced by", t->fate->successor + " (" + t->fate->successor_zaak + ")");
            }
            for (auto& p : t->possible_matches)
                head.push_back({"possible match", p.id + " (" + p.reason + ", score " + std::to_string(p.score).substr(0, 4) + ")"});
            std::cout << format_table(head) << "\n";
            for (auto& e : t->events) {
                std::cout << (e.date.empty() ? std::string("(undated)") : e.date) << "  " << e.type;
                if (!e.doc.empty()) std::cout << "  " << e.doc << "@" << e.version;
                if (e.confidence < 1.0) std::cout << "  (link confidence " << std::to_string(e.confidence).substr(0, 4) << ")";
                std::cout << "\n";
                if (!e.evidence.empty()) std::cout << "    " << text::shorten(e.evidence, 300) << "\n";
            }
            return k_exit_ok;
        };
    });
}

namespace {

// "reg-T01237" names a register record of the store (joined to a letter's item or not).
bool names_register_record(pipeline::Store& store, const std::string& id) {
    if (!is_register_item_id(id)) return false;
    for (auto& r : db::load_register_records(store.index().database()))
        if (register_item_id(r) == id) return true;
    return false;
}

// `unlink ITEM reg-T01237`: the register record is not this item's commitment.
int unlink_register(pipeline::Store& store, const std::string& item, const std::string& reg) {
    bool joined = false;
    auto records = db::load_register_records(store.index().database());
    for (auto& j : db::load_register_joins(store.index().database()))
        for (auto& r : records)
            if (r.chamber == j.chamber && r.id == j.id && register_item_id(r) == reg && j.item_id == item) joined = true;
    if (!joined) {
        print_error(Error{item, "holds no register record " + reg + "; see `toezeg reconcile`"});
        return k_exit_some_failed;
    }
    auto added = store.add_correction(track::Correction{"unlink", {item}, reg, "", {}, {}});
    if (!added) {
        print_error(added.error());
        return k_exit_fatal;
    }
    auto n = retrack(store);
    if (!n) return k_exit_fatal;
    std::cout << "unlinked register record " << reg << " from " << item << "; " << tracked_items(*n) << "\n";
    return k_exit_ok;
}

}  // namespace

void setup_link(CLI::App& app, Runner& run) {
    struct Options {
        std::string store;
        std::vector<std::string> ids;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("link", "Merge tracked items that are one commitment or motion (kept in git)");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_option("ids", o->ids, "The item to keep, then the items to merge into it (or an item and reg-<number>: that register record is this item's)")->required()->expected(2, -1);
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::write);
            if (!store) return k_exit_fatal;
            auto registers = std::count_if(o->ids.begin(), o->ids.end(), [](auto& id) { return is_register_item_id(id); });
            if (registers > 0 && (registers != 1 || o->ids.size() != 2)) {
                print_error(Error{"link", "a register record (reg-...) is linked with one tracked item at a time: "
                                          "toezeg link ITEM reg-T01237"});
                return k_exit_fatal;
            }
            for (auto& id : o->ids) {
                if (!is_register_item_id(id)) id = current_item_id(*store, id);
                if (!db::load_tracked_item(store->index().database(), id) && !names_register_record(*store, id)) {
                    print_error(Error{id, "no such tracked item; see `toezeg status`"});
                    return k_exit_some_failed;
                }
            }
            auto added = store->add_correction(track::Correction{"link", o->ids, "", "", {}, {}});
            if (!added) {
                print_error(added.error());
                return k_exit_fatal;
            }
            auto n = retrack(*store);
            if (!n) return k_exit_fatal;
            std::cout << "linked " << text::join(o->ids, " ") << "; " << tracked_items(*n) << "\n";
            return k_exit_ok;
        };
    });
}

void setup_unlink(CLI::App& app, Runner& run) {
    struct Options {
        std::string store, id, doc;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("unlink", "Split the events of one document off a tracked item (kept in git)");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_option("id", o->id, "Tracked item id")->required();
    cmd->add_option("doc", o->doc, "Document whose events become a tracked item of their own, or reg-<number>: the register record is not this item's")->required();
    cmd->callback([&run, o] {
        run = [o] {
            auto store = open_store(o->store, pipeline::Access::write);
            if (!store) return k_exit_fatal;
            o->id = current_item_id(*store, o->id);
            auto t = db::load_tracked_item(store->index().database(), o->id);
            if (!t) {
                print_error(Error{o->id, "no such tracked item; see `toezeg status`"});
                return k_exit_some_failed;
            }
            if (!is_register_item_id(o->doc)) o->doc = current_document_id(*store, o->doc);
            if (is_register_item_id(o->doc)) return unlink_register(*store, o->id, o->doc);
            bool has = std::any_of(t->events.begin(), t->events.end(), [&](auto& e) { return e.doc == o->doc; });
            if (!has) {
                print_error(Error{o->id, "has no event from " + o->doc + "; see `toezeg item " + o->id + "`"});
                return k_exit_some_failed;
            }
            auto added = store->add_correction(track::Correction{"unlink", {o->id}, o->doc, "", {}, {}});
            if (!added) {
                print_error(added.error());
                return k_exit_fatal;
            }
            auto n = retrack(*store);
            if (!n) return k_exit_fatal;
            std::cout << "unlinked " << o->doc << " from " << o->id << " (now " << o->id << "~" << o->doc << "); "
                      << tracked_items(*n) << "\n";
            return k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
