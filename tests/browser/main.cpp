// The browser test binary: Boost.Test's entry point and the shared browser's lifetime.
#define BOOST_TEST_MODULE browser
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include "browser_env.hpp"

namespace {
struct StopSharedBrowser {
    StopSharedBrowser() = default;
    ~StopSharedBrowser() { ltc::browser::stopSharedDriver(); }
};
} // namespace

BOOST_TEST_GLOBAL_FIXTURE(StopSharedBrowser);
