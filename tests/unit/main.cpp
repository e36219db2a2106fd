// The one translation unit that defines the Boost.Test module; every other file adds test cases.
#define BOOST_TEST_MODULE ltc_unit
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>
