#pragma once
// Toezegging entities of the SyncFeed (tkData-v1-0-toezegging.xsd), as an Atom page or one
// entity, turned into records with the OData names ($metadata) so both sources are kept alike.
#include <string>
#include <string_view>
#include <vector>

#include "core/error.hpp"
#include "fetch/odata_page.hpp"

namespace toezeg::fetch {

// Each <toezegging> (any namespace prefix) becomes a record: its attributes id / verwijderd /
// bijgewerkt give Id / Verwijderd / GewijzigdOp; the elements their OData names (nummer ->
// Nummer, datumNakoming -> DatumNakoming, ...; a nil element is null); the references
// (activiteit, toegezegdAan/persoon and /fractie, isHerhalingVan, isWijzigingVan,
// isAanvullingOp) the navigation names with [{"Id": ref}]. A kamerbriefNakoming given more than
// once (the live feed does, against the XSD) is kept as an array. Fails on XML that holds no
// toezegging, or a toezegging without a valid id.
Result<std::vector<ODataRecord>> parse_toezegging_xml(std::string_view xml, const std::string& source);

// Whether the bytes look like SyncFeed toezegging XML (checked before parsing a folder's files).
bool looks_like_toezegging_xml(std::string_view bytes);

}  // namespace toezeg::fetch
