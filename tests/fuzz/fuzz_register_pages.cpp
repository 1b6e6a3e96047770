// The registers' files as import reads them: the Eerste Kamer's register pages and committee
// decisions (saved HTML or text) and the Tweede Kamer's Toezegging XML, each to records.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "fetch/odata_page.hpp"
#include "fuzz_check.hpp"
#include "ingest/register_pages.hpp"
#include "ingest/register_records.hpp"
#include "pipeline/register_files.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view bytes(reinterpret_cast<const char*>(data), size);
    (void)toezeg::ingest::find_register_numbers(toezeg::ingest::html_to_text(bytes));
    auto file = toezeg::pipeline::read_register_file(bytes, "fuzz-register.html");
    if (!file) {
        FUZZ_CHECK(!file.error().message.empty());
        return 0;
    }
    for (auto& r : file->records) {
        FUZZ_CHECK(toezeg::fetch::valid_record_id(r.id));
        if (r.deleted) continue;
        auto record = file->entity == "Toezegging" ? toezeg::ingest::register_from_tk(r.fields)
                                                   : toezeg::ingest::register_from_ek(r.fields);
        for (auto& d : file->decisions) (void)toezeg::ingest::add_ek_decision(r.fields, d);
        (void)record;
        (void)r.fields.dump();  // as import keeps it: throws on text that is not UTF-8
    }
    return 0;
}
