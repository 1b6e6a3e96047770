// Taking back letters from a LinkState, and its parts as JSON (see link_state.hpp).
#include "track/link_state.hpp"

#include <algorithm>
#include <stdexcept>

namespace toezeg::track {

using nlohmann::json;

json events_to_json(const std::vector<Event>& events) {
    json out = json::array();
    for (auto& e : events)
        out.push_back({{"date", e.date},
                       {"type", e.type},
                       {"doc", e.doc},
                       {"version", e.version},
                       {"evidence", e.evidence},
                       {"span", json::array({e.span.begin, e.span.end})},
                       {"confidence", e.confidence},
                       {"detection", e.detection},
                       {"due", e.due},
                       {"due_before", e.due_before}});
    return out;
}

std::vector<Event> events_from_json(const json& j) {
    std::vector<Event> out;
    for (auto& e : j) {
        Event ev;
        ev.date = e.value("date", "");
        ev.type = e.value("type", "");
        ev.doc = e.value("doc", "");
        ev.version = e.value("version", 0);
        ev.evidence = e.value("evidence", "");
        auto span = e.value("span", json::array({0, 0}));
        ev.span = Span{span.at(0).get<std::size_t>(), span.at(1).get<std::size_t>()};
        ev.confidence = e.value("confidence", 1.0);
        ev.detection = e.value("detection", 1.0);
        ev.due = e.value("due", "");
        ev.due_before = e.value("due_before", "");
        out.push_back(std::move(ev));
    }
    return out;
}

json matches_to_json(const std::vector<PossibleMatch>& matches) {
    json out = json::array();
    for (auto& p : matches) out.push_back({{"id", p.id}, {"score", p.score}, {"reason", p.reason}});
    return out;
}

std::vector<PossibleMatch> matches_from_json(const json& j) {
    std::vector<PossibleMatch> out;
    for (auto& p : j) out.push_back({p.value("id", ""), p.value("score", 0.0), p.value("reason", "")});
    return out;
}

json entry_to_json(const LinkEntry& entry, bool compact) {
    const TrackedItem& t = entry.item;
    json out = {{"id", t.id},
                {"kind", std::string(to_string(t.kind))},
                {"status", std::string(to_string(t.status))},
                {"member", t.member},
                {"members", t.members},
                {"party", t.party},
                {"actor", t.actor},
                {"subject", t.subject},
                {"made_on", t.made_on},
                {"made_in", t.made_in},
                {"due", t.due},
                {"due_text", t.due_text},
                {"ref", t.ref},
                {"dossier", t.dossier},
                {"made_in_letter", entry.made_in_letter},
                {"publication", entry.publication},
                {"last_evidence", entry.last_evidence},
                {"keys", entry.keys}};
    if (compact) {
        auto blank = [](const json& v) { return v.is_string() ? v.get_ref<const std::string&>().empty() : v.empty(); };
        for (auto it = out.begin(); it != out.end();) it = blank(*it) ? out.erase(it) : std::next(it);
        return out;
    }
    out["events"] = events_to_json(t.events);
    out["possible_matches"] = matches_to_json(t.possible_matches);
    return out;
}

LinkEntry entry_from_json(const json& j) {
    LinkEntry entry;
    TrackedItem& t = entry.item;
    t.id = j.value("id", "");
    t.kind = parse_kind(j.value("kind", "")).value_or(Kind::commitment);
    t.status = parse_status(j.value("status", "")).value_or(Status::open);
    t.member = j.value("member", "");
    t.members = j.value("members", std::vector<std::string>{});
    t.party = j.value("party", "");
    t.actor = j.value("actor", "");
    t.subject = j.value("subject", "");
    t.made_on = j.value("made_on", "");
    t.made_in = j.value("made_in", "");
    t.due = j.value("due", "");
    t.due_text = j.value("due_text", "");
    t.ref = j.value("ref", "");
    t.dossier = j.value("dossier", "");
    t.events = events_from_json(j.value("events", json::array()));
    t.possible_matches = matches_from_json(j.value("possible_matches", json::array()));
    entry.made_in_letter = j.value("made_in_letter", "");
    entry.publication = j.value("publication", "");
    entry.last_evidence = j.value("last_evidence", "");
    entry.keys = j.value("keys", std::vector<std::string>{});
    return entry;
}

json undo_to_json(const LetterUndo& undo) {
    json steps = json::array(), suffixes = json::array();
    for (auto& step : undo.steps) {
        json s = json::array({static_cast<int>(step.kind), step.entry});
        if (step.kind == LetterUndo::Step::Kind::recorded)
            s.push_back(step.before ? entry_to_json(*step.before, true) : json());
        if (step.kind == LetterUndo::Step::Kind::matched) {
            s.push_back(step.match);
            if (step.dropped) s.push_back(json::array({step.dropped->id, step.dropped->score, step.dropped->reason}));
        }
        steps.push_back(std::move(s));
    }
    for (auto& [base, n] : undo.suffixes) suffixes.push_back({base, n ? json(*n) : json()});
    json out = {{"letter", undo.letter}, {"doc", undo.doc}, {"steps", steps}};
    if (!suffixes.empty()) out["suffixes"] = suffixes;
    return out;
}

LetterUndo undo_from_json(const json& j) {
    using Kind = LetterUndo::Step::Kind;
    LetterUndo out;
    out.letter = j.value("letter", "");
    out.doc = j.value("doc", "");
    for (auto& s : j.value("steps", json::array())) {
        LetterUndo::Step step;
        if (s.is_array()) {
            step.kind = static_cast<Kind>(s.at(0).get<int>());
            step.entry = s.at(1).get<std::size_t>();
            if (step.kind == Kind::recorded && s.size() > 2 && s[2].is_object()) step.before = entry_from_json(s[2]);
            if (step.kind == Kind::matched) {
                step.match = s.at(2).get<std::string>();
                if (s.size() > 3)
                    step.dropped = PossibleMatch{s[3].at(0).get<std::string>(), s[3].at(1).get<double>(),
                                                 s[3].at(2).get<std::string>()};
            }
        } else {  // the object form of migration 007
            step.entry = s.at("entry").get<std::size_t>();
            step.kind = static_cast<Kind>(s.at("kind").get<int>());
            if (s.contains("before")) step.before = entry_from_json(s["before"]);
            step.match = s.value("match", "");
            if (s.contains("dropped")) step.dropped = matches_from_json(json::array({s["dropped"]})).front();
        }
        out.steps.push_back(std::move(step));
    }
    for (auto& b : j.value("suffixes", json::array()))
        out.suffixes.emplace_back(b.at(0).get<std::string>(),
                                  b.at(1).is_null() ? std::nullopt : std::optional<int>(b.at(1).get<int>()));
    return out;
}

std::set<std::size_t> entries_named(const std::vector<LetterUndo>& undo) {
    std::set<std::size_t> out;
    for (auto& letter : undo)
        for (auto& step : letter.steps) out.insert(step.entry);
    return out;
}

std::size_t count_after(const std::vector<LetterUndo>& undo, std::size_t count) {
    for (auto& letter : undo)
        for (auto& step : letter.steps)
            if (step.kind == LetterUndo::Step::Kind::made) count = std::min(count, step.entry);
    return count;
}

void roll_back(LinkState& state, const std::vector<LetterUndo>& undo, const std::string& last_before) {
    // Entries the letters made are the last ones (the linker only appends): they are cut
    // off at the end. Every other step is taken back in the reverse order of its making.
    using Kind = LetterUndo::Step::Kind;
    std::size_t keep = count_after(undo, state.count);
    std::vector<std::size_t> restored;
    for (auto& letter : undo) {
        for (auto step = letter.steps.rbegin(); step != letter.steps.rend(); ++step) {
            if (step->kind == Kind::made || step->entry >= keep) continue;
            auto found = state.entries.find(step->entry);
            if (found == state.entries.end())
                throw std::logic_error("roll_back: linker entry " + std::to_string(step->entry) + " is not loaded");
            auto& entry = found->second;
            if (step->kind == Kind::recorded && step->before) {
                // Its events but those of the letter's document, and its possible matches
                // (the matched steps take back what changed them), stay.
                auto events = std::move(entry.item.events);
                auto matches = std::move(entry.item.possible_matches);
                std::erase_if(events, [&](const Event& e) { return e.doc == letter.doc; });
                entry = *step->before;
                entry.item.events = std::move(events);
                entry.item.possible_matches = std::move(matches);
            } else if (step->kind == Kind::matched) {
                std::erase_if(entry.item.possible_matches, [&](auto& p) { return p.id == step->match; });
                if (step->dropped && step->dropped->id != step->match)
                    entry.item.possible_matches.push_back(*step->dropped);
            }
            restored.push_back(step->entry);
        }
        for (auto& [base, n] : letter.suffixes) {
            if (n)
                state.next_suffix[base] = *n;
            else
                state.next_suffix.erase(base);
        }
    }
    state.entries.erase(state.entries.lower_bound(keep), state.entries.end());
    state.count = keep;
    std::sort(restored.begin(), restored.end());
    restored.erase(std::unique(restored.begin(), restored.end()), restored.end());
    state.changed = std::move(restored);
    state.undo.clear();
    state.last_letter = last_before;
}

}  // namespace toezeg::track
