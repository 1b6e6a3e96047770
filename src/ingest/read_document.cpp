#include "ingest/read_document.hpp"

#include <algorithm>
#include <map>
#include <vector>

#include "core/date.hpp"
#include "ingest/citations.hpp"
#include "ingest/decode.hpp"
#include "ingest/identity.hpp"
#include "ingest/kst_xml.hpp"
#include "ingest/pdf_text.hpp"
#include "util/utf8.hpp"
#include "ingest/layout.hpp"
#include "ingest/metadata.hpp"

namespace toezeg::ingest {

namespace {

// Text letters and PDFs: the PDF layout normaliser and metadata read from the text.
Result<Document> from_layout_text(std::string_view raw, const std::string& source, std::string format) {
    auto decoded = decode_text(raw, source);
    if (!decoded) return std::unexpected(decoded.error());
    NormalisedText norm = normalise_layout(decoded->text);
    if (norm.body_end == 0 || norm.text.find_first_not_of(" \n") == std::string::npos)
        return fail(source, "no text left after removing page furniture");
    Document doc;
    doc.source = source;
    doc.format = std::move(format);
    doc.text = std::move(norm.text);
    doc.body_end = norm.body_end;
    doc.footnotes = std::move(norm.footnotes);
    doc.warnings = std::move(decoded->warnings);
    doc.warnings.insert(doc.warnings.end(), norm.warnings.begin(), norm.warnings.end());
    doc.meta = parse_metadata(doc.text, doc.body_end);
    return doc;
}

// NFC of a text whose offsets are kept elsewhere: composing characters changes byte lengths,
// so the text is normalised piece by piece between the offsets and each offset moved with it.
void nfc_keeping_offsets(NormalisedText& text) {
    std::vector<std::size_t*> offsets{&text.body_end};
    for (auto& f : text.footnotes)
        for (auto* o : {&f.marker.begin, &f.marker.end, &f.text.begin, &f.text.end}) offsets.push_back(o);
    std::map<std::size_t, std::size_t> moved;  // old offset -> new
    for (auto* o : offsets) moved.emplace(std::min(*o, text.text.size()), 0);
    moved.emplace(text.text.size(), 0);
    std::string out;
    std::size_t from = 0;
    for (auto& [at, to] : moved) {
        out += utf8::nfc(std::string_view(text.text).substr(from, at - from));
        to = out.size();
        from = at;
    }
    for (auto* o : offsets) *o = moved[std::min(*o, text.text.size())];
    text.text = std::move(out);
}

// Official XML: structure and metadata come from the XML itself.
Result<Document> from_xml(std::string_view bytes, const std::string& source) {
    auto xml = read_kst_xml(bytes, source);
    if (!xml) return std::unexpected(xml.error());
    nfc_keeping_offsets(xml->text);
    Document doc;
    doc.source = source;
    doc.format = "xml";
    doc.text = std::move(xml->text.text);
    doc.body_end = xml->text.body_end;
    doc.footnotes = std::move(xml->text.footnotes);
    doc.meta = std::move(xml->meta);
    doc.meta.doc_type = xml->kind;
    doc.meta.submitters = std::move(xml->submitters);
    return doc;
}

}  // namespace

Result<Document> read_text_document(std::string_view bytes, const std::string& source, const ReadOptions& options) {
    Result<Document> read = fail(source, "unknown format");
    if (bytes.starts_with("%PDF")) {
        auto text = pdf_text(bytes, source, options.pdf);
        if (!text) return std::unexpected(text.error());
        read = from_layout_text(*text, source, "pdf");
    } else if (looks_like_kst_xml(bytes)) {
        read = from_xml(bytes, source);
    } else {
        read = from_layout_text(bytes, source, "text");
    }
    if (!read) return std::unexpected(read.error());
    Document doc = std::move(*read);
    if (!options.date.empty()) {
        if (!Date::parse_iso(options.date)) return fail(options.date, "--date must be a date as YYYY-MM-DD");
        doc.meta.date = options.date;
    }
    doc.citations = find_citations(doc.text, doc.body_end, doc.footnotes);
    auto id = validate_document_id(options.id.empty() ? derive_document_id(doc.meta, doc.text) : options.id);
    if (!id) return std::unexpected(id.error());
    doc.id = *id;
    return doc;
}

}  // namespace toezeg::ingest
