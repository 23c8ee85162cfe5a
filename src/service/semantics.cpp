#include "service/semantics.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <set>
#include <variant>
#include <vector>

#include "text/did_you_mean.hpp"

namespace ppsaudit::service {

namespace {

using yaml::Kind;
using yaml::Node;

using IdSet = std::vector<std::string>;

IdSet ids_of(const Node* list, std::string_view id_field = "id") {
  IdSet ids;
  if (list != nullptr && list->as_list() != nullptr) {
    for (const auto& item : *list->as_list()) {
      if (const Node* id = item.find(id_field); id != nullptr && id->as_text() != nullptr) {
        ids.push_back(*id->as_text());
      }
    }
  }
  return ids;
}

// The entries a reference may name, and what to call them in a message.
struct Scope {
  std::string_view noun;
  IdSet ids;
};

class ReferenceChecker {
 public:
  ReferenceChecker(const Node& root, Diagnostics& diagnostics) : m_diagnostics(diagnostics) {
    m_scopes["groups"] = Scope{"group", ids_of(root.find("groups"))};
    m_scopes["policies"] = Scope{"policy", ids_of(root.find("policies"))};
  }

  void walk(const Node& node) {
    if (node.type->kind == Kind::reference) {
      check(node);
      return;
    }
    if (const auto* list = node.as_list()) {
      for (const auto& item : *list) {
        walk(item);
      }
      return;
    }
    if (const auto* record = node.as_record()) {
      // A group's chair and attendance name its own members.
      const bool is_group = node.type->name == "Group";
      std::optional<Scope> outer;
      if (is_group) {
        outer = m_scopes["members"];
        m_scopes["members"] = Scope{"member of this group", ids_of(node.find("members"))};
      }
      for (const auto& field : *record) {
        walk(*field.value);
      }
      if (is_group) {
        m_scopes["members"] = *outer;
      }
    }
  }

 private:
  void check(const Node& node) {
    const Scope& scope = m_scopes[std::string(node.type->target)];
    const std::string& id = *node.as_text();
    if (std::find(scope.ids.begin(), scope.ids.end(), id) != scope.ids.end()) {
      return;
    }
    if (scope.ids.empty()) {
      m_diagnostics.error(node.where, "'{}' names a {}, but the file has none", id, scope.noun);
      return;
    }
    m_diagnostics.error(node.where, "'{}' is not the id of any {}{}", id, scope.noun,
                        did_you_mean_suffix(closest_match(id, scope.ids)));
  }

  Diagnostics& m_diagnostics;
  std::map<std::string, Scope> m_scopes;
};

// Reports `later` when it is before `earlier` (both keys of `record`).
void check_order(const Node& record, std::string_view earlier, std::string_view later, Diagnostics& diagnostics) {
  const Node* first = record.find(earlier);
  const Node* second = record.find(later);
  if (first == nullptr || second == nullptr || first->as_date() == nullptr || second->as_date() == nullptr) {
    return;
  }
  if (*second->as_date() < *first->as_date()) {
    diagnostics.error(second->where, "'{}' ({}) is before '{}' ({})", later, second->as_date()->to_string(), earlier,
                      first->as_date()->to_string());
  }
}

void for_each_item(const Node* list, const auto& visit) {
  if (list != nullptr && list->as_list() != nullptr) {
    for (const auto& item : *list->as_list()) {
      visit(item);
    }
  }
}

// A sub-group names the group it belongs to; no other group does; parents form no cycle.
void check_groups(const Node& root, Diagnostics& diagnostics) {
  std::map<std::string, const Node*> by_id;
  for_each_item(root.find("groups"), [&](const Node& group) { by_id[*group.find("id")->as_text()] = &group; });
  for (const auto& [id, group] : by_id) {
    const Node* parent = group->find("parent_group");
    const bool sub_group = *group->find("type")->as_text() == "sub_group";
    if (sub_group && parent == nullptr) {
      diagnostics.error(group->find("type")->where, "group '{}' is a sub_group but names no 'parent_group'", id);
    } else if (!sub_group && parent != nullptr) {
      diagnostics.error(parent->where, "group '{}' has a 'parent_group' but its type is not sub_group", id);
    }
    // Follow the parents; more steps than there are groups means a cycle.
    const Node* step = group;
    for (std::size_t hops = 0; step != nullptr && step->find("parent_group") != nullptr; ++hops) {
      if (hops >= by_id.size()) {
        diagnostics.error(parent->where, "group '{}' is its own ancestor through 'parent_group'", id);
        break;
      }
      const auto next = by_id.find(*step->find("parent_group")->as_text());
      step = next == by_id.end() ? nullptr : next->second;
    }
  }
}

// A host kind that contradicts 'hosting' (a voluntary body hosting an in-house service).
void check_host_kind(const Node& service, Diagnostics& diagnostics) {
  const Node* kind = service.find("host_kind");
  if (kind == nullptr) {
    return;
  }
  const std::string& hosting = service.text_of("hosting");
  const std::string expected = hosting == "in_house" ? "local_authority" : hosting == "partnership" ? "" : hosting;
  if (!expected.empty() && *kind->as_text() != expected) {
    diagnostics.error(kind->where, "'host_kind' is '{}', but 'hosting' is '{}', whose host is {}", *kind->as_text(),
                      hosting, expected);
  }
}

// The commissioners' shares of the funding cannot come to more than the whole.
void check_funding_shares(const Node& commissioning, Diagnostics& diagnostics) {
  const Node* commissioners = commissioning.find("commissioners");
  double total = 0;
  for_each_item(commissioners, [&](const Node& commissioner) {
    if (const Node* share = commissioner.find("share"); share != nullptr) {
      if (const auto* number = std::get_if<double>(&share->value)) {
        total += *number;
      } else if (const auto* whole = std::get_if<std::int64_t>(&share->value)) {
        total += static_cast<double>(*whole);
      }
    }
  });
  // Shares are written with a few decimals; allow for their rounding.
  if (total > 1.0 + 1e-9) {
    diagnostics.error(commissioners->where, "the commissioners' funding shares add up to {:g}, more than 1", total);
  }
}

// Values that must agree with each other: ages in order, a host kind that agrees with 'hosting', a
// self-assessment level from its framework's scale, a disagreement resolution provider that is
// not both this service and apart from it, a commission that ends after it starts and is not
// funded more than wholly.
void check_consistent_records(const Node& root, Diagnostics& diagnostics) {
  if (const Node* service = root.find("service")) {
    if (const Node* ages = service->find("ages")) {
      const Node* from = ages->find("from");
      const Node* to = ages->find("to");
      if (from != nullptr && to != nullptr && std::get<std::int64_t>(to->value) < std::get<std::int64_t>(from->value)) {
        diagnostics.error(to->where, "'to' ({}) is below 'from' ({})", std::get<std::int64_t>(to->value),
                          std::get<std::int64_t>(from->value));
      }
    }
    check_host_kind(*service, diagnostics);
  }
  // The 2007 and 2010 exemplifications rate by practice level; later standards as met or not.
  for_each_item(root.find("self_assessment"), [&](const Node& assessment) {
    const std::string& framework = assessment.text_of("framework");
    const std::string& level = assessment.text_of("level");
    // Standards not yet written cannot have been assessed against: the date or the framework is wrong.
    const Node* date = assessment.find("date");
    if (const auto first = framework_first_day(framework); first && *date->as_date() < *first) {
      diagnostics.error(date->where, "'date' ({}) is before {} applied (from {}): the date or the framework is wrong",
                        date->as_date()->to_string(), framework, first->to_string());
    }
    const bool by_practice_level = framework == "dcsf_2007" || framework == "nppn_2010";
    const bool by_met = framework == "quality_standards_2014" || framework == "minimum_standards_2018";
    const bool level_is_practice =
        level == "below_minimum" || level == "minimum_standard" || level == "good_practice" || level == "best_practice";
    if (by_practice_level && !level_is_practice) {
      diagnostics.error(assessment.find("level")->where,
                        "'level' is '{}', but {} rates by practice level: below_minimum, minimum_standard, "
                        "good_practice or best_practice",
                        level, framework);
    } else if (by_met && level_is_practice) {
      diagnostics.error(assessment.find("level")->where,
                        "'level' is '{}', but {} rates standards as met, partially_met or not_met", level, framework);
    }
  });
  if (const Node* resolution = root.find("disagreement_resolution")) {
    const Node* apart = resolution->find("independent_of_service");
    if (resolution->text_of("provider_kind") == "this_service" && apart != nullptr && std::get<bool>(apart->value)) {
      diagnostics.error(apart->where,
                        "'independent_of_service' is true, but 'provider_kind' says this service provides the "
                        "arrangements");
    }
  }
  if (const Node* commissioning = root.find("commissioning")) {
    check_order(*commissioning, "from", "until", diagnostics);
    check_funding_shares(*commissioning, diagnostics);
  }
  for_each_item(root.find("waivers"),
                [&](const Node& waiver) { check_order(waiver, "granted", "expires", diagnostics); });
}

// A course is booked after the place is, within the person's time at the service: one booked for
// before they started or after they left could not be theirs to attend.
void check_bookings(const Node& person, Diagnostics& diagnostics) {
  const Node* started = person.find("started");
  const Node* left = person.find("left");
  for_each_item(person.find("booked_training"), [&](const Node& booking) {
    check_order(booking, "booked_on", "date", diagnostics);
    const Node* date = booking.find("date");
    if (started != nullptr && *date->as_date() < *started->as_date()) {
      diagnostics.error(date->where, "booked training 'date' ({}) is before the person's 'started' ({})",
                        date->as_date()->to_string(), started->as_date()->to_string());
    }
    if (left != nullptr && *left->as_date() < *date->as_date()) {
      diagnostics.error(date->where, "booked training 'date' ({}) is after the person's 'left' ({})",
                        date->as_date()->to_string(), left->as_date()->to_string());
    }
  });
}

void check_dates_and_shapes(const Node& root, Diagnostics& diagnostics) {
  for_each_item(root.find("policies"),
                [&](const Node& policy) { check_order(policy, "adopted", "last_reviewed", diagnostics); });
  for_each_item(root.find("people"), [&](const Node& person) {
    check_order(person, "started", "left", diagnostics);
    for_each_item(person.find("other_roles"),
                  [&](const Node& role) { check_order(role, "from", "until", diagnostics); });
    const Node* started = person.find("started");
    check_bookings(person, diagnostics);
    const Node* supervision = person.find("supervision");
    const Node* last = supervision != nullptr ? supervision->find("last") : nullptr;
    if (started != nullptr && last != nullptr && *last->as_date() < *started->as_date()) {
      diagnostics.error(last->where, "supervision 'last' ({}) is before the person's 'started' ({})",
                        last->as_date()->to_string(), started->as_date()->to_string());
    }
  });
  for_each_item(root.find("policies"), [&](const Node& policy) {
    if (const Node* review = policy.find("review"); review != nullptr && policy.find("last_reviewed") != nullptr) {
      const Node* next = review->find("next_due");
      if (next != nullptr && *next->as_date() < *policy.find("last_reviewed")->as_date()) {
        diagnostics.error(next->where, "'next_due' ({}) is before the policy's 'last_reviewed' ({})",
                          next->as_date()->to_string(), policy.find("last_reviewed")->as_date()->to_string());
      }
    }
  });
  check_groups(root, diagnostics);
  check_consistent_records(root, diagnostics);
  for_each_item(root.find("groups"), [&](const Node& group) {
    if (const Node* quorum = group.find("quorum")) {
      const bool count = quorum->find("members") != nullptr;
      const bool fraction = quorum->find("fraction") != nullptr;
      if (count == fraction) {
        diagnostics.error(quorum->where, "a quorum gives either 'members' or 'fraction', {}",
                          count ? "not both" : "and this one gives neither");
      }
    }
    if (const Node* tor = group.find("terms_of_reference")) {
      check_order(*tor, "adopted", "last_reviewed", diagnostics);
    }
  });
  for_each_item(root.find("attestations"), [&](const Node& attestation) {
    const bool rule = attestation.find("rule") != nullptr;
    const bool criterion = attestation.find("criterion") != nullptr;
    if (rule == criterion) {
      diagnostics.error(attestation.where, "an attestation names its rule in 'rule', {}",
                        rule ? "not also in 'criterion' (its older name)" : "and this one names none");
    }
  });
}

SchoolCalendar build_calendar(const Node& calendar, Diagnostics& diagnostics) {
  std::vector<TermWindow> windows = SchoolCalendar::english_default().windows();
  if (const Node* terms = calendar.find("terms")) {
    if (terms->as_list()->empty()) {
      diagnostics.error(terms->where, "'terms' is empty: a school calendar needs at least one term");
    } else {
      windows.clear();
      for (const auto& term : *terms->as_list()) {
        windows.push_back(TermWindow{*term.find("name")->as_text(), std::get<TermBoundary>(term.find("starts")->value),
                                     std::get<TermBoundary>(term.find("ends")->value)});
      }
      // Every window must start before it ends in a real year (2007/08 has Easter on 23 March).
      const SchoolCalendar trial(windows, {});
      const auto resolved = trial.terms_of(2007);
      for (std::size_t i = 0; i < resolved.size(); ++i) {
        if (resolved[i].ends < resolved[i].starts) {
          const auto& term = terms->as_list()->at(i);
          diagnostics.error(term.find("ends")->where, "term '{}' ends ({}) before it starts ({}) in 2007/08",
                            resolved[i].name, resolved[i].ends.to_string(), resolved[i].starts.to_string());
        }
      }
    }
  }
  std::vector<SchoolTerm> dated;
  for_each_item(calendar.find("dated_terms"), [&](const Node& term) {
    const std::string& name = *term.find("name")->as_text();
    const Date starts = *term.find("starts")->as_date();
    const Date ends = *term.find("ends")->as_date();
    check_order(term, "starts", "ends", diagnostics);
    std::vector<std::string> names;
    names.reserve(windows.size());
    for (const auto& window : windows) {
      names.push_back(window.name);
    }
    if (std::find(names.begin(), names.end(), name) == names.end()) {
      diagnostics.error(term.find("name")->where, "'{}' is not the name of a term in 'terms'{}", name,
                        did_you_mean_suffix(closest_match(name, names)));
    }
    dated.push_back(SchoolTerm{name, SchoolCalendar::academic_year_of(starts), starts, ends});
  });
  return SchoolCalendar(std::move(windows), std::move(dated));
}

}  // namespace

std::optional<Date> framework_first_day(std::string_view framework) {
  // The year of the DCSF exemplification and of the NPPN one (its pack's effective_from); the
  // Quality Standards from the 2014/15 school year, when the reforms they serve commenced; the
  // Minimum Standards from their finalisation in September 2018.
  if (framework == "dcsf_2007") {
    return Date::from_ymd(2007, 1, 1);
  }
  if (framework == "nppn_2010") {
    return Date::from_ymd(2010, 1, 1);
  }
  if (framework == "quality_standards_2014") {
    return Date::from_ymd(2014, 9, 1);
  }
  if (framework == "minimum_standards_2018") {
    return Date::from_ymd(2018, 9, 1);
  }
  return std::nullopt;
}

void check_semantics(ServiceFile& file, Diagnostics& diagnostics) {
  ReferenceChecker references(file.root, diagnostics);
  references.walk(file.root);
  check_dates_and_shapes(file.root, diagnostics);
  if (const Node* calendar = file.root.find("school_calendar")) {
    file.calendar = build_calendar(*calendar, diagnostics);
  }
}

}  // namespace ppsaudit::service
