#include <map>
#include <string>

#include "core/official.hpp"
#include "report/deadlines.hpp"
#include "report/document_html.hpp"
#include "report/exports.hpp"
#include "report/format.hpp"
#include "report/item_pieces.hpp"
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

void add_item_inputs(const SiteData& site, const db::ItemFacts& t, PageKey& key) {
    key.add(t.id).add(t.row_hash);
    // Besides the row: the latest version of each document its events link to, and the
    // pages of its Kamerleden, bewindspersoon and dossier (as_of is in every page's generation).
    for (auto& e : event_docs_of(t)) {
        auto it = site.latest_version.find(e.doc);
        key.add(e.doc).add(it == site.latest_version.end() ? "-" : std::to_string(it->second));
    }
    auto page = [&](const std::map<std::string, std::string>& pages, const std::string& name) {
        auto it = pages.find(name);
        key.add(it == pages.end() ? "-" : it->second);
    };
    for (auto& m : t.members) page(site.follow.members, m);
    page(site.follow.actors, t.actor);
    page(site.follow.dossiers, t.dossier);
}

json item_row(const std::string& as_of, const track::TrackedItem& t) {
    bool late = track::is_overdue(t, as_of);
    bool long_open = long_open_without_deadline(t, as_of);
    std::string members = text::join(t.members, ", ");
    std::string since = t.status == Status::open ? open_since(t) : "";
    std::string last_type = t.events.empty() ? "" : t.events.back().type;
    json row{
        {"id", t.id},
        {"summary", item_summary(t)},
        {"status", std::string(to_string(t.status))},
        {"overdue", late ? "true" : "false"},
        {"long_open", long_open ? "true" : "false"},
        {"is_long_open", long_open},
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
        {"late_since_label", late ? "sinds " + date_label(t.due) : ""},
        {"open_since", since},
        {"open_since_label", date_label(since)},
        {"long_open_label", long_open ? long_open_label() : ""},
        {"last_date", t.last_date()},
        {"last_label",
         t.last_date().empty() ? "" : event_label(last_type, t.kind) + " op " + date_label(t.last_date())},
        {"possible", !t.possible_matches.empty()},
    };
    return row;
}

void drop_empty_strings(json& j) {
    if (j.is_array()) {
        for (auto& x : j) drop_empty_strings(x);
        return;
    }
    if (!j.is_object()) return;
    for (auto it = j.begin(); it != j.end();) {
        if (it->is_string() && it->get_ref<const std::string&>().empty()) {
            it = j.erase(it);
        } else {
            drop_empty_strings(*it);
            ++it;
        }
    }
}

namespace {

std::string review_label(const track::TrackedItem& t) {
    std::string percent = std::to_string(static_cast<int>(t.confidence * 100 + 0.5)) + "%";
    if (track::is_low_confidence(t)) return "te beoordelen: gevonden met weinig zekerheid (" + percent + ")";
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
    d["made_on_term"] = t.kind == Kind::commitment ? "Toegezegd op" : "Ingediend op";
    d["made_in"] = t.made_in;
    d["ref"] = t.ref;
    // What to follow: the pages of its Kamerleden, its bewindspersoon and its dossier, its own feed.
    json member_links = json::array();
    for (auto& m : t.members)
        if (auto page = site.follow.members.find(m); page != site.follow.members.end())
            member_links.push_back({{"name", m}, {"page", "../" + page->second + ".html"}, {"sep", member_links.empty() ? "" : ", "}});
    d["member_links"] = std::move(member_links);
    if (auto page = site.follow.actors.find(t.actor); page != site.follow.actors.end())
        d["actor_page"] = "../" + page->second + ".html";
    if (auto page = site.follow.dossiers.find(t.dossier); page != site.follow.dossiers.end()) {
        d["dossier"] = t.dossier;
        d["dossier_page"] = "../" + page->second + ".html";
    }
    d["feed"] = t.id + ".xml";
    if (auto label = review_label(t); !label.empty()) d["review_label"] = label;  // a section shows for any string
    // The Kamerstuk the item is (a motion) or names, at its official publication.
    if (auto address = publication_address(kamerstuk_id(t.ref), {}); !address.empty()) d["publication_url"] = address;
    if (t.fate) {
        const auto& f = *t.fate;
        d["decision"] = f.summary();
        d["zaak"] = f.zaak;
        // The Tweede Kamer's page of the motion (with its vote) and the official publication.
        // (Mustache shows a section for any string, so a key is set only when it has a value.)
        if (!f.zaak.empty()) d["zaak_url"] = "https://www.tweedekamer.nl/kamerstukken/moties/detail?id=" + f.zaak;
        if (auto address = publication_address(f.kamerstuk, {}); !address.empty()) d["publication_url"] = address;
        std::string voor, tegen, other;
        for (auto& v : f.votes) {
            std::string& list = v.soort == "Voor" ? voor : v.soort == "Tegen" ? tegen : other;
            list += (list.empty() ? "" : ", ") + v.fractie + " (" + std::to_string(v.seats) + ")";
        }
        d["has_votes"] = !f.votes.empty();
        d["votes_for"] = std::to_string(f.votes_for) + (voor.empty() ? "" : ": " + voor);
        d["votes_against"] = std::to_string(f.votes_against) + (tegen.empty() ? "" : ": " + tegen);
        d["votes_other"] = other;
        d["has_votes_other"] = !other.empty();
    }
    json events = json::array(), possible = json::array();
    for (auto& e : t.events)
        events.push_back({
            {"date_label", e.date.empty() ? "(datum onbekend)" : date_label(e.date)},
            {"type_label", event_label(e.type, t.kind)},
            {"deadline_change", deadline_change_label(e)},
            {"doc", e.doc},
            {"version", std::to_string(e.version)},
            {"link", e.doc.empty() ? "" : site.event_link(e)},
            {"official_url", publication_address(e.doc, {})},
            {"evidence", e.evidence},
            {"has_evidence", !e.evidence.empty()},
            {"uncertain", e.confidence < 1.0},
            {"confidence", std::to_string(static_cast<int>(e.confidence * 100)) + "%"},
        });
    for (auto& p : t.possible_matches)
        possible.push_back(
            {{"other", p.id}, {"reason", p.reason}, {"score", std::to_string(static_cast<int>(p.score * 100)) + "%"}});
    d["events"] = std::move(events);
    d["has_possible"] = !possible.empty();
    d["possible"] = std::move(possible);
    drop_empty_strings(d);
    return d;
}

}  // namespace

PageKey item_feed_key(const db::ItemFacts& item, const AtomWriter& atom) {
    return PageKey().add(item.id).add(item.row_hash).add(atom.source_key());
}

Result<void> write_item_pages(const SiteData& site, PageWriter& out, const std::vector<ItemPageJob>& jobs,
                              const std::string& feed_template) {
    AtomWriter atom(feed_template);  // this thread's own
    for (auto& job : jobs) {
        const track::TrackedItem& t = *job.item;
        if (job.page) {
            PageKey key;
            add_item_inputs(site, *job.facts, key);
            auto done = out.keyed_page("items/" + t.id + ".html", "item.mustache", "../", key, [&] {
                json row = item_row(site.as_of, t);
                drop_empty_strings(row);
                return item_page(site, t, std::move(row));
            });
            if (!done) return done;
        }
        if (job.feed)
            out.keyed_file("items/" + t.id + ".xml", item_feed_key(*job.facts, atom), [&] {
                return atom.render({&t},
                                   {"urn:toezeg:item:" + t.id, "toezeg: " + kind_label(t.kind) + " " + item_summary(t),
                                    t.id + ".xml", "../", true});
            });
    }
    return {};
}

}  // namespace toezeg::report
