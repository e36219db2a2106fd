#pragma once
// Structured values from a fuzz input (libFuzzer's FuzzedDataProvider is clang-only; the
// targets also build with g++ for the corpus replay). Reads past the end give zeros/empty.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace ltc::fuzz {

class FuzzBytes {
public:
    FuzzBytes(const std::uint8_t* data, std::size_t size) : data_(data), size_(size) {}

    std::uint8_t byte() { return at_ < size_ ? data_[at_++] : 0; }
    bool flag() { return (byte() & 1) != 0; }
    // A value in min..max (inclusive) from up to four bytes.
    long long in_range(long long min, long long max) {
        unsigned long long raw = 0;
        for (int i = 0; i < 4; ++i) raw = (raw << 8) | byte();
        const unsigned long long span = static_cast<unsigned long long>(max - min) + 1;
        return min + static_cast<long long>(span == 0 ? raw : raw % span);
    }
    // Up to the next '\n' (or the end), the newline consumed.
    std::string line() {
        std::string text;
        while (at_ < size_ && data_[at_] != '\n') text.push_back(static_cast<char>(data_[at_++]));
        if (at_ < size_) ++at_;
        return text;
    }
    std::string_view rest() {
        const std::string_view text(reinterpret_cast<const char*>(data_) + at_, size_ - at_);
        at_ = size_;
        return text;
    }
    bool empty() const { return at_ >= size_; }

private:
    const std::uint8_t* data_;
    std::size_t size_;
    std::size_t at_ = 0;
};

}  // namespace ltc::fuzz
