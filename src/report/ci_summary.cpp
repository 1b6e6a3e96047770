#include "report/ci_summary.hpp"

#include <sstream>

#include "report/error_reasons_nl.hpp"
#include "report/format.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::report {

namespace {

std::string outcome_label(pipeline::Outcome outcome) {
    switch (outcome) {
        case pipeline::Outcome::added:
            return "nieuw";
        case pipeline::Outcome::new_version:
            return "nieuwe versie";
        case pipeline::Outcome::unchanged:
            return "ongewijzigd";
        case pipeline::Outcome::failed:
            return "mislukt";
    }
    return "mislukt";
}

std::string status_text(const std::string& status, bool overdue = false) {
    auto parsed = parse_status(status);
    return parsed ? utf8::to_lower(status_label(*parsed, overdue)) : status;
}

std::string kind_text(const std::string& kind) {
    auto parsed = parse_kind(kind);
    return parsed ? utf8::to_lower(kind_label(*parsed)) : kind;
}

// Markdown special characters in text that comes from letters.
std::string md_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (std::string_view("\\`*_[]<>#|").find(c) != std::string_view::npos) out += '\\';
        out += c;
    }
    return out;
}

std::string section(const std::string& title, int count, const std::string& lines) {
    return "## " + title + " (" + std::to_string(count) + ")\n\n" + (count ? lines : "Geen.\n") + "\n";
}

}  // namespace

CiSummary ci_summary(const pipeline::CiRun& run, const std::string& as_of) {
    CiSummary s;
    std::ostringstream md;
    md << "# toezeg: stand per " << date_label(as_of) << "\n\n";
    int new_docs = 0;
    std::ostringstream docs;
    for (auto& r : run.results)
        if (r.outcome == pipeline::Outcome::added || r.outcome == pipeline::Outcome::new_version) {
            ++new_docs;
            docs << "- `" << r.id << "` (" << outcome_label(r.outcome) << ", versie " << r.version << ")\n";
        }
    md << section("Nieuwe documenten", new_docs, docs.str());
    std::ostringstream fresh, changed, late;
    for (auto& t : run.after) {
        CiItem item{t.id,     t.kind, t.subject.empty() ? text::shorten(t.last_evidence, 100) : t.subject,
                    t.status, "",     t.due};
        std::string line = "- " + kind_text(t.kind) + ": " + md_escape(item.subject) + " (`" + t.id + "`)";
        auto it = run.status_before.find(t.id);
        if (it == run.status_before.end()) {
            fresh << line << ": " << status_text(t.status) << "\n";
            s.new_items.push_back(item);
        } else if (it->second != t.status) {
            changed << line << ": " << status_text(it->second) << " → " << status_text(t.status) << "\n";
            item.previous_status = it->second;
            s.changed.push_back(item);
        }
        if (t.overdue) {
            late << line << ": termijn " << date_label(t.due) << "\n";
            s.overdue.push_back(item);
        }
    }
    auto count = [](const std::vector<CiItem>& v) { return static_cast<int>(v.size()); };
    md << section("Nieuwe toezeggingen en moties", count(s.new_items), fresh.str());
    md << section("Statuswijzigingen", count(s.changed), changed.str());
    md << section("Termijn verlopen", count(s.overdue), late.str());
    if (!run.fetch_stopped.empty())
        md << "**Ophalen niet afgemaakt** (" << md_escape(dutch_reason_or_marked(run.fetch_stopped))
           << "). Wat binnen is, is verwerkt; de volgende run gaat verder waar deze stopte.\n\n";
    if (run.fetch_pending > 0)
        md << run.fetch_pending << (run.fetch_pending == 1 ? " opgehaald document dat niet lukte, wordt"
                                                            : " opgehaalde documenten die niet lukten, worden")
           << " bij de volgende run opnieuw geprobeerd (tien runs lang).\n\n";
    std::ostringstream errors;
    for (auto& e : run.errors) errors << "- " << md_escape(describe_in_dutch(e)) << "\n";
    md << section("Fouten", static_cast<int>(run.errors.size()), errors.str());
    md << "Rapport: `" << run.report_index.string() << "`.\n";
    s.markdown = md.str();
    return s;
}

}  // namespace toezeg::report
