// Replays a fuzz corpus without libFuzzer: runs LLVMFuzzerTestOneInput over every file in the
// directories given as arguments (g++ build, part of `make test`; libFuzzer runs: scripts/fuzz.sh).
#include <cstddef>
#include <cstdint>
#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);

int main(int argc, char** argv) {
    if (argc < 2) {
        std::fprintf(stderr, "usage: %s CORPUS_DIR...\n", argv[0]);
        return 1;
    }
    std::size_t total = 0;
    for (int i = 1; i < argc; ++i) {
        const std::filesystem::path directory(argv[i]);
        std::error_code error;
        if (!std::filesystem::is_directory(directory, error)) {
            std::fprintf(stderr, "fuzz replay: %s is not a directory\n", argv[i]);
            return 1;
        }
        std::vector<std::filesystem::path> files;
        for (const auto& entry : std::filesystem::recursive_directory_iterator(directory)) {
            if (entry.is_regular_file()) files.push_back(entry.path());
        }
        if (files.empty()) {
            std::fprintf(stderr, "fuzz replay: %s holds no inputs\n", argv[i]);
            return 1;
        }
        std::sort(files.begin(), files.end());
        for (const auto& file : files) {
            std::ifstream in(file, std::ios::binary);
            if (!in) {
                std::fprintf(stderr, "fuzz replay: cannot read %s\n", file.c_str());
                return 1;
            }
            const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            // An empty vector's data() may be null; libFuzzer passes a valid pointer even for size 0.
            static const std::uint8_t empty = 0;
            LLVMFuzzerTestOneInput(bytes.empty() ? &empty : reinterpret_cast<const std::uint8_t*>(bytes.data()),
                                   bytes.size());
            ++total;
        }
    }
    std::printf("fuzz replay: %zu inputs OK\n", total);
    return 0;
}
