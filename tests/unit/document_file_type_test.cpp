// Magic bytes decide the type (PRODUCT.md §7), and a file that only starts like an image is
// refused when its structure is checked.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "../fixtures/test_images.hpp"
#include "documents/file_type.hpp"
#include "documents/metadata_strip.hpp"

using namespace ltc::documents;

namespace {
// What the upload accepts: a known type whose structure survives the stripper.
bool accepted(const std::string& bytes) {
    const auto type = detect_file_type(bytes);
    return type && strip_metadata(*type, bytes).has_value();
}
}  // namespace

BOOST_AUTO_TEST_SUITE(document_file_type)

BOOST_AUTO_TEST_CASE(real_files_are_recognised_by_content) {
    BOOST_TEST((detect_file_type(ltc::test_images::make_jpeg()) == FileType::jpeg));
    BOOST_TEST((detect_file_type(ltc::test_images::make_png(false)) == FileType::png));
    BOOST_TEST((detect_file_type(ltc::test_images::make_pdf()) == FileType::pdf));
    BOOST_TEST(content_type(FileType::jpeg) == "image/jpeg");
    BOOST_TEST(content_type(FileType::png) == "image/png");
    BOOST_TEST(content_type(FileType::pdf) == "application/pdf");
}

BOOST_AUTO_TEST_CASE(the_name_does_not_matter) {
    // A PDF uploaded as "rechnung.jpg" is a PDF; an HTML page called "rechnung.pdf" is nothing.
    BOOST_TEST((detect_file_type(ltc::test_images::make_pdf()) == FileType::pdf));
    BOOST_TEST(!detect_file_type("<!DOCTYPE html><html><script>alert(1)</script></html>"));
    BOOST_TEST(!detect_file_type(" %PDF-1.4"));  // not at the start
}

BOOST_AUTO_TEST_CASE(empty_and_truncated_headers_are_refused) {
    BOOST_TEST(!detect_file_type(""));
    BOOST_TEST(!detect_file_type(std::string("\xFF\xD8", 2)));
    BOOST_TEST(!detect_file_type(std::string("\xFF\xD8\xFF", 3)));
    BOOST_TEST(!detect_file_type(std::string("\x89PNG\r\n", 6)));
    BOOST_TEST(!detect_file_type("%PDF"));
    BOOST_TEST(!accepted(""));
}

BOOST_AUTO_TEST_CASE(a_short_polyglot_that_starts_like_a_jpeg_is_refused) {
    const std::string polyglot = std::string("\xFF\xD8\xFF\xE0\x00\x10JFIF", 10) + "<html><script>x</script></html>";
    BOOST_TEST((detect_file_type(polyglot) == FileType::jpeg));  // the header alone looks right
    BOOST_TEST(!accepted(polyglot));                              // the structure does not
    const std::string jpeg = ltc::test_images::make_jpeg();
    BOOST_TEST(!accepted(jpeg.substr(0, 40)));                   // truncated inside a segment
    const std::string png = ltc::test_images::make_png(false);
    BOOST_TEST(!accepted(png.substr(0, png.size() - 12)));       // no IEND
    BOOST_TEST(!accepted(std::string("\x89PNG\r\n\x1a\n", 8) + std::string(12, '\0')));  // no IHDR first
}

BOOST_AUTO_TEST_SUITE_END()
