"""Who did it, beyond the subject of the trigger (extract/event_doers.py), descriptive actors by origin, ground
taken as an event, and killed as everyone who died — through the product's Extractor on sentences from issue
10 and like them."""

from __future__ import annotations

import pytest

from _extract_helpers import extract_text as _extract
from claimgraph.records import Event

pytestmark = pytest.mark.model


def _violent(text: str) -> Event:
    events = [e for e in _extract(text).events if e.type in ("ASSAULT", "FIGHT")]
    assert events, text
    return events[0]


def _perps(ev: Event) -> list[str]:
    return [p.name for p in ev.perpetrators]


def _killed(ev: Event) -> tuple | None:
    return None if ev.killed is None else (ev.killed.min, ev.killed.max)


@pytest.mark.parametrize("text, perpetrator", [
    # the subject of the clause the act is the occasion of
    ("The Commissionerate Police seized eight guns following a raid at a house in Cuttack.", "police forces"),
    ("Pakistani troops stormed the compound after killing two guards at the gate.", "Military Forces of Pakistan"),
    # the attacker noun is the trigger itself
    ("Nine dead as gunmen storm hostel of Agricultural Training Institute, Peshawar.", "Unidentified Armed Group"),
    # described by where they come from, not named
    ("Baloch insurgents attacked a checkpoint in Kech, killing four soldiers.", "unidentified armed group"),
    ("Pashtun insurgents attacked a police post in Swat.", "unidentified armed group"),
    ("Five people were killed after unidentified suspects opened fire on a police van near Dera Ismail Khan.",
     "unidentified armed group"),
    # paratroopers, gendarmes, militiamen, warlords: forces and armed men by other names
    ("The courier was ambushed by French paratroopers near Blida, badly wounded and captured.",
     "Military Forces of France"),
    ("Militiamen killed ten villagers in Bangui on Sunday.", "Unidentified Armed Group"),
    # people no one names, doing the act
    ("Unidentified persons hurled a hand grenade at the house of a political worker in Dhirkot on Saturday.",
     "Unidentified Armed Group"),
    # state police and border units named by their own names
    ("DRG personnel killed two Maoists in an encounter in Bijapur district on Monday.", "Police Forces of India"),
    ("Members of Border Guard Bangladesh (BGB) opened fire on smugglers near Naikhongchhari, killing two.",
     "Military Forces of Bangladesh"),
    # a country credited with a strike: its armed forces
    ("A drone strike attributed to Turkey hit a vehicle near Qaladze on 22 August 2024, killing two people.",
     "Military Forces of Turkey"),
    ("A drone strike by Turkey hit a vehicle near Qaladze on Monday, killing two people.", "Military Forces of Turkey"),
    # the subject of the act the killing came of
    ("Eleven civilians were killed when Myanmar military aircraft dropped two bombs on a monastery in Madaya.",
     "Military Forces of Myanmar"),
    # the "by" of an act noun that the parser hung on the noun before it
    ("Insurgents in Idlib province suffered heavy losses in raids by the Syrian army on Friday.",
     "Military Forces of Syria"),
    # the sides of a shoot-out (parsed as its "out")
    ("Three people were killed in a shoot-out between soldiers and bandits near Gusau on Monday.",
     "Military Forces of Nigeria"),
])
def test_descriptive_doers(text: str, perpetrator: str) -> None:
    perps = _perps(_violent(text))
    # with or without the country the report's places give ("… (Pakistan)" once Swat is known as a place)
    assert perps and perps[0].lower().startswith(perpetrator.lower()), perps


def test_a_regional_demonym_is_no_group() -> None:
    ev = _violent("Kashmiri militants attacked an army camp in Uri.")
    assert "Kashmiri" not in _perps(ev)
    assert _perps(ev) and _perps(ev)[0].startswith("Unidentified Armed Group")


@pytest.mark.parametrize("text", [
    # victims are never perpetrators (issue 10)
    "The Counter-Terrorism Department claim to have killed five suspected members of Al Qaeda in Multan.",
    "Police killed 20 suspected sandalwood smugglers in Andhra Pradesh.",
])
def test_victims_are_no_perpetrators(text: str) -> None:
    ev = _violent(text)
    assert _perps(ev) and _perps(ev)[0].startswith("Police Forces") or _perps(ev) == ["police forces"]
    assert not any("Qaeda" in p or "mugglers" in p for p in _perps(ev))


def test_a_passive_subjects_apposition_is_the_victim() -> None:
    ev = _violent("One of the three hostages, Guillermo Sobero, was beheaded in the jungle of Basilan.")
    assert "Guillermo Sobero" not in _perps(ev)


def test_an_incidents_name_is_no_actor() -> None:
    ev = _violent("The DONEGALL ARMS SHOOTING took place on 21 December 1991, when gunmen burst into the "
                  "Donegall Arms public house in Belfast.")
    assert not any("SHOOTING" in p for p in _perps(ev))


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("text, perpetrator", [
    # "planted by" in a later sentence of the incident
    ("A soldier died after a bomb exploded in Lamu. The explosive device had been planted on the road by "
     "al-Shabaab, the army said.", "Al-Shabaab"),
    # the parser hangs "by" on the road: still the agent of "planted"
    ("A KDF soldier has died after two IEDs exploded in Lamu near the Somali border. KDF said the explosive "
     "devices have been planted on the roads by the Al Shabaab.", "Al-Shabaab"),
    # the claimant of its own fighters' act
    ("The Sudan Liberation Movement claims its rebel combatants killed dozens of government troops near Jebel "
     "Marra.", "Sudan Liberation Movement"),
    # "X was the perpetrator of"
    ("Lashkar-e-Taiba was the perpetrator of the Mumbai massacre.", "Lashkar-e-Taiba"),
    # a pronoun or "the group" resolved to the group named as a subject before it
    ("The Taliban have stepped up their campaign this spring. On Monday they launched an attack against the "
     "governor's compound in Kabul.", "Taliban"),
    ("Al-Shabaab has stepped up its campaign. The group said it carried out the bombing in Mogadishu that "
     "killed 12 soldiers.", "Al-Shabaab"),
    # a name the NER did not see before its fighters, and one it took for a person's before its hunters
    ("Suspected Lakurawa militants killed at least nine herders in Sokoto state on Monday.", "Lakurawa"),
    ("Dozo hunters attacked a village near Didieni in Mali on Monday, killing six herders.", "Dozo"),
    # ... and one the tagger took for an adjective
    ("Mobondo militiamen armed with machetes raided a village near Kwamouth on Sunday, killing four people.",
     "Mobondo"),
    # a name the NER took for a building's, of a body people are activists of
    ("Activists of the Bajrang Dal ransacked shops in Nahan on Wednesday.", "Bajrang Dal"),
    # a body against a listed group is not that group
    ("The anti-Taliban National Resistance Front said its fighters attacked a Taliban checkpoint in Paryan "
     "district, killing three.", "National Resistance Front"),
    # armed people named by what they do, and a crowd that kills
    ("Armed raiders attacked herders near a borehole in Marsabit on Sunday, killing three.",
     "Unidentified Armed Group (Kenya)"),
    ("Armed youths attacked a cattle camp in Mayom County on Saturday, killing eight people.",
     "unidentified armed group"),
    ("A crowd beat to death a man suspected of theft in Kailali district on Sunday.", "Rioters (Nepal)"),
    # the group whose work the act was believed to be, below the verb of belief
    ("A roadside bomb hit a bus near Buuhoodle on Sunday, killing five passengers. No group claimed it. An "
     "officer said it was suspected to be the work of al-Shabaab.", "Al-Shabaab"),
    # blamed, with where the blamed are active after them (no charge)
    ("Two soldiers were killed when their vehicle struck a mine near Karimama on Sunday, an army source said, "
     "blaming JNIM militants active in the area.", "Jama'at Nasr al-Islam wal Muslimin"),
    # the attackers told of as getting away, no one else named
    ("A bomb exploded near a police van in Turbat on Monday, killing two policemen. The attackers fled on a "
     "motorcycle.", "Unidentified Armed Group (Pakistan)"),
    # an acronym the NER took together with its men
    ("SPLA-IO forces said on Friday they had ambushed an army convoy near Ayod, killing two soldiers.", "SPLA-IO"),
    # the doer of an act a participle and its conjunct follow
    ("A Myanmar military jet dropped two bombs on a village in Pauk township on Monday, destroying a monastery and "
     "killing nine civilians.", "Military Forces of Myanmar"),
    # the subject of the verb an act the parser left unlabelled follows ("then stormed"), not the bomber's
    # description
    ("On Sunday, JNIM fighters drove a truck packed with explosives, driven by a suicide bomber, into the gate of the "
     "army post at Djibo, then stormed the base. At least 11 soldiers were killed.",
     "Jama'at Nasr al-Islam wal Muslimin"),
])
def test_named_doers(text: str, perpetrator: str) -> None:
    assert perpetrator in _perps(_violent(text))


def test_a_unit_named_against_a_group_is_not_the_group() -> None:
    """"Naxal" inside "Anti-Naxal Force" is no mention of the Maoists: the force made the arrest."""
    ev = next(e for e in _extract("Anti-Naxal Force personnel arrested two suspected Maoists near Sringeri on "
                                  "Monday.").events if e.mode == "arrest")
    assert _perps(ev) == ["Anti-Naxal Force"]


def test_a_crowd_of_protesters_is_no_mob() -> None:
    names = [e.name for e in _extract("Police fired tear gas at a crowd of protesters in Lahore on Friday.").entities]
    assert "Protesters (Pakistan)" in names and not any(n.startswith("Rioters") for n in names)


@pytest.mark.parametrize("text, perpetrator", [
    ("Syrian army and allied fighters captured on Thursday a key neighborhood in the countryside of Deir "
     "al-Zour.", "Military Forces of Syria"),
    ("Troopers from the Northern Luzon Command have captured two rebel camps located in Abra.",
     "Northern Luzon Command"),
    # control of a town the NER took for an organisation
    ("Regime troops regained control of Myitta in Dawei district, Tanintharyi Region, on 2 June 2024.",
     "Military Forces of Myanmar"),
])
def test_taking_ground_is_a_fight(text: str, perpetrator: str) -> None:
    ev = _violent(text)
    assert (ev.type, ev.mode) == ("FIGHT", "capture")
    assert perpetrator in _perps(ev)


@pytest.mark.parametrize("text", [
    "The Somali National Army has captured a senior commander of the group in Dhusamareb.",
    "Police seized eight guns and 500 live bullets in Cuttack.",
    "Police took control of the situation in Cuttack on Monday.",
])
def test_taking_people_or_arms_is_no_capture_of_ground(text: str) -> None:
    assert not [e for e in _extract(text).events if e.mode == "capture"]


@pytest.mark.parametrize("text, killed, attackers", [
    # issue 10: "Four militants and an army commando were killed" is 5
    ("Four militants and an army commando were killed in the operation in North Waziristan.", (5, 5), (4, 4)),
    # the militants killed by troops died in the incident too
    ("Pakistani troops killed four militants in North Waziristan.", (4, 4), (4, 4)),
    ("At least ten terrorists were killed when they attacked a base in Mogadishu.", (10, None), (10, None)),
])
def test_killed_counts_everyone_who_died(text: str, killed: tuple, attackers: tuple) -> None:
    ev = _violent(text)
    assert _killed(ev) == killed
    assert ev.attackers_killed is not None and (ev.attackers_killed.min, ev.attackers_killed.max) == attackers



def test_list_entries_of_different_days_stay_apart() -> None:
    # issue 10: undated list entries ("20 JANUARY -") are dated by the year the list states, one event each
    text = ("This article is an outline of terrorist incidents in Pakistan in 2017.\n\n"
            "-   20 JANUARY - An IED exploded at a vegetable market in Parachinar. The blast killed at least 25 "
            "people.\n"
            "-   12 FEBRUARY - Samaa TV assistant cameraman Taimoor Khan killed in an incident.\n"
            "-   15 FEBRUARY - At least two people killed in a suicide blast in Peshawar's Hyatabad area.\n"
            "-   15 FEBRUARY - 5 People including 3 Levies personnel killed in a suicide attack in Mohmand Agency.\n")
    events = [e for e in _extract(text).events if e.type in ("ASSAULT", "FIGHT")]
    assert len(events) == 4, [e.evidence.text[:40] for e in events]
    assert events[0].date is not None and events[0].date.value == "2017-01-20"


@pytest.mark.usefixtures("data_dir")
def test_it_claimed_responsibility_attaches_to_the_event() -> None:
    ev = _violent("A bomb exploded at a market in Quetta, killing 9 people. The Balochistan Liberation Army has been "
                  "active in the area. It claimed responsibility for the attack.")
    assert _perps(ev) == ["Balochistan Liberation Army"]
    assert ev.responsibility.value == "claimed"


def test_an_unlisted_name_before_an_attack_noun_is_its_place() -> None:
    ev = _violent("In 2014 a member was arrested for his role in the Lamitan siege, in which 12 hostages died.")
    assert "Lamitan" not in _perps(ev)


@pytest.mark.parametrize("text, killed, attackers", [
    ("Two suicide bombers blew themselves up near a police checkpoint in Ankara on Saturday.", (2, 2), (2, 2)),
    ("Two suicide bombers detonated explosives, killing themselves in an area near Ankara.", (2, 2), (2, 2)),
    ("A suicide bomber blew himself up outside a mosque in Quetta, killing 12 worshippers.", (13, 13), (1, 1)),
])
def test_bombers_who_killed_themselves_are_counted(text: str, killed: tuple, attackers: tuple) -> None:
    ev = _violent(text)
    assert _killed(ev) == killed
    assert ev.attackers_killed is not None and (ev.attackers_killed.min, ev.attackers_killed.max) == attackers


def test_a_vague_toll_is_no_number() -> None:
    ev = _violent("Syrian government forces and Kurdish fighters clashed in the city of Hassakeh, killing several "
                  "people.")
    assert ev.killed is None or (ev.killed.min, ev.killed.max) == (None, None)



_FAR = ("For more than four decades, ethnic militias have been engaged in an insurgency seeking autonomy for the "
        "hills, where timber, jade and cattle cross the river at night and the customs posts on the highway change "
        "hands every dry season. Traders pay whoever holds the road, and the government in the capital has never "
        "collected a tax there. The group is considered violent and was responsible for the country's worst "
        "terrorist attack, the bombing of a ferry in 2004, which killed 116 people.")


def test_the_group_far_from_any_name_is_the_group_the_report_is_about() -> None:
    text = ("The Karen Liberation Front (KLF) is an armed group active in the hills of eastern Burma. The Karen "
            "Liberation Front was founded in 1976 by refugees from the delta, and the Karen Liberation Front still "
            "recruits in refugee camps along the river. " + _FAR)
    assert _perps(_violent(text)) == ["Karen Liberation Front"]


def test_the_group_has_no_topic_when_the_report_is_about_several() -> None:
    text = ("The Karen Liberation Front and the Shan People's Army both operate in eastern Burma. The Shan People's "
            "Army and the Karen Liberation Front signed a truce in 1999, and the Shan People's Army broke it in "
            "2001. " + _FAR)
    assert _perps(_violent(text)) == []


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("text, perpetrator", [
    # "they" as the subject of the verb that takes the trigger noun ("held ... hostage")
    ("Fighters of the Abu Sayyaf Group entered the town in June. They took over a church and a hospital and "
     "held priests, medical staff and patients hostage.", "Abu Sayyaf Group"),
    # a group named with its joiner half hyphenated ("Lashkar-e Taiba" for Lashkar-e-Taiba)
    ("Lashkar-e Taiba was the perpetrator of the Mumbai massacre.", "Lashkar-e-Taiba"),
    # a short form the text defines, later used alone where the NER sees no name
    ('These attacks were claimed by the "Protestant Action Force" (PAF), a cover name used by loyalists. On 5 '
     "December the PAF shot dead a man in Newtownabbey.", "Protestant Action Force"),
    # a listed group's name without its group word, where the text also gives it in full
    ("In June members of the terrorist group Abu Sayyaf kidnapped 20 tourists in Lamitan. The Abu Sayyaf group "
     "later freed five of them.", "Abu Sayyaf Group"),
    # "implicated X in the bombing": X is blamed, not the one who implicates
    ("Police implicated the Balochistan Liberation Army in the bombing of a train near Quetta.",
     "Balochistan Liberation Army"),
])
def test_doers_named_before_or_spelled_otherwise(text: str, perpetrator: str) -> None:
    assert perpetrator in _perps(_violent(text))


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("text, perpetrator", [
    # the shooter of "X shot dead Y" where the parser hung "dead" on the victim's name
    ("The second killing came in March, when the Taliban shot dead Corporal John Reid in Kandahar.", "Taliban"),
    # an attacker noun whose own clause ties it to a group, hedged or not
    ("Armed men believed to be members of Al-Shabaab abducted three teachers in Mandera.", "Al-Shabaab"),
    # the group's members parsed as the subject of the act, the gunmen as the subject of "believed"
    ("Police said gunmen believed to be Abu Sayyaf members snatched a teacher on Saturday.", "Abu Sayyaf"),
    # the agent of a doing verb in a relative clause of belief on the act; the one the act was ordered by
    ("Gunmen killed at least 11 people in a bar in Fresnillo late Saturday, in an attack investigators believe was"
     " carried out by the Jalisco New Generation Cartel.", "Jalisco New Generation Cartel"),
    ("Gunmen killed 11 people in a bar in Fresnillo on Saturday. Prosecutors said the attack was ordered by the"
     " Jalisco New Generation Cartel.", "Jalisco New Generation Cartel"),
    ("Two farmers were shot dead by gunmen believed to belong to the Taliban.", "Taliban"),
    ("Militants suspected of belonging to Boko Haram killed 12 villagers in Borno.", "Boko Haram"),
    ("The militants, who belonged to Jaish-e-Mohammed, attacked an army camp in Kupwara, killing 18 soldiers.",
     "Jaish-e-Mohammed"),
    # both sides of a clash named by "between X and Y"
    ("At least 20 people died in clashes between the army and the Taliban in Helmand.", "Taliban"),
    # the speaker of "said it had killed"
    ("The army said it had killed 30 insurgents in an air raid on their camp in Borno.", "Military Forces"),
    # a relative clause's "who" / "which" is the noun it hangs from
    ("Residents fear the Taliban, who attacked a police post in Ghazni last week, killing five officers.",
     "Taliban"),
    # the subject of a verb that wages a campaign of the act, or takes hostages; hostages held by X
    ("The Provisional IRA began a bombing campaign in England in 1974.", "Irish Republican Army"),
    ("The army freed ten hostages held by Boko Haram in Borno.", "Boko Haram"),
    # convicted, sentenced, charged or arrested for the act, or for a role in it
    ("Two members of the IRA were convicted for the Brighton hotel bombing in 1986.", "Irish Republican Army"),
    ("Two Hamas militants received life sentences for their role in the bombing of a bus in Jerusalem.", "Hamas"),
    ("Police arrested two Taliban commanders in connection with the bombing in Kabul.", "Taliban"),
    # the doer of the act a trailing "killing ..." tells
    ("Syrian government forces shelled the town of Idlib on Monday, killing seven civilians.", "Military Forces"),
])
def test_doers_by_their_clause(text: str, perpetrator: str) -> None:
    assert any(p.startswith(perpetrator) for p in _perps(_violent(text))), _perps(_violent(text))


@pytest.mark.usefixtures("data_dir")
def test_victims_believed_to_be_members_are_no_doers() -> None:
    perps = _perps(_violent("Troops killed five militants believed to be members of the Islamic State in Kirkuk."))
    assert "Islamic State" not in perps, perps


@pytest.mark.usefixtures("data_dir")
def test_they_far_from_anyone_named_is_the_group_the_report_is_about() -> None:
    far = _FAR.replace("The group is considered violent and was responsible for the country's worst terrorist "
                       "attack, the bombing of a ferry in 2004, which killed 116 people.",
                       "In March 2004 they bombed a ferry in the bay, killing 116 passengers.")
    text = ("The Karen Liberation Front (KLF) is an armed group active in the hills of eastern Burma. The Karen "
            "Liberation Front was founded in 1976 by refugees from the delta, and the Karen Liberation Front still "
            "recruits in refugee camps along the river. " + far)
    assert _perps(_violent(text)) == ["Karen Liberation Front"]


@pytest.mark.usefixtures("data_dir")
def test_they_after_people_named_is_not_the_topic_group() -> None:
    text = ("The Karen Liberation Front (KLF) is an armed group active in the hills of eastern Burma. The Karen "
            "Liberation Front was founded in 1976 by refugees from the delta, and the Karen Liberation Front still "
            "recruits in refugee camps along the river. " + _FAR.split(" The group")[0]
            + " Police officers raided a village near the river. In March 2004 they shot dead two farmers there.")
    assert "Karen Liberation Front" not in _perps(_violent(text))


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("text, perpetrator", [
    # a spokesman's "the group's fighters"
    ("An Al-Shabaab spokesman said the group's fighters had killed 20 African Union soldiers.", "Al-Shabaab"),
    # an act told with no doer, after a sentence that says a named group planned it
    ("The Provisional IRA planned a wave of attacks on pubs in southern England. Its members scouted several "
     "towns. A bomb exploded in a pub in Guildford on 5 October, killing five people.", "Irish Republican Army"),
])
def test_doers_named_by_the_speaker_or_the_planner(text: str, perpetrator: str) -> None:
    assert perpetrator in _perps(_violent(text)), _perps(_violent(text))


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("text, perpetrator", [
    # "killings" as a noun is a killing, and its "carried out by" names who did them
    ("The killings were carried out by the Irish National Liberation Army.", "Irish National Liberation Army"),
    # an attack "led by" X, under attack "from" X, X "fired dozens of rockets"
    ("The assault on the army base was led by Boko Haram fighters.", "Boko Haram"),
    ("At least 12 soldiers died when their convoy came under attack from Boko Haram insurgents near Maiduguri.",
     "Boko Haram"),
    ("Hamas fired dozens of rockets into southern Israel overnight.", "Hamas"),
])
def test_killings_as_a_noun(text: str, perpetrator: str) -> None:
    assert perpetrator in _perps(_violent(text)), _perps(_violent(text))


@pytest.mark.usefixtures("data_dir")
def test_a_group_that_agreed_to_talks_did_not_plant_the_next_bomb() -> None:
    text = "The Taliban agreed to hold talks with the government in Doha. A bomb exploded in Kabul, killing five."
    assert _perps(_violent(text)) == []


@pytest.mark.usefixtures("data_dir")
@pytest.mark.parametrize("text, incidents", [
    # the told incident as the subject, the act that began it in an "after" clause: one incident (a CASE 2021
    # snippet of the tuning half)
    ("More details have emerged about a battle that erupted today in Hiraan Region, resulting in deaths and "
     "injuries. The fighting came after al-Shabab fighters attacked federal government troops in El Adde "
     "village.", 1),
])
def test_the_act_that_began_a_told_incident_is_that_incident(text: str, incidents: int) -> None:
    from _events_helpers import parse
    from claimgraph.extract.events import _incidents, _lexicon, find_triggers
    from claimgraph.ontology import load_ontology

    lex = _lexicon(load_ontology())
    parsed = parse(text)
    found = _incidents(parsed, lex, [find_triggers(ps.sent, lex) for ps in parsed])
    assert len([i for i in found if i.family == "violent"]) == incidents


@pytest.mark.model
def test_an_actor_in_an_appositive_relation_is_no_doer_and_a_backer_is_no_place(extractor) -> None:  # type: ignore[no-untyped-def]
    from claimgraph.records import Document

    x = extractor.extract(Document(id="d", source="-", text="The Pakistani Taliban, an ally of al-Qaeda, carried out"
                                                              " the bombing in Peshawar."))
    [event] = x.events
    assert [p.name for p in event.perpetrators] == ["Tehrik-i-Taliban Pakistan"]
    x = extractor.extract(Document(id="d", source="-", text="Hezbollah, which is backed by Iran, fired rockets at"
                                                              " northern Israel."))
    [event] = x.events
    assert event.place is not None and event.place.country == "Israel"


@pytest.mark.parametrize("text, not_doers", [
    # who speaks about or reacts to the act is a source, not its doer
    ("A bomb exploded at a bus station in Kano, killing 15 people. Governor Abdullahi Ganduje said after the attack "
     "that the state would not be cowed.", ["Abdullahi Ganduje"]),
    # "the group" in what a speaker says is someone else; "it" and "the group" are never a person
    ("Three suicide bombers attacked Atatürk Airport in Istanbul on 28 June 2016, killing 45 people. CIA Director "
     "John O. Brennan said the attack bore the hallmarks of ISIL and warned that the group was planning similar "
     "attacks.", ["John O. Brennan", "Central Intelligence Agency"]),
    # accused of something else than the act
    ("A bomb ripped through a crowded market in Peshawar on Sunday, killing 30 people. Addressing a rally in Lahore, "
     "Prime Minister Nawaz Sharif accused the Research and Analysis Wing and the Inter-Services Intelligence of "
     "interfering in the affairs of the province.", ["Research and Analysis Wing", "Inter-Services Intelligence"]),
    ("Mir Sarfraz Bugti told a rally in Quetta that the Inter-Services Intelligence would find those behind the "
     "bombing, and accused the Research and Analysis Wing of funding separatists.",
     ["Research and Analysis Wing", "Inter-Services Intelligence"]),
    # accused of supporting armed groups or blamed for a failure: another charge than the act
    ("A suicide bomber struck a police training centre in Quetta, killing 61 cadets. Pakistan has long accused "
     "India's Research and Analysis Wing of supporting terrorist groups in Balochistan.",
     ["Research and Analysis Wing"]),
    ("A suicide bomber struck a police training centre in Quetta, killing 61 cadets. In a speech in Islamabad, the "
     "interior minister blamed the Inter-Services Intelligence for failing to prevent attacks.",
     ["Inter-Services Intelligence"]),
    # other acts than the incident's, in a sentence that comments on it
    ("A car bomb exploded outside a police station in Diyarbakir, killing six people. Interior Minister Efkan Ala "
     "condemned the attack and said the PKK had carried out similar bombings in the past.",
     ["Kurdistan Workers' Party"]),
    ("Gunmen stormed a church in Ouagadougou, killing 14 worshippers. In 2019, the Islamic State in the Greater "
     "Sahara carried out a string of attacks on churches in the region.", ["Islamic State"]),
    # an unlisted school, market or station is where it happened
    ("An attack by the Government Science and Technical College left 42 students dead.",
     ["Government Science and Technical College"]),
    # a related group's history, told in a relative clause on it
    ("On 12 October 2002, bombs exploded in two nightclubs in Kuta, killing 202 people. Jemaah Islamiyah, which was "
     "founded in 1993, had close ties to al-Qaeda, which had carried out the September 11 attacks.", ["al-Qaeda"]),
    # an act against the incident's doers answers it
    ("Boko Haram insurgents abducted 110 schoolgirls from their school in Dapchi on 19 February. The Nigerian Army "
     "said it had killed several of the kidnappers in an operation near the Niger border.", ["Nigerian Army"]),
    ("Five people were killed in a shooting attack near a Christmas market in Strasbourg. The attacker was shot "
     "dead by French police two days after the attack.", ["Police Forces of France"]),
    # a clause timed by the told act ("a month before the abduction") tells another doing
    ("Boko Haram insurgents abducted 110 schoolgirls from their school in Dapchi on 19 February. The Nigerian Army "
     "had withdrawn its troops from Dapchi a month before the abduction.", ["Nigerian Army", "Military Forces"]),
    # "suspected X militants" names X; a group in the militants' own clause is not suspected of the act
    ("A senior police officer was among three suspected militants involved in Inter-Services Intelligence "
     "activities who died in a suicide attack on Quetta.", ["Inter-Services Intelligence"]),
    # who records, suffers or stops an act did not do it
    ("The United Nations said it had documented 45 attacks on schools in Burkina Faso since January.",
     ["United Nations"]),
    ("Nigerian soldiers repelled an attack on their base in Monguno on Sunday.", ["Military Forces of Nigeria"]),
    ("Iraqi police survived a suicide attack on their checkpoint in Tikrit.", ["Police Forces of Iraq"]),
    # the relative clause that tells the act is not part of its doer's phrase
    ("The Somali National Army has captured a senior commander who heads the group's explosives unit that carried "
     "out a mortar shelling in Dhusamareb town in central Somalia.", ["Dhusamareb"]),
    # a name glued to a participle of relation names a backer or ally, not the doer
    ("Militants stormed a hotel in Mogadishu, killing 15 people. The al-Qaeda-linked al-Shabaab group said its "
     "fighters carried out the attack.", ["al-Qaeda"]),
    # "it exploded": the bomb, not the organisation named before
    ("Two officers of the Royal Ulster Constabulary went to inspect an abandoned car near Crossmaglen. Unknown to the "
     "officers, the car contained a bomb. It exploded when one of the officers opened a door, killing both.",
     ["Royal Ulster Constabulary"]),
])
def test_commenters_accusations_of_other_things_and_other_acts_credit_no_one(text: str, not_doers: list[str]) -> None:
    perps = [p for e in _extract(text).events if e.type in ("ASSAULT", "FIGHT") for p in _perps(e)]
    assert not any(n in p for p in perps for n in not_doers), perps


@pytest.mark.parametrize("text, perpetrator", [
    # an accusation of the act itself still names the suspect
    ("A bomb ripped through a crowded market in Peshawar, killing 30 people. The interior minister accused the "
     "Research and Analysis Wing of being responsible for the bombing.", "Research and Analysis Wing"),
    # the doer a relative clause on the act hangs from
    ("Police arrested members of the Lashkar-e-Taiba cell that carried out the bombing in Mumbai.",
     "Lashkar-e-Taiba"),
    # who took hostages, in the clause a "taking hostages" hangs from; where they were taken from is no doer
    ("Abu Sayyaf Group fighters escaped into the forest, taking with them the remaining twelve of the twenty "
     "hostages from Dos Palmas.", "Abu Sayyaf Group"),
])
def test_the_accused_and_the_captors(text: str, perpetrator: str) -> None:  # and a doer's relative clause
    perps = [p for e in _extract(text).events if e.type in ("ASSAULT", "FIGHT") for p in _perps(e)]
    assert perpetrator in perps and "Dos Palmas" not in perps, perps


@pytest.mark.parametrize("text, perpetrator", [
    # the "with" partner of a verb of conspiring whose purpose is the act
    ("Our Nation is also prosecuting David Headley, who is accused of plotting with the Pakistani terrorist "
     "organization Lashkar-e-Taiba to launch the devastating terrorist attacks in Mumbai in 2008.", "Lashkar-e-Taiba"),
    # the second of two relative clauses on the doers ("who ... and who assassinated")
    ("They oppose the warlords who have been in power and who recently assassinated the District Governor of "
     "Arghandab.", "unidentified armed group"),
    # a passive doer verb joined to another ("was ordered by X and carried out by Y"): Y did the operation
    ("The operation was ordered by President Barack Obama and carried out in a CIA operation by a team of United "
     "States Navy SEALs.", "Military Forces of United States"),
    # "X and other leaders of Y" sentenced for their role: Y too
    ("In 2008, Abu Dujana and other leaders of Jemaah Islamiyah received long prison sentences for their role in "
     "the Bali bombings.", "Jemaah Islamiyah"),
])
def test_accomplices_second_relative_clauses_joined_passives_and_leaders_of(text: str, perpetrator: str) -> None:
    perps = [p for e in _extract(text).events if e.type in ("ASSAULT", "FIGHT") for p in _perps(e)]
    assert any(p.lower().startswith(perpetrator.lower()) for p in perps), perps


def test_a_when_clause_on_the_act_names_its_doer_and_a_date_is_no_target() -> None:
    ev = _violent("There was another attempted assassination on 6 July 2007, when an unknown group fired a "
                  "submachine gun at the president's plane in Rawalpindi.")
    assert _perps(ev) and _perps(ev)[0].startswith("Unidentified Armed Group"), _perps(ev)
    assert not [t.name for t in ev.targets if t.name.startswith("Unidentified")]
    ev = _violent("Five villagers were killed in Borno when soldiers shelled the village.")
    assert _perps(ev) and _perps(ev)[0].startswith("Military Forces"), _perps(ev)


@pytest.mark.parametrize("text, perpetrator", [
    # the group whose mark the act is said to bear is suspected, not attacked
    ("Three suicide bombers attacked Atatürk Airport in Istanbul, killing 45 people. CIA Director John O. Brennan said "
     "the attack bore the hallmarks of ISIL.", "Islamic State"),
    ("A car bomb exploded in Ankara, killing 28 people. Officials said it was the work of the PKK.",
     "Kurdistan Workers' Party"),
    # the group suspicion falls on (its "similar attacks" are no doing of this one, but the suspicion stands)
    ("A bomb exploded at a market in Maiduguri, killing 18 people. No group claimed responsibility, but suspicion "
     "fell on Boko Haram, which has carried out similar attacks in the region.", "Boko Haram"),
])
def test_a_group_whose_mark_the_act_bears_or_suspicion_falls_on_is_suspected(text: str, perpetrator: str) -> None:
    ev = _violent(text)
    assert perpetrator in _perps(ev) and perpetrator not in [t.name for t in ev.targets], (_perps(ev), ev.targets)
    assert ev.responsibility.value == "suspected"


def test_an_act_that_disrupts_a_groups_work_bears_no_mark() -> None:
    ev = _violent("A bomb exploded outside the aid agency's office in Kabul, killing four people. The attack "
                  "disrupted the work of the United Nations in the city.")
    assert "United Nations" not in _perps(ev), _perps(ev)


@pytest.mark.parametrize(("text", "doer"), [
    # the possessor of a relation noun in apposition did nothing here
    ("Al-Shabaab, al-Qaeda's affiliate in Somalia, attacked a hotel in Mogadishu.", "Al-Shabaab"),
    ("The Islamic State's regional affiliate, Islamic State Khorasan Province, attacked a rally in Bajaur.",
     "Islamic State Khorasan Province"),
])
def test_the_other_actor_of_an_affiliate_is_no_doer(text: str, doer: str) -> None:
    assert _perps(_violent(text)) == [doer]


@pytest.mark.parametrize("text", [
    # whoever the suspect's relative clause names as its victims is no doer
    "A suicide bomber blew himself up at a police checkpoint in Lakki Marwat on Tuesday, killing six officers. No "
    "group claimed responsibility, but suspicion fell on the Pakistani Taliban, who have stepped up attacks on "
    "security forces.",
    # a sentence that only says where suspicion fell joins the incident, whatever words come between
    "A bomb killed 12 people in a market in Maiduguri on Monday. Suspicion immediately fell on Boko Haram, which "
    "has carried out similar attacks.",
])
def test_suspicion_points_at_the_group_alone(text: str) -> None:
    ev = _violent(text)
    assert len(_perps(ev)) == 1 and ("Taliban" in _perps(ev)[0] or _perps(ev) == ["Boko Haram"])
    assert ev.responsibility.value == "suspected"


def test_an_act_timed_by_the_one_told_is_another_incident() -> None:
    x = _extract("Dissidents of the former FARC rebel group attacked a military base in Cauca on Sunday, killing two "
                 "soldiers, the army said. The attack came a day after ELN guerrillas kidnapped three police officers "
                 "in Arauca province.")
    violent = [e for e in x.events if e.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 2
    assert "National Liberation Army" not in [p.name for p in violent[0].perpetrators]


def test_a_nationality_that_says_whose_a_place_is_no_target() -> None:
    ev = _violent("Rebels attacked a military base in the southwestern Colombian department of Cauca on Sunday.")
    assert "Colombian" not in [t.name for t in ev.targets]


def test_an_agreement_undone_is_no_agreement() -> None:
    x = _extract("The Pakistani Taliban have stepped up attacks on security forces since ending a ceasefire with the "
                 "government in November 2022.")
    assert not [e for e in x.events if e.type == "AGREE"]


@pytest.mark.parametrize("text", [
    # said outright
    "A car bomb exploded outside a restaurant in Mogadishu, killing 15 people. Al-Shabaab said it carried out the "
    "attack. In a separate attack, al-Shabaab fighters killed four soldiers at a checkpoint in Lower Shabelle region.",
    # no publication day to date them by: the weekdays alone tell the two apart
    "A car bomb exploded outside a restaurant in Mogadishu on Sunday, killing 15 people. Al-Shabaab said it carried "
    "out the attack. Al-Shabaab fighters killed four soldiers at a checkpoint in Lower Shabelle region on Saturday.",
])
def test_a_separate_attack_or_one_on_another_weekday_is_another_incident(text: str) -> None:
    violent = [e for e in _extract(text).events if e.type in ("ASSAULT", "FIGHT")]
    assert len(violent) == 2 and violent[1].place is not None and "Shabelle" in violent[1].place.name


def test_those_who_fled_the_doers_act_are_no_doers() -> None:
    ev = _violent("Police killed two militants in Kulgam on Monday. The militants had fled from a hideout.")
    assert _perps(ev) == ["Police Forces of India"]


@pytest.mark.parametrize("text", [
    "Separately, U.S. Africa Command (AFRICOM) said an air strike it carried out in coordination with the Somali "
    "government near Awdheegle, in Lower Shabelle region about 60 km west of Mogadishu, had killed three al Shabaab "
    "militants on Monday.",
    "U.S. Africa Command said an air strike it conducted near Jilib had killed three al-Shabaab fighters.",
])
def test_an_act_the_speaker_says_it_carried_out_is_the_speakers(text: str) -> None:
    assert _perps(_violent(text)) == ["U.S. Africa Command"]


def test_an_act_the_speaker_only_recorded_is_not_the_speakers() -> None:
    assert "United Nations" not in _perps(_violent(
        "The United Nations said an attack it documented near Jilib had killed 12 people."))
