#include "track/tracker.hpp"

#include <algorithm>
#include <cstdint>
#include <functional>
#include <map>
#include <set>
#include <stdexcept>
#include <unordered_map>
#include <unordered_set>

#include "track/fate.hpp"
#include "track/link_scoring.hpp"
#include "track/link_state.hpp"
#include "track/review.hpp"
#include "track/similarity.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::track {

namespace {

constexpr double k_link_threshold = 0.7;       // at or above: the same item
constexpr double k_possible_threshold = 0.35;  // at or above, below the link: shown for review
constexpr std::size_t k_max_possible = 5;      // possible matches kept per item, the best first

}  // namespace

class Tracker {
    using Index = std::map<std::string, std::set<std::size_t>>;

    // One entry of the linker with what linking needs beside the item.
    struct Slot {
        TrackedItem item;
        std::string made_in_letter;  // the stored letter that made it, if any
        std::string publication;     // the publication id of its own motion document
        std::string last_evidence;   // the evidence `words` was made from
        Words words;                 // what a new mention is compared with
        std::set<std::string> keys;  // the keys of m_index it is under
    };

public:
    explicit Tracker(std::vector<std::string>& warnings) : m_warnings(warnings) {}

    // Continues from what an earlier run linked (`state` is moved from); its entries may be a part.
    Tracker(LinkState& state, std::vector<std::string>& warnings) : m_warnings(warnings) {
        m_next_suffix.insert(state.next_suffix.begin(), state.next_suffix.end());
        m_changed.insert(state.changed.begin(), state.changed.end());  // e.g. entries roll_back restored
        m_count = std::max(state.count, state.entries.empty() ? 0 : state.entries.rbegin()->first + 1);
        m_id_in_use = std::move(state.id_in_use);
        add_stored(std::move(state.entries));
        state.entries.clear();
    }

    void add_stored(std::map<std::size_t, LinkEntry> entries) {
        for (auto& [k, e] : entries) {
            if (m_slots.contains(k)) continue;
            Slot slot;
            m_ids.insert(e.item.id);
            slot.words = words_of(e.item.subject, e.item.subject + " " + e.last_evidence);
            slot.item = std::move(e.item);
            slot.made_in_letter = std::move(e.made_in_letter);
            slot.publication = std::move(e.publication);
            slot.last_evidence = std::move(e.last_evidence);
            for (auto& key : e.keys) m_index[key].insert(k);
            slot.keys.insert(e.keys.begin(), e.keys.end());
            m_slots.emplace(k, std::move(slot));
        }
    }

    std::vector<std::size_t> missing() const {
        std::vector<std::size_t> out;
        for (std::size_t k = 0; k < m_count; ++k)
            if (!m_slots.contains(k)) out.push_back(k);
        return out;
    }

    // What the letters linked so far leave (call before corrections and fates change the
    // items): of the entries, only those this run changed.
    LinkState state() const {
        LinkState out;
        out.next_suffix.insert(m_next_suffix.begin(), m_next_suffix.end());
        out.count = m_count;
        for (std::size_t k : m_changed) out.entries.emplace(k, entry(k));
        out.changed.assign(m_changed.begin(), m_changed.end());
        out.undo = m_undo;
        return out;
    }

    void add_letter(const Letter& letter) {
        m_undo.push_back(LetterUndo{letter_order_key(letter), letter.doc_id, {}, {}});
        m_first_made = m_count;
        std::unordered_set<std::size_t> used;  // items this letter already touched
        for (const auto& it : letter.items) {
            std::size_t index = it.kind == Kind::motion ? link_motion(letter, it, used) : link_commitment(letter, it, used);
            used.insert(index);
            record(letter, it, index);
        }
    }

    void apply(const std::vector<Correction>& corrections) {
        require_all("corrections");
        for (const auto& c : corrections) {
            if (c.op == "link" && c.items.size() >= 2) link(c);
            else if (c.op == "unlink" && !c.items.empty()) unlink(c);
            else if (is_review(c)) continue;  // applied around the linking (review.cpp)
            else m_warnings.push_back("correction '" + c.op + "' is not understood; skipped");
        }
    }

    // Joins every motion to its fate (after corrections, so a linked motion keeps it).
    void apply(const std::vector<OfficialFate>& fates) {
        require_all("fates");
        FateIndex index(fates);
        std::vector<bool> used(fates.size(), false);
        for (auto& [k, slot] : m_slots) {
            auto& t = slot.item;
            if (t.kind != Kind::motion || t.events.empty()) continue;
            auto found = index.find(t, slot.publication);
            if (!found || used[*found]) continue;
            used[*found] = true;
            give_fate(t, fates[*found]);
        }
        for (std::size_t k = 0; k < fates.size(); ++k) {
            if (used[k] || fates[k].kamerstuk.empty()) continue;
            TrackedItem t;
            t.kind = Kind::motion;
            t.ref = ref_of_kamerstuk(fates[k].kamerstuk);
            t.id = "motie-" + (t.ref.empty() ? fates[k].kamerstuk : digits_and_dashes(t.ref));
            if (m_ids.contains(t.id)) continue;
            m_ids.insert(t.id);
            t.subject = fates[k].subject;
            give_fate(t, fates[k]);
            append(std::move(t));
        }
    }

    std::vector<TrackedItem> finish() {
        std::vector<TrackedItem> out;
        for (auto& [k, slot] : m_slots) {
            settle(slot.item);
            if (!slot.item.events.empty()) out.push_back(std::move(slot.item));
        }
        std::sort(out.begin(), out.end(), [](auto& a, auto& b) {
            return std::tie(a.events.front().date, a.id) < std::tie(b.events.front().date, b.id);
        });
        return out;
    }

    std::map<std::size_t, LinkEntry> changed_entries() const {
        std::map<std::size_t, LinkEntry> out;
        for (std::size_t k : m_changed) out.emplace(k, entry(k));
        return out;
    }

    static void settle(TrackedItem& t) {
        std::stable_sort(t.events.begin(), t.events.end(), [](auto& a, auto& b) { return a.date < b.date; });
        for (auto it = t.events.rbegin(); it != t.events.rend(); ++it)
            if (it->type != "linked" && it->type != "unlinked" && it->type != "decided") {
                t.status = status_of_event(it->type);
                break;
            }
        // Only an adopted motion is an obligation: the Kamer's other decisions beat the letters.
        if (t.fate && t.fate->decision != Decision::adopted) t.status = status_of_decision(t.fate->decision);
        for (auto it = t.events.rbegin(); it != t.events.rend(); ++it)
            if (!it->due.empty()) {
                t.due = it->due;
                break;
            }
    }

private:
    Slot& slot(std::size_t k) {
        auto it = m_slots.find(k);
        if (it == m_slots.end()) throw std::logic_error("linker entry " + std::to_string(k) + " is not loaded");
        return it->second;
    }
    const Slot& slot(std::size_t k) const { return const_cast<Tracker*>(this)->slot(k); }

    void require_all(const char* what) const {
        if (m_slots.size() != m_count)
            throw std::logic_error(std::string("applying ") + what + " needs every linker entry loaded");
    }

    bool id_taken(const std::string& id) const { return m_ids.contains(id) || (m_id_in_use && m_id_in_use(id)); }

    std::size_t append(TrackedItem t, std::string made_in_letter = "") {
        std::size_t k = m_count++;
        Slot s;
        s.item = std::move(t);
        s.made_in_letter = std::move(made_in_letter);
        m_slots.emplace(k, std::move(s));
        return k;
    }

    LinkEntry entry(std::size_t k) const {
        const Slot& s = slot(k);
        return {s.item, s.made_in_letter, s.publication, s.last_evidence,
                std::vector<std::string>(s.keys.begin(), s.keys.end())};
    }

    // Keeps entry k (but its events) as it was before the current letter records a mention in it.
    void touch(std::size_t k) {
        m_changed.insert(k);
        if (k >= m_first_made) return;  // made by this letter: taking it back removes it
        LinkEntry before = entry(k);
        before.item.events.clear();
        before.item.possible_matches.clear();  // changed only by matched steps, taken back by them
        m_undo.back().steps.push_back({k, LetterUndo::Step::Kind::recorded, std::move(before), "", std::nullopt});
    }

    std::size_t create(const Letter& letter, const Item& it) {
        TrackedItem t;
        t.kind = it.kind;
        t.member = it.member;
        t.members = it.members;
        t.party = it.party;
        t.actor = it.actor;
        t.subject = it.subject;
        t.made_on = it.earlier || it.kind == Kind::motion ? it.made_on : letter.date;
        t.made_in = it.earlier ? it.made_in : (it.kind == Kind::commitment ? letter.doc_id : "");
        t.ref = it.ref;
        t.dossier = letter.dossier;
        if (it.kind == Kind::motion) {
            t.id = "motie-" + (it.ref.empty() ? text::slug(text::join(it.members, " "), 30) + "-" +
                                                    text::hex(text::fnv1a(letter.doc_id + it.evidence)).substr(0, 6)
                                              : digits_and_dashes(it.ref));
        } else {
            // From the letter and what it is about, so a reissued version keeps the id.
            std::string about = utf8::reduce_for_match(it.subject.empty() ? it.evidence : it.subject).substr(0, 80);
            t.id = "tz-" + text::hex(text::fnv1a(letter.doc_id + "|" + about)).substr(0, 10);
        }
        if (id_taken(t.id)) {  // the first free "-2", "-3", ...: counted on per base, not searched from 2
            std::string base = t.id;
            auto& suffixes = m_undo.back().suffixes;
            if (std::none_of(suffixes.begin(), suffixes.end(), [&](auto& b) { return b.first == base; })) {
                auto old = m_next_suffix.find(base);
                suffixes.emplace_back(base, old == m_next_suffix.end() ? std::nullopt : std::optional<int>(old->second));
            }
            int& n = m_next_suffix.try_emplace(base, 2).first->second;
            while (id_taken(base + "-" + std::to_string(n))) ++n;
            t.id = base + "-" + std::to_string(n++);
        }
        m_ids.insert(t.id);
        if (it.kind == Kind::commitment && it.earlier) {
            // Known only from this later letter: it was made before, where and when it says.
            Event made;
            made.date = it.made_on.empty() ? letter.date : it.made_on;
            made.type = "made";
            made.evidence = it.made_in.empty() ? "" : "(" + it.made_in + ")";
            t.events.push_back(made);
        }
        std::size_t k = append(std::move(t), it.kind == Kind::commitment && !it.earlier ? letter.doc_id : "");
        m_changed.insert(k);
        m_undo.back().steps.push_back({k, LetterUndo::Step::Kind::made, std::nullopt, "", std::nullopt});
        return k;
    }

    bool touched_by(std::size_t index, const std::string& doc) const {
        for (auto& e : slot(index).item.events)
            if (e.doc == doc) return true;
        return false;
    }

    // Items that share something a link needs (number, date made, Kamerlid, minister), so
    // linking does not compare with every item: at most `limit` of them per key, the
    // newest (in letter order), so the work per item stays bounded however many letters
    // one Kamerlid or minister is in.
    std::set<std::size_t> candidates(const std::vector<CandidateKey>& keys) const {
        std::set<std::size_t> out;
        for (auto& key : keys) {
            auto it = m_index.find(key.key);
            if (it == m_index.end()) continue;
            std::size_t taken = 0;
            for (auto k = it->second.rbegin(); k != it->second.rend() && taken < key.limit; ++k, ++taken)
                out.insert(*k);
        }
        return out;
    }

    std::set<std::size_t> pool_of(const Item& it) const {
        auto keys = mention_keys(it);
        auto pool = candidates(keys.keys);
        if (keys.newest) {
            pool = candidates(keys.fallback);
            if (pool.empty())
                for (std::size_t k = m_count; k > 0 && m_count - k < k_recent; --k) pool.insert(k - 1);
        }
        return pool;
    }

    void index_item(std::size_t k) {
        Slot& s = slot(k);
        const auto& t = s.item;
        auto add = [&](char kind, const std::string& value) {
            std::string key = candidate_key(kind, value);
            m_index[key].insert(k);
            s.keys.insert(std::move(key));
        };
        if (!t.ref.empty()) add('r', t.ref);
        if (!t.made_on.empty()) add('d', t.made_on);
        for (auto& m : lowered(t.members)) add('m', m);
        add('s', members_key(t.members));
        if (!t.actor.empty()) add('a', t.actor);
    }

    std::size_t link_motion(const Letter& letter, const Item& it, const std::unordered_set<std::size_t>& used) {
        auto members = lowered(it.members);
        Words mine = words_of(it.subject, description(it));
        std::vector<std::pair<double, std::size_t>> scored;
        for (std::size_t k : pool_of(it)) {
            const auto& s = slot(k);
            const auto& t = s.item;
            if (t.kind != Kind::motion || used.count(k)) continue;
            if (!it.ref.empty() && !t.ref.empty()) {
                if (it.ref == t.ref) scored.push_back({1.0, k});
                continue;  // two different numbers are two motions
            }
            if (members.empty() || lowered(t.members) != members) continue;
            // The same submitters without numbers: one Kamerlid's motions on other subjects are others.
            bool unrelated = !mine.subject.empty() && !s.words.subject.empty() &&
                             similarity(mine.subject, s.words.subject) < k_related_subject;
            scored.push_back({0.75 + 0.25 * subject_similarity(mine, s.words) + (unrelated ? k_unrelated_subject : 0), k});
        }
        return choose(letter, it, scored);
    }

    std::size_t link_commitment(const Letter& letter, const Item& it, const std::unordered_set<std::size_t>& used) {
        Words mine = words_of(it.subject, description(it));
        std::vector<std::pair<double, std::size_t>> scored;
        for (std::size_t k : pool_of(it)) {
            const auto& s = slot(k);
            const auto& t = s.item;
            if (t.kind != Kind::commitment || used.count(k) || touched_by(k, letter.doc_id)) continue;
            double subject = subject_similarity(mine, s.words);
            double score = 0;
            if (it.earlier) {
                score = earlier_commitment_score(it, t, !s.made_in_letter.empty(), mine, s.words, subject);
            } else {
                // A new promise that repeats an open one.
                if (t.status != Status::open) continue;
                score = new_promise_score(it, t, subject);
            }
            if (score > 0) scored.push_back({score, k});
        }
        return choose(letter, it, scored);
    }

    std::size_t choose(const Letter& letter, const Item& it, std::vector<std::pair<double, std::size_t>>& scored) {
        std::sort(scored.begin(), scored.end(), [&](auto& a, auto& b) {
            return a.first != b.first ? a.first > b.first : slot(a.second).item.id < slot(b.second).item.id;
        });
        bool clear = !scored.empty() && scored[0].first >= k_link_threshold &&
                     (scored.size() == 1 || scored[0].first - scored[1].first >= 0.1);
        if (clear) {
            m_confidence = std::min(1.0, scored[0].first);
            return scored[0].second;
        }
        std::size_t index = create(letter, it);
        m_confidence = 1.0;
        for (auto& [score, k] : scored) {
            if (score < k_possible_threshold) break;
            auto reason = it.kind == Kind::motion ? "same submitters" : "similar commitment";
            auto& made = slot(index).item;
            add_possible(made.possible_matches, PossibleMatch{slot(k).item.id, std::min(1.0, score), reason},
                         k_max_possible);
            auto dropped = add_possible(slot(k).item.possible_matches,
                                        PossibleMatch{made.id, std::min(1.0, score), reason}, k_max_possible);
            if (dropped && dropped->id == made.id) continue;  // it did not make the list: nothing changed
            m_changed.insert(k);
            if (k < m_first_made)
                m_undo.back().steps.push_back({k, LetterUndo::Step::Kind::matched, std::nullopt, made.id, dropped});
        }
        return index;
    }

    static void give_fate(TrackedItem& t, const OfficialFate& fate) {
        t.fate = fate;
        Event e;
        e.date = fate.date;
        e.type = "decided";
        e.evidence = fate.summary();
        t.events.push_back(std::move(e));
        // The official title says what the motion asks; the sentence of a letter that mentions
        // it often does not ("Hierbij wordt uw Kamer geïnformeerd over ..."). A subject a person
        // corrected is set after this (apply_reviews).
        if (auto official = official_motion_subject(fate.subject); !official.empty()) t.subject = official;
        else if (t.subject.empty()) t.subject = fate.subject;
    }

    void record(const Letter& letter, const Item& it, std::size_t index) {
        touch(index);
        Slot& s = slot(index);
        TrackedItem& t = s.item;
        if (it.kind == Kind::motion && it.rule == "motion.document" && !letter.publication.empty())
            s.publication = letter.publication;
        bool first = std::none_of(t.events.begin(), t.events.end(), [](auto& e) { return !e.doc.empty(); });
        Event e;
        e.date = letter.date;
        e.doc = letter.doc_id;
        e.version = letter.version;
        e.evidence = it.evidence;
        e.span = it.span;
        e.confidence = m_confidence;
        e.detection = it.confidence;
        e.due = it.due;
        e.type = event_type(it, first && !(it.kind == Kind::commitment && it.earlier));
        if (e.type == "repeated" && !it.due.empty() && !t.due.empty() && it.due != t.due) {
            e.type = "deadline changed";
            e.due_before = t.due;
        }
        if (e.type == "repeated" || e.type == "made") {
            // The version before said another deadline: the change itself is an event.
            for (auto& prev : letter.previous_items)
                if (prev.kind == it.kind && prev.due != it.due && similarity(prev.evidence, it.evidence) >= 0.5) {
                    if (e.type == "made") t.events.push_back(e);
                    e.type = "deadline changed";
                    e.due_before = prev.due;
                    break;
                }
        }
        t.events.push_back(e);
        if (!it.due.empty()) {
            t.due = it.due;
            t.due_text = it.due_text;
        } else if (!it.due_text.empty() && t.due.empty()) {
            t.due_text = it.due_text;
        }
        for (auto& m : it.members)
            if (std::find(t.members.begin(), t.members.end(), m) == t.members.end()) t.members.push_back(m);
        if (t.member.empty()) t.member = it.member;
        if (t.ref.empty()) t.ref = it.ref;
        if (t.subject.empty()) t.subject = it.subject;
        if (t.party.empty()) t.party = it.party;
        if (!it.actor.empty() && it.actor != "kabinet")
            t.actor = it.actor;
        else if (t.actor.empty())
            t.actor = it.actor;
        if (t.made_on.empty() && !it.made_on.empty()) t.made_on = it.made_on;
        if (t.dossier.empty()) t.dossier = letter.dossier;
        settle(t);
        s.words = words_of(t.subject, t.subject + " " + it.evidence);
        s.last_evidence = it.evidence;
        index_item(index);
    }

    TrackedItem* find(const std::string& id) {
        for (auto& [k, s] : m_slots)
            if (s.item.id == id) return &s.item;
        return nullptr;
    }

    void link(const Correction& c) {
        TrackedItem* into = find(c.items[0]);
        if (!into) return m_warnings.push_back("correction link: no tracked item " + c.items[0]);
        for (std::size_t k = 1; k < c.items.size(); ++k) {
            TrackedItem* other = find(c.items[k]);
            if (!other || other == into) {
                m_warnings.push_back("correction link: no tracked item " + c.items[k]);
                continue;
            }
            for (auto& e : other->events) into->events.push_back(e);
            for (auto& m : other->members)
                if (std::find(into->members.begin(), into->members.end(), m) == into->members.end())
                    into->members.push_back(m);
            if (into->ref.empty()) into->ref = other->ref;
            other->events.clear();
            Event note;
            note.date = c.at.substr(0, 10);
            note.type = "linked";
            note.evidence = "linked by hand with " + other->id;
            into->events.push_back(note);
            std::erase_if(into->possible_matches, [&](auto& p) { return p.id == other->id; });
        }
    }

    void unlink(const Correction& c) {
        TrackedItem* from = find(c.items[0]);
        if (!from) return m_warnings.push_back("correction unlink: no tracked item " + c.items[0]);
        TrackedItem split = *from;
        split.id = from->id + "~" + c.doc;
        split.events.clear();
        split.possible_matches.clear();
        std::vector<Event> keep;
        for (auto& e : from->events) (e.doc == c.doc ? split.events : keep).push_back(e);
        if (split.events.empty())
            return m_warnings.push_back("correction unlink: " + c.items[0] + " has no event from " + c.doc);
        from->events = keep;
        Event note;
        note.date = c.at.substr(0, 10);
        note.type = "unlinked";
        note.evidence = "events of " + c.doc + " moved to " + split.id + " by hand";
        from->events.push_back(note);
        append(std::move(split));
    }

    Words words_of(const std::string& subject, const std::string& description) {
        return Words{m_numbers.of(content_words(subject)), m_numbers.of(content_words(description))};
    }

    std::vector<std::string>& m_warnings;
    std::map<std::size_t, Slot> m_slots;                  // the entries loaded, by ordinal
    std::size_t m_count = 0;                              // entries in all (the next ordinal)
    std::function<bool(const std::string&)> m_id_in_use;  // for the entries not loaded
    std::set<std::size_t> m_changed;                      // items the letters of this run added or changed
    std::vector<LetterUndo> m_undo;                       // per letter of this run: what it changed
    std::size_t m_first_made = 0;                         // the first item the current letter made
    WordNumbers m_numbers;                                // the words of the slots' `words`, numbered
    Index m_index;                                        // candidate key ("r:36 600 VI, nr. 12") -> items
    std::set<std::string> m_ids;
    std::unordered_map<std::string, int> m_next_suffix;  // per id base: the next suffix to try
    double m_confidence = 1.0;
};

Linker::Linker(LinkState state, std::vector<std::string>& warnings)
    : m_last_letter(state.last_letter), m_tracker(std::make_unique<Tracker>(state, warnings)), m_warnings(warnings) {}

Linker::~Linker() = default;

void Linker::link(std::vector<Letter> letters, const std::vector<Correction>& corrections) {
    std::sort(letters.begin(), letters.end(),
              [](const Letter& a, const Letter& b) { return std::tie(a.date, a.doc_id) < std::tie(b.date, b.doc_id); });
    drop_rejected(letters, corrections);
    for (const auto& letter : letters) m_tracker->add_letter(letter);
    if (!letters.empty()) m_last_letter = letter_order_key(letters.back());
}

LinkState Linker::state() const {
    auto out = m_tracker->state();
    out.last_letter = m_last_letter;
    return out;
}

std::vector<std::size_t> Linker::missing() const { return m_tracker->missing(); }

void Linker::add_stored(std::map<std::size_t, LinkEntry> entries) { m_tracker->add_stored(std::move(entries)); }

std::vector<TrackedItem> Linker::finish(const std::vector<Correction>& corrections,
                                        const std::vector<OfficialFate>& fates) {
    m_tracker->apply(corrections);
    m_tracker->apply(fates);
    auto items = m_tracker->finish();
    apply_reviews(items, corrections, m_warnings);
    return items;
}

std::map<std::size_t, LinkEntry> Linker::changed_entries() const { return m_tracker->changed_entries(); }

TrackedItem settled_item(const LinkEntry& entry) {
    TrackedItem t = entry.item;
    Tracker::settle(t);
    return t;
}

std::vector<TrackedItem> track_more(LinkState& state, std::vector<Letter> letters,
                                    const std::vector<Correction>& corrections, const std::vector<OfficialFate>& fates,
                                    std::vector<std::string>& warnings) {
    Linker linker(std::move(state), warnings);
    linker.link(std::move(letters), corrections);
    state = linker.state();
    return linker.finish(corrections, fates);
}

std::vector<TrackedItem> track(std::vector<Letter> letters, const std::vector<Correction>& corrections,
                               const std::vector<OfficialFate>& fates, std::vector<std::string>& warnings) {
    LinkState fresh;
    return track_more(fresh, std::move(letters), corrections, fates, warnings);
}

}  // namespace toezeg::track
