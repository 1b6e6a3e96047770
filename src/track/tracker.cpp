#include "track/tracker.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <unordered_map>
#include <unordered_set>

#include "track/review.hpp"
#include "track/similarity.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::track {

namespace {

constexpr double k_link_threshold = 0.7;       // at or above: the same item
constexpr double k_possible_threshold = 0.35;  // at or above, below the link: shown for review
constexpr std::size_t k_max_possible = 5;      // possible matches kept per item, the best first
constexpr std::size_t k_recent = 200;          // candidates per shared Kamerlid, minister or date

// Keeps `list` to the k_max_possible best matches (score, then id), whatever the order of adding.
void add_possible(std::vector<PossibleMatch>& list, PossibleMatch match) {
    auto better = [](const PossibleMatch& a, const PossibleMatch& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    };
    if (std::any_of(list.begin(), list.end(), [&](auto& p) { return p.id == match.id; })) return;
    list.insert(std::upper_bound(list.begin(), list.end(), match, better), std::move(match));
    if (list.size() > k_max_possible) list.pop_back();
}

std::string digits_and_dashes(const std::string& ref) {
    std::string out;
    for (char c : ref) {
        if ((c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z'))
            out.push_back(c);
        else if ((c == '-' || c == ',' || c == ' ') && !out.empty() && out.back() != '-')
            out.push_back('-');
    }
    while (!out.empty() && out.back() == '-') out.pop_back();
    // "21 501-04, nr. 287" -> "21-501-04-287": join the dossier digits again.
    if (out.size() > 2 && out[2] == '-') out.erase(2, 1);
    return out;
}

std::string description(const Item& it) { return it.subject.empty() ? it.evidence : it.subject + " " + it.evidence; }

// The words a mention or an item is compared by, computed once.
struct Words {
    WordSet subject, description;
};

// Subjects say best what a commitment is about; the evidence around them helps less.
double subject_similarity(const Words& mention, const Words& item) {
    double evidence = similarity(mention.description, item.description);
    if (mention.subject.empty() || item.subject.empty()) return evidence;
    return std::max(similarity(mention.subject, item.subject), 0.7 * evidence);
}

std::set<std::string> lowered(const std::vector<std::string>& names) {
    std::set<std::string> out;
    for (auto& n : names) out.insert(utf8::to_lower(n));
    return out;
}

bool overlaps(const std::set<std::string>& a, const std::set<std::string>& b) {
    for (auto& x : a)
        if (b.contains(x)) return true;
    return false;
}

std::string event_type(const Item& it, bool first) {
    if (auto done = status_event(it.status); !done.empty()) return std::string(done);
    if (!first) return "repeated";
    if (it.kind == Kind::motion) return it.rule == "motion.document" ? "made" : "mentioned";
    return it.earlier ? "repeated" : "made";
}

class Tracker {
    using Index = std::map<std::string, std::set<std::size_t>>;

public:
    explicit Tracker(std::vector<std::string>& warnings) : m_warnings(warnings) {}

    void add_letter(const Letter& letter) {
        std::unordered_set<std::size_t> used;  // items this letter already touched
        for (const auto& it : letter.items) {
            std::size_t index = it.kind == Kind::motion ? link_motion(letter, it, used) : link_commitment(letter, it, used);
            used.insert(index);
            record(letter, it, index);
        }
    }

    void apply(const std::vector<Correction>& corrections) {
        for (const auto& c : corrections) {
            if (c.op == "link" && c.items.size() >= 2) link(c);
            else if (c.op == "unlink" && !c.items.empty()) unlink(c);
            else if (is_review(c)) continue;  // applied around the linking (review.cpp)
            else m_warnings.push_back("correction '" + c.op + "' is not understood; skipped");
        }
    }

    // Joins every motion to its fate (after corrections, so a linked motion keeps it).
    void apply(const std::vector<OfficialFate>& fates) {
        std::map<std::string, std::size_t> by_kamerstuk, by_publication;
        for (std::size_t k = 0; k < fates.size(); ++k) {
            if (!fates[k].kamerstuk.empty()) by_kamerstuk.emplace(fates[k].kamerstuk, k);
            for (auto& p : fates[k].publications) by_publication.emplace(p, k);
        }
        std::vector<bool> used(fates.size(), false);
        for (std::size_t i = 0; i < m_items.size(); ++i) {
            auto& t = m_items[i];
            if (t.kind != Kind::motion || t.events.empty()) continue;
            std::optional<std::size_t> found;
            if (auto it = by_kamerstuk.find(kamerstuk_id(t.ref)); !t.ref.empty() && it != by_kamerstuk.end())
                found = it->second;
            else if (auto p = by_publication.find(m_publication[i]);
                     !m_publication[i].empty() && p != by_publication.end())
                found = p->second;
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
            m_items.push_back(std::move(t));
            m_made_in_letter.emplace_back("");
            m_words.emplace_back();
            m_publication.emplace_back("");
        }
    }

    std::vector<TrackedItem> finish() {
        for (auto& t : m_items) settle(t);
        std::vector<TrackedItem> out;
        for (auto& t : m_items)
            if (!t.events.empty()) out.push_back(std::move(t));
        std::sort(out.begin(), out.end(), [](auto& a, auto& b) {
            return std::tie(a.events.front().date, a.id) < std::tie(b.events.front().date, b.id);
        });
        return out;
    }

private:
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
        if (m_ids.contains(t.id)) {  // the first free "-2", "-3", ...: counted on per base, not searched from 2
            std::string base = t.id;
            int& n = m_next_suffix.try_emplace(base, 2).first->second;
            while (m_ids.contains(base + "-" + std::to_string(n))) ++n;
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
        m_items.push_back(std::move(t));
        m_made_in_letter.emplace_back(it.kind == Kind::commitment && !it.earlier ? letter.doc_id : "");
        m_words.emplace_back();
        m_publication.emplace_back("");
        return m_items.size() - 1;
    }

    bool touched_by(std::size_t index, const std::string& doc) const {
        for (auto& e : m_items[index].events)
            if (e.doc == doc) return true;
        return false;
    }

    // Items that share something a link needs (number, date made, Kamerlid, minister), so
    // linking does not compare with every item: at most `limit` of them per key, the
    // newest (in letter order), so the work per item stays bounded however many letters
    // one Kamerlid or minister is in.
    struct Key {
        const Index* index;
        std::string value;
        std::size_t limit = k_recent;
    };
    std::set<std::size_t> candidates(std::initializer_list<Key> keys) const {
        std::set<std::size_t> out;
        for (auto& key : keys) {
            if (key.value.empty()) continue;
            auto it = key.index->find(key.value);
            if (it == key.index->end()) continue;
            std::size_t taken = 0;
            for (auto k = it->second.rbegin(); k != it->second.rend() && taken < key.limit; ++k, ++taken)
                out.insert(*k);
        }
        return out;
    }

    void index_item(std::size_t k) {
        const auto& t = m_items[k];
        if (!t.ref.empty()) m_by_ref[t.ref].insert(k);
        if (!t.made_on.empty()) m_by_made_on[t.made_on].insert(k);
        for (auto& m : lowered(t.members)) m_by_member[m].insert(k);
        m_by_members[members_key(t.members)].insert(k);
        if (!t.actor.empty()) m_by_actor[t.actor].insert(k);
    }

    static std::string members_key(const std::vector<std::string>& members) {
        std::string key;
        for (auto& m : lowered(members)) key += m + "|";
        return key;
    }

    std::size_t link_motion(const Letter& letter, const Item& it, const std::unordered_set<std::size_t>& used) {
        auto members = lowered(it.members);
        Words mine = words_of(it.subject, description(it));
        std::vector<std::pair<double, std::size_t>> scored;
        // Every motion with the same number; the newest with the same submitters.
        auto pool = candidates(
            {{&m_by_ref, it.ref, SIZE_MAX}, {&m_by_members, members.empty() ? "" : members_key(it.members)}});
        for (std::size_t k : pool) {
            const auto& t = m_items[k];
            if (t.kind != Kind::motion || used.count(k)) continue;
            if (!it.ref.empty() && !t.ref.empty()) {
                if (it.ref == t.ref) scored.push_back({1.0, k});
                continue;  // two different numbers are two motions
            }
            if (members.empty() || lowered(t.members) != members) continue;
            scored.push_back({0.75 + 0.25 * subject_similarity(mine, m_words[k]), k});
        }
        return choose(letter, it, scored);
    }

    std::size_t link_commitment(const Letter& letter, const Item& it, const std::unordered_set<std::size_t>& used) {
        auto members = lowered(it.members);
        Words mine = words_of(it.subject, description(it));
        std::vector<std::pair<double, std::size_t>> scored;
        std::set<std::size_t> pool;
        if (it.earlier) {
            pool = candidates({{&m_by_made_on, it.made_on}});
            for (auto& m : members) pool.merge(candidates({{&m_by_member, m}}));
            // Nothing to narrow by: the minister's newest items, else the newest of all.
            if (it.made_on.empty() && members.empty()) {
                pool = candidates({{&m_by_actor, it.actor}});
                if (pool.empty())
                    for (std::size_t k = m_items.size(); k > 0 && m_items.size() - k < k_recent; --k)
                        pool.insert(k - 1);
            }
        } else {
            pool = candidates({{&m_by_actor, it.actor}});  // a minister repeating an open promise
        }
        for (std::size_t k : pool) {
            const auto& t = m_items[k];
            if (t.kind != Kind::commitment || used.count(k) || touched_by(k, letter.doc_id))
                continue;
            double subject = subject_similarity(mine, m_words[k]);
            double score = 0;
            if (it.earlier) {
                if (!it.made_on.empty() && it.made_on == t.made_on) score += 0.45;
                // "Zoals toegezegd in de geannoteerde agenda van 20 april jl.": the letter of that date.
                if (!it.made_on.empty() && !m_made_in_letter[k].empty() && it.made_on == t.made_on) score += 0.2;
                auto theirs = lowered(t.members);
                if (!members.empty() && !theirs.empty()) score += overlaps(members, theirs) ? 0.3 : -0.5;
                if (!it.made_in.empty() && !t.made_in.empty() && similarity(it.made_in, t.made_in) >= 0.5) score += 0.1;
                score += 0.4 * subject;
            } else {
                // A new promise that repeats an open one (perhaps with a new deadline).
                if (t.status != Status::open) continue;
                score = subject >= 0.5 ? 0.5 + subject / 2 : subject;
            }
            if (score > 0) scored.push_back({score, k});
        }
        return choose(letter, it, scored);
    }

    std::size_t choose(const Letter& letter, const Item& it, std::vector<std::pair<double, std::size_t>>& scored) {
        std::sort(scored.begin(), scored.end(), [&](auto& a, auto& b) {
            return a.first != b.first ? a.first > b.first : m_items[a.second].id < m_items[b.second].id;
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
            add_possible(m_items[index].possible_matches, PossibleMatch{m_items[k].id, std::min(1.0, score), reason});
            add_possible(m_items[k].possible_matches, PossibleMatch{m_items[index].id, std::min(1.0, score), reason});
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
        if (t.subject.empty()) t.subject = fate.subject;
    }

    void record(const Letter& letter, const Item& it, std::size_t index) {
        TrackedItem& t = m_items[index];
        if (it.kind == Kind::motion && it.rule == "motion.document" && !letter.publication.empty())
            m_publication[index] = letter.publication;
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
        if (e.type == "repeated" && !it.due.empty() && !t.due.empty() && it.due != t.due) e.type = "deadline changed";
        if (e.type == "repeated" || e.type == "made") {
            // The version before said another deadline: the change itself is an event.
            for (auto& prev : letter.previous_items)
                if (prev.kind == it.kind && prev.due != it.due && similarity(prev.evidence, it.evidence) >= 0.5) {
                    if (e.type == "made") t.events.push_back(e);
                    e.type = "deadline changed";
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
        m_words[index] = words_of(t.subject, t.subject + " " + it.evidence);
        index_item(index);
    }

    TrackedItem* find(const std::string& id) {
        for (auto& t : m_items)
            if (t.id == id) return &t;
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
        m_items.push_back(std::move(split));
        m_made_in_letter.emplace_back("");
        m_words.emplace_back();
        m_publication.emplace_back("");
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

    std::vector<std::string>& m_warnings;
    std::vector<TrackedItem> m_items;
    std::vector<std::string> m_made_in_letter;  // per item: the stored letter that made it, if any
    std::vector<Words> m_words;                 // per item: what a new mention is compared with
    std::vector<std::string> m_publication;     // per item: the publication id of its own motion document
    WordNumbers m_numbers;                      // the words of m_words, numbered

    Words words_of(const std::string& subject, const std::string& description) {
        return Words{m_numbers.of(content_words(subject)), m_numbers.of(content_words(description))};
    }
    Index m_by_ref, m_by_made_on, m_by_member, m_by_members, m_by_actor;
    std::set<std::string> m_ids;
    std::unordered_map<std::string, int> m_next_suffix;  // per id base: the next suffix to try
    double m_confidence = 1.0;
};

}  // namespace

std::string_view status_event(Status status) {
    switch (status) {
        case Status::fulfilled:
            return "fulfilled";
        case Status::partial:
            return "partly fulfilled";
        case Status::lapsed:
            return "lapsed";
        case Status::open:
        case Status::rejected:
        case Status::held:
            break;
    }
    return "";
}

Status status_of_event(const std::string& type) {
    if (type == "fulfilled") return Status::fulfilled;
    if (type == "partly fulfilled") return Status::partial;
    if (type == "lapsed") return Status::lapsed;
    return Status::open;
}

bool is_overdue(const TrackedItem& item, const std::string& as_of) {
    return item.status == Status::open && !item.due.empty() && item.due < as_of;
}

std::vector<TrackedItem> track(std::vector<Letter> letters, const std::vector<Correction>& corrections,
                               const std::vector<OfficialFate>& fates, std::vector<std::string>& warnings) {
    std::sort(letters.begin(), letters.end(),
              [](const Letter& a, const Letter& b) { return std::tie(a.date, a.doc_id) < std::tie(b.date, b.doc_id); });
    drop_rejected(letters, corrections);
    Tracker tracker(warnings);
    for (const auto& letter : letters) tracker.add_letter(letter);
    tracker.apply(corrections);
    tracker.apply(fates);
    auto items = tracker.finish();
    apply_reviews(items, corrections, warnings);
    return items;
}

}  // namespace toezeg::track
