"""Plain-English words for synthetic records: worries, outcomes, and children's own words."""

# Who asks for support, as a chronology entry says it.
SOURCES = [
    "the child's school", "the health visitor", "Lancashire Constabulary", "the child's GP",
    "the midwife", "the child's nursery", "Blackpool Housing Options", "the probation service",
    "a neighbour", "the child's parent", "the Emergency Duty Team", "a voluntary sector worker",
]

WORRIES = {
    4: [
        "bruising seen on the child's arm with no clear explanation",
        "police called to the home after domestic abuse; the children were present",
        "the child told a teacher that an adult at home hurts them",
        "a parent under the influence of alcohol while caring for a baby",
        "a baby brought to hospital with an injury that does not fit the account given",
        "the child arrives at school hungry and in the same clothes most days",
        "the home is unsafe: no heating, little food and the children often alone",
    ],
    3: [
        "the family is struggling with routines and school attendance is very low",
        "a parent's mental health is poor and the eldest child is caring for them",
        "the family may lose their tenancy and have rent arrears",
        "the child's behaviour at home has become hard to manage and the parent asks for help",
    ],
    2: [
        "a parent feels isolated after the birth of a new baby",
        "the child's anxiety is stopping them going to school",
        "the parent asked for help with money and food",
        "the child is being bullied and is withdrawn at home",
    ],
    "exploitation": [
        "seen with older young people linked to drug dealing",
        "found with money and a second phone that the parent cannot explain",
        "missing from home overnight and found in another town",
    ],
}

PRE_BIRTH = [
    "an expectant mother living with domestic abuse",
    "an earlier child was removed from the parents' care",
    "drug use during the pregnancy and no plans made for the baby",
]

# Hub decisions, by the route the request takes next.
HUB_OUTCOMES = {
    "cafa": "Significant harm worries: Child and Family Assessment",
    "section_47": "Significant harm suspected: Section 47 enquiry and assessment",
    "early_help": "Family struggling, no significant harm: Early Help Assessment",
    "signpost": "Help without assessment: signposted to services",
    "declined": "Family declined support; no significant harm, so their wish is respected",
    "exploitation": "Exploitation concerns: referred to Awaken",
    "complex_needs": "Specialist assessment: Supporting Children with Complex Needs",
    "already_open": "Already open to children's social care: passed to the allocated worker",
}

STARTED = {
    "request_for_support": "Request for support received from {source}: {worry}.",
    "cafa": "Child and Family Assessment started.",
    "section_47": "Strategy discussion held; Section 47 enquiry started.",
    "child_in_need": "Child in need plan started.",
    "child_protection": "Initial child protection conference: child protection plan agreed.",
    "looked_after": "Became looked after (one of Our Children).",
    "care_leaver": "Personal adviser allocated; pathway plan started.",
    "early_help": "Early Help Assessment started with the family.",
    "exploitation": "Awaken plan started after the CE2 risk assessment.",
    "complex_needs": "Specialist assessment started by Supporting Children with Complex Needs.",
    "adoption": "Adoption plan agreed; family finding started.",
}

# Words children use about people who matter to them, by kind of relationship (and, where
# the words say "she" or "he", by the person's sex).
CHILDS_WORDS = {
    "mother": ["My mum gives the best cuddles.", "Mum helps me with my reading.",
               "My mum always knows when I'm sad."],
    "father": ["Dad takes me to football on Saturdays.", "My dad makes me laugh.",
               "I like it when Dad picks me up from school."],
    "parents_partner": ["He helps me with my homework.", "He is kind to my mum and me."],
    "parents_partner:F": ["She helps me with my homework.", "She is kind to my mum and me."],
    "carer:F": ["She makes me feel safe.", "My nan looks after me and I love her."],
    "carer:M": ["He makes me feel safe.", "My grandad looks after me and takes me fishing."],
    "sibling:M": ["My brother looks out for me.", "My brother plays football with me."],
    "sibling:F": ["My sister plays with me when I'm bored.", "My sister does my hair."],
    "half_sibling:M": ["My brother looks out for me."],
    "half_sibling:F": ["My sister plays with me when I'm bored."],
    "grandparent:F": ["Nan lets me help her bake.", "My nan is the person I tell things to."],
    "grandparent:M": ["I stay at Grandad's on Fridays and we watch films.",
                      "Grandad takes me to feed the ducks."],
    "aunt_uncle:F": ["My auntie takes me to the beach.", "I can talk to my auntie about anything."],
    "aunt_uncle:M": ["My uncle takes me to the match.", "I can talk to my uncle about anything."],
    "friend": ["We walk to school together.", "My best friend keeps my secrets."],
    "teacher:F": ["Miss is kind and listens to me.", "She helps me when I get stuck."],
    "teacher:M": ["Sir is kind and listens to me.", "He helps me when I get stuck."],
    "youth_worker:F": ["She gets me and doesn't judge.", "I can ring her when things go wrong."],
    "youth_worker:M": ["He gets me and doesn't judge.", "I can ring him when things go wrong."],
}

DISABILITIES = [
    "Autism", "ADHD", "Hearing impairment", "Cerebral palsy", "Global developmental delay",
    "Visual impairment", "Speech, language and communication needs", "Epilepsy",
]
