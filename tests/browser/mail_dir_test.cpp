// The mail-folder helper on its own (no browser, no stack): quoted-printable decoding and
// picking the newest finished message for one address.
#include <boost/test/unit_test.hpp>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "mail_dir.hpp"

using namespace ltc::browser;

namespace {

std::string eml(const std::string& to, const std::string& qp_body) {
    return "From: LifeTimeCircle <no-reply@lifetimecircle.invalid>\r\nTo: " + to +
           "\r\nSubject: =?UTF-8?B?eA==?=\r\nMIME-Version: 1.0\r\nContent-Type: text/plain; charset=UTF-8\r\n"
           "Content-Transfer-Encoding: quoted-printable\r\n\r\n" + qp_body + "\r\n";
}

struct TempDir {
    std::filesystem::path path;
    TempDir() {
        const char* base = std::getenv("TMPDIR");
        std::string pattern = std::string(base && *base ? base : "/tmp") + "/ltc-maildir-XXXXXX";
        std::vector<char> buffer(pattern.begin(), pattern.end());
        buffer.push_back('\0');
        if (!::mkdtemp(buffer.data())) throw std::runtime_error("mkdtemp failed");
        path = buffer.data();
    }
    ~TempDir() {
        std::error_code ignored;
        std::filesystem::remove_all(path, ignored);
    }
    void write(const std::string& name, const std::string& content) const {
        std::ofstream(path / name, std::ios::binary) << content;
    }
};

} // namespace

BOOST_AUTO_TEST_SUITE(mail_dir)

BOOST_AUTO_TEST_CASE(quoted_printable_soft_breaks_and_escapes) {
    BOOST_TEST(decodeQuotedPrintable("Dein Login-Code: 12=\r\n3456\r\ng=C3=BCltig") ==
               "Dein Login-Code: 123456\r\ng\xC3\xBCltig");
    BOOST_TEST(decodeQuotedPrintable("a=\nb = c=3D") == "ab = c=");
    BOOST_TEST(decodeQuotedPrintable("soft = \r\nbreak") == "soft break");
    BOOST_TEST(decodeQuotedPrintable("bad =ZZ end=") == "bad =ZZ end");
}

BOOST_AUTO_TEST_CASE(newest_finished_message_to_the_address_wins) {
    const TempDir dir;
    BOOST_TEST(!latestLoginCode(dir.path.string(), "a@example.com"));

    dir.write("20260101T000000000-1.eml", eml("a@example.com", "Hallo,\r\n\r\nDein Login-Code: 111111\r\n"));
    dir.write("20260101T000001000-2.eml", eml("b@example.com", "Dein Login-Code: 222222\r\n"));
    // A later code, split by a soft line break inside the number.
    dir.write("20260101T000002000-3.eml", eml("A@Example.com", "Dein Login-Code: 33=\r\n3333\r\n"));
    // Still being written: never read.
    dir.write("20260101T000003000-4.eml.tmp", eml("a@example.com", "Dein Login-Code: 444444\r\n"));

    BOOST_TEST(latestLoginCode(dir.path.string(), "a@example.com").value_or("none") == "333333");
    BOOST_TEST(latestLoginCode(dir.path.string(), "b@example.com").value_or("none") == "222222");
    BOOST_TEST(!latestLoginCode(dir.path.string(), "c@example.com"));
    BOOST_TEST(!latestLoginCode((dir.path / "missing").string(), "a@example.com"));
}

BOOST_AUTO_TEST_SUITE_END()
