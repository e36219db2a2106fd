#include "raw_request.hpp"

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <stdexcept>

namespace ltc::test {

Reply raw_request(const std::string& request) {
    const std::string base = env_or("LTC_BASE_URL", "https://127.0.0.1:18443");
    const std::string authority = base.substr(base.find("//") + 2);
    char name[] = "/tmp/ltc-raw-request-XXXXXX";
    const int fd = ::mkstemp(name);
    if (fd < 0) throw std::runtime_error("cannot create a temporary file");
    ::close(fd);
    std::ofstream(name, std::ios::binary) << request;
    int status = 0;
    const std::string answer =
        run_command("timeout 10 openssl s_client -quiet -connect " + authority + " < " + name, status);
    std::filesystem::remove(name);

    Reply reply;
    if (answer.starts_with("HTTP/1.1 ") && answer.size() >= 12) reply.status = std::stoi(answer.substr(9, 3));
    const auto head_end = answer.find("\r\n\r\n");
    if (head_end == std::string::npos) return reply;
    const std::string head = answer.substr(0, head_end);
    std::string body = answer.substr(head_end + 4);
    if (head.find("Transfer-Encoding: chunked") != std::string::npos) {
        // chunk-size CRLF data CRLF … 0 CRLF CRLF
        std::string joined;
        for (std::size_t at = 0; at < body.size();) {
            const auto line_end = body.find("\r\n", at);
            if (line_end == std::string::npos) break;
            const std::size_t size = std::stoul(body.substr(at, line_end - at), nullptr, 16);
            if (size == 0) break;
            joined += body.substr(line_end + 2, size);
            at = line_end + 2 + size + 2;
        }
        body = joined;
    }
    reply.body = body;
    return reply;
}

}  // namespace ltc::test
