// A document version's page: metadata, the items found in it, related documents, versions, the diff and the marked text.
#include <algorithm>
#include <filesystem>
#include <set>
#include <string>
#include <unordered_map>

#include "core/official.hpp"
#include "report/document_html.hpp"
#include "report/exports.hpp"
#include "report/format.hpp"
#include "report/site_data.hpp"

namespace toezeg::report {

using nlohmann::json;

namespace {

std::vector<Footnote> footnotes_of(const json& meta) {
    std::vector<Footnote> out;
    auto span = [](const json& j) {
        if (!j.is_array() || j.size() != 2 || !j[0].is_number_unsigned() || !j[1].is_number_unsigned()) return Span{};
        return Span{j[0].get<std::size_t>(), j[1].get<std::size_t>()};
    };
    for (auto& f : meta.value("footnotes", json::array()))
        if (f.is_object() && f.value("number", 0) > 0)
            out.push_back(Footnote{f.value("number", 0), span(f.value("marker", json())), span(f.value("text", json()))});
    return out;
}

json related_row(const std::string& label, const std::string& id) {
    return {{"label", label}, {"id", id}, {"file", id + ".html"}};
}

// Everything on a document version's page except its text and diff, which its commit
// (and the one before) stand for; `links` gets the citations that name stored documents.
json document_page(const SiteData& site, db::CorpusIndex& index, const db::DocumentRow& doc,
                   const std::vector<db::VersionRow>& versions, const db::VersionRow& v, const json& meta,
                   std::vector<Link>& links) {
    auto m = meta.value("metadata", json::object());
    json related = json::array();
    std::set<std::string> seen;
    for (auto& c : meta.value("citations", json::array())) {
        auto it = site.by_ref.find(c.value("ref", ""));
        if (it == site.by_ref.end() || it->second == doc.id) continue;
        auto span = c.value("span", json::array({0, 0}));
        links.push_back(Link{Span{span.at(0).get<std::size_t>(), span.at(1).get<std::size_t>()}, it->second + ".html", ""});
        if (seen.insert(it->second).second) related.push_back(related_row("verwijst naar", it->second));
    }
    for (auto& rel : index.relations(doc.id))
        related.push_back(related_row(rel.kind == "near-duplicate" ? "bijna gelijk aan" : rel.kind, rel.other_id));
    if (!doc.dossier.empty() && !doc.number.empty())
        for (auto& citing : index.documents_citing(doc.dossier + ", nr. " + doc.number))
            if (citing != doc.id) related.push_back(related_row("wordt genoemd in", citing));

    json d{
        {"title", m.value("title", doc.title)},
        {"id", doc.id},
        {"version", std::to_string(v.version)},
        {"versions_count", std::to_string(versions.size())},
        {"date_label", date_label(m.value("date", ""))},
    };
    for (auto key : {"addressee", "dossier", "dossier_title", "number", "sender", "meeting"}) d[key] = m.value(key, "");
    json signers = json::array();
    for (auto& s : m.value("signers", json::array())) signers.push_back({{"role", s.value("role", "")}, {"name", s.value("name", "")}});
    d["signers"] = std::move(signers);
    d["has_related"] = !related.empty();
    d["related"] = std::move(related);
    json version_list = json::array();
    for (auto& other : versions)
        version_list.push_back({
            {"version", std::to_string(other.version)},
            {"current", other.version == v.version},
            {"file", document_file(doc.id, other.version, doc.versions)},
            {"ingested", other.ingested_at.substr(0, 10)},
            // The file's name only: the folder it was ingested from is a local path, not for publication.
            {"source", std::filesystem::path(other.source).filename().string()},
        });
    d["versions"] = std::move(version_list);
    // What the Kamer's data say, and where the official publication is (keys only with a value).
    OfficialIdentity official;
    if (auto o = m.find("official"); o != m.end() && o->is_object()) {
        official.number = o->value("number", "");
        official.publication = o->value("publication", "");
        static const std::pair<const char*, const char*> k_shown[] = {{"soort", "official_soort"},
                                                                       {"number", "official_number"},
                                                                       {"bewindspersoon", "bewindspersoon"},
                                                                       {"ministry", "ministry"}};
        for (auto& [key, label] : k_shown)
            if (auto value = o->value(key, ""); !value.empty()) d[label] = value;
    }
    if (auto address = publication_address(doc.id, official); !address.empty()) {
        d["official_url"] = address;
        d["official_label"] = address.find("officielebekendmakingen") != std::string::npos
                                  ? "officielebekendmakingen.nl"
                                  : "tweedekamer.nl";
    }
    // The items found in this version, in the order of the text, each linked to its passage.
    json found = json::array();
    std::set<std::pair<std::size_t, std::string>> listed;
    if (auto it = site.passages.find(doc.id); it != site.passages.end())
        for (auto& p : it->second) {
            const std::string& id = site.items[p.item].id;
            if (p.version != v.version || !listed.insert({p.begin, id}).second) continue;
            // Its row as the item keeps it: id, summary, kind and status.
            json row = json::parse(db::report_piece(index.database(), "found", id), nullptr, false);
            if (!row.is_object()) row = json::object();
            row["begin"] = std::to_string(p.begin);
            row["order"] = p.begin;
            found.push_back(std::move(row));
        }
    std::sort(found.begin(), found.end(), [](auto& a, auto& b) { return a["order"] < b["order"]; });
    for (auto& f : found) f.erase("order");
    d["found_count"] = std::to_string(found.size());
    d["has_found"] = !found.empty();
    d["found"] = std::move(found);
    drop_empty_strings(d);  // "Dossier , nr.", an empty "Afzender": a field without a value is left out
    return d;
}

}  // namespace

namespace {

// Everything a document version's page is rendered from, cheaply: the document's row, its
// versions' commits (which stand for text, metadata, detections and the diff), its
// relations, the documents citing it, which of the references it cites are stored
// documents, and the rows of the items found in it.
void add_document_inputs(const SiteData& site, const db::DocumentGraph& graph,
                         const std::unordered_map<std::string, std::vector<std::string>>& citing,
                         const db::DocumentRow& doc, const std::vector<db::VersionRow>& versions,
                         const db::VersionRow& v, PageKey& key) {
    key.add(doc.id).add(doc.title).add(doc.date).add(doc.dossier).add(doc.number).add(doc.addressee).add(doc.effective_date);
    key.add(std::to_string(doc.versions)).add(std::to_string(v.version));
    for (auto& other : versions)
        key.add(std::to_string(other.version)).add(other.commit).add(other.ingested_at).add(other.source);
    if (auto it = graph.relations.find(doc.id); it != graph.relations.end())
        for (auto& r : it->second) key.add(r.other_id).add(r.kind).add(std::to_string(r.score));
    key.add("citing");
    if (!doc.dossier.empty() && !doc.number.empty())
        if (auto it = citing.find(doc.dossier + ", nr. " + doc.number); it != citing.end())
            for (auto& id : it->second) key.add(id);
    key.add("cites");
    if (auto it = graph.cited.find({doc.id, v.version}); it != graph.cited.end())
        for (auto& ref : it->second) {
            auto target = site.by_ref.find(ref);
            key.add(ref).add(target == site.by_ref.end() ? "" : target->second);
        }
    key.add("found");
    if (auto it = site.passages.find(doc.id); it != site.passages.end())
        for (auto& p : it->second)
            if (p.version == v.version) {
                const auto& item = site.items[p.item];
                key.add(std::to_string(p.begin)).add(item.id).add(item.row_hash);
            }
}

}  // namespace

Result<void> write_document_pages(const SiteData& site, db::CorpusIndex& index, PageWriter& out) {
    auto graph = index.document_graph();
    // The documents whose latest version cites a reference, as documents_citing gives them.
    std::unordered_map<std::string, std::vector<std::string>> citing;
    for (auto& [at, refs] : graph.cited)
        if (auto it = site.latest_version.find(at.first); it != site.latest_version.end() && it->second == at.second)
            for (auto& ref : refs)
                if (auto& list = citing[ref]; list.empty() || list.back() != at.first) list.push_back(at.first);
    for (auto& doc : site.documents) {
        static const std::vector<db::VersionRow> none;
        auto found = graph.versions.find(doc.id);
        const auto& versions = found == graph.versions.end() ? none : found->second;
        for (std::size_t k = 0; k < versions.size(); ++k) {
            auto& v = versions[k];
            auto file = "docs/" + document_file(doc.id, v.version, doc.versions);
            json meta;
            std::vector<Link> links;
            auto data = [&] {
                meta = json::parse(index.meta_json(doc.id, v.version).value_or("{}"), nullptr, false);
                if (meta.is_discarded()) meta = json::object();
                return document_page(site, index, doc, versions, v, meta, links);
            };
            // The text with its passages and links, and the diff with the version before.
            auto add_text = [&](json& d) {
                auto record = index.version(doc.id, v.version);
                if (!record) return;
                if (k > 0)
                    if (auto before = index.version(doc.id, versions[k - 1].version)) {
                        d["diff"] = {{"from", std::to_string(versions[k - 1].version)}};
                        if (auto html = diff_html(before->doc.text, record->doc.text); !html.empty()) d["diff"]["html"] = html;
                    }
                std::size_t body_end = meta.value("body_end", record->doc.text.size());
                std::vector<PassageRef> refs;
                for (auto& f : d.value("found", json::array()))
                    refs.push_back({std::stoul(f["begin"].get<std::string>()), "../items/" + f["id"].get<std::string>() + ".html",
                                    "Naar " + f["kind_label"].get<std::string>() + ": " + f["summary"].get<std::string>()});
                d["text_html"] = document_html(record->doc.text, body_end, index.detections(doc.id, v.version), links, refs,
                                               footnotes_of(meta));
            };
            PageKey key;
            add_document_inputs(site, graph, citing, doc, versions, v, key);
            auto rendered = out.keyed_page(file, "document.mustache", "../", key, [&] {
                json d = data();
                add_text(d);
                return d;
            });
            if (!rendered) return rendered;
        }
    }
    return {};
}

}  // namespace toezeg::report
