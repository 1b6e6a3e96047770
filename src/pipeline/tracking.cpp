// Store::retrack and the corrections kept in git.
#include <algorithm>
#include <chrono>
#include <functional>
#include <map>
#include <nlohmann/json.hpp>
#include <set>

#include "core/date.hpp"
#include "db/link_state.hpp"
#include "db/official_records.hpp"
#include "db/register_records.hpp"
#include "db/tracked_items.hpp"
#include "fetch/odata_page.hpp"
#include "db/id_aliases.hpp"
#include "pipeline/id_aliases.hpp"
#include "pipeline/reconcile.hpp"
#include "pipeline/store.hpp"
#include "track/fate.hpp"
#include "track/link_state.hpp"
#include "track/reconcile.hpp"
#include "track/review.hpp"
#include "util/text.hpp"

namespace toezeg::pipeline {

using nlohmann::json;

namespace {

constexpr const char* k_corrections_path = "corrections/links.jsonl";

// Near-duplicate letters (a letter sent alone and again with its annex) count once: the
// dated one, else the later, else the longer, else the first by id.
std::map<std::string, std::string> duplicate_representatives(const std::vector<db::LetterRecord>& letters,
                                                             const std::vector<std::pair<std::string, std::string>>& pairs) {
    std::map<std::string, std::string> parent;
    std::function<std::string(const std::string&)> root = [&](const std::string& x) {
        auto it = parent.find(x);
        if (it == parent.end() || it->second == x) return x;
        return it->second = root(it->second);
    };
    std::map<std::string, const db::LetterRecord*> by_id;
    for (auto& l : letters) by_id[l.id] = &l;
    auto better = [&](const std::string& a, const std::string& b) {
        auto* x = by_id[a];
        auto* y = by_id[b];
        if (!x || !y) return a < b;
        if (x->date.empty() != y->date.empty()) return !x->date.empty();
        if (x->date != y->date) return x->date > y->date;
        if (x->text_size != y->text_size) return x->text_size > y->text_size;
        return a < b;
    };
    for (auto& [a, b] : pairs) {
        std::string ra = root(a), rb = root(b);
        if (ra == rb) continue;
        if (better(ra, rb)) parent[rb] = ra;
        else parent[ra] = rb;
    }
    std::map<std::string, std::string> out;
    for (auto& l : letters) out[l.id] = root(l.id);
    return out;
}

// A motion's official XML is named "<Zaak nummer>_<DocumentPublicatie id>.xml": the id.
std::string publication_of_source(const std::string& source) {
    auto slash = source.find_last_of("/\\");
    std::string name = slash == std::string::npos ? source : source.substr(slash + 1);
    auto dot = name.rfind('.');
    if (dot != std::string::npos) name.resize(dot);
    auto underscore = name.rfind('_');
    if (underscore == std::string::npos) return "";
    std::string id = name.substr(underscore + 1);
    return id.size() == 36 && fetch::valid_record_id(id) ? id : "";
}

// The sort key the linker takes a letter in (track::letter_order_key).
std::string letter_order_key(const db::LetterRecord& r) {
    track::Letter letter;
    letter.date = r.effective_date;
    letter.doc_id = r.id;
    return track::letter_order_key(letter);
}

// What the tracked items depend on besides the letters: the linking rules, the corrections and the fates.
std::string inputs_fingerprint(const std::vector<track::Correction>& corrections, const std::vector<OfficialFate>& fates) {
    json all = json::array({track::k_linking_rules});
    for (auto& c : corrections) {
        json passages = json::array();
        for (auto& p : c.passages) passages.push_back({p.doc, p.evidence});
        all.push_back({c.op, c.items, c.doc, c.at, passages, c.fields});
    }
    for (auto& f : fates) all.push_back(track::fate_to_json(f));
    std::string text = all.dump();
    return text::hex(text::fnv1a(text)) + "-" + std::to_string(text.size());
}

}  // namespace

std::vector<track::Correction> Store::corrections() {
    std::vector<track::Correction> out;
    auto text = corpus().read_file(k_corrections_path);
    if (!text) return out;
    std::size_t start = 0;
    while (start < text->size()) {
        auto end = text->find('\n', start);
        std::string line = text->substr(start, end == std::string::npos ? std::string::npos : end - start);
        start = end == std::string::npos ? text->size() : end + 1;
        json j = json::parse(line, nullptr, false);
        if (j.is_discarded() || !j.is_object()) continue;
        track::Correction c;
        c.op = j.value("op", "");
        c.items = j.value("items", std::vector<std::string>{});
        c.doc = j.value("doc", "");
        c.at = j.value("at", "");
        if (auto p = j.find("passages"); p != j.end() && p->is_array())
            for (auto& x : *p)
                if (x.is_object()) c.passages.push_back(track::Passage{x.value("doc", ""), x.value("evidence", "")});
        if (auto f = j.find("fields"); f != j.end() && f->is_object())
            for (auto& [k, v] : f->items())
                if (v.is_string()) c.fields[k] = v.get<std::string>();
        out.push_back(std::move(c));
    }
    return out;
}

Result<void> Store::add_correction(const track::Correction& c) {
    std::string text = corpus().read_file(k_corrections_path).value_or("");
    json j = {{"op", c.op}, {"items", c.items}, {"at", c.at.empty() ? utc_now_iso() : c.at}};
    if (!c.doc.empty()) j["doc"] = c.doc;
    if (!c.passages.empty()) {
        j["passages"] = json::array();
        for (auto& p : c.passages) j["passages"].push_back({{"doc", p.doc}, {"evidence", p.evidence}});
    }
    if (!c.fields.empty()) j["fields"] = c.fields;
    text += j.dump() + "\n";
    std::string what = c.op + " " + (c.items.empty() ? "" : c.items[0]);
    for (std::size_t k = 1; k < c.items.size(); ++k) what += " " + c.items[k];
    if (!c.doc.empty()) what += " " + c.doc;
    for (auto& [k, v] : c.fields) what += " " + k + "=" + v;
    auto commit = corpus().write_file(k_corrections_path, text, (track::is_review(c) ? "Review: " : "Correct tracking: ") + what + "\n\nCorrection: " + c.op + "\n");
    if (!commit) return std::unexpected(commit.error());
    m_index.set_state("indexed_head", *commit);
    return {};
}

bool Store::tracking_is_current() {
    return m_index.state("tracked_head").value_or("-") == m_index.state("indexed_head").value_or("");
}

namespace {

// The entries an incremental run changed, before and after: what the stored tracked items
// held (`before`: as loaded, before the roll-back) and what the linker holds now (`after`).
struct ChangedEntries {
    std::map<std::size_t, track::LinkEntry> before, after;
    std::size_t stored = 0;  // entries below this were stored before the run (with the same ids)
};

// The tracked items of only the changed entries, when nothing else depends on them: no
// register (joined against all items), no link or unlink correction naming one of them, no
// official fate any of them goes with (before or after), no new id that another row already
// has, and no review decision that starts or stops holding (reviewed items leave the others'
// possible matches). Else nullopt: then all items are finished together.
std::optional<std::vector<track::TrackedItem>> finish_changed(db::Database& db, const ChangedEntries& changed,
                                                              const std::vector<track::Correction>& corrections,
                                                              const std::vector<OfficialFate>& fates,
                                                              std::set<std::string> reviewed,
                                                              std::vector<std::string>& removed) {
    if (db::has_register_data(db)) return std::nullopt;
    std::set<std::string> named;
    for (auto& c : corrections)
        if (c.op == "link" || c.op == "unlink")
            for (auto& id : c.items) named.insert(id.substr(0, id.find('~')));
    track::FateIndex fate_index(fates);
    std::set<std::string> old_ids, new_ids;
    for (auto* side : {&changed.before, &changed.after})
        for (auto& [k, e] : *side) {
            if (named.contains(e.item.id)) return std::nullopt;
            if (e.item.kind == Kind::motion && fate_index.find(e.item, e.publication)) return std::nullopt;
            (side == &changed.before ? old_ids : new_ids).insert(e.item.id);
            if (side == &changed.after && k < changed.stored) old_ids.insert(e.item.id);
        }
    std::set<std::string> fresh;
    for (auto& id : new_ids)
        if (!old_ids.contains(id)) fresh.insert(id);
    if (!db::tracked_reviews(db, fresh).empty()) return std::nullopt;  // an id another item has
    auto old_reviews = db::tracked_reviews(db, old_ids);
    for (auto& id : old_ids) reviewed.erase(id);
    std::vector<track::TrackedItem> items;
    for (auto& [k, e] : changed.after)
        if (!e.item.events.empty()) items.push_back(track::settled_item(e));
    std::vector<std::string> ignored;  // the warnings of the last full finish still hold
    track::apply_reviews(items, corrections, ignored, reviewed);
    std::map<std::string, std::string> new_reviews;
    for (auto& t : items) new_reviews.emplace(t.id, t.review);
    for (auto& id : old_ids) {
        auto o = old_reviews.find(id);
        auto n = new_reviews.find(id);
        if ((o == old_reviews.end() ? "" : o->second) != (n == new_reviews.end() ? "" : n->second)) return std::nullopt;
    }
    for (auto& t : items)
        if (!old_ids.contains(t.id) && !t.review.empty()) return std::nullopt;
    for (auto& id : old_ids)
        if (!new_reviews.contains(id)) removed.push_back(id);
    return items;
}

}  // namespace

Result<std::size_t> Store::retrack(std::vector<std::string>& warnings) {
    bool again = false;
    auto tracked = retrack_once(warnings, again);
    m_previous_index.reset();
    if (!tracked || !again) return tracked;
    // Corrections named ids that this run found renamed: track once more with the new ids
    // (its warnings replace the first run's, which could not find the old ids).
    std::vector<std::string> second;
    tracked = retrack_once(second, again);
    warnings = std::move(second);
    return tracked;
}

Result<std::size_t> Store::retrack_once(std::vector<std::string>& warnings, bool& again) {
    try {
        auto& db = m_index.database();
        auto heads = m_index.letter_heads();
        auto pairs = m_index.near_duplicate_pairs();
        std::set<std::string> paired;  // only a near-duplicate's length decides anything
        for (auto& [a, b] : pairs) paired.insert({a, b});
        for (auto& h : heads)
            if (paired.contains(h.id)) h.text_size = m_index.text_length(h.id, h.version);
        auto representative = duplicate_representatives(heads, pairs);
        std::erase_if(heads, [&](auto& r) { return representative[r.id] != r.id; });  // counted through its near-duplicate
        auto& previous = m_previous_index ? *m_previous_index : db;
        // Link and unlink corrections made under ids that were renamed since apply to the new ids.
        auto stored_aliases = item_aliases();
        std::map<std::string, std::string> renamed;
        for (auto& [alias, a] : stored_aliases)
            if (a.why == "renamed" && !db::tracked_item_exists(previous, alias)) renamed[alias] = a.target;
        auto corrections = with_current_ids(this->corrections(), renamed);
        std::vector<OfficialFate> fates;
        for (auto& motion : db::load_motion_records(db))
            if (auto fate = track::decide_fate(motion)) fates.push_back(std::move(*fate));
        // Corrections about register records are applied where the registers are joined.
        std::vector<track::Correction> for_letters, for_registers;
        for (auto& c : corrections) (track::is_register_correction(c) ? for_registers : for_letters).push_back(c);
        std::string inputs = inputs_fingerprint(for_letters, fates);

        db::Transaction tx(db);
        // With the same corrections and fates, the stored state is taken back to just before
        // the first letter that is new, changed or gone, and the letters from there on are
        // linked again, onto only the stored entries they can touch; else (or with no stored
        // state) all letters are linked.
        auto linked = m_index.state("link_inputs") == inputs ? db::linked_letters(db) : std::nullopt;
        db::LinkStateUpdate update;
        update.inputs = inputs;
        track::LinkState state;
        ChangedEntries changed;
        if (linked) {
            std::optional<std::string> from;
            auto earliest = [&](const std::string& key) { from = from ? std::min(*from, key) : key; };
            std::set<std::string> present;
            for (auto& r : heads) {
                present.insert(r.id);
                auto key = letter_order_key(r);
                auto it = linked->find(r.id);
                if (it == linked->end()) earliest(key);
                else if (it->second.version != r.version || it->second.key != key) earliest(std::min(key, it->second.key));
            }
            for (auto& [id, l] : *linked)
                if (!present.contains(id)) earliest(l.key);
            update.from = from ? *from : "\x7f";  // nothing new: nothing to link again
            state = db::load_link_state_header(db).value();
            if (from) {
                auto undo = db::load_undo_from(db, *from);
                // The entries the letters taken back changed or made, as stored.
                auto named = track::entries_named(undo);
                for (std::size_t k = track::count_after(undo, state.count); k < state.count; ++k) named.insert(k);
                db::load_link_entries(db, state, named);
                changed.before = state.entries;
                track::roll_back(state, undo, db::last_linked_before(db, *from));
            }
        }
        std::vector<track::Letter> letters;
        for (auto& r : heads) {
            auto key = letter_order_key(r);
            if (update.from && key < *update.from) continue;
            r.items = m_index.detections(r.id, r.version);
            if (r.version > 1) r.previous_items = m_index.detections(r.id, r.version - 1);
            letters.push_back(track::Letter{r.id, r.version, r.effective_date, r.dossier, std::move(r.items),
                                            std::move(r.previous_items), publication_of_source(r.source)});
            update.linked.emplace(r.id, db::LinkedLetter{r.version, key});
        }
        std::size_t relinked = letters.size();
        std::size_t below = state.count;  // the stored entries kept
        if (linked) {
            // Only the stored entries these letters can be compared with.
            db::load_link_entries(db, state,
                                  db::link_entries_within(db, track::reach_of(letters), below, state.entries.size()));
            state.id_in_use = [&db, below](const std::string& id) { return db::link_id_in_use(db, id, below); };
        }
        track::Linker linker(std::move(state), warnings);
        linker.link(std::move(letters), for_letters);
        track::LinkState kept = linker.state();
        update.state = &kept;
        db::save_link_state(db, update);

        std::optional<std::vector<track::TrackedItem>> some;
        std::vector<std::string> removed;
        if (linked) {
            changed.after = kept.entries;
            changed.stored = below;
            if (auto kept_ids = m_index.state("link_reviewed"))
                some = finish_changed(db, changed, for_letters, fates,
                                      json::parse(*kept_ids).get<std::set<std::string>>(), removed);
            // An id that is gone, or a new id an old one stood for, changes the aliases: those
            // are found over all items.
            if (some && (!removed.empty() || std::ranges::any_of(*some, [&](auto& t) {
                             return stored_aliases.contains(t.id);
                         })))
                some.reset();
        }
        std::size_t count = 0;
        if (some) {
            db::update_tracked_items(db, *some, removed);
            for (auto& w : json::parse(m_index.state("link_warnings").value_or("[]")))
                warnings.push_back(w.get<std::string>());
            m_index.set_state("link_last_finish", "changed items: " + std::to_string(some->size()) + " written, " +
                                                      std::to_string(removed.size()) + " removed");
            count = db::count_tracked_items(db);
        } else {
            std::map<std::size_t, track::LinkEntry> rest;
            if (!linker.missing().empty()) {
                track::LinkState stored;
                stored.count = below;
                db::load_all_link_entries(db, stored);
                rest = std::move(stored.entries);
            }
            linker.add_stored(std::move(rest));
            std::size_t before_finish = warnings.size();
            auto items = linker.finish(for_letters, fates);
            // Before the tracked items of the last run are replaced: their ids and passages.
            auto renames_changed = keep_item_aliases(previous, db::tracked_item_ids(previous), corrections, items);
            if (!renames_changed) return std::unexpected(renames_changed.error());
            again = *renames_changed;
            join_store_registers(m_index, items, for_registers, warnings);
            db::replace_tracked_items(db, items);
            m_index.set_state(
                "link_warnings",
                json(std::vector<std::string>(warnings.begin() + static_cast<long>(before_finish), warnings.end()))
                    .dump());
            m_index.set_state("link_last_finish", "all items");
            std::set<std::string> reviewed;  // the possible matches of items finished later leave these out
            for (auto& t : items)
                if (!t.review.empty()) reviewed.insert(t.id);
            m_index.set_state("link_reviewed", json(reviewed).dump());
            count = items.size();
        }
        m_index.set_state("tracked_head", m_index.state("indexed_head").value_or(""));
        m_index.set_state("link_last_run", (update.from ? "from " : "all ") + std::to_string(relinked) + " of " +
                                               std::to_string(heads.size()) + " letters");
        tx.commit();
        return count;
    } catch (const std::exception& e) {
        return fail("tracking", e.what());
    }
}

}  // namespace toezeg::pipeline
