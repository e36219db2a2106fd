#pragma once
// Collections: {"items":[…],"next_cursor":"<opaque>"|null} with ?limit= (1..100, default 50)
// and ?cursor=. The cursor is an opaque offset into a stable order (ties broken by id).
#include <cstddef>
#include <functional>
#include <string>

#include <Poco/JSON/Array.h>
#include <Poco/JSON/Object.h>

#include "db/page.hpp"
#include "http/api_error.hpp"
#include "http/json_writer.hpp"
#include "http/request.hpp"

namespace ltc::http {

using Page = db::Page;

// ?limit= (1..100) into `limit`; an absent one leaves it; otherwise errors["limit"] is
// out_of_range (a number outside 1..100) or invalid (anything else).
void read_limit(const Request& request, long long& limit, FieldErrors& errors);

// 400 validation_failed (limit: out_of_range/invalid, cursor: invalid) for bad parameters.
Page read_page(const Request& request);

// `items` holds up to limit + 1 rows; the extra one only tells that there is a next page.
Poco::JSON::Object::Ptr page_json(Poco::JSON::Array::Ptr items, const Page& page);
// The same page as JSON text: `count` rows (up to limit + 1), each written by write_item(writer, i).
std::string page_text(std::size_t count, const Page& page,
                      const std::function<void(JsonWriter& writer, std::size_t index)>& write_item);

std::string encode_cursor(long long offset);

}  // namespace ltc::http
