#include "ingest/kst_xml.hpp"

#include <pugixml.hpp>
#include <re2/re2.h>

#include "core/date.hpp"
#include "ingest/metadata.hpp"
#include "util/text.hpp"
#include "util/utf8.hpp"
#include "util/xml_depth.hpp"

namespace toezeg::ingest {

namespace {

// The sentence that ends a motion's text; only its submitters follow it.
bool closes_motion(std::string_view paragraph) {
    return utf8::to_lower(paragraph).find("gaat over tot de orde van de dag") != std::string::npos;
}

std::string flat(const pugi::xml_node& node) {
    std::string out;
    for (auto& n : node.children()) {
        if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) out += n.value();
        else if (std::string_view(n.name()) == "noot") continue;  // footnotes are collected separately
        else if (std::string_view(n.name()) == "noot-ref" || std::string_view(n.name()) == "nootref") out += n.text().get();
        else out += flat(n);
    }
    return out;
}

struct Builder {
    NormalisedText out;
    std::vector<std::pair<int, std::string>> notes;
    std::vector<std::size_t> marker_at;  // offset of each footnote marker in the body

    void paragraph(const std::string& raw) {
        std::string p = text::collapse_spaces(raw);
        if (p.empty()) return;
        if (!out.text.empty()) out.text += "\n\n";
        out.text += p;
    }

    // Paragraph text with each <noot> replaced by its number, the note kept aside.
    std::string with_markers(const pugi::xml_node& node) {
        std::string s;
        for (auto& n : node.children()) {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                s += n.value();
            } else if (std::string_view(n.name()) == "noot") {
                int number = static_cast<int>(notes.size()) + 1;
                std::string nr = n.child_value("noot.nr");
                if (!nr.empty()) number = std::atoi(nr.c_str());
                std::string body;
                for (auto& al : n.children("noot.al")) {
                    if (!body.empty()) body += ' ';
                    body += flat(al);
                }
                if (body.empty()) body = flat(n);
                notes.push_back({number, text::collapse_spaces(body)});
                s += std::to_string(number);
                marker_pending.push_back(number);
            } else {
                s += with_markers(n);
            }
        }
        return s;
    }
    std::vector<int> marker_pending;
    bool m_closed = false;  // after a motion's "en gaat over tot de orde van de dag."

    void walk(const pugi::xml_node& node) {
        for (auto& n : node.children()) {
            std::string_view name = n.name();
            if (name == "al" || name == "kop" || name == "li" || name == "tussenkop" || name == "titel") {
                if (name == "li") {
                    paragraph("• " + with_markers(n));
                } else {
                    if (m_closed && name == "al") continue;  // a submitter, read separately
                    std::string p = with_markers(n);
                    paragraph(p);
                    if (closes_motion(p)) m_closed = true;
                }
            } else if (name == "al-groep") {
                // Lines of one paragraph (a clause broken over lines) or several clauses; the
                // submitters' group after "gaat over tot de orde van de dag" is read separately.
                if (m_closed) continue;
                bool lines_only = true;
                for (auto& child : n.children())
                    if (child.type() == pugi::node_element &&
                        (std::string_view(child.name()) != "al" || closes_motion(flat(child))))
                        lines_only = false;
                if (!lines_only) {  // lists, or the motion's last sentence, inside the group
                    walk(n);
                    continue;
                }
                std::string joined;
                for (auto& al : n.children("al")) {
                    std::string line = text::collapse_spaces(with_markers(al));
                    if (line.empty()) continue;
                    if (!joined.empty() && text::ends_with_any(joined, {";", ":", ".", ","})) {
                        paragraph(joined);
                        joined.clear();
                    }
                    joined += (joined.empty() ? "" : " ") + line;
                }
                paragraph(joined);
            } else if (name == "noot") {
                continue;
            } else {
                walk(n);
            }
        }
    }
};

std::string meta_value(const pugi::xml_document& doc, const char* name) {
    auto node = doc.select_node((std::string("//meta[@name='") + name + "']").c_str());
    return node ? node.node().attribute("content").value() : "";
}

}  // namespace

std::optional<std::string> submitter_name(std::string_view line) {
    std::string name = text::collapse_spaces(std::string(line));
    while (!name.empty() && (name.back() == ',' || name.back() == ';' || name.back() == '.' || name.back() == ' '))
        name.pop_back();
    // A surname with its tussenvoegsels, sometimes a first name ("Diederik van Dijk"): a few
    // words, the first capitalised, no digits and no sentence ("verzoekt de regering ...").
    static const RE2 k_name(R"(^\p{Lu}[\p{L}'’.-]*(?: [\p{L}'’.-]+){0,4}$)");
    if (name.empty() || name.size() > 60 || !RE2::FullMatch(name, k_name)) return std::nullopt;
    return name;
}

bool looks_like_kst_xml(std::string_view bytes) {
    auto head = bytes.substr(0, 2000);
    return head.find("<officiele-publicatie") != std::string_view::npos ||
           head.find("<kamerstuk") != std::string_view::npos;
}

Result<XmlDocument> read_kst_xml(std::string_view bytes, const std::string& source) {
    pugi::xml_document doc;
    auto parsed = doc.load_buffer(bytes.data(), bytes.size());
    if (!parsed)
        return fail(source, std::string("not well-formed XML: ") + parsed.description() + " at byte " +
                                std::to_string(parsed.offset));
    if (xml::depth(doc) > xml::k_max_depth)
        return fail(source, "XML nested deeper than " + std::to_string(xml::k_max_depth) +
                                " levels; refused (official XML nests under 30)");
    auto kamerstuk = doc.select_node("//kamerstuk").node();
    if (!kamerstuk) return fail(source, "XML without a <kamerstuk>: not an officiele-publicatie of a Kamerstuk");

    XmlDocument out;
    Metadata& m = out.meta;
    m.dossier = text::collapse_spaces(kamerstuk.select_node(".//dossier/dossiernummer/dossiernr").node().text().get());
    std::string chapter = text::collapse_spaces(kamerstuk.select_node(".//dossier/dossiernummer/begrotingshoofdstuk").node().text().get());
    if (!m.dossier.empty() && !chapter.empty()) m.dossier += " " + chapter;  // "36 410 VIII"
    // A Council series: "<dossiernr>21 501</dossiernr>-<raadnr>20</raadnr>" is dossier "21 501-20".
    std::string council = text::collapse_spaces(kamerstuk.select_node(".//dossier/dossiernummer/raadnr").node().text().get());
    if (!m.dossier.empty() && !council.empty()) m.dossier += "-" + council;
    if (m.dossier.empty()) m.dossier = meta_value(doc, "OVERHEIDop.dossiernummer");
    // All of the title, also what sits in markup ("persoonsgegevens (<nadruk>Trb. 1988, 7</nadruk>)").
    m.dossier_title = text::collapse_spaces(flat(kamerstuk.select_node(".//dossier/titel").node()));
    auto stuk = kamerstuk.child("stuk");
    m.number = text::collapse_spaces(stuk.select_node(".//stuknr/ondernummer").node().text().get());
    if (m.number.empty()) m.number = meta_value(doc, "OVERHEIDop.ondernummer");
    std::string title = text::collapse_spaces(flat(stuk.child("titel")));
    m.date = stuk.select_node(".//datum").node().attribute("isodatum").value();
    if (m.date.empty()) m.date = iso_date_prefix(meta_value(doc, "DCTERMS.issued"));
    std::string chamber = kamerstuk.select_node(".//kamerstukkop/tekstregel[@inhoud='kameraanduiding']").node().text().get();
    if (chamber.find("Tweede") != std::string::npos) m.addressee = "Tweede Kamer";
    else if (chamber.find("Eerste") != std::string::npos) m.addressee = "Eerste Kamer";
    std::string lower_title = utf8::to_lower(title);
    // "Motie van ...", "Gewijzigde motie van ...", "Tweede nader gewijzigde motie van ..." (once
    // misspelt "Gewijzgide"): up to three words before "motie".
    static const RE2 k_motion_title(R"(^(?:[[:alpha:]]+ ){0,3}motie(?: van\b|$))");
    out.kind = !lower_title.starts_with("brief") && RE2::PartialMatch(lower_title, k_motion_title) ? "motie"
               : lower_title.find("brief") != std::string::npos                             ? "brief"
                                                                                            : "";
    m.title = title;
    if (lower_title.starts_with("brief van ")) m.sender = title.substr(10);

    // The submitters follow "en gaat over tot de orde van de dag.": an <al-groep> of names,
    // or one <al> for a single submitter; <al-groep>s before it are part of the text.
    bool after = false;
    for (auto& al : stuk.select_nodes(".//tekst//al")) {  // in document order, at any depth
        std::string line = flat(al.node());
        if (!after) after = closes_motion(line);
        else if (auto submitter = submitter_name(line)) out.submitters.push_back(*submitter);
    }
    if (!after && out.kind == "motie") {
        // Without that sentence (it happens): the names that end the text.
        auto lines = stuk.select_nodes(".//tekst//al");
        for (auto k = lines.size(); k > 0; --k) {
            auto submitter = submitter_name(flat(lines[k - 1].node()));
            if (!submitter) break;
            out.submitters.insert(out.submitters.begin(), *submitter);
        }
    }
    for (auto& ond : stuk.select_nodes(".//ondertekening")) {
        // "De Minister van Asiel en Migratie," then the name.
        std::vector<std::string> lines;
        for (auto& al : ond.node().children("al")) lines.push_back(text::collapse_spaces(flat(al)));
        for (std::size_t k = 0; k + 1 < lines.size(); k += 2) {
            std::string role = lines[k];
            if (role.starts_with("De ") || role.starts_with("de ")) role = role.substr(3);
            if (role.ends_with(",")) role.pop_back();
            if (!role.empty() && role[0] >= 'A' && role[0] <= 'Z') role[0] = static_cast<char>(role[0] + 32);
            m.signers.push_back(Signer{role, lines[k + 1]});
        }
    }

    Builder b;
    if (!title.empty()) b.paragraph(title);
    b.walk(stuk);
    if (!out.submitters.empty()) b.paragraph(text::join(out.submitters, "\n"));
    out.text = std::move(b.out);
    if (!b.notes.empty()) {
        out.text.text += "\n\n";
        out.text.body_end = out.text.text.size();
        std::size_t search = 0;
        for (auto& [number, body] : b.notes) {
            Footnote f;
            f.number = number;
            std::string digits = std::to_string(number);
            auto pos = out.text.text.find(digits, search);
            if (pos != std::string::npos && pos < out.text.body_end) {
                f.marker = Span{pos, pos + digits.size()};
                search = pos + digits.size();
            }
            out.text.text += digits + " ";
            f.text = Span{out.text.text.size(), out.text.text.size() + body.size()};
            out.text.text += body + "\n";
            out.text.footnotes.push_back(f);
        }
    } else {
        out.text.text += "\n";
        out.text.body_end = out.text.text.size();
    }
    if (out.text.text.find_first_not_of(" \n") == std::string::npos) return fail(source, "the XML holds no text");
    return out;
}

}  // namespace toezeg::ingest
