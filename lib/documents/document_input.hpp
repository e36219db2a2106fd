#pragma once
// Readers of the documents API's inputs (query parameters and JSON bodies); each throws 400
// validation_failed with API.md's field codes.
#include <optional>
#include <string>

#include "documents/document_state.hpp"
#include "http/request.hpp"

namespace ltc::documents {

struct UploadParams {
    std::optional<std::string> entry_id;
    std::optional<std::string> raw_filename;  // sanitised once the type is known
};
// ?entry_id=<uuid>&filename=<name> (both optional; the name at most 1000 bytes before sanitising).
UploadParams read_upload_params(const http::Request& request);

// PATCH {"entry_id": id | null}: the key is required.
std::optional<std::string> read_entry_change(const http::Request& request);

struct PiiChange {
    Pii status = Pii::suspected;
    std::optional<std::string> note;
};
// {"status":"ok"|"suspected"|"confirmed","note"?}
PiiChange read_pii_change(const http::Request& request);

// {"result":"clean"|"infected"}
Scan read_scan_result(const http::Request& request);

// {"reason"} (1..500 characters)
std::string read_reject_reason(const http::Request& request);

struct QueueQuery {
    Approval approval = Approval::quarantined;
    long long limit = 50;
    std::optional<std::string> cursor;
};
// ?approval=&limit=&cursor=
QueueQuery read_queue_query(const http::Request& request);

}  // namespace ltc::documents
