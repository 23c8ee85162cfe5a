#include "service/schema.hpp"

#include "yaml/schema_builder.hpp"

namespace ppsaudit::service {

namespace {

using yaml::k_optional;
using yaml::k_required;
using yaml::Kind;
using yaml::SchemaBuilder;
using yaml::TypeSpec;

const TypeSpec* build(SchemaBuilder& b) {
  const auto* text = b.scalar(Kind::text, "text");
  const auto* boolean = b.scalar(Kind::boolean, "boolean");
  const auto* date = b.scalar(Kind::date, "date");
  // A cadence read from words that mean two things ("bi-annual": twice a year, or every two
  // years) records the reading taken, the other one and the words: the report then shows what
  // the other reading would change (domain.md §10.1).
  const auto* plain_cadence = b.scalar(Kind::cadence, "cadence");
  const auto* cadence = b.with_readings(
      Kind::cadence, "cadence",
      b.record("AmbiguousCadence",
               {{"reading", plain_cadence, k_required, "the reading the file takes"},
                {"alternative", plain_cadence, k_required, "the other way the source's words can be read"},
                {"source", text, k_required, "the source's own words"}}));
  const auto* url = b.scalar(Kind::url, "url");
  const auto* boundary = b.scalar(Kind::term_boundary, "term boundary");
  const auto* academic_year = b.scalar(Kind::academic_year, "academic year");
  const auto* count = b.bounded(Kind::integer, "count", 0, 100000);
  const auto* hours = b.bounded(Kind::number, "hours per week", 0, 168);
  const auto* fraction = b.bounded(Kind::number, "fraction", 0, 1);
  const auto* texts = b.list(text);
  const auto* group_ref = b.reference("groups");
  const auto* policy_ref = b.reference("policies");

  const auto* audience = b.choice("audience", {"parents_and_carers", "children", "young_people", "practitioners",
                                               "head_teachers", "schools", "post16_institutions", "other"});
  const auto* topic = b.choice("topic", {"education", "health", "social_care", "personal_budgets", "local_offer",
                                         "send_law", "disagreement_resolution", "complaints_and_redress",
                                         "gathering_information", "armed_forces_families", "transition", "other"});
  const auto* recipient =
      b.choice("recipient", {"advisory_group", "steering_group", "local_authority", "commissioners",
                             "parents_and_carers", "partners", "schools", "staff", "public", "health", "other"});

  // Arm's-length evidence (domain.md §9.3).
  const auto* relationship = b.record(
      "RelationshipDocument", {{"title", text, k_required, "what the agreement with the authority is called"},
                               {"reference", text, k_optional, "its document reference"},
                               {"dated", date, k_optional, "when it was agreed or last revised"},
                               {"covers_impartiality", boolean, k_optional, "it sets out the service's impartiality"},
                               {"covers_arms_length", boolean, k_optional, "it sets out the arm's-length position"}});
  const auto* target =
      b.record("AuthorityTarget",
               {{"description", text, k_required, "the target as written"},
                {"kind",
                 b.choice("target kind", {"activity_count", "reach", "satisfaction", "reduce_appeals",
                                          "reduce_assessment_requests", "reduce_tribunals", "other"}),
                 k_required, "what it measures; targets in the authority's interest compromise impartiality"}});
  const auto* arms_length = b.record(
      "ArmsLength",
      {{"relationship_document", relationship, k_optional, "the documented relationship with the authority"},
       {"own_identity", boolean, k_optional, "own name, logo and stationery that take precedence"},
       {"own_website", boolean, k_optional, "own website, or a clearly separate section"},
       {"website_maintained_by_service", boolean, k_optional, "service staff control its content"},
       {"separate_case_records", boolean, k_optional, "case records in a system of their own"},
       {"case_records_access",
        b.choice("case records access", {"service_staff_only", "shared_with_authority", "shared_with_host"}),
        k_optional, "who can read the case records"},
       {"line_management",
        b.choice("line management",
                 {"outside_authority", "authority_outside_send", "authority_send_statutory", "host_organisation"}),
        k_optional, "where the manager's line manager sits"},
       {"line_manager", text, k_optional, "the line manager's post"},
       {"budget_holder", b.choice("budget holder", {"service_manager", "authority", "host_organisation", "other"}),
        k_optional, "who holds the service's budget"},
       {"separate_premises", boolean, k_optional, "premises apart from the authority's SEN teams"},
       {"dedicated_phone_line", boolean, k_optional, "a phone line of its own"},
       {"own_complaints_procedure", boolean, k_optional, "a complaints procedure of its own"},
       {"targets_set_by_authority", b.list(target), k_optional, "targets the authority sets the service"}});

  // Who commissions and funds the service (CFA 2014 s.26; domain.md §7.2 IASS2018-COMM-joint).
  const auto* commissioner = b.record(
      "Commissioner", {{"name", text, k_required, "the commissioning body"},
                       {"kind", b.choice("commissioner kind", {"local_authority", "ccg", "icb", "other"}), k_required,
                        "a local authority, a health commissioner (a CCG; an ICB from 1 July 2022) or another body"},
                       {"funds", boolean, k_optional, "it contributes to the service's funding"},
                       {"share", fraction, k_optional, "its share of the funding, from 0 to 1"}});
  const auto* commissioning = b.record(
      "Commissioning",
      {{"commissioners", b.list(commissioner), k_required,
        "who commissions the service; several local authorities may commission one service"},
       {"agreement", text, k_optional, "the commissioning agreement, as named (for example a section 75 agreement)"},
       {"from", date, k_optional, "when the current commission began"},
       {"until", date, k_optional, "when it ends"},
       {"covers_audiences", b.list(audience), k_optional, "who the commission says the service is for"},
       {"covers_topics", b.list(topic), k_optional, "what the commission says the service advises on"}});

  const auto* age = b.bounded(Kind::integer, "age", 0, 25);
  const auto* ages = b.record("AgeRange", {{"from", age, k_required, "the youngest age served, 0 from birth"},
                                           {"to", age, k_required, "the oldest age served, up to 25"}});

  const auto* service = b.record(
      "Service",
      {{"name", text, k_required, "the service's name"},
       {"local_authority", text, k_required, "the local authority responsible for it"},
       {"id", text, k_optional,
        "a short id, unique in a register, by which a baseline finds the service again; by default its local "
        "authority and name"},
       {"hosting", b.choice("hosting", {"in_house", "voluntary_sector", "partnership", "council_owned_company"}),
        k_required, "who runs it"},
       {"host_organisation", text, k_optional, "the host, when not the authority"},
       {"host_kind",
        b.choice("host kind", {"local_authority", "voluntary_sector", "council_owned_company", "health_body", "other"}),
        k_optional, "what kind of body hosts it; for a partnership, which of its members"},
       {"framework", b.choice("framework", {"sen_cop_2001", "send_cop_2015"}), k_required,
        "the Code of Practice it works under, which picks the default profile"},
       {"statutory_basis", text, k_optional, "the duty it discharges, as the service states it"},
       {"audiences", b.list(audience), k_required, "who it serves"},
       {"ages", ages, k_optional, "the ages of the children and young people it serves"},
       {"covers_disability", boolean, k_optional,
        "it serves children and young people with disabilities, and their parents, not only those with SEN"},
       {"support_levels",
        b.list(b.choice("support level", {"information", "advice", "signposting", "casework", "meetings_support",
                                          "help_with_paperwork", "representation", "advocacy", "training"})),
        k_optional, "the kinds of support it offers, from information to representation"},
       {"topics", b.list(topic), k_optional, "what it advises on"},
       {"channels",
        b.list(b.choice("channel", {"telephone", "email", "website", "face_to_face", "home_visits", "meetings_support",
                                    "casework", "written_summaries", "training", "drop_in", "social_media"})),
        k_optional, "how it reaches people"},
       {"free_of_charge", boolean, k_optional, "the service is free to its users"},
       {"website", url, k_optional, "its website"},
       {"aims", texts, k_optional, "its aims as its policies state them"}});

  const auto* commitment = b.record(
      "Commitment", {{"id", text, k_required, "a short id, unique within the policy"},
                     {"section", text, k_optional, "the policy's own section number"},
                     {"kind", b.choice("commitment kind", {"will", "will_not", "states", "staff_will"}), k_required,
                      "a promise, a refusal, a statement, or a duty on staff"},
                     {"text", text, k_required, "the commitment, in the policy's words or a close paraphrase"}});
  const auto* sharing = b.record("Sharing", {{"with", recipient, k_required, "who it was shared with"},
                                             {"date", date, k_optional, "when"},
                                             {"how", text, k_optional, "how (website, leaflet, meeting…)"}});
  const auto* review = b.record(
      "ReviewCycle",
      {{"cadence", cadence, k_required, "how often the policy is reviewed"},
       {"by", group_ref, k_optional, "the group that reviews it"},
       {"by_role", text, k_optional, "or the post that reviews it"},
       {"next_due", date, k_optional, "the next review date, when set"},
       {"also_when",
        b.list(b.choice("review trigger", {"legislation_change", "guidance_change", "service_change", "complaint"})),
        k_optional, "events that bring the review forward"}});
  const auto* policy = b.record(
      "Policy",
      {{"id", text, k_required, "a short id, unique in the file"},
       {"kind",
        b.choice("policy kind", {"impartiality", "confidentiality", "data_protection", "complaints", "safeguarding",
                                 "equality", "volunteering", "other"}),
        k_required, "what the policy is about"},
       {"title", text, k_required, "its title"},
       {"reference", text, k_optional, "its document reference"},
       {"adopted", date, k_optional, "when it was first adopted"},
       {"last_reviewed", date, k_optional, "when it was last reviewed"},
       {"review", review, k_optional, "how it is reviewed"},
       {"published_url", url, k_optional, "where it is published"},
       {"shared_with", b.list(sharing), k_optional, "who it was shared with, and when"},
       {"covers",
        b.list(b.choice(
            "policy coverage",
            {"rights_roles_responsibilities", "range_of_options", "reflect_user_perspectives", "no_vested_interest",
             "meeting_roles", "no_directive_advice", "not_acting_for_authority", "not_advocacy", "host_organisation",
             "consent_before_sharing", "safeguarding_exceptions", "young_people_own_right", "secure_records"})),
        k_optional, "the matters it addresses"},
       {"cites", texts, k_optional, "the guidance it cites, as it cites it"},
       {"commitments", b.list(commitment, "id"), k_optional, "what it commits the service to"}});

  const auto* training_topic = b.choice(
      "training topic", {"induction", "impartiality_policy", "partnership_working", "send_law", "confidentiality",
                         "data_protection", "safeguarding", "independent_parental_supporter", "disagreement_resolution",
                         "working_with_children_and_young_people", "other"});
  const auto* training = b.record(
      "TrainingRecord", {{"topic", training_topic, k_required, "what it covered"},
                         {"date", date, k_required,
                          "when it was completed; a course only booked goes under the person's 'booked_training'"},
                         {"title", text, k_optional, "the course's name"},
                         {"provider", text, k_optional, "who gave it"},
                         {"refresh", cadence, k_optional, "how often it must be repeated"}});
  // A course booked but not yet done: it shows the gap is in hand, but does not fill it.
  const auto* booking = b.record("TrainingBooking", {{"topic", training_topic, k_required, "what it will cover"},
                                                     {"date", date, k_required, "the day the course is booked for"},
                                                     {"booked_on", date, k_optional, "when the place was booked"},
                                                     {"title", text, k_optional, "the course's name"},
                                                     {"provider", text, k_optional, "who gives it"}});
  const auto* declaration = b.record(
      "Declaration",
      {{"date", date, k_required, "when it was made to the manager"},
       {"kind", b.choice("declaration kind", {"none_to_declare", "conflict_of_interest", "personal_involvement"}),
        k_required, "what it declares"},
       {"detail", text, k_optional, "the interest declared"}});
  const auto* other_role = b.record(
      "OtherRole", {{"role", text, k_required, "the other post held"},
                    {"organisation", text, k_optional, "where"},
                    {"authority_decision_making", boolean, k_required,
                     "the post takes part in the authority's SEN decisions (e.g. an EHC or statementing panel)"},
                    {"from", date, k_optional, "when the post was taken up; left out, held throughout"},
                    {"until", date, k_optional, "when it was given up; left out, still held"}});
  const auto* supervision =
      b.record("Supervision", {{"cadence", cadence, k_required, "how often the person is supervised"},
                               {"last", date, k_optional, "the latest supervision session"},
                               {"by_role", text, k_optional, "the supervisor's post"}});
  const auto* attended =
      b.record("MeetingAttended",
               {{"date", date, k_required, "when"},
                {"meeting", text, k_required, "what meeting"},
                {"role", b.choice("meeting role", {"support_individual", "strategic_contribution", "decision_maker"}),
                 k_required, "the role held there (Stone 2004 p.20)"}});
  const auto* person = b.record(
      "Person",
      {{"id", text, k_required, "a short id, unique in the file"},
       {"name", text, k_optional, "their name or post title"},
       {"kind", b.choice("person kind", {"staff", "volunteer"}), k_required, "staff or volunteer"},
       {"role",
        b.choice("person role",
                 {"manager", "parent_partnership_officer", "information_officer", "caseworker", "administrator",
                  "independent_parental_supporter", "independent_supporter", "volunteer_befriender", "other"}),
        k_required, "their role in the service"},
       {"started", date, k_optional, "when they joined the service"},
       {"left", date, k_optional, "when they left, if they have"},
       {"hours_per_week", hours, k_optional, "contracted or usual hours"},
       {"dedicated", boolean, k_optional, "works only for the service"},
       {"training", b.list(training), k_optional, "training completed"},
       {"booked_training", b.list(booking), k_optional, "training booked but not yet done"},
       {"declarations", b.list(declaration), k_optional, "declarations of interest made to the manager"},
       {"other_roles", b.list(other_role), k_optional, "other posts held"},
       {"supervision", supervision, k_optional, "their regular supervision"},
       {"meetings_attended", b.list(attended), k_optional, "decision-making meetings attended, and in what role"}});

  const auto* represents = b.choice(
      "represents", {"parents", "parent_network", "parent_carer_forum", "young_people", "local_authority", "education",
                     "health", "social_care", "voluntary_sector", "schools", "service", "independent", "other"});
  const auto* member = b.record(
      "Member", {{"id", text, k_optional, "a short id, to name the member in attendance and as chair"},
                 {"name", text, k_optional, "their name or post"},
                 {"represents", represents, k_required, "what they represent"},
                 {"is_parent_carer", boolean, k_optional, "the member is a parent or carer of a child with SEN"},
                 {"is_young_person", boolean, k_optional, "the member is a young person"},
                 {"seat", b.choice("seat", {"standing", "rotating", "ex_officio", "elected", "co_opted"}), k_optional,
                  "how the seat is held"},
                 {"nominated_by", text, k_optional, "who nominates to the seat"},
                 {"voting", boolean, k_optional, "the member votes"}});
  const auto* quorum =
      b.record("Quorum", {{"members", count, k_optional, "the least number of members present"},
                          {"fraction", fraction, k_optional, "or the least fraction of members present"},
                          {"parent_required", boolean, k_optional, "a parent member must be present"}});
  const auto* terms_of_reference =
      b.record("TermsOfReference", {{"title", text, k_optional, "its title"},
                                    {"adopted", date, k_optional, "when adopted"},
                                    {"last_reviewed", date, k_optional, "when last reviewed"},
                                    {"review_cadence", cadence, k_optional, "how often it is reviewed"}});
  const auto* meeting =
      b.record("Meeting", {{"date", date, k_required, "when it met"},
                           {"attended", b.list(b.reference("members")), k_optional, "member ids of those present"},
                           {"attendance", count, k_optional, "or how many members were present"},
                           {"quorate", boolean, k_optional, "it was quorate"},
                           {"topics", texts, k_optional, "what it discussed"},
                           {"reviewed_policies", b.list(policy_ref), k_optional, "policies it reviewed"},
                           {"minutes", text, k_optional, "where the minutes are"}});
  const auto* group =
      b.record("Group", {{"id", text, k_required, "a short id, unique in the file"},
                         {"name", text, k_required, "its name"},
                         {"type",
                          b.choice("group type", {"advisory", "steering", "reference", "governance_board",
                                                  "management_committee", "sub_group"}),
                          k_required, "what kind of group it is"},
                         {"parent_group", group_ref, k_optional, "for a sub-group, the group it belongs to"},
                         {"duties",
                          b.list(b.choice("group duty", {"advise_practice", "monitor_effectiveness", "review_policies",
                                                         "monitor_impartiality", "oversee_service", "set_priorities",
                                                         "receive_reports", "raise_issues", "co_produce_plans"})),
                          k_optional, "what it does"},
                         {"members", b.list(member, "id"), k_optional, "its members"},
                         {"chair", b.reference("members"), k_optional, "the member id of the chair"},
                         {"quorum", quorum, k_optional, "its quorum"},
                         {"terms_of_reference", terms_of_reference, k_optional, "its terms of reference"},
                         {"meets", cadence, k_optional, "how often it meets"},
                         {"meetings", b.list(meeting), k_optional, "the meetings held"},
                         {"receives",
                          b.list(b.choice("group receives", {"annual_report", "policies", "service_data",
                                                             "service_plan", "self_assessment", "user_feedback"})),
                          k_optional, "what it is sent"}});

  const auto* monitoring = b.record(
      "Monitoring",
      {{"id", text, k_required, "a short id, unique in the file"},
       {"subjects",
        b.list(b.choice("monitoring subject", {"advice", "information", "publications", "consultations", "support",
                                               "website", "policy_effectiveness", "user_feedback"})),
        k_required, "what is monitored"},
       {"aspect", b.choice("monitoring aspect", {"impartiality", "accuracy", "effectiveness", "quality"}), k_required,
        "for what"},
       {"by", group_ref, k_optional, "the group that does it"},
       {"by_role", text, k_optional, "or the post that does it"},
       {"cadence", cadence, k_optional, "how often"},
       {"triggers",
        b.list(b.choice("monitoring trigger",
                        {"new_publication", "complaint", "legislation_change", "policy_change", "request"})),
        k_optional, "events that call for it besides the cadence"},
       {"last_done", date, k_optional, "when it was last done"},
       {"record", text, k_optional, "where it is recorded"}});

  const auto* check = b.record(
      "ImpartialityCheck",
      {{"date", date, k_required, "when checked"},
       {"by", text, k_optional, "who checked"},
       {"outcome", b.choice("check outcome", {"passed", "amended", "withdrawn"}), k_optional, "what came of it"}});
  const auto* publication = b.record(
      "Publication", {{"id", text, k_required, "a short id, unique in the file"},
                      {"title", text, k_required, "its title"},
                      {"kind",
                       b.choice("publication kind",
                                {"leaflet", "factsheet", "newsletter", "booklet", "web_page", "literature", "other"}),
                       k_required, "what it is"},
                      {"source", b.choice("publication source", {"service", "local", "national"}), k_required,
                       "who produced it: the service, a local or a national organisation"},
                      {"publisher", text, k_optional, "the organisation that produced it"},
                      {"published", date, k_optional, "when it was produced or last revised"},
                      {"url", url, k_optional, "where it is online"},
                      {"states_impartiality", boolean, k_optional, "it tells readers the service is impartial"},
                      {"impartiality_checks", b.list(check), k_optional, "checks of its impartiality"}});
  const auto* website_link = b.record(
      "WebsiteLink", {{"organisation", text, k_required, "who it links to"},
                      {"url", url, k_optional, "the address"},
                      {"scope", b.choice("link scope", {"local", "national"}), k_required, "local or national"},
                      {"topics", texts, k_optional, "what the organisation offers"},
                      {"checked", date, k_optional, "when the link was last checked"}});
  const auto* period = b.record(
      "ReportPeriod",
      {{"kind", b.choice("period kind", {"academic", "financial", "calendar"}), k_required, "which kind of year"},
       {"year", academic_year, k_required, "the year, as 2007/08 (calendar years: 2007/08 means 2007)"}});
  const auto* annual_report = b.record(
      "AnnualReport", {{"period", period, k_required, "the year it covers"},
                       {"published", date, k_optional, "when it was published"},
                       {"distributed_to", b.list(recipient), k_optional, "who received it"},
                       {"includes",
                        b.list(b.choice("report content", {"usage_data", "user_feedback", "outcomes", "self_assessment",
                                                           "action_plan", "impartiality_monitoring"})),
                        k_optional, "what it contains"},
                       {"url", url, k_optional, "where it is"}});
  const auto* escalation =
      b.record("EscalationRoute", {{"concern", text, k_required, "what kind of concern"},
                                   {"raised_by", text, k_required, "who takes it up"},
                                   {"to", texts, k_required, "whom it goes to, in order or as appropriate"}});
  const auto* feedback =
      b.record("FeedbackToAuthority", {{"date", date, k_required, "when"},
                                       {"topic", text, k_required, "what parents' views were about"},
                                       {"to", text, k_optional, "who received it"},
                                       {"via", text, k_optional, "how (meeting, report, consultation response)"}});
  const auto* term_window = b.record(
      "TermWindow", {{"name", text, k_required, "the term's name"},
                     {"starts", boundary, k_required, "its first day, MM-DD or easter"},
                     {"ends", boundary, k_required, "its last day, MM-DD or easter (the day before Easter Sunday)"}});
  const auto* dated_term = b.record("DatedTerm", {{"name", text, k_required, "the term's name, as in terms"},
                                                  {"starts", date, k_required, "its first day"},
                                                  {"ends", date, k_required, "its last day"}});
  const auto* school_calendar =
      b.record("SchoolCalendar", {{"terms", b.list(term_window), k_optional, "the terms of every year"},
                                  {"dated_terms", b.list(dated_term), k_optional, "exact dates for particular years"}});
  // `criterion` is the older name of `rule`: it too holds a rule id, never a criterion id.
  const auto* attestation =
      b.record("Attestation", {{"rule", text, k_optional, "the id of the rule attested"},
                               {"criterion", text, k_optional, "the older name of 'rule': a rule id too"},
                               {"statement", text, k_required, "what the person confirms"},
                               {"by", text, k_required, "who confirms it (name and post)"},
                               {"date", date, k_required, "when"},
                               {"evidence", text, k_optional, "where the evidence is"}});
  // A rule the service accepts, for a time, is not met (issue 14); `check` refuses one that names
  // no rule it applies, runs too long, or waives a legal duty unasked (rules/waiver.hpp).
  const auto* waiver = b.record(
      "Waiver", {{"rule", text, k_required, "the id of the rule waived"},
                 {"scope", text, k_optional,
                  "the element waived, as an evidence path (people[id=ppo]); left out, the whole service"},
                 {"justification", text, k_required, "why the service accepts, for now, that the rule is not met"},
                 {"approved_by", text, k_required, "who approved the waiver (name and post)"},
                 {"granted", date, k_required, "when it was approved"},
                 {"expires", date, k_required, "its last day: it applies to the end of that day"}});
  const auto* publicity_channel =
      b.choice("publicity channel", {"schools_sencos", "authority_letters", "authority_website", "local_offer",
                                     "leaflets", "health_settings", "social_media", "events", "other"});
  const auto* publicity =
      b.record("Publicity", {{"audiences", b.list(audience), k_optional, "who the service is made known to"},
                             {"channels", b.list(publicity_channel), k_optional, "how"},
                             {"local_offer_url", url, k_optional, "the service's entry in the Local Offer"}});
  // How the service reaches people with differing needs (domain.md §2.2 COP2001-KP-access, §7.2 IASS2018-ACCESS).
  const auto* accessibility = b.record(
      "Accessibility",
      {{"formats",
        b.list(b.choice("accessible format", {"plain_english", "easy_read", "large_print", "braille", "audio", "video",
                                              "british_sign_language", "other"})),
        k_optional, "the accessible formats its information comes in"},
       {"languages", texts, k_optional, "languages other than English its information or advice is given in"},
       {"interpreters", boolean, k_optional, "interpreters are arranged on request"},
       {"hours", text, k_optional, "its opening hours, as published"},
       {"hours_published", boolean, k_optional, "its opening hours are published"},
       {"flexible_meetings", boolean, k_optional, "meetings are arranged at times and places that suit families"},
       {"outreach",
        b.list(b.choice("outreach", {"community_groups", "under_represented_groups", "schools", "health_settings",
                                     "early_years_settings", "post16_institutions", "home_visits", "other"})),
        k_optional, "where it goes to reach people who use it less"}});
  // The service's own rating against a framework's standards (domain.md §3.3 NPPN2010-TARGET, §8).
  const auto* self_assessment = b.record(
      "SelfAssessment",
      {{"date", date, k_required, "when the assessment was made"},
       {"framework",
        b.choice("self-assessment framework",
                 {"dcsf_2007", "nppn_2010", "quality_standards_2014", "minimum_standards_2018", "other"}),
        k_required, "the standards assessed against"},
       {"standard", text, k_optional, "the standard or theme rated; left out for an overall rating"},
       {"level",
        b.choice("self-assessment level", {"below_minimum", "minimum_standard", "good_practice", "best_practice", "met",
                                           "partially_met", "not_met"}),
        k_required, "the level reached: practice levels for the 2007 and 2010 exemplifications, met or not since"},
       {"by", text, k_optional, "who made it (name or post)"},
       {"agreed_by", group_ref, k_optional, "the group that agreed it"}});
  // The authority's arrangements for avoiding and resolving disagreements (EA 1996 s.332B).
  const auto* disagreement_resolution = b.record(
      "DisagreementResolution",
      {{"provider", text, k_required, "who provides the arrangements"},
       {"provider_kind",
        b.choice("disagreement resolution provider", {"authority", "independent_provider", "this_service", "other"}),
        k_required, "the authority itself, an independent provider, this service, or another body"},
       {"independent_persons", boolean, k_optional,
        "the arrangements appoint persons independent of the authority and the schools"},
       {"independent_of_service", boolean, k_optional, "the arrangements are run apart from this service"},
       {"offers", b.list(b.choice("disagreement resolution offer", {"disagreement_resolution", "mediation", "other"})),
        k_optional, "what is offered"},
       {"made_known_to", b.list(audience), k_optional, "who the authority makes the arrangements known to"},
       {"made_known_by", b.list(publicity_channel), k_optional, "how"},
       {"service_signposts", boolean, k_optional, "this service tells families about the arrangements"}});
  const auto* training_delivered = b.record(
      "TrainingDelivered",
      {{"date", date, k_required, "when"},
       {"audience",
        b.choice("trained audience", {"parents_and_carers", "schools", "practitioners", "volunteers", "other"}),
        k_required, "for whom"},
       {"title", text, k_required, "what"}});

  return b.record(
      "ServiceFile",
      {{"ppsaudit", b.format_version(k_format_version), k_required, "the format version: 1"},
       {"service", service, k_required, "who the service is"},
       {"arms_length", arms_length, k_optional, "evidence of its arm's-length position"},
       {"policies", b.list(policy, "id"), k_optional, "its policies"},
       {"people", b.list(person, "id"), k_optional, "its staff and volunteers"},
       {"groups", b.list(group, "id"), k_optional, "its advisory and steering groups and their sub-groups"},
       {"monitoring", b.list(monitoring, "id"), k_optional, "what it monitors"},
       {"publications", b.list(publication, "id"), k_optional, "its own and others' literature it sends out"},
       {"website_links", b.list(website_link), k_optional, "links on its website to other organisations"},
       {"annual_reports", b.list(annual_report), k_optional, "its annual reports"},
       {"escalation", b.list(escalation), k_optional, "where concerns are taken"},
       {"feedback_to_authority", b.list(feedback), k_optional, "parents' views passed to the authority"},
       {"publicity", publicity, k_optional, "how it is made known"},
       {"partners", texts, k_optional, "organisations it works with"},
       {"training_delivered", b.list(training_delivered), k_optional, "training it gave to others"},
       {"school_calendar", school_calendar, k_optional, "the terms 'termly' means (default: English three terms)"},
       {"commissioning", commissioning, k_optional, "who commissions and funds the service"},
       {"self_assessment", b.list(self_assessment), k_optional, "its own ratings against national standards"},
       {"accessibility", accessibility, k_optional, "how it reaches people with differing needs"},
       {"disagreement_resolution", disagreement_resolution, k_optional,
        "the authority's arrangements for avoiding and resolving disagreements"},
       {"attestations", b.list(attestation), k_optional, "what a person has confirmed"},
       {"waivers", b.list(waiver), k_optional, "rules the service accepts, for a time, are not met"},
       {"local_packs", texts, k_optional,
        "rule packs of the service's own commitments, each a path relative to this file, audited with it"}});
}

}  // namespace

const yaml::TypeSpec& service_file_schema() {
  static SchemaBuilder builder;
  static const TypeSpec* root = build(builder);
  return *root;
}

}  // namespace ppsaudit::service
