"""Words for synthetic early help: assessments, plans, reviews, step-ups and closures."""

from .. import phrases

LIFE = {
    "baby": "A baby who feeds well and settles best with a calm routine.",
    "young": "Aged {age}, loves being outdoors and is happiest when home is calm.",
    "older": "Aged {age}, has good friends at school and worries about what happens at home.",
}
STRENGTHS = phrases.WORKING_WELL
PARENTS_WORDS = [
    "\"I know things have slipped. I want help before it gets worse.\"",
    "\"Mornings are a battle. I'm tired and I need a break.\"",
    "\"I just want the kids to be happy and go to school.\"",
    "\"I didn't know who to ask. I'm glad someone listened.\"",
    "\"Money's the worry. Everything else follows from that.\"",
]
WANTS_TO_CHANGE = [
    "Calmer mornings and getting to school on time.",
    "Less arguing at home and more time together as a family.",
    "Sorting out the money worries and keeping the house.",
    "Mum feeling less alone and having people to talk to.",
    "Bedtimes that work, so everyone gets some sleep.",
]
WHAT_WE_WANT = [
    "The children get to school every day and mornings are calm.",
    "Home feels calmer and everyone feels listened to.",
    "The family keeps their home and has enough money for food and bills.",
    "Mum feels supported and the children have the routines they need.",
]
# (who, council service or partner, what, how the family will know it worked)
ACTIONS = [
    ("family", "", "Set out school clothes and bags the night before.",
     "The children are at school by 8:45 at least four days a week."),
    ("family", "", "Keep a simple bedtime routine on school nights.",
     "Everyone is asleep by 9pm most nights and mornings are easier."),
    ("family", "", "Go to the family hub's stay and play once a week.",
     "Mum says she has met other parents and feels less alone."),
    ("lead_professional", "", "Arrange a breakfast club place at school.",
     "The children have breakfast at school and are settled for the first lesson."),
    ("lead_professional", "", "Check in with the family every two weeks.",
     "The family says they know who to call and get an answer."),
    ("lead_professional", "", "Help the family apply for free school meals and uniform help.",
     "The application is made and the children have the uniform they need."),
    ("council_service", "families_in_need", "Triple P parenting sessions for the parents.",
     "The parents say there is less shouting and they feel more in charge."),
    ("council_service", "families_in_need", "Video Interactive Guidance sessions at home.",
     "The parent notices and names three good moments with their child each week."),
    ("council_service", "family_hub", "Money and benefits advice at the family hub.",
     "The family has a budget and the rent arrears are going down."),
    ("council_service", "better_start", "Better Start play and language sessions.",
     "The child says new words each week and enjoys the sessions."),
    ("other_partner", "Citizens Advice Blackpool", "Debt advice and a plan for the arrears.",
     "The family has one affordable repayment plan and no more letters."),
    ("other_partner", "The school nurse", "Talk with the child about sleep and worries.",
     "The child says they sleep better and know who to talk to."),
    ("other_partner", "Blackpool Carers Centre", "A young carers' group for the eldest child.",
     "The eldest child has time for themselves each week."),
]
YOUNG_ACTIONS = [
    ("council_service", "for_babys_sake", "For Baby's Sake sessions for both parents.",
     "The parents say home feels safer and calmer for the baby."),
]
TEEN_ACTIONS = [
    ("council_service", "homelessness_16_17",
     "Meet Housing Options together about staying at home or a safe place to live.",
     "The young person has a safe place to sleep and a plan they agree with."),
    ("council_service", "substance_misuse_sexual_health",
     "Sessions with the young people's substance misuse and sexual health service.",
     "The young person says they feel safer and knows where to get help."),
]
BETTER = ["Mornings are calmer and the children are getting to school.",
          "Mum says she feels more in control and less alone.",
          "The rent arrears are going down and there is food in the cupboards.",
          "Fewer arguments at home; the children say it is quieter."]
STILL_WORRIED = ["Attendance dips when Mum is unwell.", "Money is still very tight.",
                 "Bedtimes slip at weekends.", ""]
REVIEW_WORDS = {"young": ["\"I like breakfast club.\"", "\"Mum doesn't shout as much now.\""],
                "older": ["\"It's better at home. Mum is calmer.\"",
                          "\"I still worry but I can talk to Miss about it.\""],
                "baby": ["Too young to say: the baby is settled and smiling at the visit."]}
FAMILY_OUTCOME = [
    "Mornings are calm and the children are at school every day. The family is proud of it.",
    "The family kept their home and has a budget that works. Mum says she sleeps again.",
    "Home is calmer; the children say it is a happier place. Everyone worked hard for this.",
]
STEP_UP_WHAT_CHANGED = [
    "Last night the police were called to the home after a fight between the adults; the "
    "children saw it and the youngest has a bruise that nobody can explain.",
    "The eldest child told her teacher that her mum's new partner hits her when he has been "
    "drinking, and she is scared to go home tonight.",
    "The parent has started drinking heavily again and was found asleep with the baby alone "
    "in the house; neighbours called the police.",
]
# The social work plan as handed over, by the social care work stepping down.
HANDOVER = {
    "cafa": "The Child and Family Assessment found the children are not at risk of "
            "significant harm, but the family needs support with routines and money. The "
            "family agreed to early help; carry on with the school and the family hub.",
    "child_in_need": "The child in need plan has done its work: statutory thresholds are no "
                     "longer met. The family asked to keep the support that helped; early help "
                     "carries on the actions for the family and the school.",
}
AGREED = ["Everyone agreed the plan; the family chose the first three actions.",
          "The family agreed the actions and who does each one; the next review is booked."]

