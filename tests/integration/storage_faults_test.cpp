// Storage failing during a document upload (issue 15): the file system full, or read-only.
// The tests mount over the stack's storage directory, so they need root and run in the
// `faults` phase of scripts/test.sh.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <filesystem>

#include <unistd.h>

#include "../fixtures/test_images.hpp"
#include "admin_helpers.hpp"

using namespace ltc::test;

namespace {

std::string storage_dir() { return var_dir() + "/storage"; }

std::size_t files_under(const std::string& directory) {
    std::size_t count = 0;
    for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) count += entry.is_regular_file();
    return count;
}

void run_or_fail(const std::string& command) {
    int status = 0;
    run_command(command, status);
    if (status != 0) throw std::runtime_error("failed: " + command);
}

// The document storage replaced for one test by a failing file system (root only: mount):
// a 64 KiB tmpfs that is full after the first chunks, or the storage itself bound read-only.
class FailingStorage {
public:
    enum class Kind { full, read_only };

    explicit FailingStorage(Kind kind) : path_(std::filesystem::canonical(storage_dir()).string()) {
        if (kind == Kind::full) {
            run_or_fail("mount -t tmpfs -o size=64k tmpfs '" + path_ + "'");
            run_or_fail("install -d -m 2750 -g www-data '" + path_ + "/tmp' '" + path_ + "/files' && chgrp www-data '" +
                        path_ + "' && chmod 2750 '" + path_ + "'");
        } else {
            run_or_fail("mount --bind '" + path_ + "' '" + path_ + "' && mount -o remount,bind,ro '" + path_ + "'");
        }
    }
    ~FailingStorage() {
        int status = 0;
        run_command("umount '" + path_ + "'", status);
    }
    FailingStorage(const FailingStorage&) = delete;
    FailingStorage& operator=(const FailingStorage&) = delete;

private:
    std::string path_;
};

bool running_as_root() { return ::geteuid() == 0; }

// An upload while the storage fails: a 5xx envelope, no document row, no audit row of an
// upload, no file left; the next upload after the repair is stored.
void expect_clean_failure(FailingStorage::Kind kind, const std::string& bytes) {
    Member owner("storage");
    const std::string vehicle_id = create_vehicle(owner, new_vin());
    const std::string path = "/api/vehicles/" + vehicle_id + "/documents?filename=rechnung.pdf";
    const std::size_t files_before = files_under(storage_dir());
    Reply reply;
    {
        const FailingStorage failing(kind);
        reply = owner.client.request("POST", path, bytes, "application/octet-stream", owner.session.cookie_and_csrf());
        BOOST_TEST(files_under(storage_dir()) == (kind == FailingStorage::Kind::full ? 0u : files_before));
    }
    BOOST_TEST(reply.status >= 500);
    BOOST_TEST(!reply.error_code().empty(), reply.body);
    const std::string vehicle = "'" + vehicle_id + "'";
    BOOST_TEST(count_rows("SELECT count(*) FROM documents WHERE vehicle_id = " + vehicle) == 0);
    BOOST_TEST(count_rows("SELECT count(*) FROM audit_events WHERE action = 'DOCUMENT_UPLOADED' AND meta->>'vehicle_id' = " +
                          vehicle) == 0);
    BOOST_TEST(files_under(storage_dir()) == files_before);
    const Reply after = owner.client.request("POST", path, ltc::test_images::make_pdf(), "application/octet-stream",
                                             owner.session.cookie_and_csrf());
    BOOST_TEST(after.status == 201, after.body);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(storage_faults, *boost::unit_test::label("faults") * boost::unit_test::disabled())

BOOST_AUTO_TEST_CASE(storage_full_during_upload_is_a_clean_5xx, *boost::unit_test::precondition([](auto) {
                         return boost::test_tools::assertion_result(running_as_root());
                     })) {
    // 256 KiB: the tmpfs of 64 KiB is full after the first chunks.
    expect_clean_failure(FailingStorage::Kind::full, ltc::test_images::make_pdf() + std::string(256 * 1024, ' '));
}

BOOST_AUTO_TEST_CASE(read_only_storage_during_upload_is_a_clean_5xx, *boost::unit_test::precondition([](auto) {
                         return boost::test_tools::assertion_result(running_as_root());
                     })) {
    expect_clean_failure(FailingStorage::Kind::read_only, ltc::test_images::make_pdf());
}

BOOST_AUTO_TEST_SUITE_END()
