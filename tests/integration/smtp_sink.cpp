#include "smtp_sink.hpp"

#include <stdexcept>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <strings.h>
#include <sys/socket.h>
#include <unistd.h>

namespace ltc::test {

namespace {
void send_line(int client, const std::string& line) {
    const std::string text = line + "\r\n";
    if (::send(client, text.data(), text.size(), MSG_NOSIGNAL) < 0) throw std::runtime_error("client went away");
}

// One line (without CRLF); throws when the client closes.
std::string read_line(int client, std::string& buffer) {
    while (true) {
        if (const auto end = buffer.find("\r\n"); end != std::string::npos) {
            std::string line = buffer.substr(0, end);
            buffer.erase(0, end + 2);
            return line;
        }
        char chunk[4096];
        const ssize_t got = ::recv(client, chunk, sizeof chunk, 0);
        if (got <= 0) throw std::runtime_error("client closed");
        buffer.append(chunk, static_cast<std::size_t>(got));
    }
}

bool starts_with(const std::string& line, const std::string& prefix) {
    return line.size() >= prefix.size() && ::strncasecmp(line.c_str(), prefix.c_str(), prefix.size()) == 0;
}
}  // namespace

SmtpSink::SmtpSink() {
    listener_ = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in address{};
    address.sin_family = AF_INET;
    address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    address.sin_port = 0;
    socklen_t length = sizeof address;
    if (listener_ < 0 || ::bind(listener_, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0 ||
        ::listen(listener_, 8) != 0 || ::getsockname(listener_, reinterpret_cast<sockaddr*>(&address), &length) != 0) {
        throw std::runtime_error("cannot listen for SMTP");
    }
    port_ = ntohs(address.sin_port);
    thread_ = std::thread([this] { serve(); });
}

SmtpSink::~SmtpSink() {
    running_ = false;
    thread_.join();
    ::close(listener_);
}

std::string SmtpSink::url() const { return "smtp://127.0.0.1:" + std::to_string(port_); }

std::vector<std::string> SmtpSink::messages() {
    const std::lock_guard lock(mutex_);
    return messages_;
}

// One connection at a time (the mailer sends one message per connection).
void SmtpSink::serve() {
    while (running_) {
        pollfd descriptor{listener_, POLLIN, 0};
        if (::poll(&descriptor, 1, 100) <= 0) continue;
        const int client = ::accept4(listener_, nullptr, nullptr, SOCK_CLOEXEC);
        if (client < 0) continue;
        ++connections_;
        try {
            converse(client);
        } catch (const std::exception&) {
            // The mailer hung up (or timed out): the next connection is a new attempt.
        }
        ::close(client);
    }
}

void SmtpSink::converse(int client) {
    switch (mode_.load()) {
        case Mode::refuse:
            send_line(client, "554 5.3.2 no service here");
            return;
        case Mode::hang: {
            // Never a greeting: wait until the mailer gives up and closes (or the test ends).
            char byte;
            while (running_) {
                pollfd descriptor{client, POLLIN, 0};
                if (::poll(&descriptor, 1, 100) > 0 && ::recv(client, &byte, 1, 0) <= 0) return;
            }
            return;
        }
        case Mode::accept:
            break;
    }
    std::string buffer;
    std::string message;
    send_line(client, "220 sink ESMTP");
    while (true) {
        const std::string line = read_line(client, buffer);
        if (starts_with(line, "EHLO") || starts_with(line, "HELO")) {
            send_line(client, "250 sink");
        } else if (starts_with(line, "RCPT TO:")) {
            message += line + "\n";
            send_line(client, "250 ok");
        } else if (starts_with(line, "DATA")) {
            send_line(client, "354 go ahead");
            for (std::string data; (data = read_line(client, buffer)) != ".";) message += data + "\n";
            {
                const std::lock_guard lock(mutex_);
                messages_.push_back(message);
            }
            send_line(client, "250 queued");
        } else if (starts_with(line, "QUIT")) {
            send_line(client, "221 bye");
            return;
        } else {
            send_line(client, "250 ok");  // MAIL FROM, RSET, NOOP
        }
    }
}

}  // namespace ltc::test
