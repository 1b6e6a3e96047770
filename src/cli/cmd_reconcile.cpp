// reconcile: the commitments registers of both Kamers beside the letters.
#include <iostream>
#include <memory>

#include "cli/commands.hpp"
#include "cli/output.hpp"
#include "cli/store_access.hpp"
#include "core/date.hpp"
#include "pipeline/reconcile.hpp"
#include "util/text.hpp"

namespace toezeg::cli {

namespace {

std::string register_word(const RegisterRecord& r) {
    if (!r.status_text.empty()) return r.status_text;
    return "(geen status)";
}

std::string letters_word(const track::ReconcileRow& row) {
    return row.letter_status ? std::string(to_string(*row.letter_status)) : "-";
}

std::string number_of(const RegisterRecord& r) { return r.number.empty() ? r.id : r.number; }

void print_rows(const std::string& title, const std::vector<track::ReconcileRow>& list, bool with_letter) {
    std::cout << "\n" << title << " (" << list.size() << ")\n";
    if (list.empty()) return;
    std::vector<std::vector<std::string>> rows{{"NUMBER", "REGISTER", "LETTERS", "DEADLINE", "ITEM", "LETTER"}};
    for (auto& row : list) {
        std::string letter =
            with_letter && !row.letter_doc.empty() ? row.letter_doc + " (" + row.letter_date + ")" : "";
        rows.push_back({number_of(row.record), register_word(row.record), letters_word(row),
                        row.record.due.empty() ? "-" : row.record.due, row.item_id, letter});
    }
    std::string table = format_table(rows);
    for (auto line : text::split_lines(table)) std::cout << "  " << line << "\n";
}

}  // namespace

void setup_reconcile(CLI::App& app, Runner& run) {
    struct Options {
        std::string store, as_of;
        bool json = false;
    };
    auto o = std::make_shared<Options>();
    auto* cmd = app.add_subcommand("reconcile", "The commitments registers of both Kamers beside the letters");
    cmd->footer(
        "Lists: commitments the register holds open that a letter says are fulfilled (with the letter); commitments\n"
        "the register calls fulfilled for which no letter was found; commitments made in letters that the register\n"
        "does not hold; register items past their deadline; and every register record with the status each side\n"
        "gives and why it was joined to its commitment. Register records come from `toezeg import` (TK Toezegging\n"
        "OData pages or SyncFeed XML, EK register pages and korte aantekeningen). `toezeg link ITEM reg-T01237`\n"
        "joins a record by hand, `toezeg unlink ITEM reg-T01237` parts them.");
    cmd->add_option("--store", o->store, "Store directory (default: $TOEZEG_STORE, else .toezeg)");
    cmd->add_option("--as-of", o->as_of, "Date for past-deadline (default today)");
    cmd->add_flag("--json", o->json, "One JSON object with every list");
    cmd->callback([&run, o] {
        run = [o] {
            if (!o->as_of.empty() && !Date::parse_iso(o->as_of)) {
                print_error(Error{"--as-of", "'" + o->as_of + "' is not a date (YYYY-MM-DD)"});
                return k_exit_fatal;
            }
            std::string as_of = o->as_of.empty() ? Date::today().iso() : o->as_of;
            auto store = open_store(o->store, pipeline::Access::read);
            if (!store) return k_exit_fatal;
            auto r = pipeline::load_reconciliation(store->index(), as_of);
            if (o->json) {
                std::cout << track::reconciliation_to_json(r, as_of).dump(2) << "\n";
                return k_exit_ok;
            }
            std::cout << "Registers: " << r.tk_records << " Tweede Kamer, " << r.ek_records
                      << " Eerste Kamer records; as of " << as_of << "\n";
            if (r.tk_records + r.ek_records == 0)
                std::cout << "No register records in the store: load them with `toezeg import` (see --help).\n";
            print_rows("Register open, a letter says fulfilled", r.open_but_fulfilled, true);
            print_rows("Register fulfilled, no letter found that fulfils it", r.fulfilled_without_letter, true);
            std::cout << "\nCommitments in letters that the register does not hold (" << r.not_in_register.size()
                      << ")\n";
            if (!r.not_in_register.empty()) {
                std::vector<std::vector<std::string>> rows{{"ITEM", "STATUS", "DATE", "DOCUMENT", "SUBJECT"}};
                for (auto& u : r.not_in_register)
                    rows.push_back({u.item_id, std::string(to_string(u.status)), u.date, u.doc,
                                    text::shorten(u.subject.empty() ? u.evidence : u.subject, 70)});
                std::string table = format_table(rows);
                for (auto line : text::split_lines(table)) std::cout << "  " << line << "\n";
            }
            print_rows("Register items past their deadline", r.overdue, true);
            std::cout << "\nEvery register record (" << r.all.size() << ")\n";
            for (auto& row : r.all) {
                std::cout << "  " << number_of(row.record) << "  " << dutch_chamber(row.record.chamber)
                          << "  register: " << register_word(row.record) << "  letters: " << letters_word(row)
                          << "  item: " << row.item_id << "\n";
                if (auto made_in = register_made_in(row.record); !made_in.empty())
                    std::cout << "      " << made_in << "\n";
                if (auto made_to = register_made_to(row.record); !made_to.empty())
                    std::cout << "      toegezegd aan " << made_to << "\n";
                for (auto& why : row.reasons) std::cout << "      " << why << "\n";
            }
            return k_exit_ok;
        };
    });
}

}  // namespace toezeg::cli
