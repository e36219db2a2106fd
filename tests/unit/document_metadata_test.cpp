// Lossless metadata stripping: GPS and device data go, pixels and every other segment stay.
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "../fixtures/test_images.hpp"
#include "documents/metadata_strip.hpp"

using namespace ltc::documents;
namespace images = ltc::test_images;

BOOST_AUTO_TEST_SUITE(document_metadata)

BOOST_AUTO_TEST_CASE(jpeg_loses_exif_xmp_and_iptc_and_stays_decodable) {
    const std::string clean = images::make_jpeg();
    const std::string photo = images::with_photo_metadata(clean);
    BOOST_REQUIRE(images::decode_jpeg(photo).has_value());
    BOOST_TEST(photo.find("Exif") != std::string::npos);

    const auto stripped = strip_jpeg_metadata(photo);
    BOOST_REQUIRE(stripped.has_value());
    BOOST_TEST(stripped->find("Exif") == std::string::npos);
    BOOST_TEST(stripped->find("xmpmeta") == std::string::npos);
    BOOST_TEST(stripped->find("Photoshop") == std::string::npos);
    BOOST_TEST(*stripped == clean);  // exactly the image without the three segments
    const auto pixels = images::decode_jpeg(*stripped);
    BOOST_REQUIRE(pixels.has_value());
    BOOST_TEST((*pixels == *images::decode_jpeg(photo)));
}

BOOST_AUTO_TEST_CASE(jpeg_without_metadata_is_byte_identical) {
    const std::string clean = images::make_jpeg(33, 17);
    BOOST_TEST((strip_jpeg_metadata(clean) == clean));
    BOOST_TEST((strip_metadata(FileType::jpeg, clean) == clean));
}

BOOST_AUTO_TEST_CASE(png_loses_exif_and_xmp_keeps_other_text_and_stays_decodable) {
    const std::string photo = images::make_png(true);
    BOOST_REQUIRE(images::decode_png(photo).has_value());
    BOOST_TEST(photo.find("eXIf") != std::string::npos);
    BOOST_TEST(photo.find("XML:com.adobe.xmp") != std::string::npos);

    const auto stripped = strip_png_metadata(photo);
    BOOST_REQUIRE(stripped.has_value());
    BOOST_TEST(stripped->find("eXIf") == std::string::npos);
    BOOST_TEST(stripped->find("XML:com.adobe.xmp") == std::string::npos);
    BOOST_TEST(stripped->find("Rechnung") != std::string::npos);  // the tEXt title stays
    const auto pixels = images::decode_png(*stripped);
    BOOST_REQUIRE(pixels.has_value());
    BOOST_TEST((*pixels == *images::decode_png(photo)));
}

BOOST_AUTO_TEST_CASE(png_without_metadata_is_byte_identical) {
    const std::string clean = images::make_png(false);
    BOOST_TEST((strip_png_metadata(clean) == clean));
}

BOOST_AUTO_TEST_CASE(every_truncation_is_refused_or_stays_within_the_input) {
    // The parsers walk lengths the upload controls: no prefix may read past the end or grow.
    for (const std::string& file : {images::with_photo_metadata(images::make_jpeg()), images::make_png(true)}) {
        const FileType type = file[0] == '\xFF' ? FileType::jpeg : FileType::png;
        for (std::size_t length = 0; length < file.size(); ++length) {
            const auto stripped = strip_metadata(type, std::string_view(file).substr(0, length));
            if (stripped) BOOST_TEST(stripped->size() <= length);
        }
    }
}

BOOST_AUTO_TEST_CASE(a_file_with_nothing_but_metadata_is_refused) {
    // Found by the documents fuzz target: once the metadata was gone, "FF D8 FF D9" was
    // stored and served as image/jpeg though it holds no image.
    const std::string exif = images::jpeg_segment(0xE1, std::string("Exif\0\0MM\0*", 10));
    BOOST_TEST(!strip_jpeg_metadata("\xFF\xD8" + exif + "\xFF\xD9").has_value());
    const std::string scan = images::jpeg_segment(0xDA, std::string("\x01\x01\x00\x00\x3F\x00", 6)) + "\x12\xFF\xD9";
    BOOST_TEST(!strip_jpeg_metadata("\xFF\xD8" + exif + scan).has_value());  // a scan without a frame header
    const std::string png = images::make_png(true);
    const std::size_t idat = png.find("IDAT") - 4;
    std::size_t idat_length = 0;
    for (std::size_t i = 0; i < 4; ++i) idat_length = (idat_length << 8) | static_cast<unsigned char>(png[idat + i]);
    const std::size_t idat_end = idat + 12 + idat_length;
    BOOST_TEST(!strip_png_metadata(png.substr(0, idat) + png.substr(idat_end)).has_value());  // no IDAT
}

BOOST_AUTO_TEST_CASE(pdf_passes_unchanged) {
    const std::string pdf = images::make_pdf();
    BOOST_TEST((strip_metadata(FileType::pdf, pdf) == pdf));
}

BOOST_AUTO_TEST_SUITE_END()
