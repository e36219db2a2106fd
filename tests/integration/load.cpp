#include "load.hpp"

#include <sstream>

namespace ltc::test {

Load::Load() : start_(std::chrono::steady_clock::now()) {}

Load::~Load() {
    if (running_) stop();
}

double Load::now() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
}

void Load::record(Sample sample) {
    const std::lock_guard lock(mutex_);
    samples_.push_back(std::move(sample));
}

void Load::add(const std::string& name, Probe probe, std::chrono::milliseconds pause, const std::string& source_ip) {
    threads_.emplace_back([this, name, probe = std::move(probe), pause, source_ip] {
        StackClient client(source_ip);
        while (running_) {
            Sample sample;
            sample.probe = name;
            sample.started = now();
            try {
                const Reply reply = probe(client);
                sample.status = reply.status;
                sample.error_code = reply.error_code();
                if (reply.status == 201) sample.id = reply.json()->getValue<std::string>("id");
            } catch (const std::exception&) {
                sample.status = 0;
            }
            sample.seconds = now() - sample.started;
            record(std::move(sample));
            if (pause.count() > 0) std::this_thread::sleep_for(pause);
        }
    });
}

std::vector<Sample> Load::stop() {
    running_ = false;
    for (auto& thread : threads_) thread.join();
    threads_.clear();
    const std::lock_guard lock(mutex_);
    return samples_;
}

std::vector<Sample> started_between(const std::vector<Sample>& samples, double from, double to, const std::string& probe) {
    std::vector<Sample> found;
    for (const auto& sample : samples) {
        if (sample.started >= from && sample.started < to && (probe.empty() || sample.probe == probe)) {
            found.push_back(sample);
        }
    }
    return found;
}

std::string describe(const std::vector<Sample>& samples) {
    std::ostringstream out;
    out.precision(3);
    for (const auto& sample : samples) {
        out << sample.probe << ' ' << sample.status << ' ' << sample.error_code << ' ' << sample.seconds << "s@"
            << sample.started << '\n';
    }
    return out.str();
}

void pause_seconds(double seconds) { std::this_thread::sleep_for(std::chrono::duration<double>(seconds)); }

}  // namespace ltc::test
