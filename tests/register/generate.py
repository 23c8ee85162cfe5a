#!/usr/bin/env python3
"""Writes the register of tests/register/: service files made from the two examples, each
differing in a way an auditor meets in a real register (another authority's name, a section
left out, an untrained member of staff, a group without parents, a meeting missed). Run it
from anywhere; it rewrites every *.yaml beside it (not packs/). Each file must validate."""
import os
import re

HERE = os.path.dirname(os.path.abspath(__file__))
EXAMPLES = os.path.join(HERE, "..", "..", "examples")


def drop_block(text, key):
    """Removes a top-level key and its indented block (and the comments inside it)."""
    return re.sub(r"(?ms)^%s:.*?(?=^[a-z_#]|\Z)" % key, "", text)


def untrained(text):
    return text.replace("      - {topic: impartiality_policy, date: 2007-09-12}\n", "", 1)


def no_parents(text):
    return text.replace("is_parent_carer: true", "is_parent_carer: false")


def missed_meeting(text):
    return re.sub(r"(?m)^      - \{date: 2011-06-21.*\n", "", text)


def rename(text, old_name, old_la, new_name, new_la):
    return text.replace("name: " + old_name, "name: " + new_name, 1).replace(
        "local_authority: " + old_la, "local_authority: " + new_la, 1)


CAMBS = ("cambridgeshire-pps.yaml", "Cambridgeshire Parent Partnership Service", "Cambridgeshire County Council",
         "cambridgeshire-pps.rules.yaml")
SUSSEX = ("east-sussex-parent-link.yaml", "Parent Link", "East Sussex County Council",
          "east-sussex-parent-link.rules.yaml")

# file stem, base, the service's name, its authority, what differs, the changes
REGISTER = [
    ("bedford-pps", CAMBS, "Bedford Parent Partnership Service", "Bedford Borough Council", "another name", []),
    ("bristol-pps", CAMBS, "Bristol Parent Partnership Service", "Bristol City Council",
     "no website links", [lambda t: drop_block(t, "website_links")]),
    ("cambridgeshire-pps", CAMBS, None, None, "the example as it is", []),
    ("cornwall-pps", CAMBS, "Cornwall Parent Partnership Service", "Cornwall Council",
     "no feedback to the authority recorded", [lambda t: drop_block(t, "feedback_to_authority")]),
    ("derby-pps", CAMBS, "Derby Parent Partnership Service", "Derby City Council",
     "no annual reports", [lambda t: drop_block(t, "annual_reports")]),
    ("devon-pps", CAMBS, "Devon Parent Partnership Service", "Devon County Council",
     "its officer has no impartiality training", [untrained]),
    ("dorset-pps", CAMBS, "Dorset Parent Partnership Service", "Dorset County Council",
     "an advisory group without parents", [no_parents]),
    ("essex-pps", CAMBS, "Essex Parent Partnership Service", "Essex County Council",
     "no escalation route", [lambda t: drop_block(t, "escalation")]),
    ("hampshire-pps", CAMBS, "Hampshire Parent Partnership Service", "Hampshire County Council",
     "no publications and no website links",
     [lambda t: drop_block(t, "publications"), lambda t: drop_block(t, "website_links")]),
    ("kent-pps", CAMBS, "Kent Parent Partnership Service", "Kent County Council",
     "untrained officer, no parents on the group", [untrained, no_parents]),
    ("leeds-pps", CAMBS, "Leeds Parent Partnership Service", "Leeds City Council",
     "no local pack", [lambda t: re.sub(r"(?m)^local_packs:.*\n", "", t)]),
    ("east-sussex-parent-link", SUSSEX, None, None, "the example as it is", []),
    ("lincolnshire-parent-link", SUSSEX, "Lincolnshire Parent Link", "Lincolnshire County Council",
     "another name", []),
    ("norfolk-parent-link", SUSSEX, "Norfolk Parent Link", "Norfolk County Council",
     "a steering group without parents", [no_parents]),
    ("oxfordshire-parent-link", SUSSEX, "Oxfordshire Parent Link", "Oxfordshire County Council",
     "the summer steering group meeting missed", [missed_meeting]),
    ("rutland-parent-link", SUSSEX, "Rutland Parent Link", "Rutland County Council",
     "no publications", [lambda t: drop_block(t, "publications")]),
    ("somerset-parent-link", SUSSEX, "Somerset Parent Link", "Somerset County Council",
     "no parents and a meeting missed", [no_parents, missed_meeting]),
    ("suffolk-parent-link", SUSSEX, "Suffolk Parent Link", "Suffolk County Council",
     "no local pack", [lambda t: re.sub(r"(?m)^local_packs:.*\n", "", t)]),
    ("surrey-parent-link", SUSSEX, "Surrey Parent Link", "Surrey County Council", "another name", []),
    ("wiltshire-parent-link", SUSSEX, "Wiltshire Parent Link", "Wiltshire Council",
     "no publications and no parents", [lambda t: drop_block(t, "publications"), no_parents]),
    ("york-parent-link", SUSSEX, "York Parent Link", "City of York Council", "another name", []),
    ("zetland-parent-link", SUSSEX, "Zetland Parent Link", "Zetland Council",
     "the volunteer's booked training removed too",
     [lambda t: re.sub(r"(?ms)^    booked_training:\n.*?\n(?=\ngroups:)", "", t)]),
]


def main():
    for name in os.listdir(HERE):
        if name.endswith(".yaml"):
            os.remove(os.path.join(HERE, name))
    for stem, (example, old_name, old_la, pack), name, authority, differs, changes in REGISTER:
        with open(os.path.join(EXAMPLES, example), encoding="utf-8") as handle:
            text = handle.read()
        if name:
            text = rename(text, old_name, old_la, name, authority)
        for change in changes:
            text = change(text)
        text = text.replace("local_packs: [%s]" % pack, "local_packs: [packs/%s]" % pack)
        header = "# Register entry made by tests/register/generate.py from examples/%s: %s.\n" % (example, differs)
        with open(os.path.join(HERE, stem + ".yaml"), "w", encoding="utf-8") as handle:
            handle.write(header + text)


if __name__ == "__main__":
    main()
