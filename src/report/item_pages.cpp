#include <string>

#include "report/document_html.hpp"
#include "report/exports.hpp"
#include "report/format.hpp"
#include "report/site_data.hpp"
#include "track/review.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"

namespace toezeg::report {

using nlohmann::json;

std::string SiteData::event_link(const track::Event& e) const {
    auto it = latest_version.find(e.doc);
    int latest = it == latest_version.end() ? 0 : it->second;
    return document_file(e.doc, e.version, latest) + "#p-" + std::to_string(e.span.begin);
}

json item_row(const SiteData& site, const track::TrackedItem& t) {
    bool late = site.overdue(t);
    std::string members = text::join(t.members, ", ");
    return json{
        {"id", t.id},
        {"summary", item_summary(t)},
        {"status", std::string(to_string(t.status))},
        {"overdue", late ? "true" : "false"},
        {"status_class", status_class(t.status, late)},
        {"status_label", status_label(t.status, late)},
        {"status_sort", std::to_string(late ? 0 : static_cast<int>(t.status) + 1)},
        {"kind", std::string(to_string(t.kind))},
        {"kind_label", kind_label(t.kind)},
        {"members", members},
        {"members_lower", utf8::to_lower(members)},
        {"actor", t.actor},
        {"due", t.due},
        {"due_label", t.due.empty() ? t.due_text : date_label(t.due)},
        {"last_date", t.last_date()},
        {"last_label", date_label(t.last_date()) + " " + event_label(t.events.empty() ? "" : t.events.back().type)},
        {"possible", !t.possible_matches.empty()},
    };
}

namespace {

std::string review_label(const track::TrackedItem& t) {
    std::string percent = std::to_string(static_cast<int>(t.confidence * 100 + 0.5)) + "%";
    if (t.confidence + 1e-9 < track::k_review_threshold) return "te beoordelen: gevonden met weinig zekerheid (" + percent + ")";
    if (t.review == "corrected") return "verbeterd door een persoon";
    if (t.review == "accepted") return "goedgekeurd door een persoon";
    if (!t.possible_matches.empty()) return "te beoordelen: mogelijk dezelfde als een ander item";
    return "";
}

json item_page(const SiteData& site, const track::TrackedItem& t, json d) {
    d["title"] = kind_label(t.kind) + ": " + item_summary(t);
    d["due_text"] = t.due.empty() ? "" : t.due_text;
    d["party"] = t.party;
    d["made_on_label"] = date_label(t.made_on);
    d["made_in"] = t.made_in;
    d["ref"] = t.ref;
    d["review_label"] = review_label(t);
    json events = json::array(), possible = json::array();
    for (auto& e : t.events)
        events.push_back({
            {"date_label", e.date.empty() ? "(datum onbekend)" : date_label(e.date)},
            {"type_label", event_label(e.type)},
            {"doc", e.doc},
            {"version", std::to_string(e.version)},
            {"link", e.doc.empty() ? "" : site.event_link(e)},
            {"evidence", e.evidence},
            {"has_evidence", !e.evidence.empty()},
            {"uncertain", e.confidence < 1.0},
            {"confidence", std::to_string(static_cast<int>(e.confidence * 100)) + "%"},
        });
    for (auto& p : t.possible_matches)
        possible.push_back({{"other", p.id}, {"reason", p.reason}, {"score", std::to_string(static_cast<int>(p.score * 100)) + "%"}});
    d["events"] = std::move(events);
    d["has_possible"] = !possible.empty();
    d["possible"] = std::move(possible);
    return d;
}

}  // namespace

Result<void> write_item_pages(const SiteData& site, PageWriter& out, std::vector<std::string>& rows) {
    rows.clear();
    rows.reserve(site.items.size());
    for (auto& t : site.items) {
        json row = item_row(site, t);
        auto html = out.fragment("item_row.mustache", row);
        if (!html) return std::unexpected(html.error());
        rows.push_back(std::move(*html));
        if (auto done = out.cached_page("items/" + t.id + ".html", "item.mustache", item_page(site, t, std::move(row)), "../"); !done)
            return done;
    }
    return {};
}

}  // namespace toezeg::report
