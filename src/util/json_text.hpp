#pragma once
// A JSON record's field as text, for records read from outside (OData pages): a string as
// it is, a number or boolean as JSON writes it, absent or null as "".
#include <initializer_list>
#include <nlohmann/json.hpp>
#include <string>

namespace toezeg::json_text {

inline std::string field(const nlohmann::json& record, const char* key) {
    if (!record.is_object()) return "";
    auto it = record.find(key);
    if (it == record.end() || it->is_null()) return "";
    if (it->is_string()) return it->get<std::string>();
    return it->dump();
}

// Whether the record's field is the boolean true; absent, null, or anything else (a string,
// a number: outside data) is false, never an exception.
inline bool is_true(const nlohmann::json& record, const char* key) {
    if (!record.is_object()) return false;
    auto it = record.find(key);
    return it != record.end() && it->is_boolean() && it->get<bool>();
}

// The first of several names a field has had (v4/2.0, then v5) that the record carries.
inline std::string first_field(const nlohmann::json& record, std::initializer_list<const char*> keys) {
    for (auto* key : keys)
        if (auto v = field(record, key); !v.empty()) return v;
    return "";
}

}  // namespace toezeg::json_text
