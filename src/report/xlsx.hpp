#pragma once

#include <string>
#include <string_view>
#include <vector>

// What the xlsx workbook's writer (src/report/xlsx.cpp) shows of itself for its unit tests.
namespace ppsaudit::report {

// A framework's sheet name as Excel takes it: none of []:*?/\ (each becomes "-"), no
// apostrophe or space first or last, at most 31 characters, and unlike every name in `taken`
// whatever the ASCII case (Excel's rule), with " (2)", " (3)"... when it would be the same.
// It joins `taken`.
std::string sheet_name(std::string_view framework, std::vector<std::string>& taken);

}  // namespace ppsaudit::report
