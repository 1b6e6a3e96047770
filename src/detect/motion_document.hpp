#pragma once
// A motion's own document (official XML, "MOTIE VAN ..."): the motion itself.
#include <optional>
#include <vector>

#include "core/date.hpp"
#include "core/document.hpp"
#include "core/item.hpp"
#include "detect/sentences.hpp"

namespace toezeg::detect {

// The motion born in this document: its submitters, own Kamerstuk number, date, what it
// asks ("verzoekt de regering ...") and any deadline it sets.
Item motion_document_item(const Document& doc, const std::vector<Sentence>& sentences, std::optional<Date> reference);

}  // namespace toezeg::detect
