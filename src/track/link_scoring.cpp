// How the linker scores a mention against a tracked item and which items it looks at (see
// link_scoring.hpp), and the small public functions of tracker.hpp and link_state.hpp that
// need no Tracker (reach_of, FateIndex).
#include "track/link_scoring.hpp"

#include <algorithm>
#include <cstdint>
#include <map>

#include "core/official.hpp"
#include "track/link_state.hpp"
#include "util/utf8.hpp"

namespace toezeg::track {

std::optional<PossibleMatch> add_possible(std::vector<PossibleMatch>& list, PossibleMatch match, std::size_t most) {
    auto better = [](const PossibleMatch& a, const PossibleMatch& b) {
        return a.score != b.score ? a.score > b.score : a.id < b.id;
    };
    if (std::any_of(list.begin(), list.end(), [&](auto& p) { return p.id == match.id; })) return std::nullopt;
    list.insert(std::upper_bound(list.begin(), list.end(), match, better), std::move(match));
    if (list.size() <= most) return std::nullopt;
    PossibleMatch dropped = std::move(list.back());
    list.pop_back();
    return dropped;
}

std::string members_key(const std::vector<std::string>& members) {
    std::string key;
    for (auto& m : lowered(members)) key += m + "|";
    return key;
}

std::string candidate_key(char kind, const std::string& value) { return std::string{kind, ':'} + value; }

MentionKeys mention_keys(const Item& it) {
    MentionKeys out;
    auto add = [](std::vector<CandidateKey>& to, char kind, const std::string& value, std::size_t limit) {
        if (!value.empty()) to.push_back({candidate_key(kind, value), limit});
    };
    if (it.kind == Kind::motion) {
        // Every motion with the same number; the newest with the same submitters.
        add(out.keys, 'r', it.ref, SIZE_MAX);
        if (!it.members.empty()) add(out.keys, 's', members_key(it.members), k_recent);
    } else if (it.earlier) {
        add(out.keys, 'd', it.made_on, k_recent);
        for (auto& m : lowered(it.members)) add(out.keys, 'm', m, k_recent);
        // Nothing to narrow by: the minister's newest items, else the newest of all.
        if (it.made_on.empty() && it.members.empty()) {
            add(out.fallback, 'a', it.actor, k_recent);
            out.newest = true;
        }
    } else {
        add(out.keys, 'a', it.actor, k_recent);  // a minister repeating an open promise
    }
    return out;
}

LetterReach reach_of(const std::vector<Letter>& letters) {
    LetterReach out;
    std::map<std::string, std::size_t> keys;
    for (auto& letter : letters)
        for (auto& it : letter.items) {
            auto m = mention_keys(it);
            for (auto* list : {&m.keys, &m.fallback})
                for (auto& k : *list) keys[k.key] = std::max(keys[k.key], k.limit);
            if (m.newest) out.newest = k_recent;
        }
    for (auto& [key, limit] : keys) out.keys.push_back({key, limit});
    return out;
}

FateIndex::FateIndex(const std::vector<OfficialFate>& fates) {
    for (std::size_t k = 0; k < fates.size(); ++k) {
        if (!fates[k].kamerstuk.empty()) m_by_kamerstuk.emplace(fates[k].kamerstuk, k);
        for (auto& p : fates[k].publications) m_by_publication.emplace(p, k);
    }
}

std::optional<std::size_t> FateIndex::find(const TrackedItem& t, const std::string& publication) const {
    if (auto it = m_by_kamerstuk.find(kamerstuk_id(t.ref)); !t.ref.empty() && it != m_by_kamerstuk.end())
        return it->second;
    if (auto p = m_by_publication.find(publication); !publication.empty() && p != m_by_publication.end())
        return p->second;
    return std::nullopt;
}

std::string digits_and_dashes(const std::string& ref) {
    // "30 306/30 307, letter D", a joint Kamerstuk: the first dossier names it (kst-30306-D).
    std::string one = ref;
    if (auto slash = one.find('/'), comma = one.find(',');
        slash != std::string::npos && comma != std::string::npos && slash < comma)
        one.erase(slash, comma - slash);
    std::string out;
    for (char c : one) {
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

double subject_similarity(const Words& mention, const Words& item) {
    double evidence = similarity(mention.description, item.description);
    if (mention.subject.empty() || item.subject.empty()) return evidence;
    return std::max(similarity(mention.subject, item.subject), 0.7 * evidence);
}

bool known_actor(const std::string& actor) { return !actor.empty() && utf8::to_lower(actor) != "kabinet"; }

bool same_kamerlid(const std::vector<std::string>& a, const std::string& a_party, const std::vector<std::string>& b,
                   const std::string& b_party) {
    // "Meijer (PVV)" and "Meijer (D66)" are two Kamerleden.
    if (!a_party.empty() && !b_party.empty() && utf8::to_lower(a_party) != utf8::to_lower(b_party)) return false;
    return overlaps(lowered(a), lowered(b));
}

bool same_ministry(const std::string& a, const std::string& b) {
    if (!known_actor(a) || !known_actor(b)) return true;
    // "minister" and "staatssecretaris" are not content words: the ministry's words remain.
    auto x = content_words(a), y = content_words(b);
    return x.empty() || y.empty() || similarity(x, y) >= 0.5;
}

namespace {

// The kind of meeting a made_in names: its first word with a meeting word in it
// ("tweeminutendebat", "notaoverleg", "behandeling"), lower case; "" when none.
std::string meeting_kind(const std::string& made_in) {
    static const char* k_words[] = {"debat", "overleg", "vragenuur", "agenda", "behandeling", "bijeenkomst"};
    std::string lower = utf8::to_lower(made_in);
    for (std::size_t pos = 0; pos < lower.size();) {
        auto end = lower.find(' ', pos);
        if (end == std::string::npos) end = lower.size();
        std::string word = lower.substr(pos, end - pos);
        for (auto* w : k_words)
            if (word.find(w) != std::string::npos) return word;
        pos = end + 1;
    }
    return "";
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

bool other_meeting(const std::string& a, const std::string& b) {
    auto x = meeting_kind(a), y = meeting_kind(b);
    // "debat" and "commissiedebat" may be the same meeting; "notaoverleg" and "tweeminutendebat" are not.
    return !x.empty() && !y.empty() && !ends_with(x, y) && !ends_with(y, x);
}

double earlier_commitment_score(const Item& it, const TrackedItem& t, bool made_in_letter, const Words& mine_words,
                                const Words& their_words, double subject) {
    double score = 0;
    bool same_date = !it.made_on.empty() && it.made_on == t.made_on;
    bool ministry = same_ministry(it.actor, t.actor);
    if (same_date) score += k_same_date;
    // "In mijn brief van 26 juni 2025 heb ik ... toegezegd": the letter of that date, when both
    // name the same ministry and the mention names no meeting instead.
    if (same_date && made_in_letter && known_actor(it.actor) && known_actor(t.actor) && ministry && it.made_in.empty())
        score += k_cited_letter;
    if (!it.members.empty() && !t.members.empty())
        score += same_kamerlid(it.members, it.party, t.members, t.party) ? k_shared_member : k_other_member;
    if (!made_in_letter && !it.made_in.empty() && !t.made_in.empty()) {
        if (similarity(it.made_in, t.made_in) >= 0.5) score += k_same_meeting;
        else if (other_meeting(it.made_in, t.made_in)) score += k_other_meeting;
    }
    if (!ministry) score += k_other_minister;
    // The subjects alone: the evidence around them shares the date, the meeting and the name.
    if (!mine_words.subject.empty() && !their_words.subject.empty() &&
        similarity(mine_words.subject, their_words.subject) < k_related_subject)
        score += k_unrelated_subject;
    return score + k_subject_weight * subject;
}

double new_promise_score(const Item& it, const TrackedItem& t, double subject) {
    auto mine = lowered(it.members), theirs = lowered(t.members);
    bool repeats = subject >= k_repeat_subject && same_ministry(it.actor, t.actor) && it.due == t.due &&
                   std::all_of(theirs.begin(), theirs.end(), [&](auto& m) { return mine.contains(m); }) &&
                   std::all_of(mine.begin(), mine.end(), [&](auto& m) { return theirs.contains(m); });
    // Not a repetition: at most a possible match (below the 0.7 link threshold).
    return repeats ? 0.5 + subject / 2 : std::min(subject, 0.6);
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

std::string event_type(const Item& it, bool first) {
    if (auto done = status_event(it.status); !done.empty()) return std::string(done);
    if (!first) return "repeated";
    if (it.kind == Kind::motion) return it.rule == "motion.document" ? "made" : "mentioned";
    return it.earlier ? "repeated" : "made";
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

std::string letter_order_key(const Letter& letter) { return letter.date + '\x01' + letter.doc_id; }

}  // namespace toezeg::track
