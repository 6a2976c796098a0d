"""Common given names in England, lower case, for spotting names in free text.

Used to warn when anonymous text (the advice line) may name someone. Given names that are
also ordinary words (Grace, Mark, Will, Summer) are left out to keep false alarms rare.
"""

import re

COMMON_GIVEN_NAMES = frozenset(
    re.findall(
        r"[a-z]+",
        """
aaron abbie abby abigail adam aiden aimee alan albie alec alex alexa alexander alexandra
alfie alice amanda amelia amy andrew andy ant anthony antony archie arthur ashley ashton
ava barbara becca becky bella ben benjamin benji benny bert bess beth bethany betty bex
billy bobby bradley brandon brian brody caitlin callum calum cameron carl carly carol
catherine cathy charles charlie charlotte chas chelsea chloe chris chrissy christina
christine christopher claire connor corey courtney craig dan daniel danielle danny darcy
darren dave davey david deb debbie deborah debra declan demi derek dick donna drew dylan
ed eddie edward elaine eleanor eliza elizabeth ella elle ellie elliot ellis elsie emily
emma erin esme ethan evie finley florence fred freddie freddy frederick freya gabe
gabriel gaby gail gary gemma george graham greg gregory hal haley hank hannah harrison
harry harvey hayley henry hollie ian isaac isabel isabella isabelle isla issy izzy jack
jackie jacob jake james jamie janet jason jaxon jayden jen jennifer jenny jenson jess
jessica jessie jim jimi jimmy jo joanne jodie joe joey john johnny jon jonathan jonnie
jonny jordan joseph josephine josh joshua josie jude kai kailey karen karl kat kate
katherine kathryn kathy katie kayden kayla kaylee kayleigh kayley keith kelly kelsey ken
kenneth kenny kerry kevin kian kieran kirsty kitty kristina kristine kyle lacey laura
lauren layla leah leanne lee leigh len lenny leo leonard lewis lex lexi liam libby lily
linda lisa liv livvy liz lizzie logan lola lotte lottie louie louise lucas lucy luke
maggie maisie mandy margaret martin mason matilda matt matthew matty meg megan mia
michael michelle mick mickey micky mike mikey millie mohamad mohamed mohammad mohammed
mollie muhammad muhammed mya natalie natasha nate nathan nathaniel ned neil nell nellie
niamh nichola nicholas nick nicky nico nicola noah oliver olivia ollie olly oscar owen
paddy paige patricia patrick paul pauline peggy pete peter phoebe rachel rebecca reece
reggie rhys richard richie rick ricky riley rob robbie robert ronnie rosie ryan sam
samantha sammie sammy samuel sandra sarah scarlett scott shannon shaun sian simon sofia
sophia sophie stacey stephanie stephen steve steven stevie susan susie suzanne tash tasha
teddy theo theodore thomas tilly tim timmy timothy tina toby tom toni tony topher tori
tracey tyler vicky victoria vikki wayne william willie xander zach zachary zack zoe
""",
    )
)
