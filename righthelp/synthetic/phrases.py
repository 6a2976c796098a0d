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

# ---------------------------------------------------------------- the front door
# What a request says is working well for the family.
WORKING_WELL = [
    "The child goes to school most days and has good friends there.",
    "The parent is honest about what is hard and wants things to change.",
    "Grandparents live nearby and help with the children after school.",
    "The family has kept in touch with the health visitor and goes to appointments.",
    "The child loves their football club and the coach knows them well.",
    "The children are warm and well cared for, and the home is clean.",
    "The parent has asked for help before and used it well.",
]

# What the child said, as the person asking wrote it (children of four and over).
REQUEST_CHILDS_WORDS = [
    "Said they were hungry and did not want to go home.",
    "Told staff that home is \"too shouty\" and they cannot sleep.",
    "Said they worry about their mum and stay in to look after her.",
    "Would not talk about home but said school is the best part of the day.",
    "Said they are scared when the grown-ups argue.",
]

# Why a request was sent without the family's agreement.
CONSENT_DISPENSED = [
    "Asking the parents first could put the child at greater risk.",
    "The police asked that the family is not told until a strategy discussion is held.",
    "The parent could not be reached and the worry could not wait.",
]

# What the Emergency Duty Team did before handing a contact to the Hub.
EDT_ACTIONS = [
    "Visited with the police. The child was safe and well; the parent agreed a safety plan "
    "until the Hub could follow up.",
    "Spoke to the officers at the scene. The children stayed with their grandmother overnight "
    "by agreement.",
    "Checked the record and spoke to the on-call manager. No visit needed overnight; the Hub "
    "to follow up first thing.",
    "Phoned the parent, who agreed the child would stay with a family friend tonight.",
]

# The Hub's reasoning, by the route the request took (timeline routes).
HUB_REASONING = {
    "cafa": [
        "The worries suggest the child may be suffering significant harm. A Child and Family "
        "Assessment will find out what is happening and what the family needs.",
        "Checks show earlier worries of the same kind and the parent could not explain what "
        "happened. The risk is too high for early help alone, so a social worker will assess.",
        "More than one agency is worried and the worries are growing. A social worker needs to "
        "assess the child's safety with the family.",
    ],
    "section_47": [
        "The child may be suffering significant harm now. A strategy discussion is needed today "
        "and a Section 47 enquiry will follow.",
        "The injury and the account given do not match, and the police share the worry. This "
        "needs a Section 47 enquiry without delay.",
    ],
    "early_help": [
        "The family is struggling but the child is not at risk of significant harm. The parent "
        "agrees to support, so the Early Help Hub will agree who leads an Early Help Assessment.",
        "School and home both describe needs that more than one service can help with. An Early "
        "Help Assessment with the family will bring that help together.",
    ],
    "signpost": [
        "The family needs some help but not an assessment. They have been given details of "
        "services that can help, and know they can ask again.",
        "One service can meet this need. The parent was happy to be put in touch with it "
        "directly.",
    ],
    "declined": [
        "There is no significant harm and the parent does not want support at the moment. Their "
        "wish is respected; the person who asked has been told and can ask again if things "
        "change.",
    ],
    "exploitation": [
        "The worries point to the young person being drawn into exploitation. Awaken will "
        "complete the risk assessment and work with them; no social care assessment is needed "
        "now.",
    ],
    "complex_needs": [
        "The child's needs arise from their disability. A specialist assessment by Supporting "
        "Children with Complex Needs will look at the help the family needs.",
    ],
    "already_open": [
        "The child is already open to children's social care. The information has been passed "
        "to the allocated worker, who will act on it; no new assessment is needed.",
    ],
}
DIFFERENT_STEP_REASON = [
    "The child's disability means the specialist team is best placed to assess; early help "
    "would not meet these needs.",
]
SIGNPOSTED_TO = [
    "The family hub's parenting programme; money and debt advice.",
    "The school nurse drop-in; the young people's emotional health service.",
    "The family hub's baby group; the health visitor's clinic.",
    "The food bank and the council's housing advice service.",
]
AWAKEN_SIGNPOST = "Awaken, the council's exploitation and missing service."

# The child's voice in a Hub decision, by age.
CHILDS_VOICE = {
    "unborn": [
        "Not yet born. The midwife says the mother is anxious and has missed scans; the baby's "
        "needs come first in any plan.",
    ],
    "baby": [
        "Too young to say: the baby feeds well and settles with their mum, but is unusually "
        "quiet with strangers.",
        "Too young to say: the baby watches the adults closely and startles at raised voices.",
        "Too young to say: alert and smiling at the visit, though the weight loss tells its own "
        "story.",
    ],
    "young": [
        "\"I like my teacher. I don't like it when the grown-ups shout.\"",
        "\"I want my mum to be happy again.\"",
        "\"Sometimes there's no tea, so I have cereal.\"",
        "\"I like it at Nan's. It's quiet there.\"",
    ],
    "older": [
        "\"I just want things to be calm at home.\"",
        "\"I don't want anyone to get into trouble. I just want it to stop.\"",
        "\"School's all right. It's better than being at home.\"",
        "\"I can look after myself. I'm more worried about my little brother.\"",
        "\"I don't need a social worker, but my mum needs some help.\"",
    ],
}

# Multi-agency checks: the Hub's question and the partner's answer, by kind of agency.
CHECK_QUESTIONS = {
    "police": [
        "Have the police been called to the address in the last year, including for domestic "
        "abuse?",
        "Is anyone at the address known to the police for violence or drugs?",
    ],
    "health": [
        "Is the child up to date with health checks and immunisations? Any missed appointments "
        "or injuries seen?",
        "Are there worries about a parent's health that affect their care of the child?",
    ],
    "school": [
        "How is the child's attendance, and have staff noticed changes in how they are?",
        "Has the child said anything to staff about home?",
    ],
}
CHECK_ANSWERS = {
    "police": [
        "Two call-outs to the address this year, both verbal arguments; no arrests.",
        "No police records for the address or the adults named.",
        "One domestic abuse incident recorded this year; the risk was assessed as medium.",
    ],
    "health": [
        "Immunisations are up to date. Two missed appointments this year; no other worries.",
        "Seen in the emergency department recently with a minor injury; the account fitted.",
        "The mother is under the perinatal mental health team and keeps her appointments.",
    ],
    "school": [
        "Attendance is 82% this term. Staff say the child seems tired and often hungry.",
        "Attendance is good and the child is settled. No worries at school.",
        "The child told a teaching assistant things are \"rubbish at home\" but said no more.",
    ],
}

# Advice line consultations: anonymous, so in general terms (no names, dates or places).
ADVICE_WORRIES = [
    "A pupil has been arriving late and hungry and says their parent is unwell. The school "
    "wonders whether this needs a request for support.",
    "A parent told a nursery worker they are struggling with money and with their partner's "
    "temper.",
    "A teenager seems to have new older friends and expensive clothes. Staff are unsure how "
    "worried to be.",
    "A health visitor noticed a baby has lost weight and the parent seems very low.",
    "A young person said they sometimes sleep at a friend's house because home is too loud.",
    "Police attended a verbal argument at a family home while the children were asleep. Should "
    "the Hub be told?",
    "A child has bruises that the parent explained as rough play. The teacher is not sure the "
    "explanation fits.",
    "A family has moved into temporary accommodation and the children have missed a lot of "
    "school.",
    "A parent with a learning disability is finding it hard to keep a toddler's health "
    "appointments.",
    "A pupil says they look after a younger brother most evenings while their mum works.",
]
ADVICE_REQUEST = [
    "A request for support is advised. Talk to the family first unless that would put the "
    "child at risk, then send the online form today.",
    "This may be significant harm. Make a request for support now, and phone the Hub if the "
    "child is at immediate risk.",
    "Advised a request for support so the Hub can check what other agencies know and decide "
    "on the right help.",
]
ADVICE_NO_REQUEST = [
    "No request is needed yet. Talk with the family about the worry, offer support from the "
    "setting and call back if things change.",
    "Advised using the early help offer in the setting and keeping a note of anything new. A "
    "request is not needed at this point.",
    "Suggested the family hub's parenting sessions and money advice. The caller will check in "
    "with the family again soon.",
    "Talk to the parent about what would help and share the family hub's details. Call again "
    "if the worries grow.",
]

# A partner's request saved as a draft, half written.
DRAFT_WORRIES = [
    "Attendance has dropped this term and the child seems worried about home. Still to add: "
    "what the parent said when we spoke.",
]
