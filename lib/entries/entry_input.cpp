#include "entries/entry_input.hpp"

#include <regex>
#include <set>

namespace ltc::entries {

namespace {
const std::set<std::string> categories = {"wartung", "inspektion", "oelwechsel", "reifen", "bremsen", "reparatur",
                                          "unfallreparatur", "hu_au", "gutachten", "umbau", "restauration", "sonstiges"};
const std::set<std::string> performers = {"fachwerkstatt", "haendler", "autohaus", "reifenservice",
                                          "tuning_fachbetrieb", "gesetzlich", "eigenleistung", "sonstiges"};

// The integer fields here are small; FieldReader has bounded them already.
std::optional<int> required_int(http::FieldReader& fields, const std::string& name, int min, int max) {
    const auto number = fields.required_integer(name, min, max);
    return number ? std::optional<int>(static_cast<int>(*number)) : std::nullopt;
}

void read_enum(http::FieldReader& fields, const std::string& name, const std::set<std::string>& allowed, std::string& target) {
    target = fields.required_string(name, 40);
    if (!target.empty() && !allowed.contains(target)) fields.fail(name, "invalid");
}
}  // namespace

std::optional<std::string> normalize_cost(const std::string& text, std::string& error_code) {
    static const std::regex pattern(R"(^(\d{1,8})(?:\.(\d{1,2}))?$)");
    std::smatch match;
    if (!std::regex_match(text, match, pattern)) {
        error_code = "invalid";
        return std::nullopt;
    }
    const long long units = std::stoll(match[1].str());
    std::string cents = match[2].matched ? match[2].str() : "00";
    if (cents.size() == 1) cents += "0";
    if (units > 10'000'000 || (units == 10'000'000 && cents != "00")) {
        error_code = "out_of_range";
        return std::nullopt;
    }
    return std::to_string(units) + "." + cents;
}

EntryInput read_entry_input(const Poco::JSON::Object::Ptr& body, EntryBody kind, const trust::CivilDate& today) {
    std::set<std::string> allowed = {"date", "category", "performed_by", "odometer_km", "note", "cost", "paper_book"};
    if (kind == EntryBody::revision) allowed.insert({"base_version", "reason"});
    http::FieldReader fields(body, allowed);
    EntryInput input;

    const std::string date = fields.required_string("date", 10);
    if (!date.empty()) {
        const auto parsed = trust::parse_iso_date(date);
        if (!parsed) {
            fields.fail("date", "invalid");
        } else if (*parsed < trust::CivilDate{1886, 1, 1} || today < *parsed) {
            fields.fail("date", "out_of_range");
        } else {
            input.fields.date = trust::format_iso_date(*parsed);
        }
    }
    read_enum(fields, "category", categories, input.fields.category);
    read_enum(fields, "performed_by", performers, input.fields.performed_by);
    input.fields.odometer_km = required_int(fields, "odometer_km", 0, 2'000'000).value_or(0);
    input.fields.note = fields.optional_string("note", 4000);
    if (const auto cost = fields.optional_string("cost", 20)) {
        std::string error_code;
        input.fields.cost = normalize_cost(*cost, error_code);
        if (!input.fields.cost) fields.fail("cost", error_code);
    }
    input.fields.paper_book = fields.optional_bool("paper_book").value_or(false);
    if (kind == EntryBody::revision) {
        input.base_version = required_int(fields, "base_version", 1, 1'000'000);
        input.reason = fields.optional_string("reason", 500);
    }
    fields.finish();
    return input;
}

EntryInput read_entry_deletion(const Poco::JSON::Object::Ptr& body) {
    http::FieldReader fields(body, {"reason", "base_version"});
    EntryInput input;
    input.reason = fields.required_string("reason", 500);
    input.base_version = required_int(fields, "base_version", 1, 1'000'000);
    fields.finish();
    return input;
}

}  // namespace ltc::entries
