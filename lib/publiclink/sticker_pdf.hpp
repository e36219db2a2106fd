#pragma once
// The printable A6 sticker (PRODUCT.md §9): the QR code of the public URL as vector squares,
// the brand, one German line on what scanning shows, and the disclaimer.
#include <string>

namespace ltc::publiclink {

std::string sticker_pdf(const std::string& public_url);

}  // namespace ltc::publiclink
