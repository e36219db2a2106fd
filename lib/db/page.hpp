#pragma once
// A window of a stable order: stores read `limit` (+1, to tell whether a next page exists) rows
// from `offset`. The HTTP side (http/collection.hpp) reads it from ?limit= and ?cursor=.
namespace ltc::db {

struct Page {
    long long limit = 50;
    long long offset = 0;
};

}  // namespace ltc::db
