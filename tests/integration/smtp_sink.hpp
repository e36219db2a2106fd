#pragma once
// A local SMTP server for the mailer's fault tests, on 127.0.0.1 and a free port: it refuses
// (554 greeting), hangs (accepts and never answers) or accepts and keeps what it was sent.
#include <atomic>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace ltc::test {

class SmtpSink {
public:
    enum class Mode { refuse, hang, accept };

    SmtpSink();
    ~SmtpSink();
    SmtpSink(const SmtpSink&) = delete;
    SmtpSink& operator=(const SmtpSink&) = delete;

    void set_mode(Mode mode) { mode_ = mode; }
    std::string url() const;  // smtp://127.0.0.1:<port>
    int connections() const { return connections_; }
    // Each accepted message: the RCPT TO addresses and the DATA, one string per message.
    std::vector<std::string> messages();

private:
    void serve();
    void converse(int client);

    int listener_ = -1;
    int port_ = 0;
    std::atomic<Mode> mode_{Mode::accept};
    std::atomic<bool> running_{true};
    std::atomic<int> connections_{0};
    std::mutex mutex_;
    std::vector<std::string> messages_;
    std::thread thread_;
};

}  // namespace ltc::test
