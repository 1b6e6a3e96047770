#include <set>
#include <string>

#include "core/official.hpp"
#include "report/document_html.hpp"
#include "report/exports.hpp"
#include "report/format.hpp"
#include "report/site_data.hpp"

namespace toezeg::report {

using nlohmann::json;

namespace {

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
        links.push_back(Link{Span{span.at(0).get<std::size_t>(), span.at(1).get<std::size_t>()}, it->second + ".html"});
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
            {"source", other.source},
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
    return d;
}

}  // namespace

Result<void> write_document_pages(const SiteData& site, db::CorpusIndex& index, PageWriter& out) {
    for (auto& doc : site.documents) {
        auto versions = index.versions(doc.id);
        for (std::size_t k = 0; k < versions.size(); ++k) {
            auto& v = versions[k];
            auto meta_text = index.meta_json(doc.id, v.version);
            if (!meta_text) continue;
            json meta = json::parse(*meta_text, nullptr, false);
            if (meta.is_discarded()) meta = json::object();
            std::vector<Link> links;
            json d = document_page(site, index, doc, versions, v, meta, links);
            // The text, its passages and the diff follow from the commits; the links from
            // which cited documents are stored.
            std::string extra = v.commit + " " + (k > 0 ? versions[k - 1].commit : "");
            for (auto& l : links) extra += " " + std::to_string(l.span.begin) + ":" + std::to_string(l.span.end) + ">" + l.href;
            auto file = "docs/" + document_file(doc.id, v.version, doc.versions);
            auto rendered = out.cached_page(file, "document.mustache", std::move(d), "../", extra, [&](json& data) {
                auto record = index.version(doc.id, v.version);
                if (!record) return;
                if (k > 0)
                    if (auto before = index.version(doc.id, versions[k - 1].version))
                        data["diff"] = {{"from", std::to_string(versions[k - 1].version)}, {"html", diff_html(before->doc.text, record->doc.text)}};
                std::size_t body_end = meta.value("body_end", record->doc.text.size());
                data["text_html"] = document_html(record->doc.text, body_end, index.detections(doc.id, v.version), links);
            });
            if (!rendered) return rendered;
        }
    }
    return {};
}

}  // namespace toezeg::report
