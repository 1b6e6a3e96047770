#include "track/reconcile.hpp"

#include <algorithm>
#include <map>
#include <set>

#include "core/date.hpp"
#include "track/similarity.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::track {

namespace {

constexpr double k_join_threshold = 0.7;  // at or above, with a clear lead: the same commitment
constexpr double k_clear_lead = 0.1;
constexpr double k_cited_in_passage = 1.0;  // the passage itself names the number
constexpr double k_cited_near = 0.8;        // the letter names it within k_near_bytes of the passage
constexpr double k_cited_elsewhere = 0.4;   // the letter names it, far from this passage
constexpr std::size_t k_near_bytes = 1500;
constexpr double k_register_same_date = 0.35;
constexpr double k_same_member = 0.25;
constexpr double k_member_differs = -0.3;
constexpr double k_same_minister = 0.1;
constexpr double k_same_due = 0.1;
constexpr double k_same_debate = 0.05;
constexpr double k_register_subject_weight = 0.6;
constexpr std::size_t k_max_per_key = 200;  // candidates per shared date, member or minister

// "prof. dr. S.C. van Bijsterveld (CDA)", "Van Bijsterveld", "Wiersma, F.M." -> "bijsterveld", "wiersma".
std::string surname(std::string_view name) {
    std::string n(name.substr(0, name.find('(')));
    if (auto comma = n.find(','); comma != std::string::npos) n.resize(comma);
    std::string last, cur;
    auto flush = [&] {
        if (!cur.empty() && cur.find('.') == std::string::npos) last = cur;
        cur.clear();
    };
    for (char c : n) {
        if (c == ' ')
            flush();
        else
            cur.push_back(c);
    }
    flush();
    return utf8::to_lower(last);
}

std::set<std::string> surnames(const std::vector<std::string>& names) {
    std::set<std::string> out;
    for (auto& n : names)
        if (auto s = surname(n); !s.empty()) out.insert(s);
    return out;
}

std::string dutch_date(const std::string& iso) {
    auto d = Date::parse_iso(iso);
    return d ? d->dutch() : iso;
}

bool from_letters(const TrackedItem& t) {
    return std::any_of(t.events.begin(), t.events.end(), [](auto& e) { return !e.doc.empty(); });
}

std::string event_type_of(const RegisterEvent& e) {
    if (!e.status) return "";
    if (auto done = status_event(*e.status); !done.empty()) return std::string(done);
    return e.due.empty() ? "repeated" : "deadline changed";
}

TrackedItem item_of_record(const RegisterRecord& r) {
    TrackedItem t;
    t.id = register_item_id(r);
    t.kind = Kind::commitment;
    t.status = r.status.value_or(Status::open);
    t.members = r.members;
    if (!r.members.empty()) t.member = r.members.front();
    t.party = r.party;
    t.actor = r.minister;
    t.subject = !r.title.empty() ? r.title : text::shorten(r.text, 160);
    t.made_on = r.made_on;
    t.made_in = !r.activity.empty() ? r.activity : r.committee;
    t.due = r.due;
    std::string where = std::string(dutch_chamber(r.chamber)) + ", register " + (r.number.empty() ? r.id : r.number);
    Event made;
    made.date = !r.made_on.empty() ? r.made_on : (r.history.empty() ? "" : r.history.front().date);
    made.type = "made";
    made.evidence = r.text.empty() ? "(" + where + ")" : r.text + " (" + where + ")";
    t.events.push_back(made);
    for (auto& h : r.history) {
        auto type = event_type_of(h);
        if (type.empty()) continue;
        Event e;
        e.date = h.date;
        e.type = type;
        e.due = h.due;
        e.evidence = where + ": " + h.what;
        t.events.push_back(std::move(e));
    }
    std::stable_sort(t.events.begin(), t.events.end(), [](auto& a, auto& b) { return a.date < b.date; });
    return t;
}

// What a tracked commitment of the letters is compared by, computed once.
struct ItemKeys {
    std::set<std::string> words, members;
    std::string actor;
};

struct Scored {
    double score = 0;
    std::size_t item = 0;
    std::vector<std::string> reasons;
};

std::vector<std::string> shared_words(const std::set<std::string>& a, const std::set<std::string>& b) {
    std::vector<std::string> out;
    for (auto& w : a)
        if (b.contains(w) && out.size() < 6) out.push_back(w);
    return out;
}

}  // namespace

bool is_register_correction(const Correction& c) {
    if (c.op != "link" && c.op != "unlink") return false;
    for (auto& id : c.items)
        if (is_register_item_id(id)) return true;
    return c.op == "unlink" && is_register_item_id(c.doc);
}

std::vector<RegisterJoin> join_registers(std::vector<TrackedItem>& items, const std::vector<RegisterRecord>& records,
                                         const std::vector<NumberCitation>& citations,
                                         const std::vector<Correction>& corrections,
                                         std::vector<std::string>& warnings) {
    // The letters' commitments and the keys that narrow the candidates.
    std::vector<std::size_t> letter_items;
    std::map<std::string, std::size_t> by_id;
    std::map<std::string, std::vector<std::size_t>> by_date, by_member, by_doc, by_actor;
    std::vector<ItemKeys> keys(items.size());
    for (std::size_t k = 0; k < items.size(); ++k) {
        auto& t = items[k];
        by_id[t.id] = k;
        if (t.kind != Kind::commitment || !from_letters(t)) continue;
        letter_items.push_back(k);
        std::string words = t.subject;
        for (auto& e : t.events) {
            words += " " + e.evidence;
            if (!e.doc.empty()) {
                auto& list = by_doc[e.doc];
                if (list.empty() || list.back() != k) list.push_back(k);
            }
        }
        keys[k] = ItemKeys{content_words(words), surnames(t.members), utf8::to_lower(t.actor)};
        if (!t.made_on.empty()) by_date[t.made_on].push_back(k);
        for (auto& m : keys[k].members) by_member[m].push_back(k);
        if (!t.actor.empty()) by_actor[keys[k].actor].push_back(k);
    }
    // A person's decisions: register id -> item linked by hand, (register id, item) pairs refused.
    std::map<std::string, std::string> linked;
    std::set<std::pair<std::string, std::string>> refused;
    for (auto& c : corrections) {
        if (!is_register_correction(c)) continue;
        std::vector<std::string> regs, others;
        for (auto& id : c.items) (is_register_item_id(id) ? regs : others).push_back(id);
        if (c.op == "unlink") {
            if (is_register_item_id(c.doc))
                regs.push_back(c.doc);
            else
                others.push_back(c.doc);
        }
        for (auto& r : regs)
            for (auto& o : others) {
                if (c.op == "link") {
                    linked[r] = o;
                    refused.erase({r, o});
                } else {
                    refused.insert({r, o});
                    if (auto it = linked.find(r); it != linked.end() && it->second == o) linked.erase(it);
                }
            }
    }
    std::map<std::string, std::vector<const NumberCitation*>> cited;
    for (auto& c : citations) cited[c.number].push_back(&c);

    std::vector<RegisterJoin> joins;
    std::vector<TrackedItem> own;
    std::set<std::string> known_registers;
    for (auto& r : records) {
        std::string reg_id = register_item_id(r);
        known_registers.insert(reg_id);
        RegisterJoin join{r.chamber, r.id, "", 0, {}, false};
        if (auto hand = linked.find(reg_id); hand != linked.end()) {
            if (by_id.contains(hand->second)) {
                join.item_id = hand->second;
                join.score = 1.0;
                join.by_hand = true;
                join.reasons.push_back("gekoppeld door een persoon (toezeg link)");
                joins.push_back(std::move(join));
                continue;
            }
            warnings.push_back("correction link: no tracked item " + hand->second + " for " + reg_id);
        }
        std::set<std::size_t> pool;
        auto take = [&](const std::vector<std::size_t>& list) {
            std::size_t n = 0;
            for (auto it = list.rbegin(); it != list.rend() && n < k_max_per_key; ++it, ++n) pool.insert(*it);
        };
        if (!r.number.empty())
            if (auto c = cited.find(r.number); c != cited.end())
                for (auto* cit : c->second)
                    if (auto d = by_doc.find(cit->doc); d != by_doc.end())
                        pool.insert(d->second.begin(), d->second.end());
        if (auto d = by_date.find(r.made_on); !r.made_on.empty() && d != by_date.end()) take(d->second);
        auto members = surnames(r.members);
        for (auto& m : members)
            if (auto d = by_member.find(m); d != by_member.end()) take(d->second);
        std::string minister = utf8::to_lower(r.minister);
        if (!minister.empty())
            if (auto d = by_actor.find(minister); d != by_actor.end()) take(d->second);
        auto record_words = content_words(r.title + " " + r.text);
        std::vector<Scored> scored;
        for (std::size_t k : pool) {
            auto& t = items[k];
            if (refused.contains({reg_id, t.id})) continue;
            Scored s{0, k, {}};
            // The number, in the passage or near it.
            double best_cite = 0;
            std::string cite_reason;
            if (auto c = cited.find(r.number); !r.number.empty() && c != cited.end())
                for (auto* cit : c->second)
                    for (auto& e : t.events) {
                        if (e.doc != cit->doc) continue;
                        double w = k_cited_elsewhere;
                        std::string why = "de brief " + e.doc + " noemt " + r.number;
                        if (e.evidence.find(r.number) != std::string::npos) {
                            w = k_cited_in_passage;
                            why += " in de passage zelf";
                        } else if (cit->offset + k_near_bytes >= e.span.begin &&
                                   cit->offset <= e.span.end + k_near_bytes) {
                            w = k_cited_near;
                            why += " vlak bij de passage";
                        } else {
                            why += " (elders in de brief)";
                        }
                        if (w > best_cite) {
                            best_cite = w;
                            cite_reason = why;
                        }
                    }
            if (best_cite > 0) {
                s.score += best_cite;
                s.reasons.push_back(cite_reason);
            }
            if (!r.made_on.empty() && r.made_on == t.made_on) {
                s.score += k_register_same_date;
                s.reasons.push_back("toegezegd op dezelfde dag (" + dutch_date(r.made_on) + ")");
            }
            if (!members.empty() && !keys[k].members.empty()) {
                std::vector<std::string> both;
                for (auto& m : members)
                    if (keys[k].members.contains(m)) both.push_back(m);
                if (!both.empty()) {
                    s.score += k_same_member;
                    s.reasons.push_back("aan hetzelfde Kamerlid (" + text::join(both, ", ") + ")");
                } else {
                    s.score += k_member_differs;
                    s.reasons.push_back("andere Kamerleden");
                }
            }
            if (!minister.empty() && !keys[k].actor.empty() &&
                (minister == keys[k].actor || similarity(minister, keys[k].actor) >= 0.5)) {
                s.score += k_same_minister;
                s.reasons.push_back("dezelfde bewindspersoon (" + t.actor + ")");
            }
            if (!r.due.empty() && r.due == t.due) {
                s.score += k_same_due;
                s.reasons.push_back("dezelfde termijn (" + dutch_date(r.due) + ")");
            }
            if (!r.activity.empty() && !t.made_in.empty() && similarity(r.activity, t.made_in) >= 0.5) {
                s.score += k_same_debate;
                s.reasons.push_back("hetzelfde debat (" + t.made_in + ")");
            }
            double subject = similarity(record_words, keys[k].words);
            if (subject > 0) {
                s.score += k_register_subject_weight * subject;
                auto words = shared_words(record_words, keys[k].words);
                s.reasons.push_back("onderwerp: " + std::to_string(static_cast<int>(subject * 100 + 0.5)) +
                                    "% dezelfde woorden (" + text::join(words, ", ") + ")");
            }
            if (s.score > 0) scored.push_back(std::move(s));
        }
        std::sort(scored.begin(), scored.end(), [&](auto& a, auto& b) {
            return a.score != b.score ? a.score > b.score : items[a.item].id < items[b.item].id;
        });
        bool clear = !scored.empty() && scored[0].score >= k_join_threshold &&
                     (scored.size() == 1 || scored[0].score - scored[1].score >= k_clear_lead);
        if (clear) {
            join.item_id = items[scored[0].item].id;
            join.score = std::min(1.0, scored[0].score);
            join.reasons = std::move(scored[0].reasons);
        } else {
            TrackedItem t = item_of_record(r);
            for (std::size_t k = 0; k < scored.size() && k < 5; ++k)
                if (scored[k].score >= 0.35)
                    t.possible_matches.push_back(
                        PossibleMatch{items[scored[k].item].id, std::min(1.0, scored[k].score), "register record"});
            join.item_id = t.id;
            join.score = 1.0;
            join.reasons.push_back(scored.empty() ? "geen brief met een toezegging die hierop lijkt"
                                                  : "geen brief die duidelijk genoeg overeenkomt (beste " +
                                                        items[scored[0].item].id + ", score " +
                                                        std::to_string(scored[0].score).substr(0, 4) + ")");
            own.push_back(std::move(t));
        }
        joins.push_back(std::move(join));
    }
    for (auto& [reg, item] : linked)
        if (!known_registers.contains(reg)) warnings.push_back("correction link: no register record " + reg);
    for (auto& t : own) items.push_back(std::move(t));
    return joins;
}

Reconciliation reconcile(const std::vector<TrackedItem>& items, const std::vector<RegisterRecord>& records,
                         const std::vector<RegisterJoin>& joins, const std::string& as_of) {
    Reconciliation out;
    std::map<std::string, const TrackedItem*> by_id;
    for (auto& t : items) by_id[t.id] = &t;
    std::map<std::pair<Chamber, std::string>, const RegisterJoin*> join_of;
    std::set<std::string> joined_items;
    for (auto& j : joins) {
        join_of[{j.chamber, j.id}] = &j;
        joined_items.insert(j.item_id);
    }
    for (auto& r : records) {
        (r.chamber == Chamber::tk ? out.tk_records : out.ek_records)++;
        ReconcileRow row;
        row.record = r;
        if (auto j = join_of.find({r.chamber, r.id}); j != join_of.end()) {
            row.item_id = j->second->item_id;
            row.score = j->second->score;
            row.reasons = j->second->reasons;
            row.by_hand = j->second->by_hand;
        }
        const TrackedItem* t = by_id.contains(row.item_id) ? by_id[row.item_id] : nullptr;
        bool fulfilled_by_letter = false;
        if (t && from_letters(*t)) {
            row.from_letters = true;
            row.letter_status = t->status;
            for (auto it = t->events.rbegin(); it != t->events.rend(); ++it) {
                if (it->doc.empty()) continue;
                bool fulfils = it->type == "fulfilled" || it->type == "partly fulfilled";
                if (row.letter_doc.empty() || fulfils) {
                    row.letter_doc = it->doc;
                    row.letter_date = it->date;
                    row.letter_evidence = it->evidence;
                }
                if (it->type == "fulfilled") fulfilled_by_letter = true;
                if (fulfils) break;
            }
        }
        bool open_in_register = r.status == Status::open || r.status == Status::partial;
        row.overdue = open_in_register && !r.due.empty() && r.due < as_of;
        if (open_in_register && row.letter_status == Status::fulfilled) out.open_but_fulfilled.push_back(row);
        if (r.status == Status::fulfilled && !fulfilled_by_letter) out.fulfilled_without_letter.push_back(row);
        if (row.overdue) out.overdue.push_back(row);
        out.all.push_back(std::move(row));
    }
    for (auto& t : items) {
        if (t.kind != Kind::commitment || !from_letters(t) || joined_items.contains(t.id)) continue;
        UnregisteredCommitment u{t.id, t.subject, t.actor, t.member, t.made_on, t.due, "", "", "", t.status};
        for (auto& e : t.events)
            if (!e.doc.empty()) {
                u.doc = e.doc;
                u.date = e.date;
                u.evidence = e.evidence;
                break;
            }
        out.not_in_register.push_back(std::move(u));
    }
    return out;
}

}  // namespace toezeg::track
