#include "pipeline/register_files.hpp"

#include "fetch/toezegging_feed.hpp"
#include "ingest/register_records.hpp"
#include "util/utf8.hpp"

namespace toezeg::pipeline {

namespace {

std::string lower_extension(const std::filesystem::path& file) {
    std::string ext = file.extension().string();
    for (char& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return ext;
}

}  // namespace

bool is_register_file_name(const std::filesystem::path& file) {
    auto ext = lower_extension(file);
    return ext == ".xml" || ext == ".html" || ext == ".htm" || ext == ".txt";
}

bool looks_like_register_file(std::string_view bytes) {
    if (fetch::looks_like_toezegging_xml(bytes)) return true;
    return ingest::sniff_register_page(ingest::html_to_text(bytes)) != ingest::RegisterPageKind::none;
}

Result<RegisterFile> read_register_file(std::string_view bytes, const std::string& name) {
    RegisterFile out;
    if (fetch::looks_like_toezegging_xml(bytes)) {
        auto records = fetch::parse_toezegging_xml(bytes, name);
        if (!records) return std::unexpected(records.error());
        out.entity = ingest::k_tk_register_entity;
        out.records = std::move(*records);
        return out;
    }
    // A page saved by a browser in Windows-1252 is read as such (as letters are); the records
    // must be valid UTF-8, they are kept as JSON.
    std::string text = utf8::is_valid(bytes) ? ingest::html_to_text(bytes)
                                             : ingest::html_to_text(utf8::from_windows_1252(bytes));
    switch (ingest::sniff_register_page(text)) {
        case ingest::RegisterPageKind::ek_register: {
            auto page = ingest::parse_ek_register_page(text, name);
            if (!page) return std::unexpected(page.error());
            out.entity = ingest::k_ek_register_entity;
            for (auto& r : page->records) {
                fetch::ODataRecord rec;
                rec.id = r["Id"].get<std::string>();
                rec.fields = std::move(r);
                out.records.push_back(std::move(rec));
            }
            for (auto& s : page->skipped) out.warnings.push_back(name + ": " + s);
            return out;
        }
        case ingest::RegisterPageKind::ek_decisions: {
            auto decisions = ingest::parse_ek_decisions(text, name);
            if (!decisions) return std::unexpected(decisions.error());
            out.entity = ingest::k_ek_register_entity;
            out.decisions = std::move(*decisions);
            return out;
        }
        case ingest::RegisterPageKind::none:
            break;
    }
    return fail(name,
                "not register data: no SyncFeed toezegging XML, no Eerste Kamer toezegging page (\"Toezegging ... "
                "(T01237)\" with its Kerngegevens), no korte aantekeningen with T-numbers");
}

}  // namespace toezeg::pipeline
