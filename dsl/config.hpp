// The one iterator type the grammar is instantiated for.
#pragma once
#include <string>

namespace faultline::dsl::parser {
using iterator_type = std::string::const_iterator;
}
