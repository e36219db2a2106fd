// Opening a connection has a deadline enforced by the code (libpq's connect_timeout cannot go
// below 2 s), and a server that did not answer is not waited on again for a second; one that
// refuses is tried again at once (issue 9 defect 6, issue 15 faults).
#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <stdexcept>
#include <string>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include "db/database.hpp"

using ltc::db::Database;
using ltc::db::DatabaseUnavailable;

namespace {

// A TCP port on 127.0.0.1 that accepts connections and never says a word: a frozen PostgreSQL
// as its clients see it. Constructed with a port, it listens there (the port of a test that
// first saw it closed).
class SilentServer {
public:
    explicit SilentServer(int port = 0) : fd_(::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0)) {
        const int on = 1;
        ::setsockopt(fd_, SOL_SOCKET, SO_REUSEADDR, &on, sizeof on);
        sockaddr_in address{};
        address.sin_family = AF_INET;
        address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        address.sin_port = htons(static_cast<std::uint16_t>(port));
        socklen_t length = sizeof address;
        if (::bind(fd_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 || ::listen(fd_, 16) != 0 ||
            ::getsockname(fd_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
            throw std::runtime_error("cannot listen");
        }
        ::fcntl(fd_, F_SETFL, O_NONBLOCK);
        port_ = ntohs(address.sin_port);
    }
    ~SilentServer() { close(); }
    SilentServer(const SilentServer&) = delete;
    SilentServer& operator=(const SilentServer&) = delete;

    int port() const { return port_; }
    void close() {
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    // Connections made to it so far (taken off the queue and closed).
    int connections() {
        for (int client; (client = ::accept(fd_, nullptr, nullptr)) >= 0;) {
            ::close(client);
            ++connections_;
        }
        return connections_;
    }

private:
    int fd_;
    int port_ = 0;
    int connections_ = 0;
};

std::string url_for(int port) {
    // libpq's own limit would be 10 s: the deadline in the test comes from the code.
    return "host=127.0.0.1 port=" + std::to_string(port) + " dbname=ltc user=ltc_app connect_timeout=10";
}

// Seconds that database.session() took to fail with DatabaseUnavailable.
double seconds_to_fail(Database& database) {
    const auto started = std::chrono::steady_clock::now();
    BOOST_CHECK_THROW(database.session(), DatabaseUnavailable);
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
}

}  // namespace

BOOST_AUTO_TEST_SUITE(db_connect_deadline)

BOOST_AUTO_TEST_CASE(a_silent_server_fails_within_the_deadline_then_at_once_without_connecting) {
    SilentServer server;
    Database database(url_for(server.port()));
    database.set_connect_deadline(std::chrono::milliseconds(200));
    const double first = seconds_to_fail(database);
    BOOST_TEST(first >= 0.19);
    BOOST_TEST(first < 1.0);
    BOOST_TEST(server.connections() == 1);
    BOOST_TEST(seconds_to_fail(database) < 0.05);
    BOOST_TEST(server.connections() == 1, "the second request did not connect again");
}

BOOST_AUTO_TEST_CASE(a_refusing_server_is_tried_again_at_once) {
    SilentServer probe;
    const int port = probe.port();
    probe.close();  // nothing listens there now: connections are refused
    Database database(url_for(port));
    database.set_connect_deadline(std::chrono::milliseconds(200));
    BOOST_TEST(seconds_to_fail(database) < 0.1);
    SilentServer server(port);  // now something listens: the next request connects
    seconds_to_fail(database);
    BOOST_TEST(server.connections() == 1);
}

BOOST_AUTO_TEST_SUITE_END()
