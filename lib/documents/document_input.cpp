#include "documents/document_input.hpp"

#include "documents/document_store.hpp"
#include "http/ids.hpp"
#include "http/json_body.hpp"
#include "http/json_fields.hpp"

namespace ltc::documents {

UploadParams read_upload_params(const http::Request& request) {
    UploadParams params;
    http::FieldErrors errors;
    params.entry_id = request.query_param("entry_id");
    if (params.entry_id && params.entry_id->empty()) params.entry_id.reset();
    if (params.entry_id && !http::is_uuid(*params.entry_id)) errors["entry_id"] = "invalid";
    params.raw_filename = request.query_param("filename");
    if (params.raw_filename && params.raw_filename->size() > 1000) errors["filename"] = "too_long";
    if (!errors.empty()) throw http::validation_failed(errors);
    return params;
}

std::optional<std::string> read_entry_change(const http::Request& request) {
    const Poco::JSON::Object::Ptr body = http::json_body(request);
    http::FieldReader fields(body, {"entry_id"});
    std::optional<std::string> entry_id;
    if (!body->has("entry_id")) {
        fields.fail("entry_id", "required");  // null detaches; absence is a mistake
    } else {
        entry_id = fields.optional_string("entry_id", 36);
        if (entry_id && !http::is_uuid(*entry_id)) fields.fail("entry_id", "invalid");
    }
    fields.finish();
    return entry_id;
}

PiiChange read_pii_change(const http::Request& request) {
    http::FieldReader fields(http::json_body(request), {"status", "note"});
    const std::string status = fields.required_string("status", 20);
    PiiChange change;
    change.note = fields.optional_string("note", 500);
    const auto parsed = parse_pii(status);
    if (!status.empty() && !parsed) fields.fail("status", "invalid");
    fields.finish();
    change.status = *parsed;
    return change;
}

Scan read_scan_result(const http::Request& request) {
    http::FieldReader fields(http::json_body(request), {"result"});
    const std::string result = fields.required_string("result", 20);
    const auto parsed = parse_scan(result);
    if (!result.empty() && (!parsed || *parsed == Scan::pending)) fields.fail("result", "invalid");
    fields.finish();
    return *parsed;
}

std::string read_reject_reason(const http::Request& request) {
    http::FieldReader fields(http::json_body(request), {"reason"});
    const std::string reason = fields.required_string("reason", 500);
    fields.finish();
    return reason;
}

QueueQuery read_queue_query(const http::Request& request) {
    QueueQuery query;
    http::FieldErrors errors;
    if (const auto approval = request.query_param("approval")) {
        const auto parsed = parse_approval(*approval);
        if (parsed) query.approval = *parsed; else errors["approval"] = "invalid";
    }
    if (const auto limit = request.query_param("limit")) {
        const bool digits = !limit->empty() && limit->size() <= 3 && limit->find_first_not_of("0123456789") == std::string::npos;
        const long long value = digits ? std::stoll(*limit) : 0;
        if (!digits) errors["limit"] = "invalid";
        else if (value < 1 || value > 100) errors["limit"] = "out_of_range";
        else query.limit = value;
    }
    if (const auto cursor = request.query_param("cursor")) {
        if (is_queue_cursor(*cursor)) query.cursor = cursor; else errors["cursor"] = "invalid";
    }
    if (!errors.empty()) throw http::validation_failed(errors);
    return query;
}

}  // namespace ltc::documents
