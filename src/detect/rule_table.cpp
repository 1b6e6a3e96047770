// The detection rules: id, role, implied status, RE2 pattern, a sentence that fires, one
// that must stay silent. Order matters within a role: the first matching rule wins.
#include "detect/rules.hpp"

namespace toezeg::detect {

namespace {

// A Kamerlid's surname as written in a letter: "Ram", "Van Zanten", "Van der Plas", "Kröger".
#define TZ_PARTICLES \
    "(?:(?:[Vv]an|[Dd]e|[Dd]er|[Dd]en|[Tt]er|[Tt]en|[Tt]e|[Ii]n|'t|’t|[Ee]l|[Vv]on|[Ll]a|[Ll]e|[Dd]os|[Dd]a) )"
#define TZ_SURNAME "\\p{Lu}[\\p{L}'’]+(?:-\\p{Lu}?[\\p{L}'’]+)*"
// An optional first name is kept only before a lower-case particle ("Léon de Jong").
#define TZ_NAME \
    "(?:\\p{Lu}[\\p{L}]+ (?:van |de |der |den |ter |ten |te )+" TZ_SURNAME "|" TZ_PARTICLES "*" TZ_SURNAME ")"
#define TZ_NAMES TZ_NAME "(?:(?:, | en |/| & )" TZ_NAME ")*"

constexpr Status open = Status::open, fulfilled = Status::fulfilled, partial = Status::partial, lapsed = Status::lapsed;

const RuleSpec
    k_rules[] =
        {
            // --- Commitments made earlier, answered or referred to in this letter --------------------
            {"commitment.lapsed", RuleRole::earlier_commitment, lapsed,
             R"((?i)\btoezegging(?:en)?\b[^;]{0,250}?\b(?:komen te vervallen|is vervallen|vervalt|niet langer (?:aan de orde|relevant|actueel)))",
             "De toezegging aan het lid Van Apeldoorn over de pilot is komen te vervallen.",
             "De motie Kröger is vervallen.", "a commitment declared lapsed"},
            {"commitment.partial", RuleRole::earlier_commitment, partial,
             R"((?i)\b(?:deels|gedeeltelijk|ten dele|voor een deel)\b[^;]{0,80}?\b(?:invulling|voldaan|uitvoering|tegemoet)\b[^;]{0,80}?\btoezegging|\btoezegging(?:en)?\b[^;]{0,120}?\b(?:deels|gedeeltelijk|ten dele)\b)",
             "Met deze brief wordt deels invulling gegeven aan de toezegging aan het lid Dittrich.",
             "Met deze brief wordt invulling gegeven aan de toezegging aan het lid Dittrich.",
             "a commitment partly kept"},
            {"commitment.kept", RuleRole::closure, fulfilled,
             R"((?i)\btoezegging(?:en)?\b[^;]{0,250}?\b(?:nagekomen|afgedaan|afgehandeld|gestand|ingelost|tegemoet gekomen|tegemoetgekomen|voldaan)\b|\b(?:voldaan|voldoe|voldoen|tegemoet(?:ge)?komen|invulling|uitvoering|gevolg|gestand)\b[^;]{0,60}?\btoezegging(?:en)?\b|\b(?:kom|komt|komen)(?: ik| wij| het kabinet)? (?:deze|die|de|mijn|onze) toezegging na\b|\b(?:voldoe|voldoet|voldoen|invulling|uitvoering|gevolg)\s+aan\b[^;]{0,300}?\ben (?:ook )?aan (?:mijn|onze|de|het|deze|die) (?:\w+ )?toezegging(?:en)?\b)",
             "Hiermee is de toezegging nagekomen.", "De toezegging wordt na de zomer uitgewerkt.",
             "a commitment declared kept, with its own content or referring back; also the second of two "
             "things kept ('geef ik invulling aan de motie X, die ..., en aan mijn toezegging ...')", 0,
             "Met deze brief geef ik invulling aan de motie Jansen, die de regering verzoekt om in overleg met de "
             "provincies en de gemeenten te bezien hoe de regeling eenvoudiger kan worden, en aan mijn toezegging in "
             "het debat van 3 maart om u voor de zomer te informeren.",
             "Met deze brief geef ik invulling aan de motie Jansen, die de regering verzoekt om in overleg met de "
             "provincies en de gemeenten te bezien hoe de regeling eenvoudiger kan worden, en ik kom voor de zomer "
             "terug op mijn toezegging in het debat van 3 maart."},
            {"commitment.promised-by-government", RuleRole::earlier_commitment, fulfilled,
             R"((?i)\bzegden? (?:ik|wij|het kabinet|de regering|(?:de |mijn )?(?:minister|staatssecretaris|minister-president|premier|bewindspersoon|ambtsvoorganger|voorganger)\b)[^;]{0,200}?\btoe\b|\b(?:ik|wij|het kabinet) zegden? [^;]{0,200}?\btoe\b)",
             "In het commissiedebat van 3 maart jl. zegde de minister het lid Kröger toe om terug te komen op de "
             "lijst.",
             "De Commissie zegde toe een voorstel te doen.", "past tense 'zegde ... toe' with a government subject"},
            {"commitment.has-promised", RuleRole::earlier_commitment, fulfilled,
             R"((?i)\b(?:heb|hebben|heeft|had|hadden)\b[^;]{0,200}?\btoegezegd\b)",
             "Tijdens het debat heb ik het lid Bushoff toegezegd uw Kamer te informeren.",
             "Het kabinet heeft het rapport ontvangen.",
             "perfect tense; the promiser must be the government (checked in code)"},
            {"commitment.was-promised", RuleRole::earlier_commitment, fulfilled,
             R"((?i)\b(?:is|werd|zijn|werden|was)\b(?: [^;]{0,40}?)? toegezegd\b)",
             "In de geannoteerde agenda d.d. 20 november 2025 is toegezegd om in dit verslag in te gaan op het "
             "akkoord.",
             "Er is veel gezegd over het akkoord.", "passive 'is toegezegd'"},
            {"commitment.as-promised", RuleRole::earlier_commitment, fulfilled,
             R"((?i)\b(?:zoals|conform|overeenkomstig|in lijn met|ter uitvoering van|naar aanleiding van) (?:eerder |reeds )?(?:(?:de|mijn|onze|deze|die|het) )?(?:toegezegd|toezegging)\b|\bzoals (?:(?:eerder|reeds|al|ook|vorig|vorige|dit|deze|jaar|maand|week|schriftelijk|mondeling|aan|uw|de|kamer|commissie|in|tijdens|bij|mijn|onze|het|\w*debat|\w*brief|\w*overleg|\w*verslag|behandeling|van|jl\.?|\d{1,4}|januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december)\d{0,2},?\s+)+(?:is |heb ik |hebben wij |hebben we )?toegezegd\b)",
             "Conform de toezegging in het debat van 2 oktober jl. wordt u hierbij geïnformeerd.",
             "Zoals eerder aan uw Kamer gemeld, is het akkoord gesloten.",
             "'zoals toegezegd', 'conform de toezegging'; between 'zoals' and 'toegezegd' only words of time, "
             "manner and addressee ('zoals eerder dit jaar schriftelijk toegezegd'), never another actor",
             0, "Zoals in mijn brief van 3 maart jl. aan uw Kamer toegezegd, stuur ik u hierbij de evaluatie.",
             "Zoals de gemeenten hebben toegezegd, worden de plannen voor de zomer ingediend."},
            {"commitment.promised-item", RuleRole::earlier_commitment, fulfilled,
             R"((?i)\b(?:eerder |de |het |door mij |mijn |onze |aan (?:uw|de) kamer )toegezegde\b)",
             "De eerder toegezegde evaluatie ontvangt uw Kamer in het eerste kwartaal van 2027.",
             "De toegevoegde waarde van de evaluatie is groot.", "'de toegezegde brief', 'mijn toegezegde brieven'", 0,
             "Dit is de eerste van mijn toegezegde voortgangsbrieven.",
             "Dit is de eerste van de door de gemeenten beloofde rapportages."},

            {"commitment.announced-earlier", RuleRole::earlier_commitment, open,
             R"((?i)\b(?:(?:heb|hebben) (?:ik|wij|we)|(?:ik|wij|we) (?:heb|hebben))\b[^;]{0,200}?\b(?:aangegeven|aangekondigd|laten weten|gemeld|gezegd|meegedeeld|medegedeeld|bericht)\b(?:[^;]{0,200}?\bdat (?:ik|wij|we|het kabinet)\b[^;]{0,250}?\b(?:zou|zouden|zal|zullen|wil|wilde|wilden|voorzag|voorzagen|verwachtte|verwachtten|beoogde|beoogden)\b|[^;.]{0,150}?\b(?:uw kamer|de kamer|u)\b[^;.]{0,150}?\b(?:te (?:kunnen |zullen )?(?:informeren|berichten|(?:toe)?sturen|(?:toe)?zenden|aanbieden|voorleggen)|(?:toe|aan|voor) te (?:kunnen |zullen )?(?:sturen|zenden|bieden|leggen))\b))",
             "Ik heb U kort daarna meegedeeld dat ik de gevraagde informatie in september aan Uw Kamer zou doen "
             "toekomen.",
             "Ik heb aangegeven dat de regeling werkt.",
             "reported earlier announcement, inverted or not ('heb ik aangegeven dat ik ... zou', 'ik heb u "
             "bericht dat ik ... "
             "zal', 'heb ik gemeld uw Kamer in april ... aan te bieden'); open unless this letter's words keep it",
             0, "Vorig jaar heb ik aangegeven uw Kamer in het voorjaar de evaluatie toe te sturen.",
             "Ik heb aangegeven de regeling te willen verbeteren."},
            {"commitment.named", RuleRole::earlier_commitment, fulfilled,
             R"((?i)\b(?:de|mijn|deze|die|onze|een aantal|enkele|twee|drie|vier|vijf) toezegging(?:en)? (?:aan|van|gedaan|om|over|inzake|die|T\d|uit|tijdens|in)\b|\btoezegging(?:en)? (?:in|uit) (?:mijn|onze|de|het) (?:brief|verslag|antwoord|beantwoording)\b|\b(?:aan|met) (?:deze|die|mijn|onze) toezegging(?:en)?\b|\btoezegging(?:en)? (?:gedaan )?door (?:mij|ons|mijn (?:ambts)?voorganger|de (?:minister|staatssecretaris|regering|bewindspersoon)|het kabinet)\b)",
             "De toezegging aan het lid Karimi over de opvang staat nog open.", "Het kabinet doet geen toezeggingen.",
             "a commitment referred to by name; its status comes from the modifiers"},
            {"commitment.delivered-now", RuleRole::closure, fulfilled,
             R"((?i)\b(?:treft u (?:hierbij|bijgaand|in de bijlage)|hierbij ontvangt u|ontvangt u hierbij|(?:stuur|zend|bied) ik u hierbij|(?:met|in|via) deze brief doe ik dat|vindt u (?:in deze brief|hierbij|bijgaand)|deze brief (?:behelst|bevat|vormt|informeert u)|ontvangt u deze brief|(?:in|bij) (?:de|het) bijlagen?\b[^;]{0,30}?\b(?:vindt|treft) u)\b)",
             "Dat overzicht treft u hierbij aan.", "Uw Kamer ontvangt het overzicht voor de zomer.",
             "the letter delivers what was promised just before; only ever refers back", 0,
             "In de bijlage treft u het eindrapport van de commissie aan.",
             "In de bijlage van het rapport staan de cijfers per gemeente."},

            // --- Commitments made in this letter -----------------------------------------------------
            {"commitment.will-inform", RuleRole::new_commitment, open,
             R"((?i)\b(?:zal|zullen)\b[^;]{0,180}?\b(?:informeren|inlichten|berichten|rapporteren|toesturen|toezenden|sturen|zenden|op de hoogte (?:houden|stellen|brengen)|terugkomen|terug komen|voorleggen|aanbieden|ingaan|toekomen|verslag (?:doen|uitbrengen)|verstrekken|beantwoorden|reageren|uiteenzetten|toelichten|een reactie (?:geven|sturen))\b)",
             "Het kabinet zal uw Kamer, mede met het oog op ratificatie, op de hoogte houden van de "
             "ontwikkelingen.",
             "Nederland zal dit in de Raad blijven benadrukken.",
             "future tense; needs a government subject and the Kamer as object"},
            {"commitment.expects-to-inform", RuleRole::new_commitment, open,
             R"((?i)\b(?:verwacht|verwachten|streef|streeft|streven|beoog|beoogt|beogen|voornemens|wil|willen|planning is|plan is|voornemen is|doel is|bedoeling is|intentie is|(?:mijn|onze) (?:voornemen|streven|bedoeling|planning|intentie)|(?:ben|is|zijn) (?:ik |wij |we |het kabinet )?(?:van plan|voornemens)|kondig|kondigt|kondigen|(?:mij|me|ons|zich) (?:er ?voor )?in om|inzet is)\b[^;]{0,200}?\b(?:te (?:kunnen |zullen )?(?:informeren|berichten|(?:ver|toe)?sturen|(?:ver|toe)?zenden|rapporteren|komen|reageren|beantwoorden|aanbieden|voorleggen|doen (?:toe)?komen)|(?:toe|voor|aan|terug|in|uiteen) te (?:kunnen |zullen )?(?:sturen|zenden|leggen|bieden|komen|gaan|zetten)|(?:reactie|appreciatie|kabinetsreactie|standpunt|antwoord) te (?:kunnen |zullen )?(?:geven|sturen|zenden))\b)",
             "Het kabinet verwacht uw Kamer op korte termijn nader te informeren over het moratorium.",
             "Het kabinet verwacht dat dit op korte termijn gereed is.",
             "an intention to inform or send ('verwacht uw Kamer ... te informeren', 'streef ernaar de nota naar "
             "uw Kamer te "
             "versturen', 'zet zich ervoor in om het voorstel aan de Kamer aan te bieden')",
             k_implied_by_deadline, "Het is mijn bedoeling u na de zomer de evaluatie te kunnen aanbieden.",
             "Het is mijn bedoeling de evaluatie na de zomer af te ronden."},
            {"commitment.promises-now", RuleRole::new_commitment, open,
             R"((?i)\b(?:ik|wij|we|het kabinet) (?:zeg|zeggen|zegt)\b[^;]{0,200}?\btoe\b|\b(?:zeg|zeggen|zegt) (?:ik|wij|we|het kabinet)\b[^;]{0,200}?\btoe\b)",
             "Ik zeg toe uw Kamer voor 1 juli een appreciatie te sturen.",
             "De Commissie zegde toe een voorstel te doen.",
             "present tense of toezeggen, in main clause or inverted; the Kamer is implied (checked in code)",
             k_addressee_implied},
            {"commitment.will-send", RuleRole::new_commitment, open,
             R"((?i)\b(?:doe|doen|doet)\b[^;]{0,160}?\btoekomen\b)",
             "Uiterlijk bij het toezenden van de opdracht doe ik u ook de reactie van het kabinet toekomen.",
             "Ik kan u die gegevens niet doen.",
             "'doe ik u ... toekomen' for something still to come ('hierbij' excludes it)"},
            {"commitment.keeps-informed", RuleRole::new_commitment, open,
             R"((?i)\b(?:houd|houdt|houden)\b[^;]{0,100}?\bop de hoogte\b)",
             "Ik houd uw Kamer op de hoogte van de voortgang.", "Uw Kamer is op de hoogte gebracht.",
             "present tense 'houd uw Kamer op de hoogte'; needs the Kamer as object"},
            {"commitment.will-return", RuleRole::new_commitment, open,
             R"((?i)\b(?:kom|komt|komen)\b[^;]{0,150}?\bterug\b)",
             "Het kabinet komt in de Voorjaarsnota op de uitvoering van deze motie terug.",
             "Verschillende factoren dragen bij aan terugkeer.", "'kom ik hierop terug'; needs a government subject",
             k_addressee_implied},
            {"commitment.comes-with", RuleRole::new_commitment, open,
             R"((?i)\b(?:kom|komt|komen (?:wij|we)|(?:wij|we) komen)\b(?: [^ ;,.]+){0,6}? met (?:een|de|het|mijn|onze|zijn|haar)? ?(?:[^ ;,.]+ ){0,2}?(?:\w*brief|\w*nota|notitie|\w*reactie|standpunt|visie|appreciatie|\w*rapportage|plan van aanpak|\w*analyse|uitwerking|voorstel(?:len)?)\b|\b(?:zal|zullen|ga|gaat|gaan)\b(?: [^ ;,.]+){0,4}? met (?:een|de|het|mijn|onze) (?:[^ ;,.]+ ){0,2}?(?:\w*brief|\w*nota|notitie|\w*reactie|standpunt|visie|appreciatie|\w*rapportage|plan van aanpak|uitwerking|voorstel(?:len)?)\b(?: [^ ;,.]+){0,6}? komen\b)",
             "Begin april kom ik met een beleidsbrief over de aanpak van leerlingendaling.",
             "In april kom ik met de gemeenten tot afspraken over de aanpak.",
             "'kom ik met een brief', 'zal ik met een reactie komen': a document still to come, with a time "
             "or an occasion; the Kamer is implied by a first-person act with a time (checked in code)",
             k_implied_by_deadline | k_needs_deadline,
             "Het kabinet zal na de zomer met een nadere uitwerking van het plan komen.",
             "De Kamer verzocht de regering voor 1 juli met een notitie te komen."},
            {"commitment.informs-by-date", RuleRole::new_commitment, open,
             R"((?i)\b(?:informeer|informeert|stuur|stuurt|zend|zendt|bericht|rapporteer|rapporteert)\b|\b(?:deel|deelt|delen)\b[^;]{0,100}?\bmet (?:uw|de) (?:eerste |tweede )?kamer\b)",
             "Ik informeer uw Kamer op korte termijn over de uitkomsten van het overleg.",
             "Uw Kamer werd eerder ingelicht.",
             "present tense with a deadline or 'op korte termijn'; the Kamer as object (checked in code)",
             k_needs_deadline, "De uitkomsten deel ik na de zomer met uw Kamer.",
             "De uitkomsten heb ik in maart met uw Kamer gedeeld."},
            {"commitment.kamer-will-receive", RuleRole::new_commitment, open,
             R"((?i)\b(?:uw kamer|de (?:eerste |tweede )?kamer|de [te]k|u)\b (?:wordt|zal|ontvangt|krijgt)\b|\b(?:wordt|ontvangt|krijgt) (?:uw kamer|de (?:eerste |tweede )?kamer|de [te]k|u)\b|\b(?:zal|zullen) (?:uw kamer|de (?:eerste |tweede )?kamer|de [te]k|u)\b[^;]{0,120}?\b(?:geïnformeerd|ingelicht|bericht|toegestuurd|toegezonden|nagezonden|nagestuurd|gezonden|gestuurd|aangeboden|voorgelegd|verstrekt) (?:worden|zal worden)\b|\b(?:zal|zullen)\b[^;]{0,150}?\b(?:aan|naar) (?:uw|de) (?:eerste |tweede )?kamer (?:(?:worden|zijn) (?:verstuurd|verzonden|gezonden|gestuurd|toegestuurd|toegezonden|aangeboden|voorgelegd)|(?:verstuurd|verzonden|gezonden|gestuurd|toegestuurd|toegezonden|aangeboden|voorgelegd) (?:worden|zijn))\b|\b(?:uw kamer|de (?:eerste |tweede )?kamer|u)\b[^;]{0,60}?\b(?:zal|zullen) (?:worden )?(?:toegestuurd|toegezonden|gestuurd|aangeboden|voorgelegd)(?: worden)?\b|\b(?:kunt u|kan uw kamer|kan de kamer|mag u|mag uw kamer|(?:u|uw kamer|de (?:eerste |tweede )?kamer) (?:kunt|kan|mag|moogt))\b[^;]{0,120}?\b(?:verwachten|tegemoet zien|tegemoetzien)\b|\b(?:zult u|zal uw kamer|zal de kamer|u zult)\b[^;]{0,120}?\bontvangen\b|\b(?:wordt|worden|zal|zullen)\b[^;]{0,100}?\bmet (?:uw|de) (?:eerste |tweede )?kamer (?:worden )?gedeeld\b)",
             "Uw Kamer wordt hierover middels een BNC-fiche geïnformeerd.",
             "Uw Kamer is op 3 december jl. geïnformeerd.",
             "passive: the Kamer will be informed or receive something; 'u kunt ... tegemoet zien'", 0,
             "U kunt de reactie uiterlijk in mei tegemoet zien.", "U kunt de reactie op de website vinden."},

            {"commitment.asks-more-time", RuleRole::new_commitment, open,
             R"((?i)\b(?:(?:verzoek|verzoeken|vraag|vragen) (?:ik|wij|we|het kabinet)|(?:ik|wij|we|het kabinet) (?:verzoek|verzoeken|vraag|vragen)) (?:u|uw kamer|uw commissie|de commissie)\b[^;]{0,100}?\b(?:uitstel|termijn\b[^;]{0,80}?\b(?:te verlengen|verlenging|te verschuiven|op te schuiven))\b)",
             "Ik vraag uw commissie daarom uitstel tot 1 maart voor de beantwoording.",
             "De commissie vraagt mij om uitstel van de stemmingen.",
             "an interim reply asking for more time (uitstel, a term extended): a promise to answer within it", 0,
             "Omdat de gegevens later komen, verzoek ik u de termijn voor mijn reactie met een maand te verlengen.",
             "Ik verzoek u de termijn voor de inschrijving onder de aandacht van de gemeenten te brengen."},
            {"exclude.offered-now", RuleRole::exclude, std::nullopt,
             R"((?i)\b(?:als bijlage|separaat|vandaag|gelijktijdig|tegelijkertijd|tegelijk met)\b[^;]{0,80}?\b(?:ontvangt|ontvangen|krijgt|krijgen|stuur|zend|bied)\b|\b(?:(?:ontvangt|krijgt) (?:u|uw kamer|de (?:eerste |tweede )?kamer)|(?:u|uw kamer|de (?:eerste |tweede )?kamer) (?:ontvangt|krijgt))\b[^;]{0,60}?\b(?:als bijlage|separaat|vandaag|gelijktijdig|tegelijkertijd|parallel aan (?:deze|dit|de) (?:brief|nota|verslag))\b|\b(?:hierbij|bijgaand|bij deze) (?:ontvangt|krijgt) (?:u|uw kamer|de (?:eerste |tweede )?kamer)\b|\b(?:ontvangt|krijgt) (?:u|uw kamer|de (?:eerste |tweede )?kamer) (?:hierbij|bijgaand|bij deze)\b|\b(?:u|uw kamer|de (?:eerste |tweede )?kamer) (?:ontvangt|krijgt) (?:deze|dit) (?:brief|verslag|rapportage|voortgangsrapportage|nota|overzicht|bericht)\b)",
             "Gelijktijdig met deze nota ontvangt uw Kamer het jaarverslag van de inspectie.",
             "Uw Kamer ontvangt het jaarverslag van de inspectie in mei.",
             "what is sent along, separately today or herewith is offered, not promised, and so is this "
             "letter itself (\"Uw Kamer ontvangt deze brief voorafgaand aan het debat\") (LABELLING: mere offering)"},
            // --- What keeps a sentence from being a commitment to parliament --------------------------
            {"exclude.routine", RuleRole::exclude, std::nullopt,
             R"((?i)\b(?:jaarlijks|periodiek|regelmatig|zoals gebruikelijk|telkens|doorgaans|steeds)\b)",
             "De Kamer wordt jaarlijks geïnformeerd over de resultaten.", "Uw Kamer wordt hierover geïnformeerd.",
             "routine reporting is no new commitment"},
            {"context.kamer-request", RuleRole::kamer_request, std::nullopt,
             R"((?i)\b(?:verzocht|gevraagd|vroeg|vroegen|verzoekt|vraagt)\b)",
             "Tijdens het debat heeft het lid Jansen gevraagd om een overzicht van de kosten.",
             "Tijdens het debat heeft het lid Jansen een overzicht van de kosten ontvangen.",
             "a Kamerlid's request just before a promise that names no one: the promise is made to that Kamerlid "
             "(checked in code)"},
            {"context.motion-request", RuleRole::motion_request, std::nullopt,
             R"((?i)\b(?:in|met|via|bij) (?:de|deze|die|een) (?:aangenomen |gewijzigde )?motie\b|\bmoties?\b[^;]{0,200}?\b(?:verzoekt|verzoeken|vraagt|vragen)\b)",
             "In de motie van het lid Jansen wordt de regering verzocht de regeling te evalueren.",
             "Het lid Jansen heeft mij verzocht uw Kamer te informeren over de uitvoering van zijn motie.",
             "a request made by a motion, not by a Kamerlid in person: no promise after it is made to its "
             "submitter"},
            {"exclude.contents-overview", RuleRole::contents_overview, std::nullopt,
             R"((?i)\b(?:informeer|informeert|informeren|bericht|berichten)\b[^;]{0,80}?\bover de (?:uitvoering|stand van zaken|voortgang|afhandeling) van (?:\w+ ){0,2}(?:moties en toezeggingen|toezeggingen en moties)\b|\b(?:ga|gaat|gaan) (?:ik|wij|we|het kabinet)\b[^;]{0,40}?\bin op (?:de (?:uitvoering|stand van zaken) van )?(?:\w+ ){0,2}(?:moties en toezeggingen|toezeggingen en moties)\b)",
             "In deze brief informeer ik u over de stand van zaken van enkele moties en toezeggingen op het terrein "
             "van wonen.",
             "Hiermee is uitvoering gegeven aan enkele toezeggingen en moties op het terrein van wonen.",
             "the letter announces its own contents, a collection of motions and commitments: no commitment itself "
             "(its motions and the commitments it then treats one by one are)"},
            {"context.announces-future", RuleRole::announces_future, std::nullopt,
             R"((?i)\b(?:kondig|kondigen|deel|delen|laat|laten|meld|melden|bericht|berichten)\b[^;]{0,80}?\b(?:aan|mee|weten|u),? dat (?:ik|wij|we|het kabinet)\b[^;]{0,200}?\b(?:zal|zullen)\b)",
             "Hierbij kondig ik aan dat ik voor de zomer een visie naar uw Kamer zal sturen.",
             "Hierbij deel ik u mee dat het rapport gereed is.",
             "the letter tells now what the government will do: the exclusions of what a letter does now do not "
             "hold"},
            {"exclude.done-now", RuleRole::exclude, std::nullopt,
             R"((?i)\b(?:hierbij|hiermee|via deze weg|met deze brief|in deze brief|bijgaand|in de bijlage|onderstaand|hieronder)\b)",
             "Hierbij ontvangt u het evaluatierapport.", "Uw Kamer ontvangt voor de zomer het rapport.",
             "what the letter itself does now is no new commitment"},
            {"exclude.question", RuleRole::exclude, std::nullopt, R"(\?[\s"'’”)]*$)",
             "Wanneer ontvangt de Kamer de beloofde evaluatie?",
             "De Kamer ontvangt de beloofde evaluatie voor de zomer.",
             "a question (a Kamerlid's in a list of questions and answers) promises nothing; its answer may"},
            {"exclude.possibility", RuleRole::exclude, std::nullopt,
             R"((?i)\b(?:kan|kunnen)\b[^;]{0,60}\bworden geïnformeerd\b)",
             "Daarnaast kan de Kamer door middel van briefings worden geïnformeerd.", "Uw Kamer wordt geïnformeerd.",
             "a possibility, not a promise"},

            {"exclude.sender-outside-government", RuleRole::foreign_sender, std::nullopt,
             R"((?i)^(?:nr\. ?\d+\s+|[a-z]{1,3}\d?\s+)?brief van (?:de|het) (?:algemene rekenkamer|voorzitter van de (?:eerste|tweede) kamer|informateur|formateur|(?:vaste |tijdelijke )?commissie|raad van state|nationale ombudsman|kiesraad|college)\b)",
             "Nr. 8 BRIEF VAN DE ALGEMENE REKENKAMER",
             "Nr. 23 BRIEF VAN DE MINISTER VAN BINNENLANDSE ZAKEN EN KONINKRIJKSRELATIES",
             "a letter whose heading names a sender outside the government: its first person promises nothing for "
             "the "
             "government"},
            {"exclude.letter-to-government", RuleRole::foreign_sender, std::nullopt,
             R"((?i)^(?:nr\. ?\w+\s+)?brief aan (?:de|het) (?:minister|staatssecretaris|minister-president|regering|kabinet)\b|(?i)^aan (?:de|het) (?:minister|staatssecretaris|minister-president)(?: (?:van|voor) [\p{L} ,’'-]+)?$)",
             "BRIEF AAN DE STAATSSECRETARIS VAN FINANCIËN", "BRIEF AAN DE VOORZITTER VAN DE COMMISSIE VOOR FINANCIËN",
             "the Kamer writing to the government (a verslag of a written exchange, its heading or its address "
             "line): its "
             "'ik', "
             "'wij' and 'de Kamer' promise nothing for the government",
             0, "Aan de Staatssecretaris van Onderwijs, Cultuur en Wetenschap",
             "Aan de minister is gevraagd de Kamer voor de zomer te informeren."},
            {"context.government-reply", RuleRole::government_sender, std::nullopt,
             R"((?i)^(?:nr\. ?\w+\s+)?(?:brief|antwoord|reactie) van (?:de|het) (?:minister|staatssecretaris|minister-president|regering|kabinet)\b)",
             "REACTIE VAN DE MINISTER VAN FINANCIËN", "BRIEF AAN DE MINISTER VAN FINANCIËN",
             "in a letter from outside the government, the heading of the government's answer: from there its "
             "promises count"},
            {"commitment.after-delay", RuleRole::new_commitment, open,
             R"((?i)\b(?:zal|zullen|volgt|volgen|streven|streef|streeft|verwacht|verwachten)\b[^;]{0,200}?\b(?:zo spoedig mogelijk|zo snel mogelijk|spoedig|binnenkort|op korte termijn)\b)",
             "Beantwoording zal zo spoedig mogelijk plaatsvinden.", "Beantwoording heeft inmiddels plaatsgevonden.",
             "in an interim reply (a delay-notice sentence at most three before), the answer that will follow "
             "(checked in "
             "code)",
             k_addressee_implied | k_after_delay},
            {"context.delay-notice", RuleRole::delay_notice, std::nullopt,
             R"((?i)\bniet (?:mogelijk|haalbaar|gelukt)\b[^;]{0,160}?\b(?:termijn|te beantwoorden|te doen|voor \d{1,2} \w+)\b|\btermijn\b[^;]{0,60}?\bniet (?:haalbaar|te halen|gehaald)\b|\bniet binnen de (?:gestelde|gebruikelijke|gevraagde) termijn\b|\btot mijn spijt\b[^;]{0,120}?\bniet\b)",
             "Het is daarom niet mogelijk het verslag voor 29 april te beantwoorden.",
             "Het is mogelijk het verslag voor 29 april te beantwoorden.",
             "a sentence that says a promised or requested answer comes later than due", 0,
             "De door uw commissie gevraagde termijn is helaas niet haalbaar gebleken.",
             "De door uw commissie gevraagde termijn is haalbaar gebleken."},

            // --- Status modifiers for commitments made earlier ---------------------------------------
            {"commitment-status.lapsed", RuleRole::commitment_status, lapsed,
             R"((?i)\b(?:vervallen|vervalt|ingetrokken|niet langer (?:aan de orde|relevant|actueel)|achterhaald)\b)",
             "Deze toezegging is vervallen.", "Deze toezegging is nagekomen.", ""},
            {"commitment-status.partial", RuleRole::commitment_status, partial,
             R"((?i)\b(?:deels|gedeeltelijk|ten dele|voor een deel|tussentijds)\b|\bwaarvan (?:deze|dit)(?: \w+)? (?:de|het) eerste\b|\b(?:deze|dit) (?:\w+ )?is (?:de|het) eerste (?:van|uit|in)\b|\b(?:de|het) eerste (?:van|uit) (?:de|mijn|onze|een reeks|twee|drie|vier)\b[^;]{0,40}?\btoegezegde\b)",
             "Hiermee is deels voldaan aan de toezegging.", "Hiermee is voldaan aan de toezegging.",
             "partly kept, or this letter is the first of a promised series", 0,
             "Dit is de eerste van de toegezegde voortgangsrapportages.",
             "De eerste toegezegde voortgangsrapportage ontving u in maart."},
            {"commitment-status.not-yet", RuleRole::commitment_status, open,
             R"((?i)\bnog niet\b[^.;]{0,80}?\b(?:voldoen|nakomen|gestand|invulling|sturen|toesturen|informeren|leveren|afronden|afgerond|beschikbaar|gereed|ontvangen|klaar)\b|\b(?:is|wordt|zijn|worden|raakt|loopt) (?:\w+ )?(?:vertraagd|uitgesteld|vertraging op)\b|\bniet (?:kan|kunnen) (?:voldoen|nakomen)\b|\btegemoet (?:kan|kunt|kunnen) zien\b)",
             "Met deze brief informeer ik u dat ik nog niet aan deze toezegging kan voldoen.",
             "Met deze brief voldoe ik aan deze toezegging.",
             "an interim reply: the letter says it cannot keep it yet, has not yet received what it needs, or "
             "the deliverable is delayed; decides over 'met deze brief'; alone in a sentence it reopens the "
             "earlier commitment just before (checked in code)",
             0, "Die evaluatie is helaas vertraagd.", "De vertraagde evaluatie is inmiddels verschenen."},
            {"commitment-status.delayed", RuleRole::commitment_status, open,
             R"((?i)\b(?:heb|hebben|heeft|hebt)\b[^.;]{0,40}?\b(?:meer|extra) tijd nodig\b|\b(?:meer|extra) tijd nodig (?:is|zijn|blijkt|bleek|is gebleken|te hebben)\b|\b(?:vergt|vergen|vraagt|vragen|kost|kosten)\b[^.;]{0,40}?\b(?:meer|extra|langer) tijd\b|\blater dan (?:toegezegd|gepland|voorzien|beoogd|aangekondigd|eerder gemeld)\b)",
             "Ik heb een aantal dagen extra tijd nodig om aan deze toezegging te kunnen voldoen.",
             "Met deze brief voldoe ik aan deze toezegging.",
             "an interim reply in the words of time: more time is needed, or it comes later than promised; even "
             "beside the words of keeping the promise ('om aan deze toezegging te kunnen voldoen') the promise "
             "stays open; alone in a sentence it reopens the earlier commitment just before (checked in code)",
             0, "Voor beide trajecten geldt dat iets meer tijd nodig is gebleken voor overleg met de partijen.",
             "De evaluatie vergde meer tijd dan gepland, maar ligt nu voor."},
            {"commitment-status.done-now", RuleRole::commitment_status, fulfilled,
             R"((?i)\b(?:hierbij|hiermee|daarmee|met deze brief|in deze brief|via deze brief|in dit verslag|in deze (?:geannoteerde agenda|brief)|hieronder|onderstaand|bijgaand|in de bijlage|(?:doe|stuur|zend) ik u deze brief|ontvangt u deze brief)\b)",
             "Conform de toezegging wordt u hierbij geïnformeerd.", "Uw Kamer zal zoals toegezegd worden geïnformeerd.",
             "the letter itself answers the commitment"},
            {"commitment-status.still-open", RuleRole::commitment_status, open,
             R"((?i)\b(?:zal|zullen|volgt|volgen|nog niet|nog open|staat open|openstaand|loopt nog|later|binnenkort|te zijner tijd|ontvangt uw kamer|wordt uw kamer)\b)",
             "Uw Kamer zal zoals toegezegd bij relevante ontwikkelingen worden geïnformeerd.",
             "Zoals toegezegd stuur ik u hierbij het rapport.", "the commitment is referred to but not yet kept"},

            // --- Motions ----------------------------------------------------------------------------
            {"motion.named", RuleRole::motion_mention, std::nullopt,
             "\\b(?:((?i:twee|drie|vier|vijf|beide|\\d+)) )?(?i:moties?)(?:-|\\s+(?:(?:(?i:van|ingediend "
             "door|door)\\s+)?"
             "(?:(?i:het)\\s+)?(?:(?i:kamer)?lid|(?i:de )?leden)\\s+|van\\s+)?)(" TZ_NAMES ")(?: c\\.s\\.)?",
             "Hiermee voert het kabinet de motie Rajkowski en Van Zanten uit.", "De motie verzoekt de regering.",
             "a motion named by its submitters: 'motie Ram', 'motie-Eerdmans', 'motie van het lid X', 'motie het "
             "lid X'; after "
             "'lid' or 'leden' a name may open with a lower-case particle ('van het lid van Dijk', checked in "
             "code)",
             0, "De motie het lid van Dijk over de huurtoeslag is uitgevoerd.",
             "De motie is door het lid van Dijk ingediend."},
            {"motion.by-member", RuleRole::motion_mention, std::nullopt,
             "\\b(?i:de door)()\\s+(?:(?i:het)\\s+)?(?:(?i:kamer)?lid|(?i:de )?leden)\\s+(" TZ_NAMES
             ")(?: c\\.s\\.)?\\s+(?i:ingediende|aangenomen|aangehouden|gewijzigde)\\s+(?i:moties?)",
             "Met deze brief geef ik gevolg aan de door het lid Bikker ingediende motie.",
             "De motie is door de Kamer aangenomen.", "'de door het lid X ingediende motie'"},
            {"motion.submitted-by", RuleRole::motion_mention, std::nullopt,
             "\\b()(?i:het (?:kamer)?lid|de leden)\\s+(" TZ_NAMES
             ")(?: c\\.s\\.)?\\s+(?i:heeft|hebben)\\b[^.;]{0,40}?\\b(?i:een|de|die|twee|drie) (?i:moties?) "
             "(?i:ingediend|ingebracht|aangenomen gekregen)\\b",
             "Het lid Jansen heeft daarover een motie ingediend.", "Het lid Jansen heeft daarover vragen gesteld.",
             "a motion introduced by its submitters ('de leden X en Y hebben hierover een motie ingediend')"},
            {"motion.adopted-of-member", RuleRole::motion_mention, std::nullopt,
             "\\b()(?i:is|werd|zijn|werden)\\s+(?i:een|twee|drie)\\s+(?i:moties?)\\s+"
             "(?i:aangenomen|ingediend|aanvaard)\\s+(?i:van)\\s+(?i:het (?:kamer)?lid|de leden)\\s+(" TZ_NAMES ")",
             "Op 3 maart 2025 is een motie aangenomen van het lid Jansen over de kinderopvang.",
             "Op 3 maart 2025 is een wetsvoorstel aangenomen van de minister.",
             "a motion told by its adoption and submitter ('is een motie aangenomen van het lid X')"},
            {"motion.by-pronoun", RuleRole::motion_mention, std::nullopt,
             "\\b(?i:de "
             "door)()\\s+(?i:hem|haar|hen)()\\s+(?i:ingediende|aangenomen|aangehouden|gewijzigde)\\s+(?i:moties?)",
             "Het lid Omtzigt vroeg om een reactie op de door hem ingediende motie.",
             "De door de Kamer aangenomen motie.",
             "'de door hem ingediende motie': its submitter is the Kamerlid named just before"},
            {"motion.numbered", RuleRole::motion_mention, std::nullopt,
             R"((?i)\bmotie\b(?: met (?:kamerstuk)?nummer)?\s*\(?(?:kamerstuk(?:ken)? (?:ii? )?)?\d{2} ?\d{3}()())",
             "De motie (Kamerstuk 36 800 VI, nr. 38) is uitgevoerd.", "De motie is uitgevoerd.",
             "a motion named by its Kamerstuk number only"},
            {"motion.cited-with-member", RuleRole::motion_mention, std::nullopt,
             "\\b(?i:kamerstuk(?:ken)?)(?: (?i:ii?))? \\d{2} ?\\d{3}[^()]{0,30}?(?i:nrs?\\.) "
             "?\\d+()\\s*\\((" TZ_NAMES ")(?: c\\.s\\.)?\\)",
             "Ik reageer op de moties Kamerstuk 36 410, nr. 12 (Bikker) en Kamerstuk 36 410, nr. 14 (Van der "
             "Plas).",
             "De moties staan in Kamerstuk 36 410, nr. 12 (verslag van het debat).",
             "motions listed by Kamerstuk with their submitter in brackets; only after 'motie(s)' in the sentence "
             "(checked in "
             "code)"},
            {"motion.by-request", RuleRole::motion_mention, std::nullopt,
             R"(\b(?:((?i:een|twee|drie|vier|vijf|\d+)) )?(?i:moties?)\d{0,2}\b[^;.]{0,60}?\b(?i:waarin|waarbij|die) (?i:de regering|het kabinet)\b(?: (?i:wordt|werd|werden|is|worden))? (?i:verzocht|gevraagd|verzoekt|verzoeken|vraagt|vragen)\b())",
             "In 2024 werden twee moties aangenomen waarin de regering werd verzocht een coördinator aan te stellen.",
             "In de motie wordt de regering verzocht een coördinator aan te stellen.",
             "a motion named only by what it asks ('een motie ingediend waarin de regering werd verzocht ...'); "
             "not when a motion was named just before, which it then restates (checked in code)",
             0, "Er is een motie aangenomen die het kabinet verzoekt de regeling te evalueren.",
             "De regering is verzocht de regeling te evalueren."},
            {"motion.anaphor", RuleRole::motion_anaphor, std::nullopt,
             R"((?i)\b(?:deze|die|de|beide|bovengenoemde|genoemde|voornoemde) (?:(?:aangenomen|gewijzigde|ingediende|aangehouden|genoemde|bovengenoemde) )?moties?\b)",
             "Met het sluiten van de overeenkomst beschouw ik deze moties als uitgevoerd.",
             "Het kabinet steunt dit beleid.", "refers to the motions named just before"},
            {"motion-status.lapsed", RuleRole::motion_status, lapsed,
             R"((?i)\b(?:vervallen|vervalt|ingetrokken|zonder voorwerp|niet meer aan de orde)\b)",
             "De motie van het lid Van Nispen is ingetrokken.", "De motie van het lid Van Nispen is aangenomen.", ""},
            {"motion-status.not-carried-out", RuleRole::motion_status, lapsed,
             R"((?i)\bingehaald door\b|\b(?:kan|kunnen|zal|zullen) (?:niet|geen) (?:worden )?(?:uitgevoerd|uitvoeren|uitvoering)\b|\bniet (?:kan|kunnen|zal|zullen) worden uitgevoerd\b|\b(?:voer|voert|voeren) (?:ik|wij|we|het kabinet) (?:de|deze|die) moties? niet uit\b)",
             "De motie-Bikker kan niet worden uitgevoerd, omdat de wet dit niet toestaat.",
             "De motie-Bikker kan worden uitgevoerd zodra de wet is aangenomen.",
             "overtaken or not to be carried out (LABELLING: lapsed)"},
            {"motion-status.partial", RuleRole::motion_status, partial,
             R"((?i)\b(?:deels|gedeeltelijk|ten dele|grotendeels|voor een deel)\b[^;]{0,60}?\b(?:uitgevoerd|uitvoering|invulling|voldaan|afgedaan)\b)",
             "De motie is hiermee deels uitgevoerd.", "De motie is hiermee uitgevoerd.", ""},
            {"motion-status.carried-out", RuleRole::motion_status, fulfilled,
             R"((?i)\b(?:voer|voert|voeren)\b[^;]{0,250}?\buit\b)", "Hiermee voert het kabinet de motie Ram uit.",
             "Het kabinet zal de motie Ram uitvoeren.", "'voert de motie ... uit'"},
            {"motion-status.given-effect", RuleRole::motion_status, fulfilled,
             R"((?i)\b(?:geef|geeft|geven|gaf|gaven)\b[^;]{0,100}?\b(?:uitvoering|invulling|gevolg)\s+aan\b)",
             "Hiermee geeft het kabinet uitvoering aan de motie Vermeer.",
             "Over de uitvoering van de motie volgt een brief.", "'geeft uitvoering aan de motie'"},
            {"motion-status.done", RuleRole::motion_status, fulfilled,
             R"((?i)\b(?:uitvoering|invulling|gevolg) (?:is |wordt |werd )?gegeven\b|\b(?:is|wordt|werd|zijn|worden)\b[^;]{0,150}?\b(?:uitgevoerd|afgedaan|afgehandeld)\b|\bals (?:uitgevoerd|afgedaan|afgehandeld)\b|\bin lijn met het (?:huidige )?(?:kabinets)?beleid\b|\binvulling van (?:de |deze |beide |\w+ )?moties?\b|\bmotie\b[^;]{0,100}?\b(?:is voldaan|tegemoetgekomen|tegemoet gekomen)\b|\b(?:acht|achten|beschouw|beschouwt|beschouwen)\b[^;]{0,150}?\b(?:uitgevoerd|afgedaan|afgehandeld)\b|\b(?:voldaan|tegemoetgekomen|tegemoet gekomen) aan de(?:ze)? moties?\b|\b(?:is|wordt|werd|zijn) (?:hiermee |daarmee |hiermede )?aan (?:de|deze|die|beide) moties? (?:voldaan|tegemoetgekomen|tegemoet gekomen)\b)",
             "Daarmee beschouwt het kabinet de motie-Eerdmans als in lijn met het huidige kabinetsbeleid.",
             "De motie wordt momenteel uitgewerkt.", "declared carried out or in line with policy", 0,
             "Met de nieuwe wet is aan de motie voldaan.", "Met de nieuwe wet is nog niet aan de motie voldaan."},
            {"motion-status.answered", RuleRole::motion_status, fulfilled,
             R"((?i)\b(?:hiermee|daarmee|hierbij|met deze brief)\b[^;]{0,80}?\b(?:beantwoord|beantwoordt|beantwoorden|reageer|reageert|reageren)\b[^;]{0,40}?\bmotie|\b(?:overeenkomstig|conform|ter uitvoering van) de (?:aangenomen |gewijzigde )?motie\b[^;]{0,250}?\b(?:is|zijn|werd|werden|heb|hebben|heeft)\b[^;]{0,120}?\b(?:vastgesteld|verhoogd|verlaagd|aangepast|ingevoerd|gewijzigd|opgenomen|ingesteld|opgericht|gestart|uitgevoerd|verricht|opgesteld|afgerond)\d{0,2}\b|\b(?:heeft|hebben|heb)\b[^;]{0,60}?\bter uitvoering van (?:de|deze|die|beide) (?:aangenomen |gewijzigde )?moties?\b[^;]{0,120}?\b(?:laten (?:doen|uitvoeren|verrichten|opstellen)|uitgevoerd|verricht|opgesteld|ingesteld|aangesteld|gestart)\b)",
             "Daarmee beantwoord ik tevens de motie van het lid De Lange.",
             "Ik zal de motie van het lid De Lange beantwoorden.",
             "the letter answers the motion, or the measure it asked for is taken (passive or active perfect)", 0,
             "Ter uitvoering van de motie van het lid Jansen hebben wij de subsidieregeling aangepast.",
             "Ter uitvoering van de motie van het lid Jansen hebben wij overleg gevoerd met de gemeenten."},
            {"motion-status.reported", RuleRole::motion_status, fulfilled,
             R"((?i)\b(?:heeft|hebben|heb)\b(?: [^ ;]+){0,8}? (?:geïnformeerd|bericht|ingelicht) over de (?:uitvoering|afhandeling) van\b|\b(?:is|zijn|werd|werden) (?:uw|de) kamer\b[^;]{0,80}?\bgeïnformeerd over de (?:uitvoering|afhandeling) van\b)",
             "De staatssecretaris heeft uw Kamer in maart geïnformeerd over de uitvoering van de motie Jansen.",
             "De staatssecretaris heeft toegezegd uw Kamer te informeren over de uitvoering van de motie Jansen.",
             "the Kamer has been told how the motion was carried out (past tense)"},
            {"motion-status.taken-up-here", RuleRole::motion_status, fulfilled,
             R"((?i)\b(?:ga|gaat|gaan) (?:(?:ik|wij|we|het kabinet) )?(?:hierbij|hiermee|hieronder|hierna|nu|in deze brief|met deze brief) (?:\w+ )?in op\b|\b(?:hierbij|hieronder|hierna|in deze brief|met deze brief)\b[^;]{0,40}?\b(?:ga|gaat|gaan|wordt|worden) (?:ik |wij |we |het kabinet )?(?:\w+ )?in(?:gegaan)? op\b|\b(?:hiermee|daarmee|hierbij|met deze brief|in deze brief)\b[^;]{0,60}?\b(?:kom|komt|komen)\b[^;]{0,30}?\btegemoet\b|\b(?:kom|komt|komen) (?:ik|wij|we|het kabinet) (?:(?:hiermee|daarmee|hierbij|met deze brief) )?(?:\w+ )?tegemoet aan\b)",
             "Hieronder ga ik in op het verzoek in de motie van het lid Bikker.",
             "Ik zal in het voorjaar ingaan op de motie van het lid Bikker.",
             "this letter takes up what the motion asked ('ga ik hierbij in op', 'hierna wordt ingegaan op', 'kom "
             "ik (hiermee) "
             "tegemoet aan')",
             0, "Door de subsidie te verlengen kom ik tegemoet aan de motie van het lid Jansen.",
             "Ik kan de motie van het lid Jansen niet tegemoetkomen."},
            {"motion-status.delivered-in-execution", RuleRole::motion_status, fulfilled, R"((?i)\b(?:hierbij|hiermee|met deze brief|in deze brief|bijgaand)\b[^;]{0,250}?\b(?:ter|in) (?:uitvoering|navolging) van\b[^;]{0,150}?\bmoties?\b|\b(?:ter|in) (?:uitvoering|navolging) van (?:de|deze) (?:aangenomen |gewijzigde )?moties?\b[^;]{0,250}?\b(?:hierbij|hiermee|met deze brief|in deze brief|bijgaand)\b)",
             "Hierbij doe ik u het kabinetsstandpunt toekomen, mede ter uitvoering van de door uw Kamer aanvaarde "
             "motie-Taverne.",
             "Ter uitvoering van de motie-Taverne zal ik u na de zomer informeren.",
             "what this letter delivers carries the motion out, the act before or after the motion", 0,
             "In navolging van de motie van het lid Jansen stuur ik u hierbij het onderzoek naar de wachtlijsten.",
             "In navolging van de motie van het lid Jansen laat ik een onderzoek naar de wachtlijsten uitvoeren."},
            {"motion-status.cell", RuleRole::motion_cell, fulfilled, R"(^(?i:afgedaan|afgerond|uitgevoerd|voldaan)\b)",
             "Afgedaan. De Tweede Kamer is op 3 juli 2020 per brief geïnformeerd.",
             "De motie is afgedaan met de brief van 3 juli 2020.",
             "an overview row's state cell: the first word of a cell gives the state"},
            {"motion-status.cell-open", RuleRole::motion_cell, open,
             R"(^(?i:in uitvoering|lopend|loopt|openstaand|nog niet afgedaan|nog niet afgerond)\b)",
             "In uitvoering. De Kamer wordt na de zomer geïnformeerd.", "De motie is in uitvoering.", ""},
            {"motion-status.cell-lapsed", RuleRole::motion_cell, lapsed,
             R"(^(?i:vervallen|ingetrokken|niet uitgevoerd)\b)",
             "Vervallen. De motie is ingehaald door de wetswijziging.", "De motie is vervallen.", ""},
            {"motion-status.cell-partial", RuleRole::motion_cell, partial,
             R"(^(?i:deels afgedaan|deels uitgevoerd|gedeeltelijk)\b)", "Deels afgedaan. Het tweede deel volgt.",
             "De motie is deels afgedaan.", ""},
            {"motion-status.in-progress", RuleRole::motion_status, open,
             R"((?i)\b(?:de wijze waarop|op welke wijze|hoe)\b[^;]{0,150}?\bmoties?\b[^;]{0,200}?\b(?:wordt|worden|zal worden) (?:\w+ )?uitgevoerd\b)",
             "Ik heb u bericht over hoe de motie van het lid Middendorp c.s. (Kamerstuk 35 300 VII, nr. 14) over "
             "tussentijdse "
             "raadsontbinding bij ernstig verstoorde bestuurlijke verhoudingen zal worden uitgevoerd.",
             "De motie Ellian is uitgevoerd.", "how a motion is being carried out is not that it was", k_decisive},
            {"motion-status.open", RuleRole::motion_status, open,
             R"((?i)\b(?:aangehouden|aanhouden|nog in uitvoering|in uitvoering|(?:wordt|worden) (?:momenteel |nog )?(?:uitgewerkt|bezien|onderzocht|betrokken|meegenomen)|zal|zullen|wacht op|in afwachting)\b)",
             "De aangehouden motie Kathmann wacht op het advies van de SER.", "De motie Kathmann is uitgevoerd.",
             "held or still being worked out"},
            {"motion-status.requested", RuleRole::motion_status, open,
             R"((?i)\b(?:verzoekt de regering|verzoekt het kabinet|vraagt (?:om|de regering))\b)",
             "De motie Kathmann verzoekt de regering de regeling te verlengen.", "De motie Kathmann is uitgevoerd.",
             "the motion's own request: open only while no other words of the letter gave the motion a state", k_weak,
             "De motie vraagt om een onderzoek naar de wachttijden.",
             "De motie vroeg om een onderzoek naar de wachttijden."},
};

#undef TZ_NAMES
#undef TZ_NAME
#undef TZ_SURNAME
#undef TZ_PARTICLES

}  // namespace

std::span<const RuleSpec> rule_table() { return k_rules; }

}  // namespace toezeg::detect
