#pragma once
// What a commitment is about, in words a reader can place without the letter at hand.
#include <string>
#include <string_view>

#include "core/document.hpp"

namespace toezeg::detect {

// Whether a subject names its matter: not a bare verb or pronoun ("informeren", "hierover"),
// and more than a generic word ("de voortgang", "de motie").
bool names_its_matter(std::string_view subject);

// Whether a sentence names its matter only by pointing elsewhere: "Hierover informeer ik u",
// "Ik verwacht uw Kamer hierover ... te informeren", "We verwachten deze eind oktober te sturen".
bool refers_outside(std::string_view sentence);

// A commitment's subject: the object of its sentence (subject_of); when the sentence only
// points elsewhere ("Hierover informeer ik u voor de zomer") or its object is generic ("de
// voortgang"), the heading of its section, else the letter's subject or title, stands for it
// or is added in brackets. `heading` may be empty. "" when the sentence itself reads better
// (it names its own matter in words subject_of does not take apart) or nothing is known.
std::string commitment_subject(std::string_view sentence, std::string_view heading, const Metadata& meta);
// What the section heading, else the letter's subject or title, says the passage is about;
// "" when none names a matter (a date line, a salutation, "Inleiding").
std::string subject_from_context(std::string_view heading, const Metadata& meta);

}  // namespace toezeg::detect
