// Documents as evidence (issue 10, API.md "Documents"), through nginx like a browser: upload
// as the raw body, quarantine, scan, PII review, approval, download, and the trust light.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <thread>

#include "../fixtures/test_images.hpp"
#include "admin_helpers.hpp"
#include "crypto/sha256.hpp"

using namespace ltc::test;
namespace images = ltc::test_images;

namespace {

const std::string eicar = R"(X5O!P%@AP[4\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*)";

std::string storage_dir() { return var_dir() + "/storage"; }

std::size_t files_in(const std::string& directory) {
    std::size_t count = 0;
    for ([[maybe_unused]] const auto& entry : std::filesystem::directory_iterator(directory)) ++count;
    return count;
}

// An owner with one vehicle (accident status unfallfrei, so only the evidence decides the light).
struct Owner {
    Member member;
    std::string vehicle_id;

    explicit Owner(const std::string& prefix) : member(prefix) {
        const Reply reply = member.send("POST", "/api/vehicles", R"({"vin":")" + new_vin() + R"(","accident_status":"unfallfrei"})");
        BOOST_REQUIRE_MESSAGE(reply.status == 201, reply.body);
        vehicle_id = reply.json()->getValue<std::string>("id");
    }

    Reply upload(const std::string& bytes, const std::string& query = "filename=rechnung.pdf") {
        return member.client.request("POST", "/api/vehicles/" + vehicle_id + "/documents?" + query, bytes,
                                     "application/octet-stream", member.session.cookie_and_csrf());
    }

    std::string uploaded(const std::string& bytes, const std::string& query = "filename=rechnung.pdf") {
        const Reply reply = upload(bytes, query);
        BOOST_REQUIRE_MESSAGE(reply.status == 201, reply.body);
        return reply.json()->getValue<std::string>("id");
    }

    std::string entry(const std::string& date) {
        const Reply reply = member.send("POST", "/api/vehicles/" + vehicle_id + "/entries",
                                        R"({"date":")" + date + R"(","category":"wartung","performed_by":"fachwerkstatt","odometer_km":1000})");
        BOOST_REQUIRE_MESSAGE(reply.status == 201, reply.body);
        return reply.json()->getValue<std::string>("id");
    }

    Poco::JSON::Object::Ptr trust() { return member.send("GET", "/api/vehicles/" + vehicle_id + "/trust").json(); }
};

std::string yesterday() { return query_as_owner("SELECT (now() AT TIME ZONE 'Europe/Berlin')::date - 1")[0][0]; }

long long document_rows(const std::string& vehicle_id) {
    return count_rows("SELECT count(*) FROM documents WHERE vehicle_id = '" + vehicle_id + "'");
}

Reply scan(Admin& admin, const std::string& id, const std::string& result) {
    return admin.send("POST", "/api/admin/documents/" + id + "/scan", R"({"result":")" + result + R"("})");
}

bool has_reason(const Poco::JSON::Object::Ptr& trust, const std::string& code) {
    const auto reasons = trust->getArray("reasons");
    for (std::size_t i = 0; i < reasons->size(); ++i) {
        if (reasons->getObject(static_cast<unsigned>(i))->getValue<std::string>("code") == code) return true;
    }
    return false;
}

// `ltc jobs <job>` against the stack under test, with the fake scanner configured.
int run_job(const std::string& job) {
    const std::string root = env_or("LTC_ROOT", ".");
    const std::string command = "LTC_SCAN_COMMAND='" + root + "/tests/fixtures/fake-scanner.sh' " + root +
                                "/scripts/ltc-local.sh jobs " + job + " >/dev/null";
    return std::system(command.c_str());
}

std::string column(const std::string& id, const std::string& expression) {
    return query_as_owner("SELECT " + expression + " FROM documents WHERE id = '" + id + "'")[0][0];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(documents)

BOOST_AUTO_TEST_CASE(each_allowed_type_uploads_into_quarantine_without_photo_metadata) {
    Owner owner("doc-types");
    const std::string clean_jpeg = images::make_jpeg();
    const std::string photo = images::with_photo_metadata(clean_jpeg);
    const Reply jpeg = owner.upload(photo, "filename=..%2F..%2Fetc%2FIMG%E2%80%AE1.jpg");
    BOOST_REQUIRE_MESSAGE(jpeg.status == 201, jpeg.body);
    const auto document = jpeg.json();
    const std::string id = document->getValue<std::string>("id");
    BOOST_TEST(document->getValue<std::string>("vehicle_id") == owner.vehicle_id);
    BOOST_TEST(document->isNull("entry_id"));
    BOOST_TEST(document->getValue<std::string>("filename") == "IMG1.jpg");
    BOOST_TEST(document->getValue<std::string>("content_type") == "image/jpeg");
    BOOST_TEST(document->getValue<std::string>("approval") == "quarantined");
    BOOST_TEST(document->getValue<std::string>("scan") == "pending");
    BOOST_TEST(document->getValue<std::string>("pii") == "ok");
    BOOST_TEST(document->getValue<bool>("valid_evidence") == false);
    // The GPS position is gone; size and hash describe the stored bytes.
    const std::string stored = read_file(storage_dir() + "/files/" + id);
    BOOST_TEST(stored == clean_jpeg);
    BOOST_TEST(document->getValue<long long>("size_bytes") == static_cast<long long>(clean_jpeg.size()));
    BOOST_TEST(document->getValue<std::string>("sha256") == ltc::crypto::sha256_hex(clean_jpeg));

    const std::string png = images::make_png(true);
    const Reply png_reply = owner.upload(png, "filename=screenshot.png");
    BOOST_REQUIRE_MESSAGE(png_reply.status == 201, png_reply.body);
    BOOST_TEST(png_reply.json()->getValue<std::string>("content_type") == "image/png");
    const std::string stored_png = read_file(storage_dir() + "/files/" + png_reply.json()->getValue<std::string>("id"));
    BOOST_TEST(stored_png.find("eXIf") == std::string::npos);
    BOOST_TEST(images::decode_png(stored_png).has_value());

    // A PDF named .jpg is a PDF; no file name at all gets a neutral one.
    const Reply pdf = owner.upload(images::make_pdf(), "");
    BOOST_REQUIRE_MESSAGE(pdf.status == 201, pdf.body);
    BOOST_TEST(pdf.json()->getValue<std::string>("content_type") == "application/pdf");
    BOOST_TEST(pdf.json()->getValue<std::string>("filename") == "dokument.pdf");
    BOOST_TEST(pdf.json()->getValue<std::string>("sha256") == ltc::crypto::sha256_hex(images::make_pdf()));

    const Reply listed = owner.member.send("GET", "/api/vehicles/" + owner.vehicle_id + "/documents");
    BOOST_TEST(listed.status == 200);
    BOOST_TEST(listed.json()->getArray("items")->size() == 3u);
    // The audit row never carries the file name.
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'DOCUMENT_UPLOADED' AND target_id = '" + id +
                          "' AND meta->>'content_type' = 'image/jpeg' AND meta::text NOT LIKE '%IMG%'") == 1);
}

BOOST_AUTO_TEST_CASE(anything_else_is_415_with_nothing_stored) {
    Owner owner("doc-415");
    const std::size_t temp_before = files_in(storage_dir() + "/tmp");
    const std::size_t files_before = files_in(storage_dir() + "/files");
    const std::string polyglot = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10) + "<html></html>";
    for (const std::string& body : {std::string("<html><script>alert(1)</script></html>"), std::string(),
                                    std::string("\x89PNG", 4), polyglot}) {
        const Reply reply = owner.upload(body, "filename=rechnung.pdf");
        BOOST_TEST(reply.status == 415);
        BOOST_TEST(reply.error_code() == "unsupported_media_type");
    }
    BOOST_TEST(document_rows(owner.vehicle_id) == 0);
    BOOST_TEST(files_in(storage_dir() + "/tmp") == temp_before);
    BOOST_TEST(files_in(storage_dir() + "/files") == files_before);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'DOCUMENT_REJECTED_TYPE' AND target_id = '" +
                          owner.vehicle_id + "'") == 4);
}

BOOST_AUTO_TEST_CASE(over_10_mib_is_413_before_the_body_is_read) {
    Owner owner("doc-413");
    std::string big = images::make_pdf();
    big.resize(10L * 1024 * 1024 + 1, ' ');
    const Reply reply = owner.upload(big);
    BOOST_TEST(reply.status == 413);
    BOOST_TEST(reply.error_code() == "payload_too_large");
    BOOST_TEST(document_rows(owner.vehicle_id) == 0);
    // Exactly 10 MiB is allowed.
    big.resize(10L * 1024 * 1024);
    BOOST_TEST(owner.upload(big).status == 201);
}

BOOST_AUTO_TEST_CASE(refusals_before_the_body_is_read_still_answer_with_their_own_status) {
    // The worker answers before reading the streamed body and drains it: no 502 from nginx.
    Owner owner("doc-refused");
    Member stranger("doc-refused-stranger");
    std::string body = images::make_pdf();
    body.resize(3L * 1024 * 1024, ' ');
    const std::string path = "/api/vehicles/" + owner.vehicle_id + "/documents?filename=x.pdf";
    BOOST_TEST(stranger.client.request("POST", path, body, "application/octet-stream", stranger.session.cookie_and_csrf())
                   .status == 404);
    BOOST_TEST(stranger.client.request("POST", path, body, "application/octet-stream").status == 401);
    BOOST_TEST(owner.member.client.request("POST", path, body, "application/octet-stream", owner.member.session.cookie())
                   .error_code() == "csrf_failed");
    BOOST_TEST(owner.upload(body, "entry_id=" + random_uuid()).status == 404);  // an entry of no vehicle of theirs
    BOOST_TEST(owner.upload(body, "entry_id=nonsense").error_code() == "validation_failed");
    BOOST_TEST(document_rows(owner.vehicle_id) == 0);
}

BOOST_AUTO_TEST_CASE(quarantined_content_is_for_admins_only_and_approval_waits_for_scan_and_pii) {
    Owner owner("doc-review");
    Admin admin("admin", "doc-reviewer");
    const std::string pdf = images::make_pdf();
    const std::string id = owner.uploaded(pdf);
    const std::string content = "/api/documents/" + id + "/content";

    BOOST_TEST(owner.member.send("GET", "/api/documents/" + id).status == 200);
    BOOST_TEST(owner.member.send("GET", content).status == 404);
    const Reply seen = admin.send("GET", content);
    BOOST_TEST(seen.status == 200);
    BOOST_TEST(seen.body == pdf);
    BOOST_TEST(seen.header("Content-Type") == "application/pdf");
    BOOST_TEST(seen.header("Content-Disposition") == "attachment; filename=\"rechnung.pdf\"; filename*=UTF-8''rechnung.pdf");
    BOOST_TEST(seen.header("X-Content-Type-Options") == "nosniff");
    BOOST_TEST(seen.header("Content-Security-Policy").find("sandbox") != std::string::npos);
    BOOST_TEST(seen.headers.count("Content-Disposition") == 1u);
    BOOST_TEST(seen.headers.count("Content-Type") == 1u);
    BOOST_TEST(seen.header("X-Accel-Redirect").empty());           // internal hand-over stays internal
    BOOST_TEST(seen.header("X-Ltc-Content-Disposition").empty());

    // The review queue lists it (oldest first).
    const Reply queue = admin.send("GET", "/api/admin/documents?approval=quarantined&limit=100");
    BOOST_TEST(queue.status == 200);

    const std::string approve = "/api/admin/documents/" + id + "/approve";
    BOOST_TEST(admin.send("POST", approve).error_code() == "scan_not_clean");
    BOOST_TEST(scan(admin, id, "clean").status == 200);
    // The owner may only suspect PII; confirming is the admin's.
    BOOST_TEST(owner.member.send("POST", "/api/documents/" + id + "/pii", R"({"status":"ok"})").error_code() == "forbidden");
    BOOST_TEST(owner.member.send("POST", "/api/documents/" + id + "/pii", R"({"status":"suspected","note":"Name sichtbar"})").status == 200);
    BOOST_TEST(admin.send("POST", approve).error_code() == "pii_not_cleared");
    BOOST_TEST(admin.send("POST", "/api/documents/" + id + "/pii", R"({"status":"ok"})").status == 200);
    const Reply approved = admin.send("POST", approve);
    BOOST_REQUIRE_MESSAGE(approved.status == 200, approved.body);
    BOOST_TEST(approved.json()->getValue<bool>("valid_evidence"));

    // Valid evidence: the owner downloads exactly the stored bytes; nobody else sees anything.
    const Reply download = owner.member.send("GET", content);
    BOOST_TEST(download.status == 200);
    BOOST_TEST(ltc::crypto::sha256_hex(download.body) == approved.json()->getValue<std::string>("sha256"));
    Member stranger("doc-stranger");
    BOOST_TEST(stranger.send("GET", content).status == 404);
    BOOST_TEST(stranger.send("GET", "/api/documents/" + id).status == 404);
    BOOST_TEST(stranger.send("DELETE", "/api/documents/" + id).status == 404);

    // Deleted: gone for the owner, and nothing more to approve.
    BOOST_TEST(owner.member.send("DELETE", "/api/documents/" + id).status == 204);
    BOOST_TEST(owner.member.send("GET", "/api/documents/" + id).status == 404);
    BOOST_TEST(admin.send("POST", approve).error_code() == "document_deleted");
}

BOOST_AUTO_TEST_CASE(infected_rejects_and_rejected_is_final) {
    Owner owner("doc-infected");
    Admin admin("admin", "doc-scanner");
    const std::string infected = owner.uploaded(images::make_pdf());
    const Reply scanned = scan(admin, infected, "infected");
    BOOST_TEST(scanned.json()->getValue<std::string>("approval") == "rejected");
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + infected + "/approve").error_code() == "document_rejected");

    const std::string other = owner.uploaded(images::make_pdf());
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + other + "/reject", R"({"reason":"unleserlich"})").status == 200);
    BOOST_TEST(scan(admin, other, "clean").status == 200);
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + other + "/approve").error_code() == "document_rejected");
}

BOOST_AUTO_TEST_CASE(valid_evidence_makes_the_entry_t3_and_the_light_gruen) {
    Owner owner("doc-trust");
    Admin admin("admin", "doc-trust-admin");
    const std::string entry = owner.entry(yesterday());
    BOOST_TEST(owner.trust()->getValue<std::string>("light") == "rot");

    const std::string id = owner.uploaded(images::make_jpeg(), "filename=werkstatt.jpg&entry_id=" + entry);
    BOOST_TEST(has_reason(owner.trust(), "documents_pending"));
    const auto listed = owner.member.send("GET", "/api/vehicles/" + owner.vehicle_id + "/entries/" + entry).json();
    BOOST_TEST(listed->getArray("document_ids")->getElement<std::string>(0) == id);

    BOOST_TEST(scan(admin, id, "clean").status == 200);
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + id + "/approve").status == 200);
    auto trust = owner.trust();
    BOOST_TEST(trust->getObject("counts")->getValue<int>("t3") == 1);
    BOOST_TEST(trust->getValue<std::string>("light") == "gruen");
    BOOST_TEST(owner.member.send("GET", "/api/vehicles/" + owner.vehicle_id + "/entries/" + entry).json()
                   ->getValue<std::string>("trust_level") == "T3");
    // The printable history says T3 and lists the evidence by its SHA-256.
    const Reply pdf = owner.member.send("GET", "/api/vehicles/" + owner.vehicle_id + "/history.pdf");
    BOOST_REQUIRE(pdf.status == 200);
    const std::string pdf_path = var_dir() + "/history-" + id + ".pdf";
    std::ofstream(pdf_path, std::ios::binary) << pdf.body;
    int status = 0;
    const std::string text = run_command("pdftotext " + pdf_path + " -", status);
    BOOST_TEST(status == 0);
    BOOST_TEST(text.find(ltc::crypto::sha256_hex(images::make_jpeg())) != std::string::npos);
    BOOST_TEST(text.find("T3") != std::string::npos);

    // A PII suspicion holds the evidence back again.
    BOOST_TEST(owner.member.send("POST", "/api/documents/" + id + "/pii", R"({"status":"suspected"})").status == 200);
    trust = owner.trust();
    BOOST_TEST(trust->getObject("counts")->getValue<int>("t3") == 0);
    BOOST_TEST(has_reason(trust, "pii_review_open"));
    BOOST_TEST(trust->getValue<std::string>("light") != "gruen");

    // Cleared again, then detached: the entry falls back, attached again: T3.
    BOOST_TEST(admin.send("POST", "/api/documents/" + id + "/pii", R"({"status":"ok"})").status == 200);
    BOOST_TEST(owner.member.send("PATCH", "/api/documents/" + id, R"({"entry_id":null})").status == 200);
    BOOST_TEST(owner.trust()->getObject("counts")->getValue<int>("t3") == 0);
    BOOST_TEST(owner.member.send("PATCH", "/api/documents/" + id, R"({"entry_id":")" + entry + R"("})").status == 200);
    BOOST_TEST(owner.trust()->getObject("counts")->getValue<int>("t3") == 1);
    // An entry of another vehicle is 404.
    Owner other("doc-trust-other");
    const std::string foreign = other.entry(yesterday());
    BOOST_TEST(owner.member.send("PATCH", "/api/documents/" + id, R"({"entry_id":")" + foreign + R"("})").status == 404);
}

// The redacted export lists the metadata of valid evidence only: nothing still in quarantine,
// nothing rejected, and no stored path or uploader.
BOOST_AUTO_TEST_CASE(the_redacted_export_lists_valid_evidence_only) {
    Owner owner("doc-export");
    Admin admin("admin", "doc-export-admin");
    const std::string entry = owner.entry(yesterday());
    const std::string approved = owner.uploaded(images::make_jpeg(), "filename=rechnung.jpg&entry_id=" + entry);
    BOOST_REQUIRE(scan(admin, approved, "clean").status == 200);
    BOOST_REQUIRE(admin.send("POST", "/api/admin/documents/" + approved + "/approve").status == 200);
    const std::string quarantined = owner.uploaded(images::make_pdf(), "filename=offen.pdf&entry_id=" + entry);
    const std::string rejected = owner.uploaded(images::make_png(false), "filename=falsch.png");
    BOOST_REQUIRE(admin.send("POST", "/api/admin/documents/" + rejected + "/reject", R"({"reason":"unleserlich"})").status == 200);

    const Reply reply = owner.member.send("GET", "/api/vehicles/" + owner.vehicle_id + "/export");
    BOOST_REQUIRE_MESSAGE(reply.status == 200, reply.body);
    const auto documents = reply.json()->getArray("documents");
    BOOST_REQUIRE(documents->size() == 1);
    BOOST_TEST(documents->getObject(0)->getValue<std::string>("id") == approved);
    BOOST_TEST(documents->getObject(0)->getValue<std::string>("sha256") == ltc::crypto::sha256_hex(images::make_jpeg()));
    const auto exported_entry = reply.json()->getArray("entries")->getObject(0);
    BOOST_TEST(exported_entry->getValue<std::string>("trust_level") == "T3");
    BOOST_REQUIRE(exported_entry->getArray("document_ids")->size() == 1);
    BOOST_TEST(exported_entry->getArray("document_ids")->getElement<std::string>(0) == approved);
    BOOST_TEST(reply.body.find(quarantined) == std::string::npos);
    BOOST_TEST(reply.body.find(rejected) == std::string::npos);
    BOOST_TEST(reply.body.find("offen.pdf") == std::string::npos);
    BOOST_TEST(reply.body.find("falsch.png") == std::string::npos);
    BOOST_TEST(reply.body.find(owner.member.session.user_id) == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_repair_entry_with_valid_evidence_closes_the_accident) {
    Owner owner("doc-accident");
    Admin admin("admin", "doc-accident-admin");
    BOOST_TEST(owner.member.send("PATCH", "/api/vehicles/" + owner.vehicle_id, R"({"accident_status":"nicht_unfallfrei","accident_closed":true})").status == 200);
    const Reply repair = owner.member.send("POST", "/api/vehicles/" + owner.vehicle_id + "/entries",
                                           R"({"date":")" + yesterday() + R"(","category":"unfallreparatur","performed_by":"fachwerkstatt","odometer_km":1000})");
    BOOST_REQUIRE_MESSAGE(repair.status == 201, repair.body);
    const std::string entry = repair.json()->getValue<std::string>("id");
    BOOST_TEST(has_reason(owner.trust(), "accident_open"));  // closed, but the repair is not evidenced yet
    const std::string id = owner.uploaded(images::make_pdf(), "filename=gutachten.pdf&entry_id=" + entry);
    BOOST_TEST(scan(admin, id, "clean").status == 200);
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + id + "/approve").status == 200);
    BOOST_TEST(!has_reason(owner.trust(), "accident_open"));
}

BOOST_AUTO_TEST_CASE(the_scan_job_flags_the_eicar_file_with_the_fake_scanner) {
    Owner owner("doc-eicar");
    const std::string infected = owner.uploaded(images::make_pdf() + eicar + "\n");
    const std::string clean = owner.uploaded(images::make_pdf());
    BOOST_REQUIRE(run_job("scan") == 0);
    const auto infected_now = owner.member.send("GET", "/api/documents/" + infected).json();
    BOOST_TEST(infected_now->getValue<std::string>("scan") == "infected");
    BOOST_TEST(infected_now->getValue<std::string>("approval") == "rejected");
    BOOST_TEST(owner.member.send("GET", "/api/documents/" + clean).json()->getValue<std::string>("scan") == "clean");
}

BOOST_AUTO_TEST_CASE(a_scanner_failure_leaves_the_document_pending_with_backoff) {
    Owner owner("doc-retry");
    const std::string id = owner.uploaded(images::make_pdf());
    // The fake scanner answers 2 for a file it cannot read: neither clean nor infected.
    const std::string path = storage_dir() + "/files/" + id;
    std::filesystem::rename(path, path + ".aside");
    BOOST_REQUIRE(run_job("scan") == 0);
    BOOST_TEST(column(id, "scan") == "pending");
    BOOST_TEST(column(id, "scan_attempts") == "1");
    BOOST_TEST(column(id, "scan_next_at > now()") == "t");
    // Back in place: the store stays consistent for `ltc verify` in the restore drill.
    std::filesystem::rename(path + ".aside", path);
}

BOOST_AUTO_TEST_CASE(retention_removes_the_files_of_deleted_documents_after_the_period) {
    Owner owner("doc-retention");
    const std::string kept = owner.uploaded(images::make_pdf());
    const std::string gone = owner.uploaded(images::make_pdf());
    const std::string recent = owner.uploaded(images::make_pdf());
    BOOST_TEST(owner.member.send("DELETE", "/api/documents/" + gone).status == 204);
    BOOST_TEST(owner.member.send("DELETE", "/api/documents/" + recent).status == 204);
    count_rows("WITH moved AS (UPDATE documents SET deleted_at = now() - interval '31 days' WHERE id = '" + gone +
               "' RETURNING 1) SELECT count(*) FROM moved");
    BOOST_REQUIRE(run_job("retention") == 0);
    BOOST_TEST(!std::filesystem::exists(storage_dir() + "/files/" + gone));
    BOOST_TEST(column(gone, "file_purged_at IS NOT NULL") == "t");
    BOOST_TEST(std::filesystem::exists(storage_dir() + "/files/" + recent));
    BOOST_TEST(std::filesystem::exists(storage_dir() + "/files/" + kept));
}

BOOST_AUTO_TEST_CASE(unwritable_storage_is_a_5xx_envelope_with_no_orphans) {
    Owner owner("doc-storage");
    const std::string temp = storage_dir() + "/tmp";
    const std::string aside = storage_dir() + "/tmp.aside";
    const std::size_t files_before = files_in(storage_dir() + "/files");
    // A file where the directory should be: no user (root included) can create files in it.
    std::filesystem::rename(temp, aside);
    { std::ofstream blocker(temp); }
    const Reply reply = owner.upload(images::make_pdf());
    std::filesystem::remove(temp);
    std::filesystem::rename(aside, temp);
    BOOST_TEST(reply.status >= 500);
    BOOST_TEST(reply.error_code() == "internal_error");
    BOOST_TEST(document_rows(owner.vehicle_id) == 0);
    BOOST_TEST(files_in(storage_dir() + "/files") == files_before);
}

BOOST_AUTO_TEST_SUITE_END()

// Run by scripts/test.sh with LTC_STEP_UP_TTL_SECONDS=2 (see admin_step_up_test.cpp).
BOOST_AUTO_TEST_SUITE(documents_short_step_up, *boost::unit_test::label("short_step_up") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(approve_and_reject_need_a_fresh_step_up_after_the_scope_check) {
    Owner owner("doc-stepup");
    Admin admin("admin", "doc-stepup-admin");
    const std::string id = owner.uploaded(images::make_pdf());
    BOOST_TEST(scan(admin, id, "clean").status == 200);  // recording a scan needs no step-up
    std::this_thread::sleep_for(std::chrono::milliseconds(3000));
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + random_uuid() + "/approve").status == 404);
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + id + "/approve").error_code() == "step_up_required");
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + id + "/reject", "{}").error_code() == "step_up_required");
    admin.step_up();
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + id + "/reject", "{}").error_code() == "validation_failed");
    BOOST_TEST(admin.send("POST", "/api/admin/documents/" + id + "/approve").status == 200);
}

BOOST_AUTO_TEST_SUITE_END()
