#pragma once
// The commitments registers beside the letters: each register record joined to the tracked
// commitment that holds it (or made one of its own), and the lists where the two disagree. Pure.
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <vector>

#include "core/register.hpp"
#include "track/tracker.hpp"

namespace toezeg::track {

// A letter naming a register number ("toezegging T01237", "TZ202412-116") at a byte offset.
struct NumberCitation {
    std::string doc, number;
    std::size_t offset = 0;
};

// Which tracked item holds one register record, and why.
struct RegisterJoin {
    Chamber chamber = Chamber::tk;
    std::string id;                    // the register record's id
    std::string item_id;               // a commitment from the letters, or reg-<number> (the record alone)
    double score = 0;                  // 0..1; 1 for a person's link
    std::vector<std::string> reasons;  // Dutch sentences, one per thing both carry
    bool by_hand = false;
};

// Corrections about register records (`link ITEM reg-T01237`, `unlink ITEM reg-T01237`): these
// are applied by join_registers, not by the tracker.
bool is_register_correction(const Correction& c);

// Joins every record to the letters' commitment that shares the most with it: its number cited
// in the passage or near it (the strongest), the date it was made, the Kamerlid, the minister,
// the deadline, the debate and the subject's words. A join needs a score of 0.7 and a lead of
// 0.1 over the next candidate; a person's link always joins, an unlink never. A record no letter
// holds becomes a tracked commitment of its own, appended to `items` (id reg-<number>), with the
// register's status, deadline and history as events.
std::vector<RegisterJoin> join_registers(std::vector<TrackedItem>& items, const std::vector<RegisterRecord>& records,
                                         const std::vector<NumberCitation>& citations,
                                         const std::vector<Correction>& corrections,
                                         std::vector<std::string>& warnings);

// One register record beside the commitment that holds it.
struct ReconcileRow {
    RegisterRecord record;
    std::string item_id;                  // "" when the record is not joined (no retrack since the import)
    bool from_letters = false;            // the item holds passages of letters (not only the register)
    std::optional<Status> letter_status;  // what the letters say, when they hold it
    std::string letter_doc, letter_date, letter_evidence;  // the latest letter about it (the fulfilling one if any)
    double score = 0;
    std::vector<std::string> reasons;
    bool by_hand = false;
    bool overdue = false;  // open or partial in the register, its deadline before as_of
};

// A commitment of the letters that no register record is joined to.
struct UnregisteredCommitment {
    std::string item_id, subject, actor, member, made_on, due, doc, date, evidence;
    Status status = Status::open;
};

struct Reconciliation {
    std::vector<ReconcileRow> open_but_fulfilled;         // register open or partial, a letter says fulfilled
    std::vector<ReconcileRow> fulfilled_without_letter;   // register fulfilled, no letter found that fulfils it
    std::vector<UnregisteredCommitment> not_in_register;  // letters' commitments the register does not hold
    std::vector<ReconcileRow> overdue;                    // register open or partial past its deadline
    std::vector<ReconcileRow> all;                        // every record, both sides' status
    std::size_t tk_records = 0, ek_records = 0;
};

Reconciliation reconcile(const std::vector<TrackedItem>& items, const std::vector<RegisterRecord>& records,
                         const std::vector<RegisterJoin>& joins, const std::string& as_of);

// The one wire format of a reconciliation (`reconcile --json`, the report's register.json):
// {as_of, records: {tk, ek}, open_but_fulfilled: [row], fulfilled_without_letter: [row],
//  not_in_register: [{item, status, subject, actor, member, made_on, due, doc, date, evidence}],
//  overdue: [row], all: [row]}; a row is {chamber, number, id, title, text, register_status,
//  register_status_text, made_on, due, minister, members, party, committee, activity, activity_number,
//  made_in ("toegezegd in het commissiedebat ... van ..." or ""), register_letter,
//  history, item, letters_status, letter: {doc, date, evidence} | null, score, reasons, by_hand, overdue}.
nlohmann::json reconciliation_to_json(const Reconciliation& r, const std::string& as_of);

}  // namespace toezeg::track
