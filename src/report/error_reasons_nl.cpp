#include "report/error_reasons_nl.hpp"

#include <re2/re2.h>

#include <memory>
#include <stdexcept>
#include <vector>

namespace toezeg::report {

namespace {

// Grouped by where the message is made; within a group the more particular rule comes first.
// tests/unit/test_error_reasons_nl.cpp reads the sources and fails on a message no rule matches.
constexpr ErrorReasonRule k_rules[] = {
    // util/files, util/file_lock: reading and writing files
    {R"re(no such file)re", "bestand bestaat niet", "no such file"},
    {R"re(is a directory)re", "is een map, geen bestand", "is a directory"},
    {R"re(cannot read size: (.+))re", "de grootte van het bestand is niet te lezen (melding: {1*})",
     "cannot read size: Permission denied"},
    {R"re(file too large \((.+); the limit is (.+), see --max-size\))re",
     "bestand te groot ({1}; de grens is {2}, zie --max-size)",
     "file too large (1196 bytes; the limit is 1000 bytes, see --max-size)"},
    {R"re(cannot open: (.+))re", "het bestand is niet te openen (melding: {1*})", "cannot open: Permission denied"},
    {R"re(cannot write: (.+))re", "er kan niet worden geschreven (melding: {1*})",
     "cannot write: No space left on device"},
    {R"re(write failed)re", "schrijven mislukt", "write failed"},
    {R"re(write failed: (.+))re", "schrijven mislukt (melding: {1*})", "write failed: No space left on device"},
    {R"re(cannot open folder to sync: (.+))re",
     "de map is niet te openen om haar naar schijf te schrijven (melding: {1*})",
     "cannot open folder to sync: Permission denied"},
    {R"re(cannot sync folder: (.+))re", "de map is niet naar schijf te schrijven (melding: {1*})",
     "cannot sync folder: Input/output error"},
    {R"re(cannot sync: (.+))re", "het bestand is niet naar schijf te schrijven (melding: {1*})",
     "cannot sync: Input/output error"},
    {R"re(cannot open to sync: (.+))re",
     "het bestand is niet te openen om het naar schijf te schrijven (melding: {1*})",
     "cannot open to sync: Permission denied"},
    {R"re(cannot rename into place: (.+))re", "het nieuwe bestand kan het oude niet vervangen (melding: {1*})",
     "cannot rename into place: Permission denied"},
    {R"re(cannot open lock file: (.+))re", "het slotbestand van de opslag is niet te openen (melding: {1*})",
     "cannot open lock file: Permission denied"},
    {R"re(the store is locked by pid (\d+) \(another toezeg is writing to it\); try again when it is done)re",
     "de opslag is in gebruik door proces {1} (een andere toezeg schrijft erin); probeer het opnieuw als die klaar is",
     "the store is locked by pid 4242 (another toezeg is writing to it); try again when it is done"},
    {R"re(the store is locked(.*) \(another toezeg is writing to it\); try again when it is done)re",
     "de opslag is in gebruik (een andere toezeg schrijft erin); probeer het opnieuw als die klaar is",
     "the store is locked (another toezeg is writing to it); try again when it is done"},

    // ingest: reading a file as a letter
    {R"re(empty file \(no text to ingest\))re", "leeg bestand (geen tekst om in te lezen)",
     "empty file (no text to ingest)"},
    {R"re(empty file \(only control characters\))re", "leeg bestand (alleen stuurtekens, geen tekst)",
     "empty file (only control characters)"},
    {R"re(binary file, not text \(starts with '(.*)'\))re", "binair bestand, geen tekst (begint met '{1}')",
     "binary file, not text (starts with '...binar')"},
    {R"re(not a parliamentary document: .*; ingest it anyway with --force)re",
     "geen Kamerstuk of brief aan de Kamer: geen Kamerstukkop, niet gericht aan de Tweede of Eerste Kamer, geen "
     "briefhoofd van een ministerie of ondertekening door een bewindspersoon, geen officiële XML; lees het toch in "
     "met --force",
     "not a parliamentary document: no Kamerstuk header, no addressee (Tweede or Eerste Kamer), no ministry "
     "letterhead or minister's signature, not official XML; ingest it anyway with --force"},
    {R"re(no text left after removing page furniture)re",
     "geen tekst over na het weghalen van kop- en voetregels en paginanummers",
     "no text left after removing page furniture"},
    {R"re(unknown format)re", "onbekend bestandsformaat", "unknown format"},
    {R"re(--date must be a date as YYYY-MM-DD)re", "--date moet een datum zijn als JJJJ-MM-DD",
     "--date must be a date as YYYY-MM-DD"},
    {R"re(document id is empty)re", "het document-id is leeg", "document id is empty"},
    {R"re(document id is longer than (\d+) characters)re", "het document-id is langer dan {1} tekens",
     "document id is longer than 120 characters"},
    {R"re(document id may not start with '\.' or '-')re", "een document-id mag niet met '.' of '-' beginnen",
     "document id may not start with '.' or '-'"},
    {R"re(document id may only hold letters, digits, '-', '_' and '\.' \(it names a folder in the store\))re",
     "een document-id mag alleen letters, cijfers, '-', '_' en '.' bevatten (het is de naam van een map in de opslag)",
     "document id may only hold letters, digits, '-', '_' and '.' (it names a folder in the store)"},
    {R"re(document id may not contain '\.\.')re", "een document-id mag geen '..' bevatten",
     "document id may not contain '..'"},
    {R"re(not well-formed XML: (.+) at byte (\d+))re", "geen geldige XML: {1} (bij byte {2})",
     "not well-formed XML: Start-end tags mismatch at byte 120"},
    {R"re(not well-formed XML: (.+))re", "geen geldige XML ({1})", "not well-formed XML: Unexpected end of file"},
    {R"re(XML nested deeper than (\d+) levels; refused(?: \(official XML nests under (\d+)\))?)re",
     "XML dieper genest dan {1} niveaus; geweigerd", "XML nested deeper than 256 levels; refused"},
    {R"re(XML without a <kamerstuk>: not an officiele-publicatie of a Kamerstuk)re",
     "XML zonder <kamerstuk>: geen officiële publicatie van een Kamerstuk",
     "XML without a <kamerstuk>: not an officiele-publicatie of a Kamerstuk"},
    {R"re(the XML holds no text)re", "de XML bevat geen tekst", "the XML holds no text"},
    {R"re(not valid UTF-8 \(and no other encoding declared\); refused)re",
     "geen geldige UTF-8 (en geen andere tekenset opgegeven); geweigerd",
     "not valid UTF-8 (and no other encoding declared); refused"},

    // ingest/pdf_text: the PDF reader (run in a child process with limits)
    {R"re(cannot start the PDF reader \((.+)\))re", "de PDF-lezer kan niet starten ({1})",
     "cannot start the PDF reader (fork)"},
    {R"re(reading the PDF took longer than the limit of (\d+) s; refused .*)re",
     "het lezen van de PDF duurde langer dan de grens van {1} s; geweigerd (een decompressiebom? een ruimere grens: "
     "ingest --pdf-time SEC)",
     "reading the PDF took longer than the limit of 30 s; refused (a decompression bomb? a larger limit: ingest "
     "--pdf-time SEC)"},
    {R"re(the PDF's text is larger than the limit of (\d+) MB(?: \(at page (\d+) of (\d+)\))?)re",
     "de tekst van de PDF is groter dan de grens van {1} MB; geweigerd",
     "the PDF's text is larger than the limit of 64 MB"},
    {R"re(reading the PDF needs more than the limit of (\d+) MB of memory; refused .*)re",
     "het lezen van de PDF vraagt meer dan de grens van {1} MB geheugen; geweigerd (een decompressiebom?)",
     "reading the PDF needs more than the limit of 1024 MB of memory; refused (a decompression bomb?)"},
    {R"re(not a readable PDF \(the reader stopped without an answer\))re",
     "geen leesbare PDF (de PDF-lezer stopte zonder antwoord)",
     "not a readable PDF (the reader stopped without an answer)"},
    {R"re(not a readable PDF \(the reader failed on it\))re", "geen leesbare PDF (de PDF-lezer liep erop vast)",
     "not a readable PDF (the reader failed on it)"},
    {R"re(not a readable PDF \(damaged or not a PDF\))re", "geen leesbare PDF (beschadigd, of geen PDF)",
     "not a readable PDF (damaged or not a PDF)"},
    {R"re(the PDF is encrypted; cannot read its text)re", "de PDF is versleuteld; de tekst is niet te lezen",
     "the PDF is encrypted; cannot read its text"},
    {R"re(the PDF has (\d+) pages, more than the limit of (\d+))re",
     "de PDF heeft {1} pagina's, meer dan de grens van {2}", "the PDF has 5000 pages, more than the limit of 2000"},
    {R"re(the PDF has no text layer \((\d+) page\(s\), a scan\?\); run OCR first, toezeg does not guess text)re",
     "de PDF heeft geen tekstlaag ({1} pagina('s), een scan?); laat er eerst tekstherkenning (OCR) op los, toezeg "
     "raadt geen tekst",
     "the PDF has no text layer (3 page(s), a scan?); run OCR first, toezeg does not guess text"},

    // ingest/register_pages, pipeline/register_files: registers of commitments (import)
    {R"re(no Eerste Kamer toezegging with its Kerngegevens on this page)re",
     "geen toezegging van de Eerste Kamer met Kerngegevens op deze pagina",
     "no Eerste Kamer toezegging with its Kerngegevens on this page"},
    {R"re(not the korte aantekeningen of a committee meeting \(no meeting date in the title\))re",
     "geen korte aantekeningen van een commissievergadering (geen vergaderdatum in de titel)",
     "not the korte aantekeningen of a committee meeting (no meeting date in the title)"},
    {R"re(no status decision on a numbered toezegging in these korte aantekeningen)re",
     "geen besluit over de status van een genummerde toezegging in deze korte aantekeningen",
     "no status decision on a numbered toezegging in these korte aantekeningen"},
    {R"re(not register data: .*)re",
     "geen gegevens van een toezeggingenregister: geen toezeggingen-XML uit de SyncFeed, geen toezeggingspagina van "
     "de Eerste Kamer (\"Toezegging ... (T01237)\" met Kerngegevens), geen korte aantekeningen met T-nummers",
     "not register data: no SyncFeed toezegging XML, no Eerste Kamer toezegging page (\"Toezegging ... (T01237)\" "
     "with its Kerngegevens), no korte aantekeningen with T-numbers"},

    // fetch/http_client: the open-data service
    {R"re(cannot start an HTTP client)re", "kan geen HTTP-verbinding opzetten", "cannot start an HTTP client"},
    {R"re(the run's time budget \(--max-time\) is spent)re", "de tijd voor deze run (--max-time) is op",
     "the run's time budget (--max-time) is spent"},
    {R"re(cannot write the body)re", "het antwoord van de dienst kan niet worden opgeslagen", "cannot write the body"},
    {R"re(cannot write ([^:]+))re", "{1} kan niet worden geschreven", "cannot write /store/download-x.part"},
    {R"re(failed in (\d+) runs in a row; given up, not tried again)re",
     "mislukte {1} runs achter elkaar; opgegeven, wordt niet meer geprobeerd",
     "failed in 10 runs in a row; given up, not tried again"},
    {R"re(larger than the limit of (.+); not retried)re",
     "groter dan de grens van {1} (zie --max-size); niet opnieuw geprobeerd",
     "larger than the limit of 50 MB; not retried"},
    {R"re(cannot reach the service \((.+)\); offline\? Try again later or point --base-url elsewhere)re",
     "de dienst is niet te bereiken ({1*}); geen internet? Probeer het later opnieuw of geef met --base-url een "
     "ander adres",
     "cannot reach the service (Couldn't connect to server); offline? Try again later or point --base-url elsewhere"},
    {R"re((.+) \(permanent; not retried\))re", "{1*} (blijvende fout; niet opnieuw geprobeerd)",
     "HTTP 404 (permanent; not retried)"},
    {R"re((.+); the run's time budget \(--max-time\) is spent)re", "{1*}; de tijd voor deze run (--max-time) is op",
     "Timeout was reached; the run's time budget (--max-time) is spent"},
    {R"re((.+); the run's time budget \(--max-time\) ends before a retry)re",
     "{1*}; de tijd voor deze run (--max-time) is op voordat het opnieuw kan",
     "HTTP 503; the run's time budget (--max-time) ends before a retry"},
    {R"re((.+): the server asks to wait (\d+) s, longer than toezeg waits; try again later)re",
     "{1*}: de server vraagt {2} s te wachten, langer dan toezeg wacht; probeer het later opnieuw",
     "HTTP 429: the server asks to wait 3600 s, longer than toezeg waits; try again later"},
    {R"re((.+) after (\d+) tries)re", "{1*} na {2} pogingen", "HTTP 503 after 4 tries"},

    // fetch/sync_feed, fetch/feed_start, fetch/toezegging_feed: the SyncFeed
    {R"re(feed is not valid UTF-8 \(and declares no other encoding\); refused)re",
     "de feed is geen geldige UTF-8 (en geeft geen andere tekenset op); geweigerd",
     "feed is not valid UTF-8 (and declares no other encoding); refused"},
    {R"re(feed is not well-formed XML: (.+))re", "de feed is geen geldige XML ({1})",
     "feed is not well-formed XML: Unexpected end of file"},
    {R"re(feed nested deeper than (\d+) levels; refused)re", "de feed is dieper genest dan {1} niveaus; geweigerd",
     "feed nested deeper than 256 levels; refused"},
    {R"re(not an Atom feed \(root element is <(.*)>\))re", "geen Atom-feed (het hoofdelement is <{1}>)",
     "not an Atom feed (root element is <html>)"},
    {R"re(no feed page with entries changed on or after (.+) up to skiptoken (\d+))re",
     "geen pagina van de feed met wijzigingen op of na {1} (gezocht tot skiptoken {2})",
     "no feed page with entries changed on or after 2030-01-01 up to skiptoken 1000000000"},
    {R"re(no <toezegging> entity in this XML)re", "geen <toezegging> in deze XML",
     "no <toezegging> entity in this XML"},
    {R"re((.+) has no valid id: '(.*)')re", "{1} heeft geen geldig id: '{2}'", "toezegging 1 has no valid id: 'x'"},
    {R"re((.+) has '(.+)' both as a value and as a reference; refused)re",
     "{1} heeft '{2}' zowel als waarde als als verwijzing; geweigerd",
     "toezegging 1 has 'Persoon' both as a value and as a reference; refused"},

    // fetch/odata_page, pipeline/sync_run, pipeline/import_records: official records
    {R"re(JSON cut off at byte (\d+) of (\d+): not an OData page)re",
     "JSON afgebroken bij byte {1} van {2}: geen OData-pagina", "JSON cut off at byte 10 of 10: not an OData page"},
    {R"re(not JSON at byte (\d+) of (\d+): not an OData page)re", "geen JSON bij byte {1} van {2}: geen OData-pagina",
     "not JSON at byte 3 of 10: not an OData page"},
    {R"re(not an OData page: the top level is not an object)re",
     "geen OData-pagina: het bovenste niveau is geen object", "not an OData page: the top level is not an object"},
    {R"re(not an OData page: no "value" array)re", "geen OData-pagina: geen lijst \"value\"",
     "not an OData page: no \"value\" array"},
    {R"re(not an OData page: (.+))re", "geen OData-pagina ({1*})",
     "not an OData page: [json.exception.out_of_range.406] number overflow parsing '9e431'"},
    {R"re(asked for (.+) records, the answer holds (.+) records)re",
     "{1}-records gevraagd, het antwoord bevat {2}-records",
     "asked for Zaak records, the answer holds Besluit records"},
    {R"re(cannot tell the entity: @odata\.context names none and the file name gives '(.*)')re",
     "onbekend soort records: @odata.context noemt er geen en de bestandsnaam geeft '{1}'",
     "cannot tell the entity: @odata.context names none and the file name gives 'page'"},
    {R"re(@odata\.nextLink is not a string)re", "@odata.nextLink is geen tekst", "@odata.nextLink is not a string"},
    {R"re((.+) is not an object)re", "{1} is geen object", "record 3 is not an object"},
    {R"re((.+) has no string "Id")re", "{1} heeft geen \"Id\" als tekst", "record 3 has no string \"Id\""},
    {R"re((.+) has an Id that is not a GUID: '(.*)')re", "{1} heeft een Id dat geen GUID is: '{2}'",
     "record 3 has an Id that is not a GUID: '42'"},
    {R"re((.+) \((.+)\) has a "Verwijderd" that is not true or false)re",
     "{1} ({2}) heeft een \"Verwijderd\" dat niet true of false is",
     "record 3 (0b0c7a3a-0000-0000-0000-000000000000) has a \"Verwijderd\" that is not true or false"},
    {R"re(@odata\.nextLink names '(.*)', which is no file next to it)re",
     "@odata.nextLink noemt '{1}', maar er staat geen bestand met die naam naast",
     "@odata.nextLink names 'p2.json', "
     "which is no file next to it"},
    {R"re(@odata\.nextLink '(.*)' leads back to a page read before)re",
     "@odata.nextLink '{1}' wijst terug naar een pagina die al gelezen is",
     "@odata.nextLink 'p1.json' leads back to a page read before"},
    {R"re(@odata\.nextLink (.+) leads back to a page read before \(a paging loop\))re",
     "@odata.nextLink {1} wijst terug naar een pagina die al gelezen is (de pagina's lopen in een kring)",
     "@odata.nextLink https://x/OData/v4/2.0/Zaak?$skip=0 leads back to a page read before (a paging loop)"},
    {R"re(@odata\.nextLink (.+) refused: (.+))re", "@odata.nextLink {1} geweigerd: {2*}",
     "@odata.nextLink http://elders/ refused: it leads to another host (http://elders) than the service's"},
    {R"re(the link is empty)re", "de link is leeg", "the link is empty"},
    {R"re(the link holds white space)re", "de link bevat witruimte", "the link holds white space"},
    {R"re(the base address is not http or https)re", "het basisadres is geen http- of https-adres",
     "the base address is not http or https"},
    {R"re(it is not an http or https address)re", "het is geen http- of https-adres",
     "it is not an http or https address"},
    {R"re(it leads to another host \((.+)\) than the service's)re",
     "de link leidt naar een andere server ({1}) dan die van de dienst",
     "it leads to another host (http://elders) than the service's"},
    {R"re((.+) holds only records already read in this run \(a paging loop\))re",
     "{1} bevat alleen records die deze run al las (de pagina's lopen in een kring)",
     "https://x/OData/v4/2.0/Zaak holds only records already read in this run (a paging loop)"},
    {R"re(more than (\d+) pages \(--max-pages\); raise it, or read less with --since)re",
     "meer dan {1} pagina's (--max-pages); verhoog de grens, of lees minder met --since",
     "more than 50 pages (--max-pages); raise it, or read less with --since"},
    {R"re('(.*)' is not an http or https address)re", "'{1}' is geen http- of https-adres",
     "'ftp://x' is not an http or https address"},
    {R"re('(.*)' is not a date \(YYYY-MM-DD\))re", "'{1}' is geen datum (JJJJ-MM-DD)",
     "'gisteren' is not a date (YYYY-MM-DD)"},
    {R"re(sync does not read '(.*)' \(it reads (.+)\))re", "sync leest geen '{1}' (wel: {2})",
     "sync does not read 'Kamerlid' (it reads Zaak, Document)"},
    {R"re(saving the records failed: (.+))re", "het opslaan van de records is mislukt ({1*})",
     "saving the records failed: sqlite: step: database or disk is full"},
    {R"re(no such file or folder)re", "bestand of map bestaat niet", "no such file or folder"},
    {R"re(cannot read the folder to its end: (.+))re", "de map is niet tot het einde te lezen (melding: {1*})",
     "cannot read the folder to its end: Permission denied"},
    {R"re((.+) \(the records are in git; the next write to the store indexes them\))re",
     "{1*} (de records staan in git; de volgende keer dat er in de opslag wordt geschreven, worden ze geïndexeerd)",
     "sqlite: step: database is locked (the records are in git; the next write to the store indexes them)"},
    {R"re(a stored official record that is not a JSON record)re",
     "een opgeslagen officieel record dat geen JSON-record is", "a stored official record that is not a JSON record"},

    // pipeline/fetch_run: why fetch stopped before the end of the feed
    {R"re(cannot keep the download: (.+))re", "de download kan niet worden bewaard (melding: {1*})",
     "cannot keep the download: No space left on device"},
    {R"re(stopped early: the time budget of (\d+) s \(--max-time\) is spent; the next run resumes here)re",
     "vroeg gestopt: de tijd van {1} s (--max-time) is op; de volgende run gaat hier verder",
     "stopped early: the time budget of 600 s (--max-time) is spent; the next run resumes here"},
    {R"re(stopped early after 1 feed page \(--max-pages\); the next run resumes here)re",
     "vroeg gestopt na 1 pagina van de feed (--max-pages); de volgende run gaat hier verder",
     "stopped early after 1 feed page (--max-pages); the next run resumes here"},
    {R"re(stopped early after (\d+) feed pages \(--max-pages\); the next run resumes here)re",
     "vroeg gestopt na {1} pagina's van de feed (--max-pages); de volgende run gaat hier verder",
     "stopped early after 20 feed pages (--max-pages); the next run resumes here"},
    {R"re(stopped: feed page (.+) holds only entries already read in this run \(a paging loop\))re",
     "gestopt: pagina {1} van de feed bevat alleen documenten die deze run al las (de pagina's lopen in een kring)",
     "stopped: feed page https://x/SyncFeed/2.0/Feed holds only entries already read in this run (a paging loop)"},
    {R"re(stopped: the feed's next link (.+) points back to a page already read in this run \(a paging loop\))re",
     "gestopt: de volgende-link {1} van de feed wijst terug naar een pagina die deze run al las (de pagina's lopen in "
     "een kring)",
     "stopped: the feed's next link https://x/SyncFeed/2.0/Feed points back to a page already read in this run (a "
     "paging loop)"},

    // pipeline/store, pipeline/ingest_files, pipeline/ci_run: the store
    {R"re(a store already exists here)re", "hier staat al een opslag", "a store already exists here"},
    {R"re(cannot create directory: (.+))re", "de map kan niet worden aangemaakt (melding: {1*})",
     "cannot create directory: Permission denied"},
    {R"re(no store here; create one with `toezeg init --store (.+)` \(or set TOEZEG_STORE\))re",
     "hier staat geen opslag; maak er een met `toezeg init --store {1}` (of zet TOEZEG_STORE)",
     "no store here; create one with `toezeg init --store /tmp/s` (or set TOEZEG_STORE)"},
    {R"re(no such document; see `toezeg list`)re", "geen document met dit id; zie `toezeg list`",
     "no such document; see `toezeg list`"},
    {R"re(consolidating packs needs the store's lock)re",
     "pakbestanden samenvoegen kan alleen met het slot van de opslag", "consolidating packs needs the store's lock"},
    {R"re(cannot replace the index: (.+))re", "de index kan niet worden vervangen (melding: {1*})",
     "cannot replace the index: Permission denied"},
    {R"re(is a broken symbolic link; skipped)re", "is een verbroken symbolische koppeling; overgeslagen",
     "is a broken symbolic link; skipped"},
    {R"re(is a symbolic link to (.+), outside (.+); refused \(--follow-symlinks reads it\))re",
     "is een symbolische koppeling naar {1}, buiten {2}; geweigerd (met --follow-symlinks wordt het wel gelezen)",
     "is a symbolic link to /etc/hostname, outside brieven; refused (--follow-symlinks reads it)"},
    {R"re(--as names no stored document; see `toezeg list`)re",
     "--as noemt geen opgeslagen document; zie `toezeg list`", "--as names no stored document; see `toezeg list`"},
    {R"re(could not recompute the tracked items: (.+))re",
     "de gevolgde toezeggingen en moties konden niet opnieuw worden bepaald ({1*})",
     "could not recompute the tracked items: tracking: sqlite: step: database is locked"},

    // corpus: the git repository
    {R"re(meta\.json: body_end lies beyond the text)re", "meta.json: het einde van de brieftekst ligt voorbij de tekst",
     "meta.json: body_end lies beyond the text"},
    {R"re(malformed: (.+))re", "onleesbaar ({1*})", "malformed: [json.exception.parse_error.101] parse error"},
    {R"re(commit (.+) holds no such document)re", "commit {1} bevat dit document niet",
     "commit 0123456789ab holds no such document"},
    {R"re(meta\.json in commit (.+) is not JSON)re", "meta.json in commit {1} is geen JSON",
     "meta.json in commit 0123456789ab is not JSON"},
    {R"re(an object of the batch is neither commit, tree nor blob)re",
     "een object in de reeks is geen commit, tree of blob", "an object of the batch is neither commit, tree nor blob"},
    {R"re(commit_paths inside a batch)re", "interne fout: commit_paths binnen een reeks",
     "commit_paths inside a batch"},
    {R"re(not a commit id: (.*))re", "geen geldig commit-id: {1}", "not a commit id: xyz"},
    {R"re(cannot create: (.+))re", "het bestand kan niet worden aangemaakt (melding: {1*})",
     "cannot create: No space left on device"},
    {R"re(cannot put the pack in place: (.+))re", "het pakbestand kan niet op zijn plaats worden gezet (melding: {1*})",
     "cannot put the pack in place: Permission denied"},
    {R"re(cannot create git repository: (.+))re", "hier kan geen git-opslag worden aangemaakt (git meldt: {1*})",
     "cannot create git repository: could not mkdir"},
    {R"re(cannot open git repository: (.+))re", "de git-opslag is niet te openen (git meldt: {1*})",
     "cannot open git repository: could not find repository"},
    {R"re((tree builder|tree insert|tree write|update tree|empty tree|blob): (.*))re",
     "git kon de bestanden van deze versie niet wegschrijven (stap '{1}'; git meldt: {2*})",
     "tree insert: failed to insert entry"},
    {R"re((tree lookup|commit lookup|parent lookup|revwalk|walk the history|read an object of the batch): (.*))re",
     "git kon de opgeslagen geschiedenis niet lezen (stap '{1}'; git meldt: {2*})", "tree lookup: object not found"},
    {R"re((signature|commit|move the branch): (.*))re",
     "git kon de wijziging niet vastleggen (stap '{1}'; git meldt: {2*})", "move the branch: failed to lock"},
    {R"re((pack the batch|write the batch's pack|object database|in-memory pack|pack builder|pack the history|list the references): (.*))re",
     "git kon de objecten niet in een pakbestand schrijven (stap '{1}'; git meldt: {2*})",
     "write the batch's pack: No space left on device"},
    {R"re(read (.+): (.*))re", "git kon de map {1} niet lezen (git meldt: {2*})",
     "read official/Zaak: object not found"},
    {R"re(list (.+): (.*))re", "git kon de inhoud van de map {1} niet opsommen (git meldt: {2*})",
     "list official: object not found"},
    {R"re(names a missing object: (.*))re", "verwijst naar een object dat ontbreekt (git meldt: {1*})",
     "names a missing object: object not found"},
    {R"re(cannot be packed: (.*))re", "kan niet in een pakbestand worden gezet (git meldt: {1*})",
     "cannot be packed: object not found"},
    {R"re(cannot write the consolidated pack: (.*))re",
     "het samengevoegde pakbestand kan niet worden geschreven (git meldt: {1*})",
     "cannot write the consolidated pack: No space left on device"},
    {R"re(the consolidated pack cannot be read back: (.*))re",
     "het samengevoegde pakbestand is na het schrijven niet te lezen (git meldt: {1*})",
     "the consolidated pack cannot be read back: invalid pack"},
    {R"re(unknown libgit2 error)re", "onbekende fout van libgit2", "unknown libgit2 error"},

    // db: the SQLite index
    {R"re(schema version (\d+) is newer than this toezeg \((\d+)\); upgrade toezeg)re",
     "de database heeft schemaversie {1}, nieuwer dan deze toezeg kent ({2}); werk toezeg bij",
     "schema version 99 is newer than this toezeg (14); upgrade toezeg"},
    {R"re(cannot open database: (.+))re", "de database is niet te openen (melding: {1*})",
     "cannot open database: unable to open database file"},

    // report: the static site
    {R"re(must be a date as YYYY-MM-DD)re", "moet een datum zijn als JJJJ-MM-DD", "must be a date as YYYY-MM-DD"},
    {R"re(must be an ISO week as YYYY-Www, e\.g\. 2026-W12)re", "moet een ISO-week zijn als JJJJ-Www, bv. 2026-W12",
     "must be an ISO week as YYYY-Www, e.g. 2026-W12"},
    {R"re(cannot create the report folder: (.+))re",
     "de map van het rapport kan niet worden aangemaakt (melding: {1*})",
     "cannot create the report folder: Permission denied"},
    {R"re(no such template)re", "dat sjabloon bestaat niet", "no such template"},

    // What libraries and the system say (the part after a message's colon, or an exception's text)
    {R"re(sqlite: (.+?): (.+))re", "fout in de database bij '{1}' (SQLite meldt: {2*})",
     "sqlite: step: database is locked"},
    {R"re(sqlite: (.+))re", "fout in de database (SQLite meldt: {1*})", "sqlite: out of memory"},
    {R"re(database is locked)re", "de database is bezet", "database is locked"},
    {R"re(database or disk is full)re", "de database of de schijf is vol", "database or disk is full"},
    {R"re(database disk image is malformed)re", "het databasebestand is beschadigd",
     "database disk image is malformed"},
    {R"re(disk I/O error)re", "lees- of schrijffout van de schijf", "disk I/O error"},
    {R"re(unable to open database file)re", "het databasebestand is niet te openen", "unable to open database file"},
    {R"re(\[json\.exception\.[a-z_]+\.\d+\] (.+))re", "ongeldige JSON ({1})",
     "[json.exception.parse_error.101] parse error at line 1, column 1: syntax error"},
    {R"re(filesystem error: (.+))re", "fout in het bestandssysteem ({1})",
     "filesystem error: cannot create directories: Permission denied [/r]"},
    {R"re(std::bad_alloc)re", "onvoldoende geheugen", "std::bad_alloc"},
    {R"re(HTTP (\d+))re", "de dienst antwoordde met HTTP-status {1}", "HTTP 404"},
    {R"re(No such file or directory)re", "bestand of map bestaat niet", "No such file or directory"},
    {R"re(Permission denied)re", "geen toegang", "Permission denied"},
    {R"re(No space left on device)re", "de schijf is vol", "No space left on device"},
    {R"re(Disk quota exceeded)re", "het schijfquotum is op", "Disk quota exceeded"},
    {R"re(Read-only file system)re", "het bestandssysteem is alleen-lezen", "Read-only file system"},
    {R"re(Input/output error)re", "lees- of schrijffout van de schijf", "Input/output error"},
    {R"re(Too many open files)re", "te veel open bestanden", "Too many open files"},
    {R"re(Couldn't connect to server)re", "geen verbinding met de server", "Couldn't connect to server"},
    {R"re(Couldn't resolve host name)re", "de naam van de server is onbekend", "Couldn't resolve host name"},
    {R"re(Couldn't resolve proxy name)re", "de naam van de proxy is onbekend", "Couldn't resolve proxy name"},
    {R"re(Timeout was reached)re", "de tijdslimiet is verstreken", "Timeout was reached"},
    {R"re(Server returned nothing \(no headers, no data\))re", "de server gaf geen antwoord",
     "Server returned nothing (no headers, no data)"},
    {R"re(Failure when receiving data from the peer)re", "fout bij het ontvangen van gegevens",
     "Failure when receiving data from the peer"},
    {R"re(SSL connect error)re", "fout bij het opzetten van de beveiligde verbinding (SSL)", "SSL connect error"},
};

// Fixed English words that stand as an error's subject.
constexpr std::pair<std::string_view, std::string_view> k_subjects[] = {
    {"tracking", "volgen"},
    {"sync", "synchroniseren"},
    {"git", "git-opslag"},
};

struct CompiledRule {
    std::unique_ptr<RE2> pattern;
    std::string_view dutch;
};

const std::vector<CompiledRule>& compiled_rules() {
    static const std::vector<CompiledRule> rules = [] {
        std::vector<CompiledRule> out;
        for (auto& rule : k_rules) {
            auto re = std::make_unique<RE2>(rule.english, RE2::Quiet);
            if (!re->ok())
                throw std::logic_error("error_reasons_nl: bad pattern " + std::string(rule.english) + ": " +
                                       re->error());
            out.push_back({std::move(re), rule.dutch});
        }
        return out;
    }();
    return rules;
}

std::string dutch_subject(const std::string& subject) {
    for (auto& [english, dutch] : k_subjects)
        if (subject == english) return std::string(dutch);
    return subject;
}

// A group said in Dutch where a rule knows it, also after a subject ("tracking: sqlite: ..."); else as it is.
std::string dutch_if_known(std::string_view text) {
    if (auto reason = dutch_reason(text)) return *reason;
    for (auto colon = text.find(": "); colon != std::string_view::npos; colon = text.find(": ", colon + 2))
        if (auto reason = dutch_reason(text.substr(colon + 2)))
            return dutch_subject(std::string(text.substr(0, colon))) + ": " + *reason;
    return std::string(text);
}

std::string fill(std::string_view dutch, const std::vector<std::string>& groups) {
    std::string out;
    for (std::size_t i = 0; i < dutch.size(); ++i) {
        bool placeholder = dutch[i] == '{' && i + 2 < dutch.size() && dutch[i + 1] >= '1' && dutch[i + 1] <= '9';
        if (placeholder) {
            auto n = static_cast<std::size_t>(dutch[i + 1] - '1');
            bool translated = dutch[i + 2] == '*';
            std::size_t close = i + (translated ? 3 : 2);
            if (close < dutch.size() && dutch[close] == '}' && n < groups.size()) {
                out += translated ? dutch_if_known(groups[n]) : groups[n];
                i = close;
                continue;
            }
        }
        out.push_back(dutch[i]);
    }
    return out;
}

}  // namespace

std::span<const ErrorReasonRule> error_reason_rules() { return k_rules; }

std::optional<std::string> dutch_reason(std::string_view message) {
    for (auto& rule : compiled_rules()) {
        int count = rule.pattern->NumberOfCapturingGroups();
        std::vector<std::string> groups(static_cast<std::size_t>(count));
        std::vector<RE2::Arg> args(groups.size());
        std::vector<const RE2::Arg*> arg_ptrs(groups.size());
        for (std::size_t i = 0; i < groups.size(); ++i) {
            args[i] = &groups[i];
            arg_ptrs[i] = &args[i];
        }
        if (RE2::FullMatchN(message, *rule.pattern, arg_ptrs.data(), count)) return fill(rule.dutch, groups);
    }
    return std::nullopt;
}

std::string dutch_reason_or_marked(std::string_view message) {
    if (auto reason = dutch_reason(message)) return *reason;
    return "(onvertaald) " + std::string(message);
}

std::string describe_in_dutch(const Error& error) {
    std::string reason = dutch_reason_or_marked(error.message);
    return error.subject.empty() ? reason : dutch_subject(error.subject) + ": " + reason;
}

}  // namespace toezeg::report
