#pragma once

#include <string>
#include <string_view>

#include "calendar/cadence.hpp"
#include "cel/value.hpp"

namespace ppsaudit::rules {

// A cadence as an opaque CEL value: rules pass it to due() and within(), and print it.
class CadenceValue final : public cel::Opaque {
 public:
  static constexpr std::string_view k_type_name = "Cadence";

  explicit CadenceValue(Cadence cadence) : m_cadence(cadence) {}

  [[nodiscard]] std::string_view type_name() const override { return k_type_name; }
  [[nodiscard]] bool equals(const cel::Opaque& other) const override {
    const auto* that = dynamic_cast<const CadenceValue*>(&other);
    return that != nullptr && that->m_cadence == m_cadence;
  }
  [[nodiscard]] std::string debug_string() const override { return "cadence(\"" + m_cadence.to_string() + "\")"; }
  [[nodiscard]] const Cadence& cadence() const { return m_cadence; }

 private:
  Cadence m_cadence;
};

}  // namespace ppsaudit::rules
