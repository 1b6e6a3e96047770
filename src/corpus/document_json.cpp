#include "corpus/document_json.hpp"

namespace toezeg::corpus {

using nlohmann::json;

namespace {
json span_json(Span s) { return json::array({s.begin, s.end}); }
Span span_from(const json& j) { return Span{j.at(0).get<std::size_t>(), j.at(1).get<std::size_t>()}; }
}  // namespace

namespace {

// The official identity's fields by their JSON names (also the order they are written in).
const std::vector<std::pair<const char*, std::string OfficialIdentity::*>>& official_fields() {
    static const std::vector<std::pair<const char*, std::string OfficialIdentity::*>> k_fields = {
        {"guid", &OfficialIdentity::guid},
        {"number", &OfficialIdentity::number},
        {"soort", &OfficialIdentity::soort},
        {"title", &OfficialIdentity::title},
        {"subject", &OfficialIdentity::subject},
        {"date", &OfficialIdentity::date},
        {"kamer", &OfficialIdentity::kamer},
        {"dossier", &OfficialIdentity::dossier},
        {"ondernummer", &OfficialIdentity::ondernummer},
        {"ministry", &OfficialIdentity::ministry},
        {"bewindspersoon", &OfficialIdentity::bewindspersoon},
        {"publication", &OfficialIdentity::publication},
        {"address", &OfficialIdentity::address},
    };
    return k_fields;
}

}  // namespace

json metadata_to_json(const Metadata& m) {
    json signers = json::array();
    for (auto& s : m.signers) signers.push_back({{"role", s.role}, {"name", s.name}});
    json out = {{"dossier", m.dossier},     {"dossier_title", m.dossier_title}, {"number", m.number},
                {"date", m.date},           {"addressee", m.addressee},         {"sender", m.sender},
                {"signers", signers},       {"subject", m.subject},             {"meeting", m.meeting},
                {"title", m.title},         {"doc_type", m.doc_type},           {"submitters", m.submitters}};
    if (!m.official.empty()) {
        json official = json::object();
        for (auto& [name, field] : official_fields())
            if (!(m.official.*field).empty()) official[name] = m.official.*field;
        out["official"] = std::move(official);
    }
    return out;
}

Metadata metadata_from_json(const json& j) {
    Metadata m;
    m.dossier = j.value("dossier", "");
    m.dossier_title = j.value("dossier_title", "");
    m.number = j.value("number", "");
    m.date = j.value("date", "");
    m.addressee = j.value("addressee", "");
    m.sender = j.value("sender", "");
    m.subject = j.value("subject", "");
    m.meeting = j.value("meeting", "");
    m.title = j.value("title", "");
    m.doc_type = j.value("doc_type", "");
    m.submitters = j.value("submitters", std::vector<std::string>{});
    for (auto& s : j.value("signers", json::array())) m.signers.push_back({s.value("role", ""), s.value("name", "")});
    if (auto official = j.find("official"); official != j.end() && official->is_object())
        for (auto& [name, field] : official_fields()) m.official.*field = official->value(name, "");
    return m;
}

json document_to_json(const Document& d) {
    json notes = json::array();
    for (auto& f : d.footnotes)
        notes.push_back({{"number", f.number}, {"marker", span_json(f.marker)}, {"text", span_json(f.text)}});
    json cites = json::array();
    for (auto& c : d.citations) cites.push_back({{"ref", c.ref}, {"span", span_json(c.span)}, {"footnote", c.footnote}});
    return {{"id", d.id},           {"version", d.version},          {"source", d.source},
            {"metadata", metadata_to_json(d.meta)},                  {"body_end", d.body_end},
            {"footnotes", notes},   {"citations", cites},            {"warnings", d.warnings},
            {"format", d.format}};
}

Result<Document> document_from_json(const json& j, std::string text) {
    try {
        Document d;
        d.id = j.at("id").get<std::string>();
        d.version = j.at("version").get<int>();
        d.source = j.value("source", "");
        d.meta = metadata_from_json(j.value("metadata", json::object()));
        d.body_end = j.value("body_end", text.size());
        for (auto& f : j.value("footnotes", json::array()))
            d.footnotes.push_back(Footnote{f.at("number").get<int>(), span_from(f.at("marker")), span_from(f.at("text"))});
        for (auto& c : j.value("citations", json::array()))
            d.citations.push_back(Citation{c.at("ref").get<std::string>(), span_from(c.at("span")), c.value("footnote", 0)});
        d.warnings = j.value("warnings", std::vector<std::string>{});
        d.format = j.value("format", "text");
        d.text = std::move(text);
        if (d.body_end > d.text.size()) return fail(d.id, "meta.json: body_end lies beyond the text");
        return d;
    } catch (const json::exception& e) {
        return fail("meta.json", std::string("malformed: ") + e.what());
    }
}

}  // namespace toezeg::corpus
