#define BOOST_TEST_DYN_LINK
#include <boost/test/unit_test.hpp>

#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <thread>

#include <fcgiapp.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <sys/un.h>
#include <unistd.h>

#include "server/fcgi_finish.hpp"

// finish_request against a real libfcgi request on a Unix socket, the client playing nginx.
namespace {

std::string record(std::uint8_t type, const std::string& content) {
    std::string bytes{1, static_cast<char>(type), 0, 1, static_cast<char>(content.size() >> 8),
                      static_cast<char>(content.size() & 0xFF), 0, 0};
    return bytes + content;
}

std::string name_value(const std::string& name, const std::string& value) {
    return std::string{static_cast<char>(name.size()), static_cast<char>(value.size())} + name + value;
}

// A POST as nginx sends it: begin (responder), parameters, the body in stdin records, and the
// empty stdin record that ends the request.
std::string post_request(std::size_t body_bytes) {
    std::string request = record(1, std::string{0, 1, 0, 0, 0, 0, 0, 0});
    request += record(4, name_value("REQUEST_METHOD", "POST") + name_value("CONTENT_LENGTH", std::to_string(body_bytes)));
    request += record(4, "");
    for (std::size_t sent = 0; sent < body_bytes; sent += 32768) {
        request += record(5, std::string(std::min<std::size_t>(32768, body_bytes - sent), 'x'));
    }
    return request + record(5, "");
}

struct Listener {
    std::string directory;
    std::string path;
    int socket = -1;

    Listener() {
        char pattern[] = "/tmp/ltc-fcgi-finish-XXXXXX";
        directory = ::mkdtemp(pattern);
        path = directory + "/socket";
        socket = FCGX_OpenSocket(path.c_str(), 4);
        const timeval give_up{5, 0};  // a test that never connects does not hang in accept
        ::setsockopt(socket, SOL_SOCKET, SO_RCVTIMEO, &give_up, sizeof give_up);
    }
    ~Listener() {
        ::close(socket);
        ::unlink(path.c_str());
        ::rmdir(directory.c_str());
    }

    int connect() const {
        const int client = ::socket(AF_UNIX, SOCK_STREAM, 0);
        sockaddr_un address{};
        address.sun_family = AF_UNIX;
        path.copy(address.sun_path, sizeof address.sun_path - 1);
        BOOST_REQUIRE(::connect(client, reinterpret_cast<const sockaddr*>(&address), sizeof address) == 0);
        return client;
    }
};

// Serves one request on the listener: reads `read_bytes` of its body, answers, finishes (joined
// when it goes out of scope, also when a check fails).
std::jthread serve_one(const Listener& listener, std::size_t read_bytes) {
    return std::jthread([&listener, read_bytes] {
        FCGX_Request request;
        FCGX_InitRequest(&request, listener.socket, 0);
        if (FCGX_Accept_r(&request) != 0) return;
        std::string body(read_bytes, '\0');
        for (std::size_t received = 0; received < read_bytes;) {
            const int chunk = FCGX_GetStr(body.data() + received, static_cast<int>(read_bytes - received), request.in);
            if (chunk <= 0) break;
            received += static_cast<std::size_t>(chunk);
        }
        static const char answer[] = "Status: 200 OK\r\n\r\n";
        FCGX_PutStr(answer, sizeof answer - 1, request.out);
        ltc::server::finish_request(request);
    });
}

// Everything the responder sent until it stopped writing.
std::string read_until_end(int client) {
    std::string received;
    char buffer[4096];
    ssize_t got;
    while ((got = ::read(client, buffer, sizeof buffer)) > 0) received.append(buffer, static_cast<std::size_t>(got));
    return received;
}

bool still_open_by_responder(int client) { return ::send(client, "?", 1, MSG_NOSIGNAL) == 1; }

}  // namespace

BOOST_AUTO_TEST_SUITE(fcgi_finish)

BOOST_AUTO_TEST_CASE(a_request_read_to_its_end_is_closed_without_waiting_for_the_web_server) {
    BOOST_REQUIRE(FCGX_Init() == 0);
    const Listener listener;
    BOOST_REQUIRE(listener.socket >= 0);
    auto server = serve_one(listener, 1000);
    const int client = listener.connect();
    const std::string request = post_request(1000);
    BOOST_REQUIRE(::write(client, request.data(), request.size()) == static_cast<ssize_t>(request.size()));

    const std::string answer = read_until_end(client);
    BOOST_TEST(answer.find("Status: 200 OK") != std::string::npos);
    BOOST_TEST(answer.find(std::string{1, 3, 0, 1}) != std::string::npos);  // FCGI_END_REQUEST
    // Closed already, while this side still holds the connection (libfcgi's own close would be
    // polling for this side to hang up, and the byte would be read and thrown away).
    BOOST_TEST(!still_open_by_responder(client));
    BOOST_TEST(errno == EPIPE);
    ::close(client);
    server.join();
}

BOOST_AUTO_TEST_CASE(a_body_left_unread_keeps_the_draining_close_and_the_answer_arrives) {
    BOOST_REQUIRE(FCGX_Init() == 0);
    const Listener listener;
    BOOST_REQUIRE(listener.socket >= 0);
    auto server = serve_one(listener, 0);  // answers (a 413, say) without reading the body
    const int client = listener.connect();
    const std::string request = post_request(64 * 1024);
    BOOST_REQUIRE(::write(client, request.data(), request.size()) == static_cast<ssize_t>(request.size()));

    const std::string answer = read_until_end(client);
    BOOST_TEST(answer.find("Status: 200 OK") != std::string::npos);
    BOOST_TEST(answer.find(std::string{1, 3, 0, 1}) != std::string::npos);
    BOOST_TEST(still_open_by_responder(client));  // the responder drains until this side hangs up
    ::close(client);
    server.join();
}

BOOST_AUTO_TEST_SUITE_END()
