#include "rules/deadlines.hpp"

#include "rules/engine.hpp"
#include "rules/era.hpp"

#include <algorithm>
#include <map>

#include <fmt/format.h>

namespace ppsaudit::rules {

namespace {

using yaml::Node;

const Date* date_at(const Node& record, std::string_view key) {
  const Node* node = record.find(key);
  return node != nullptr ? node->as_date() : nullptr;
}

const Cadence* cadence_at(const Node& record, std::string_view key) {
  const Node* node = record.find(key);
  return node != nullptr ? std::get_if<Cadence>(&node->value) : nullptr;
}

template <typename Visit>
void each(const Node* list, Visit visit) {
  if (list != nullptr && list->as_list() != nullptr) {
    for (const auto& item : *list->as_list()) {
      visit(item);
    }
  }
}

class Collector {
 public:
  Collector(const service::ServiceFile& file, Date as_of) : m_file(file), m_as_of(as_of) {}

  // An obligation due on `due`; one due before the audit date is overdue, as what would show it
  // done (a later review, meeting, course) is what it was computed from.
  void add(Date due, std::string kind, std::string what, Location where, std::string rule, std::string element) {
    m_items.push_back(Deadline{due, std::move(kind), std::move(what), std::move(where), std::move(rule),
                               std::move(element), due < m_as_of});
  }

  void from_cadence(const Date* done, const Cadence* cadence, std::string kind, std::string what, Location where,
                    std::string rule, std::string element) {
    if (done != nullptr && cadence != nullptr) {
      add(m_file.calendar.due_after(*done, *cadence), std::move(kind), std::move(what), std::move(where),
          std::move(rule), std::move(element));
    }
  }

  std::vector<Deadline> take() {
    std::sort(m_items.begin(), m_items.end(), [](const Deadline& a, const Deadline& b) {
      return std::tie(a.due, a.kind, a.what) < std::tie(b.due, b.kind, b.what);
    });
    return std::move(m_items);
  }

  [[nodiscard]] Date as_of() const { return m_as_of; }

 private:
  const service::ServiceFile& m_file;
  Date m_as_of;
  std::vector<Deadline> m_items;
};

void policies(const Node& root, Collector& out) {
  each(root.find("policies"), [&](const Node& policy) {
    const Node* review = policy.find("review");
    if (review == nullptr) {
      return;
    }
    const std::string what = fmt::format("review the policy '{}'", policy.text_of("title"));
    const std::string& id = policy.text_of("id");
    const Date* reviewed = date_at(policy, "last_reviewed");
    const bool reviewed_by_audit = reviewed != nullptr && *reviewed <= out.as_of();
    // A review on or after the date set for it (by the audit date) has done it: the next one
    // follows from the cadence, as when no date is set.
    if (const Date* next = date_at(*review, "next_due");
        next != nullptr && !(reviewed_by_audit && *next <= *reviewed)) {
      out.add(*next, "policy_review", what, review->key_location("next_due"), "policies.review", id);
      return;
    }
    const Date* done = reviewed != nullptr ? reviewed : date_at(policy, "adopted");
    out.from_cadence(done, cadence_at(*review, "cadence"), "policy_review", what, policy.where, "policies.review", id);
  });
}

void groups(const Node& root, Collector& out) {
  each(root.find("groups"), [&](const Node& group) {
    const std::string& name = group.text_of("name");
    const Date* last = nullptr;
    const Node* last_meeting = nullptr;
    each(group.find("meetings"), [&](const Node& meeting) {
      const Date* date = date_at(meeting, "date");
      if (date != nullptr && *date <= out.as_of() && (last == nullptr || *last < *date)) {
        last = date;
        last_meeting = &meeting;
      }
    });
    if (last_meeting != nullptr) {
      out.from_cadence(last, cadence_at(group, "meets"), "meeting", fmt::format("the next meeting of '{}'", name),
                       last_meeting->where, "groups.meets", group.text_of("id"));
    }
    if (const Node* terms = group.find("terms_of_reference")) {
      const Date* done =
          date_at(*terms, "last_reviewed") != nullptr ? date_at(*terms, "last_reviewed") : date_at(*terms, "adopted");
      out.from_cadence(done, cadence_at(*terms, "review_cadence"), "terms_of_reference_review",
                       fmt::format("review the terms of reference of '{}'", name), terms->where,
                       "groups.terms_of_reference", group.text_of("id"));
    }
  });
}

void monitoring(const Node& root, Collector& out) {
  each(root.find("monitoring"), [&](const Node& item) {
    out.from_cadence(date_at(item, "last_done"), cadence_at(item, "cadence"), "monitoring",
                     fmt::format("monitoring '{}' ({})", item.text_of("id"), item.text_of("aspect")), item.where,
                     "monitoring", item.text_of("id"));
  });
}

void training(const Node& root, Collector& out) {
  each(root.find("people"), [&](const Node& person) {
    const Date* left = date_at(person, "left");
    if (left != nullptr && *left <= out.as_of()) {
      return;
    }
    // Only the latest record of each topic done by the audit date counts: an older course was
    // refreshed by it, and a later one has not happened yet (as for meetings and reports).
    std::map<std::string, const Node*> latest;
    each(person.find("training"), [&](const Node& record) {
      if (out.as_of() < *date_at(record, "date")) {
        return;
      }
      const std::string topic = record.text_of("topic");
      const Node*& slot = latest[topic];
      if (slot == nullptr || *date_at(*slot, "date") < *date_at(record, "date")) {
        slot = &record;
      }
    });
    const std::string& id = person.text_of("id");
    const std::string who = person.text_of("name").empty() ? id : person.text_of("name");
    for (const auto& [topic, record] : latest) {
      out.from_cadence(date_at(*record, "date"), cadence_at(*record, "refresh"), "training_refresh",
                       fmt::format("{} refreshes {} training", who, topic), record->where, "people.training",
                       fmt::format("{}/{}", id, topic));
    }
    // A booking made after the audit date was not yet known on it. One whose day has passed is
    // done when a course of its topic is recorded on or after that day (by the audit date).
    // Bookings of one topic are told apart by their order in the file, not by their dates.
    std::map<std::string, int> bookings_of_topic;
    each(person.find("booked_training"), [&](const Node& booking) {
      const std::string topic = booking.text_of("topic");
      const int number = ++bookings_of_topic[topic];
      const Date* booked_on = date_at(booking, "booked_on");
      const Date day = *date_at(booking, "date");
      const auto found = latest.find(topic);
      const bool done = day < out.as_of() && found != latest.end() && day <= *date_at(*found->second, "date");
      if ((booked_on == nullptr || *booked_on <= out.as_of()) && !done) {
        out.add(day, "training_booked", fmt::format("{} attends booked {} training", who, topic), booking.where,
                "people.booked_training", fmt::format("{}/{}/{}", id, topic, number));
      }
    });
    if (const Node* supervision = person.find("supervision")) {
      out.from_cadence(date_at(*supervision, "last"), cadence_at(*supervision, "cadence"), "supervision",
                       fmt::format("{} is supervised", who), supervision->where, "people.supervision", id);
    }
    // A new starter has until three months after starting (the packs' reading of "within a set
    // period", rules/README.md) to have initial training, of any kind the packs accept as one.
    const Date* started = date_at(person, "started");
    const bool inducted = std::any_of(latest.begin(), latest.end(), [](const auto& entry) {
      return entry.first == "induction" || entry.first == "impartiality_policy" || entry.first == "confidentiality" ||
             entry.first == "partnership_working" || entry.first == "independent_parental_supporter";
    });
    if (started != nullptr && *started <= out.as_of() && !inducted) {
      out.add(started->add_months(3), "training_deadline",
              fmt::format("{} completes initial training, three months after starting", who),
              person.key_location("started"), "people.started", id);
    }
  });
}

void annual_reports(const Node& root, Collector& out) {
  const Node* latest = nullptr;
  each(root.find("annual_reports"), [&](const Node& report) {
    const Date* published = date_at(report, "published");
    if (published != nullptr && *published <= out.as_of() &&
        (latest == nullptr || *date_at(*latest, "published") < *published)) {
      latest = &report;
    }
  });
  if (latest != nullptr) {
    out.add(date_at(*latest, "published")->add_months(12), "annual_report",
            "publish the next annual report (a year after the last)", latest->where, "annual_reports", "annual-report");
  }
}

void attestations(const std::vector<const Rule*>& rules, Collector& out, const service::ServiceFile& file) {
  for (const Rule* rule : rules) {
    // A rule whose framework does not apply on the audit date is not applied, so nothing of it falls due.
    const bool out_of_era = rule->pack != nullptr && !era_of(*rule->pack).contains(out.as_of());
    if (out_of_era || !rule->attestation || !rule->attestation->valid_for) {
      continue;
    }
    if (const Node* latest = latest_attestation(file, rule->id, out.as_of())) {
      out.add(file.calendar.due_after(*date_at(*latest, "date"), *rule->attestation->valid_for), "attestation",
              fmt::format("attest '{}' again", rule->id), latest->where, rule->id, rule->id);
    }
  }
}

// A waiver in force (granted by the audit date) lasts to the end of its `expires` day: by then
// the rule must be met, or the waiver renewed. Past that day it is overdue, however the rule
// stands, as `check` then reports the waiver expired (or stale, if nothing is left to waive).
void waivers(const Node& root, Collector& out) {
  each(root.find("waivers"), [&](const Node& waiver) {
    const Date* granted = date_at(waiver, "granted");
    const Date* expires = date_at(waiver, "expires");
    if (granted == nullptr || expires == nullptr || out.as_of() < *granted) {
      return;
    }
    const std::string& rule = waiver.text_of("rule");
    const std::string& scope = waiver.text_of("scope");
    out.add(*expires, "waiver_expiry",
            scope.empty() ? fmt::format("meet '{}' or renew its waiver, which ends this day", rule)
                          : fmt::format("meet '{}' for {} or renew its waiver, which ends this day", rule, scope),
            waiver.key_location("expires"), rule, scope.empty() ? rule : fmt::format("{}/{}", rule, scope));
  });
}

// A current member of staff or volunteer declares their interests to the manager (or that they
// have none) on starting (domain.md §14.1, policy §6; stone-2004/interests-declared). No
// framework sets a cadence to declare again, so only a first declaration falls due: on the day
// they started, or on the audit date when that is not recorded. A person whose `declarations`
// are left out is unknown (the rule cannot judge), so nothing is listed for them.
void declarations(const Node& root, Collector& out) {
  each(root.find("people"), [&](const Node& person) {
    const Date* started = date_at(person, "started");
    const Date* left = date_at(person, "left");
    const Node* declared = person.find("declarations");
    if (declared == nullptr || (started != nullptr && out.as_of() < *started) ||
        (left != nullptr && *left <= out.as_of())) {
      return;
    }
    bool any = false;
    each(declared, [&](const Node& declaration) {
      const Date* date = date_at(declaration, "date");
      any = any || (date != nullptr && *date <= out.as_of());
    });
    if (!any) {
      const std::string& id = person.text_of("id");
      const std::string who = person.text_of("name").empty() ? id : person.text_of("name");
      out.add(started != nullptr ? *started : out.as_of(), "declaration",
              fmt::format("{} declares their interests to the manager", who), declared->where, "people.declarations",
              id);
    }
  });
}

}  // namespace

std::vector<Deadline> dated_obligations(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                                        Date as_of) {
  Collector out(file, as_of);
  policies(file.root, out);
  groups(file.root, out);
  monitoring(file.root, out);
  training(file.root, out);
  annual_reports(file.root, out);
  declarations(file.root, out);
  attestations(rules, out, file);
  waivers(file.root, out);
  return out.take();
}

std::vector<Deadline> upcoming_deadlines(const service::ServiceFile& file, const std::vector<const Rule*>& rules,
                                         Date as_of, int days) {
  auto items = dated_obligations(file, rules, as_of);
  const Date last = as_of.add_days(days);
  std::erase_if(items, [&](const Deadline& item) { return item.due < as_of || last < item.due; });
  return items;
}

}  // namespace ppsaudit::rules
