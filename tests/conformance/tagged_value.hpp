#pragma once

#include <optional>
#include <string>

#include <nlohmann/json.hpp>

#include "cel/value.hpp"

namespace ppsaudit::conformance {

// Reads a value in the vectors' tagged JSON form ({"int": "1"}, {"map": [[k, v]]}, ...);
// nothing for a tag we do not support (uint, bytes, type), with the tag in `unsupported`.
std::optional<cel::Value> from_tagged(const nlohmann::json& json, std::string& unsupported);

// Equality as the suite means it: same type (no int/double mixing), NaN equals NaN, -0.0 and
// 0.0 differ, maps in any order.
bool same_value(const cel::Value& expected, const cel::Value& actual);

}  // namespace ppsaudit::conformance
