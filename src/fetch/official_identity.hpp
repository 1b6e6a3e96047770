#pragma once
// A document's official identity from the Kamer's own data: an OData Document record (v4/2.0
// or v5 names) or a SyncFeed Document entry.
#include <nlohmann/json.hpp>

#include "core/document.hpp"
#include "fetch/sync_feed.hpp"

namespace toezeg::fetch {

// From an OData Document record, with what its expansions carry (HuidigeDocumentVersie
// .ExterneIdentifier, Kamerstukdossier Nummer and Toevoeging, DocumentActor). The
// publication is the ExterneIdentifier when it is a Kamerstuk, else built from the dossier
// and the Volgnummer/Ondernummer; the address is core::official_address's.
OfficialIdentity identity_of_record(const nlohmann::json& record);
// From a SyncFeed entry (number, kind, title, subject, date).
OfficialIdentity identity_of_feed(const FeedDocument& entry);
// `better`'s known fields over `base`'s; the address recomputed.
OfficialIdentity merge_identity(OfficialIdentity base, const OfficialIdentity& better);

}  // namespace toezeg::fetch
