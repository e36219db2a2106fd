#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "documents/content_disposition.hpp"

using ltc::documents::content_disposition;

BOOST_AUTO_TEST_SUITE(document_content_disposition)

BOOST_AUTO_TEST_CASE(rfc_6266_with_an_ascii_fallback) {
    BOOST_TEST(content_disposition("rechnung.pdf") == "attachment; filename=\"rechnung.pdf\"; filename*=UTF-8''rechnung.pdf");
    BOOST_TEST(content_disposition("Prüfbericht \"neu\".pdf") ==
               "attachment; filename=\"Pr__fbericht _neu_.pdf\"; filename*=UTF-8''Pr%C3%BCfbericht%20%22neu%22.pdf");
    BOOST_TEST(content_disposition("a;b\\c") == "attachment; filename=\"a;b_c\"; filename*=UTF-8''a%3Bb%5Cc");
}

BOOST_AUTO_TEST_SUITE_END()
