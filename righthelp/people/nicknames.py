"""Groups of given names that people use for one another (nicknames, short forms, spellings).

Each line is one group; a name may be searched by any other in its group. Groups are joined
when they share a name, so "jon" links John and Jonathan. Over-joining is safe: the group only
chooses candidates, and scoring then ranks them.
"""

NICKNAME_GROUPS = """
jonathan jon jonny jonnie john johnny jack jackie
james jim jimmy jamie jimi
william will bill billy liam willie
robert rob bob bobby robbie bert
richard rich rick ricky dick richie
michael mike mikey mick mickey micky
christopher chris kit topher
christine chris chrissy christina tina kristina kristine
matthew matt matty
nicholas nick nicky nico
anthony tony ant antony
thomas tom tommy
joseph joe joey jo
daniel dan danny
samuel sam sammy
samantha sam sammie
alexander alex alec sandy xander lex
alexandra alex alexa lexi sandra
benjamin ben benny benji
edward ed eddie ted teddy ned
charles charlie chas chuck
charlotte charlie lottie lotte
elizabeth liz lizzie beth betty eliza elsie libby bess
margaret maggie meg peggy maisie
catherine katherine kathryn kate katie kathy cathy kat kitty caitlin
rebecca becky becca bex
jessica jess jessie
jennifer jen jenny
victoria vicky tori vikki
abigail abbie abby gail
isabella isabel isabelle bella izzy issy
olivia liv livvy ollie
oliver ollie olly
harry harrison henry hal hank
frederick fred freddie freddy
theodore theo ted teddy
stephen steven steve stevie
patrick pat paddy
peter pete
david dave davey
andrew andy drew
gregory greg
timothy tim timmy
kenneth ken kenny
leonard leo len lenny
mohammed muhammad mohamed mohammad muhammed mohamad
susan sue susie suzanne
deborah debbie deb debra
amanda mandy
natasha tasha tash
nathan nate nathaniel
zachary zach zack
joshua josh
jacob jake
callum calum
kayleigh kayley kaylee kailey
leigh lee
mia mya
sophie sophia sofia
ellie eleanor ella nell nellie elle
gabriel gabe gaby
josephine josie jo
""".strip().splitlines()
