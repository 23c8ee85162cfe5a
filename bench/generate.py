#!/usr/bin/env python3
"""Writes invented but valid service files for bench/run, small to large, for both eras.

    bench/generate.py OUT_DIR --count N [--seed S]

File i goes to OUT_DIR/pps/ (framework sen_cop_2001, audited as of PPS_AS_OF) when i is even
and to OUT_DIR/iass/ (send_cop_2015, audited as of IASS_AS_OF) when i is odd, so that each
era's files can be audited on a date inside its era. Sizes run from about 7 KB (5 people,
10 meetings) to about 25 KB (40 people, 60 meetings), spread evenly over any N. Each file
is drawn from its own random stream seeded by (seed, i): the same arguments always write the
same bytes, and file i is the same whatever N is. Services differ in what they record (a
missing key, a lapsed course, a stale annual report), so that the rules give a mix of
results. Python 3 standard library only."""
import argparse
import datetime
import json
import os
import random
import re
import sys

PPS_AS_OF = datetime.date(2013, 7, 31)   # inside sen-cop-2001, stone-2004, nppn-2010 (all pps packs)
IASS_AS_OF = datetime.date(2024, 7, 31)  # inside send-cop-2015 and iass-2018 (all iass packs)

AUTHORITIES = [
    "Barnsley", "Bedford", "Blackpool", "Bolton", "Bradford", "Brent", "Bristol", "Bury",
    "Calderdale", "Camden", "Cheshire East", "Cornwall", "Croydon", "Cumbria", "Darlington",
    "Derby", "Devon", "Doncaster", "Dorset", "Dudley", "Ealing", "Enfield", "Essex", "Gateshead",
    "Gloucestershire", "Halton", "Hampshire", "Haringey", "Hartlepool", "Herefordshire",
    "Hertfordshire", "Hillingdon", "Kent", "Kirklees", "Knowsley", "Lambeth", "Lancashire",
    "Leeds", "Leicester", "Lincolnshire", "Luton", "Medway", "Merton", "Norfolk", "North Tyneside",
    "Nottingham", "Oldham", "Oxfordshire", "Peterborough", "Plymouth", "Reading", "Redcar",
    "Rochdale", "Rotherham", "Rutland", "Salford", "Sandwell", "Sefton", "Sheffield", "Shropshire",
    "Slough", "Solihull", "Somerset", "Southwark", "St Helens", "Stockport", "Suffolk",
    "Sunderland", "Surrey", "Sutton", "Swindon", "Tameside", "Torbay", "Trafford", "Wakefield",
    "Walsall", "Warrington", "Warwickshire", "Wigan", "Wiltshire", "Wirral", "Wokingham",
    "Wolverhampton", "Worcestershire", "York",
]
COUNCIL_KINDS = ["County Council", "City Council", "Borough Council", "Metropolitan Borough Council", "Council"]
FIRST = ["Alex", "Amina", "Ben", "Chloe", "Daniel", "Ella", "Farah", "George", "Hannah", "Imran",
         "Jess", "Kieran", "Laura", "Mohammed", "Nia", "Owen", "Priya", "Rachel", "Sam", "Tom",
         "Uma", "Victoria", "Will", "Yasmin", "Zoe"]
LAST = ["Ahmed", "Baker", "Clarke", "Davies", "Evans", "Fisher", "Green", "Hughes", "Iqbal",
        "Jones", "Khan", "Lewis", "Morgan", "Nolan", "Owen", "Patel", "Quinn", "Roberts", "Smith",
        "Taylor", "Turner", "Walker", "Wright", "Young"]
MEETING_TOPICS = ["annual report", "staffing", "new legislation", "service data", "parent feedback",
                  "publications review", "training plan", "budget", "waiting times", "local offer",
                  "tribunal trends", "outreach to under-represented groups", "impartiality monitoring"]
FEEDBACK_TOPICS = ["Delays in statutory assessment", "Transport to special schools",
                   "Exclusions of children with SEN", "Waiting times for speech and language therapy",
                   "Quality of transition planning", "Parents' experience of annual reviews",
                   "Access to short breaks", "Consistency of school SEN support"]
COMMITMENT_TEXTS = [
    ("will", "Make our impartial position clear to parents and partners"),
    ("will", "Provide accurate and neutral information on rights, roles and responsibilities"),
    ("will", "Help parents to speak for themselves and make their own decisions"),
    ("will_not", "Take decisions on behalf of a parent or carer"),
    ("will_not", "Give directive advice"),
    ("will_not", "Act on behalf of the local authority or any other agency"),
    ("staff_will", "Declare any conflict of interest to the manager"),
    ("states", "The service does not stand to gain or lose from the outcome of any discussion"),
    ("will", "Review this policy with the steering group"),
    ("will", "Train all staff and volunteers in this policy"),
    ("will", "Share this policy with parents, schools and partners"),
    ("states", "Advice is based on the law and statutory guidance, not on local policy"),
]


def date(d):
    return d.isoformat()


def text(value):
    """A text scalar that reads back as itself inside a flow map or list: plain when that is
    safe, else double-quoted (JSON's escapes are YAML's)."""
    if (re.fullmatch(r"[A-Za-z][A-Za-z0-9 .'()/&-]*", value) and not value.endswith(" ")
            and value.lower() not in ("true", "false", "null", "yes", "no", "on", "off", "y", "n")):
        return value
    return json.dumps(value)


def flow(record):
    """A flow map: {key: value, ...}; values are already formatted."""
    return "{" + ", ".join("%s: %s" % (k, v) for k, v in record) + "}"


def flow_list(items):
    return "[" + ", ".join(items) + "]"


class Dates:
    """Dates of one service, all on or before its audit date unless asked otherwise."""

    def __init__(self, rng, as_of, first):
        self.rng, self.as_of, self.first = rng, as_of, first

    def between(self, start, end):
        if end <= start:
            return start
        return start + datetime.timedelta(days=self.rng.randrange((end - start).days + 1))

    def recent(self, max_days, min_days=0):
        return self.as_of - datetime.timedelta(days=self.rng.randint(min_days, max_days))

    def any(self):
        return self.between(self.first, self.as_of)


class Service:
    """One generated service: builds its YAML text section by section."""

    def __init__(self, index, seed):
        self.rng = random.Random("ppsaudit-bench:%d:%d" % (seed, index))
        self.index = index
        self.iass = index % 2 == 1
        self.as_of = IASS_AS_OF if self.iass else PPS_AS_OF
        first = datetime.date(2015, 1, 1) if self.iass else datetime.date(2003, 1, 1)
        self.d = Dates(self.rng, self.as_of, first)
        # Golden-ratio spread: any N covers small to large evenly; jitter keeps sizes apart.
        scale = (index * 0.6180339887 + self.rng.random() * 0.05) % 1.0
        self.scale = scale
        self.n_people = 5 + round(35 * scale)
        self.n_meetings = 10 + round(50 * scale)
        area = AUTHORITIES[(index // 2 + seed * 7) % len(AUTHORITIES)]
        self.authority = "%s %s" % (area, self.rng.choice(COUNCIL_KINDS))
        self.slug = re.sub(r"[^a-z]+", "-", area.lower()).strip("-")
        self.name = "%s %s" % (area, "SENDIASS" if self.iass else "Parent Partnership Service")
        self.lines = []

    # Helpers --------------------------------------------------------------------------------
    def chance(self, p):
        return self.rng.random() < p

    def sized_chance(self, p):
        """A chance that grows with the service's size: small services record less."""
        return self.rng.random() < p * (0.4 + 0.6 * self.scale)

    def upto(self, least, most):
        """A count that grows with the service's size, from least (smallest) to most (largest)."""
        return least + round((most - least) * self.scale * self.rng.uniform(0.7, 1.0))

    def subset(self, words, least=1):
        chosen = [w for w in words if self.chance(0.75)]
        while len(chosen) < least:
            w = self.rng.choice(words)
            if w not in chosen:
                chosen.append(w)
        return [w for w in words if w in chosen]

    def emit(self, line=""):
        self.lines.append(line)

    def person_name(self):
        return "%s %s" % (self.rng.choice(FIRST), self.rng.choice(LAST))

    # Sections -------------------------------------------------------------------------------
    def header(self):
        era = "a SENDIASS under the SEND Code of Practice 2015" if self.iass else \
            "a Parent Partnership Service under the SEN Code of Practice 2001"
        self.emit("# Generated by bench/generate.py (file %d): %s, invented for benchmarking," % (self.index, era))
        self.emit("# with %d people and %d meetings; audit it as of %s." % (self.n_people, self.n_meetings, date(self.as_of)))
        self.emit("ppsaudit: 1")
        self.emit()

    def service(self):
        hosting = self.rng.choice(["in_house", "in_house", "voluntary_sector", "partnership"])
        self.hosting = hosting
        self.emit("service:")
        self.emit("  name: %s" % text(self.name))
        self.emit("  local_authority: %s" % text(self.authority))
        self.emit("  hosting: %s" % hosting)
        if hosting == "in_house":
            self.emit("  host_kind: local_authority")
        else:
            self.emit("  host_organisation: %s" % text("%s Family Support Trust" % self.name.split()[0]))
            self.emit("  host_kind: voluntary_sector")
        self.emit("  framework: %s" % ("send_cop_2015" if self.iass else "sen_cop_2001"))
        if self.iass:
            self.emit("  statutory_basis: Children and Families Act 2014 s.32")
            audiences = ["parents_and_carers", "children", "young_people"]
            if self.chance(0.25):
                audiences = self.subset(audiences)
            if self.chance(0.3):
                audiences.append("practitioners")
        else:
            self.emit("  statutory_basis: Education Act 1996 s.332A (parent partnership arrangements)")
            audiences = ["parents_and_carers"] if self.chance(0.9) else ["practitioners"]
            if "practitioners" not in audiences and self.chance(0.5):
                audiences.append("practitioners")
        self.audiences = audiences
        self.emit("  audiences: %s" % flow_list(audiences))
        if self.iass and self.chance(0.8):
            self.emit("  ages: {from: 0, to: %d}" % self.rng.choice([25, 25, 25, 19]))
        if self.iass and self.chance(0.7):
            self.emit("  covers_disability: %s" % ("true" if self.chance(0.9) else "false"))
        self.emit("  support_levels: %s" % flow_list(self.subset(
            ["information", "advice", "signposting", "casework", "meetings_support", "help_with_paperwork", "training"])))
        if self.chance(0.85):
            topics = ["education", "health", "social_care", "personal_budgets", "local_offer", "send_law",
                      "disagreement_resolution", "complaints_and_redress", "gathering_information",
                      "armed_forces_families", "transition"] if self.iass else \
                ["education", "send_law", "disagreement_resolution", "transition", "health"]
            self.emit("  topics: %s" % flow_list(self.subset(topics)))
        self.emit("  channels: %s" % flow_list(self.subset(
            ["telephone", "email", "website", "face_to_face", "home_visits", "meetings_support", "casework",
             "written_summaries", "training", "drop_in"])))
        self.emit("  free_of_charge: %s" % ("true" if self.chance(0.9) else "false"))
        self.emit("  website: https://www.%s-%s.org.uk" % (self.slug, "sendiass" if self.iass else "pps"))
        self.emit("  aims:")
        self.emit("    - accurate, neutral information on rights, roles and responsibilities and on the range of options,")
        self.emit("      so that families can make informed decisions")
        if self.chance(0.3):
            self.emit("    - ensure that parents' views influence local policy and practice")
        self.emit()

    def arms_length(self):
        self.emit("arms_length:")
        if self.chance(0.8):
            self.emit("  relationship_document:")
            self.emit("    title: Service level agreement with %s" % text(self.authority))
            self.emit("    dated: %s" % date(self.d.recent(1500, 30)))
            self.emit("    covers_impartiality: %s" % ("true" if self.chance(0.8) else "false"))
            self.emit("    covers_arms_length: %s" % ("true" if self.chance(0.8) else "false"))
        for key, p in [("own_identity", 0.8), ("own_website", 0.7), ("website_maintained_by_service", 0.7),
                       ("separate_case_records", 0.8), ("separate_premises", 0.6), ("dedicated_phone_line", 0.8),
                       ("own_complaints_procedure", 0.5)]:
            if self.chance(0.85):
                self.emit("  %s: %s" % (key, "true" if self.chance(p) else "false"))
        if self.chance(0.85):
            self.emit("  case_records_access: %s" % self.rng.choice(
                ["service_staff_only", "service_staff_only", "shared_with_authority", "shared_with_host"]))
        if self.chance(0.85):
            choices = ["authority_outside_send", "authority_send_statutory", "outside_authority"]
            if self.hosting != "in_house":
                choices.append("host_organisation")
            self.emit("  line_management: %s" % self.rng.choice(choices))
            self.emit("  line_manager: Head of Early Help")
        if self.chance(0.8):
            self.emit("  budget_holder: %s" % self.rng.choice(["service_manager", "authority", "service_manager"]))
        self.emit()

    def policies(self):
        self.policy_ids = ["impartiality", "confidentiality"]
        extra = self.rng.sample(["complaints", "safeguarding", "equality", "volunteering", "data_protection"],
                                self.upto(0, 1))
        self.policy_ids += extra
        self.emit("policies:")
        for pid in self.policy_ids:
            adopted = self.d.recent(2500, 200) if not self.chance(0.05) else self.as_of + datetime.timedelta(days=40)
            self.emit("  - id: %s" % pid)
            self.emit("    kind: %s" % pid)
            self.emit("    title: %s Policy" % text(pid.replace("_", " ").capitalize()))
            self.emit("    adopted: %s" % date(adopted))
            if self.chance(0.8):
                reviewed = self.d.between(adopted, max(adopted, self.as_of))
                self.emit("    last_reviewed: %s" % date(reviewed))
            if self.chance(0.85):
                self.emit("    review:")
                self.emit("      cadence: %s" % self.rng.choice(["annually", "every 2 years", "twice-yearly"]))
                if self.chance(0.85):
                    self.emit("      by: steering")
                else:
                    self.emit("      by_role: Service Manager")
            if self.iass and self.chance(0.5):
                self.emit("    published_url: https://www.%s-sendiass.org.uk/policies/%s" % (self.slug, pid))
            if self.chance(0.6):
                self.emit("    shared_with:")
                for who in self.subset(["staff", "local_authority", "parents_and_carers", "schools", "partners"]):
                    self.emit("      - %s" % flow([("with", who), ("date", date(self.d.between(adopted, self.as_of))),
                                                 ("how", "email")]))
            if pid == "impartiality":
                if self.chance(0.9):
                    self.emit("    covers: %s" % flow_list(self.subset(
                        ["rights_roles_responsibilities", "range_of_options", "reflect_user_perspectives",
                         "no_vested_interest", "meeting_roles", "no_directive_advice", "not_acting_for_authority",
                         "not_advocacy", "host_organisation"])))
                self.emit("    cites: %s" % flow_list(
                    ["SEND Code of Practice 2015 para 2.8"] if self.iass else ["SEN Code of Practice 2001:26", "Stone 2004:20"]))
                self.emit("    commitments:")
                for n, (kind, words) in enumerate(self.rng.sample(COMMITMENT_TEXTS, self.upto(1, 4))):
                    self.emit("      - id: c%d" % (n + 1))
                    self.emit("        section: \"%d\"" % (n // 3 + 1))
                    self.emit("        kind: %s" % kind)
                    self.emit("        text: %s" % text(words))
            elif pid in ("confidentiality", "data_protection") and self.chance(0.8):
                self.emit("    covers: %s" % flow_list(self.subset(
                    ["consent_before_sharing", "safeguarding_exceptions", "young_people_own_right", "secure_records"])))
        self.emit()

    def people(self):
        self.emit("people:")
        topics = ["induction", "impartiality_policy", "partnership_working", "send_law", "confidentiality",
                  "data_protection", "safeguarding", "disagreement_resolution"]
        for n in range(self.n_people):
            role = "manager" if n == 0 else self.rng.choice(
                ["parent_partnership_officer" if not self.iass else "caseworker", "information_officer",
                 "administrator", "independent_parental_supporter" if not self.iass else "independent_supporter",
                 "volunteer_befriender"])
            kind = "volunteer" if role in ("volunteer_befriender", "independent_parental_supporter") else "staff"
            started = self.d.between(self.d.first, self.as_of - datetime.timedelta(days=30))
            self.emit("  - id: p%d" % (n + 1))
            self.emit("    name: %s" % text(self.person_name()))
            self.emit("    kind: %s" % kind)
            self.emit("    role: %s" % role)
            self.emit("    started: %s" % date(started))
            left = None
            if n > 0 and self.chance(0.1):
                left = self.d.between(started, self.as_of)
                self.emit("    left: %s" % date(left))
            if kind == "staff" and self.chance(0.7):
                self.emit("    hours_per_week: %s" % self.rng.choice(["37", "30", "22.5", "18.5", "15"]))
            if n == 0:
                self.emit("    dedicated: %s" % ("true" if self.chance(0.8) else "false"))
            end = left or self.as_of
            records = [(t, self.d.between(started, end)) for t in self.rng.sample(topics, self.rng.choice([0, 1, 1, 2]))]
            if records:
                self.emit("    training:")
                for topic, when in sorted(records, key=lambda r: r[1]):
                    fields = [("topic", topic), ("date", date(when))]
                    if self.chance(0.3):
                        fields.append(("refresh", self.rng.choice(["every 2 years", "every 3 years", "annually"])))
                    self.emit("      - %s" % flow(fields))
            if left is None and self.chance(0.1):
                when = self.as_of + datetime.timedelta(days=self.rng.randint(10, 120))
                self.emit("    booked_training:")
                self.emit("      - %s" % flow([("topic", "impartiality_policy"), ("date", date(when)),
                                               ("booked_on", date(self.d.between(started, self.as_of)))]))
            if self.chance(0.8):
                self.emit("    declarations:")
                kind_d = self.rng.choice(["none_to_declare", "none_to_declare", "personal_involvement"])
                fields = [("date", date(self.d.between(started, end))), ("kind", kind_d)]
                if kind_d != "none_to_declare":
                    fields.append(("detail", "Member of a local parent support group"))
                self.emit("      - %s" % flow(fields))
            if self.chance(0.08):
                self.emit("    other_roles:")
                self.emit("      - %s" % flow([("role", "Panel member"), ("organisation", text(self.authority)),
                                               ("authority_decision_making", "true" if self.chance(0.3) else "false")]))
            if kind == "staff" and self.chance(0.3):
                self.emit("    supervision: %s" % flow([("cadence", self.rng.choice(["monthly", "every 6 weeks"])),
                                                        ("last", date(self.d.between(started, end)))]))
            if self.chance(0.1):
                self.emit("    meetings_attended:")
                for _ in range(self.rng.randint(1, 2)):
                    self.emit("      - %s" % flow([("date", date(self.d.between(started, end))),
                                                   ("meeting", "Annual review at a school"),
                                                   ("role", self.rng.choice(["support_individual", "strategic_contribution"]))]))
        self.emit()

    def groups(self):
        main_type = "steering" if self.iass or self.chance(0.5) else "advisory"
        n_main = max(6, round(self.n_meetings * 0.6))
        n_sub = self.n_meetings - n_main
        self.emit("groups:")
        self.group("steering", "%s Steering Group" % self.name, main_type, None, n_main,
                   self.rng.choice(["termly", "termly", "quarterly"]))
        self.group("monitoring-group", "Impartiality monitoring sub-group", "sub_group", "steering", n_sub,
                   self.rng.choice(["monthly", "every 2 months"]))
        self.emit()

    def group(self, gid, name, gtype, parent, n_meetings, meets):
        self.emit("  - id: %s" % gid)
        self.emit("    name: %s" % text(name))
        self.emit("    type: %s" % gtype)
        if parent:
            self.emit("    parent_group: %s" % parent)
            self.emit("    duties: [monitor_impartiality]")
        else:
            self.emit("    duties: %s" % flow_list(self.subset(
                ["advise_practice", "monitor_effectiveness", "review_policies", "oversee_service", "receive_reports",
                 "co_produce_plans"])))
        members = []
        self.emit("    members:")
        kinds = ["parents", "parent_carer_forum", "local_authority", "health", "social_care", "voluntary_sector",
                 "schools", "service", "independent", "young_people"]
        for n in range(self.upto(4, 8) if not parent else 3):
            represents = self.rng.choice(kinds) if n >= 2 else ("parents" if self.chance(0.85) else "schools")
            mid = "m%d" % (n + 1)
            fields = [("id", mid), ("name", text(self.person_name())), ("represents", represents)]
            if represents in ("parents", "parent_carer_forum"):
                fields.append(("is_parent_carer", "true"))
            if represents == "young_people":
                fields.append(("is_young_person", "true"))
            if n < 2:
                fields.append(("seat", self.rng.choice(["standing", "rotating", "elected"])))
            members.append(mid)
            self.emit("      - %s" % flow(fields))
        self.emit("    chair: %s" % self.rng.choice(members))
        self.emit("    quorum: %s" % (flow([("members", "3"), ("parent_required", "true")]) if self.chance(0.5)
                                       else flow([("fraction", "0.5")])))
        if self.chance(0.6):
            adopted = self.d.recent(2000, 100)
            self.emit("    terms_of_reference: %s" % flow([("adopted", date(adopted)), ("review_cadence", "annually")]))
        self.emit("    meets: %s" % meets)
        self.emit("    meetings:")
        step = 122 if meets in ("termly", "quarterly") else (30 if meets == "monthly" else 61)
        day = self.as_of - datetime.timedelta(days=self.rng.randint(0, 90))
        dates = []
        for _ in range(n_meetings):
            dates.append(day)
            day -= datetime.timedelta(days=step + self.rng.randint(-12, 12))
        for when in reversed(dates):
            attended = [m for m in members if self.chance(0.6)] or members[:1]
            fields = [("date", date(when)), ("attended", flow_list(attended))]
            if self.chance(0.25):
                fields.append(("topics", flow_list([text(t) for t in self.rng.sample(MEETING_TOPICS, 2)])))
            if not parent and self.chance(0.15):
                fields.append(("reviewed_policies", flow_list(self.rng.sample(self.policy_ids, 1))))
            if self.chance(0.2):
                fields.append(("quorate", "true"))
            self.emit("      - %s" % flow(fields))
        receives = self.subset(["annual_report", "policies", "service_data", "service_plan", "user_feedback"])
        if not parent:
            self.emit("    receives: %s" % flow_list(receives))

    def monitoring(self):
        self.emit("monitoring:")
        self.emit("  - id: impartiality-monitoring")
        self.emit("    subjects: %s" % flow_list(self.subset(["advice", "information", "publications", "user_feedback"])))
        self.emit("    aspect: impartiality")
        if self.chance(0.9):
            self.emit("    by: monitoring-group")
        if self.chance(0.85):
            self.emit("    cadence: %s" % self.rng.choice(["annually", "twice-yearly", "every 2 years"]))
        self.emit("    triggers: [new_publication]")
        if self.chance(0.9):
            self.emit("    last_done: %s" % date(self.d.recent(900)))
        if self.chance(0.5):
            self.emit("  - id: effectiveness")
            self.emit("    subjects: [policy_effectiveness, user_feedback]")
            self.emit("    aspect: effectiveness")
            self.emit("    by_role: Service Manager")
            self.emit("    cadence: annually")
            self.emit("    last_done: %s" % date(self.d.recent(500)))
        self.emit()

    def publications(self):
        self.emit("publications:")
        for n in range(self.upto(1, 3)):
            source = "service" if n == 0 else self.rng.choice(["service", "local", "national"])
            published = self.d.recent(1500, 10)
            self.emit("  - id: pub-%d" % (n + 1))
            self.emit("    title: %s" % text(self.rng.choice(
                ["Who we are and what we do", "Your rights and choices", "Preparing for a meeting",
                 "A guide to annual reviews", "Moving on from school"]) + " (%d)" % (n + 1)))
            self.emit("    kind: %s" % self.rng.choice(["leaflet", "factsheet", "booklet", "web_page"]))
            self.emit("    source: %s" % source)
            if source != "service":
                self.emit("    publisher: %s" % ("Council for Disabled Children" if source == "national" else
                                                  "%s Parent Carer Forum" % self.slug.title()))
            self.emit("    published: %s" % date(published))
            if source == "service":
                self.emit("    states_impartiality: %s" % ("true" if self.chance(0.8) else "false"))
                checks = [self.d.between(published, self.as_of) for _ in range(self.rng.randint(0, 2))]
                self.emit("    impartiality_checks: %s" % flow_list(
                    [flow([("date", date(c)), ("by", "Sub-group"), ("outcome", "passed")]) for c in sorted(checks)]))
        self.emit()

    def lists(self):
        if self.chance(0.8):
            self.emit("website_links:")
            for n in range(self.upto(0, 3)):
                scope = self.rng.choice(["local", "national"])
                self.emit("  - %s" % flow([("organisation", text(self.rng.choice(
                    ["IPSEA", "Contact", "Council for Disabled Children", "SENDIASS Network", "Local parent carer forum",
                     "Citizens Advice"]))), ("scope", scope), ("checked", date(self.d.recent(600)))]))
            if self.lines[-1] == "website_links:":
                self.lines[-1] = "website_links: []"
            self.emit()
        self.emit("annual_reports:")
        for n in range(self.upto(1, 3)):
            year = self.as_of.year - 1 - n - (1 if self.chance(0.3) else 0)
            published = datetime.date(year + 1, self.rng.randint(9, 12), self.rng.randint(1, 28))
            if published > self.as_of:
                published = self.as_of - datetime.timedelta(days=5)
            self.emit("  - period: {kind: academic, year: %d/%02d}" % (year, (year + 1) % 100))
            if self.chance(0.9):
                self.emit("    published: %s" % date(published))
            if self.chance(0.9):
                self.emit("    distributed_to: %s" % flow_list(self.subset(
                    ["steering_group", "local_authority", "commissioners", "parents_and_carers", "public"])))
            self.emit("    includes: %s" % flow_list(self.subset(
                ["usage_data", "user_feedback", "outcomes", "action_plan", "impartiality_monitoring"])))
        self.emit()
        self.emit("escalation:")
        self.emit("  - concern: a concern about the service's impartiality")
        self.emit("    raised_by: Service Manager")
        self.emit("    to: [Director of Children's Services, Chair of the Steering Group]")
        self.emit()
        if self.chance(0.85):
            self.emit("feedback_to_authority:")
            for _ in range(self.upto(1, 4)):
                self.emit("  - %s" % flow([("date", date(self.d.recent(900))), ("topic", text(self.rng.choice(FEEDBACK_TOPICS))),
                                          ("to", "Head of SEN"), ("via", "quarterly report")]))
            self.emit()
        if self.chance(0.85):
            self.emit("publicity:")
            self.emit("  audiences: %s" % flow_list(self.subset(
                ["parents_and_carers", "children", "young_people", "schools", "head_teachers", "post16_institutions"])))
            self.emit("  channels: %s" % flow_list(self.subset(
                ["schools_sencos", "authority_letters", "authority_website", "local_offer", "leaflets", "events"]
                if self.iass else ["schools_sencos", "authority_letters", "authority_website", "leaflets", "events"])))
            if self.iass and self.chance(0.6):
                self.emit("  local_offer_url: https://www.%s.gov.uk/localoffer/sendiass" % self.slug)
            self.emit()
        if self.chance(0.8):
            self.emit("partners: %s" % flow_list(self.subset(
                ["%s Parent Carer Forum" % self.slug.title(), "Citizens Advice", "Local Mencap", "Autism support group"], 0)))
            self.emit()
        if self.sized_chance(0.8):
            self.emit("training_delivered:")
            for _ in range(self.upto(1, 3)):
                self.emit("  - %s" % flow([("date", date(self.d.recent(700))),
                                          ("audience", self.rng.choice(["parents_and_carers", "schools", "practitioners", "volunteers"])),
                                          ("title", self.rng.choice(["Understanding SEN support", "Preparing for annual reviews",
                                                                     "The graduated approach", "EHC needs assessments"]))]))
            self.emit()

    def era_sections(self):
        if self.iass and self.chance(0.8):
            ccg = "icb" if self.chance(0.5) else "ccg"
            self.emit("commissioning:")
            self.emit("  commissioners:")
            self.emit("    - {name: %s, kind: local_authority, funds: true, share: 0.7}" % text(self.authority))
            if self.chance(0.8):
                self.emit("    - {name: %s Health, kind: %s, funds: true, share: 0.3}" % (text(self.slug.title()), ccg))
            self.emit("  from: %s" % date(self.d.recent(1500, 200)))
            self.emit("  covers_audiences: %s" % flow_list(self.subset(["parents_and_carers", "children", "young_people"])))
            self.emit("  covers_topics: %s" % flow_list(self.subset(["education", "health", "social_care"])))
            self.emit()
        if self.sized_chance(0.8):
            self.emit("accessibility:")
            self.emit("  formats: %s" % flow_list(self.subset(["plain_english", "easy_read", "large_print", "audio"], 0)))
            if self.chance(0.7):
                self.emit("  languages: %s" % flow_list(self.subset(["Polish", "Urdu", "Punjabi", "Romanian"], 0)))
            self.emit("  interpreters: %s" % ("true" if self.chance(0.7) else "false"))
            self.emit("  hours: Weekdays 9am to 5pm")
            self.emit("  hours_published: %s" % ("true" if self.chance(0.8) else "false"))
            self.emit("  flexible_meetings: %s" % ("true" if self.chance(0.7) else "false"))
            self.emit("  outreach: %s" % flow_list(self.subset(["community_groups", "schools", "health_settings"], 0)))
            self.emit()
        if self.sized_chance(0.6):
            self.emit("self_assessment:")
            framework, levels, start = (("minimum_standards_2018", ["met", "partially_met", "not_met"],
                                         datetime.date(2018, 9, 1)) if self.iass else
                                        ("nppn_2010", ["minimum_standard", "good_practice", "best_practice"],
                                         datetime.date(2010, 1, 1)))
            when = self.d.between(start, self.as_of)
            for standard in self.rng.sample(["Impartiality", "Arm's length", "Steering group", "Staff training"], 2):
                self.emit("  - %s" % flow([("date", date(when)), ("framework", framework), ("standard", text(standard)),
                                          ("level", self.rng.choice(levels)), ("agreed_by", "steering")]))
            self.emit()
        if self.sized_chance(0.6):
            kind = self.rng.choice(["independent_provider", "authority", "this_service"])
            self.emit("disagreement_resolution:")
            self.emit("  provider: %s" % ("Global Mediation" if kind == "independent_provider" else text(self.authority)))
            self.emit("  provider_kind: %s" % kind)
            self.emit("  independent_persons: %s" % ("true" if self.chance(0.8) else "false"))
            if kind != "this_service":
                self.emit("  independent_of_service: true")
            self.emit("  offers: [disagreement_resolution, mediation]")
            self.emit("  made_known_to: %s" % flow_list(self.subset(["parents_and_carers", "schools", "head_teachers"])))
            self.emit("  service_signposts: true")
            self.emit()
        if self.sized_chance(0.4):
            self.emit("attestations:")
            # Rules that exist and are attested: an attestation of any other id is an input error.
            self.emit("  - rule: %s" % ("send-cop-2015/impartial-in-practice" if self.iass else "sen-cop-2001/arms-length-respected"))
            self.emit("    statement: The authority does not direct the advice the service gives")
            self.emit("    by: %s, Chair of the Steering Group" % text(self.person_name()))
            self.emit("    date: %s" % date(self.d.recent(400)))

    def write(self):
        self.header()
        self.service()
        self.arms_length()
        self.policies()
        self.people()
        self.groups()
        self.monitoring()
        self.publications()
        self.lists()
        self.era_sections()
        return "\n".join(self.lines).rstrip("\n") + "\n"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("out_dir")
    parser.add_argument("--count", type=int, required=True)
    parser.add_argument("--seed", type=int, default=1)
    args = parser.parse_args()
    sizes = []
    for era in ("pps", "iass"):
        os.makedirs(os.path.join(args.out_dir, era), exist_ok=True)
    for index in range(args.count):
        service = Service(index, args.seed)
        body = service.write()
        path = os.path.join(args.out_dir, "iass" if service.iass else "pps", "svc-%05d.yaml" % index)
        with open(path, "w", encoding="utf-8", newline="\n") as handle:
            handle.write(body)
        sizes.append(len(body.encode("utf-8")))
    if sizes:
        print("generate: %d files (%d pps, %d iass), %.1f to %.1f KB, %.1f MB in all" % (
            len(sizes), (len(sizes) + 1) // 2, len(sizes) // 2, min(sizes) / 1024, max(sizes) / 1024,
            sum(sizes) / 1048576), file=sys.stderr)


if __name__ == "__main__":
    main()
