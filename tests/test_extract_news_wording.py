"""Wire-report wording about places, units and backers: towns the place index lacks but the sentence marks as
places, a group's named units and outlets, state backers written as "X-backed", the forces a country's name
qualifies, and hedges in a reduced relative clause. The sentences are written for these tests in the style of
wire reports; none comes from a benchmark."""

from __future__ import annotations

import pytest

from _extract_helpers import claims_of
from _extract_helpers import extract_text as _extract
from claimgraph.records import Modality

pytestmark = pytest.mark.model


def _violent(text: str):  # noqa: ANN202 - the violent events of one text
    return [e for e in _extract(text).events if e.type in ("ASSAULT", "FIGHT")]


def test_a_town_after_in_that_the_index_lacks_is_the_place_in_the_country_of_the_forces() -> None:
    ev = _violent("The Myanmar military bombed a crowded market in Minbya on Tuesday, killing 17 civilians.")[0]
    assert ev.place is not None and ev.place.name == "Minbya" and ev.place.country == "Myanmar"
    assert [p.name for p in ev.perpetrators] == ["Military Forces of Myanmar"]


@pytest.mark.parametrize("text", [
    "Gunmen killed nine people near the Kawsar educational center in Kabul.",
    "A bomb killed nine people in the South, officials in Kabul said.",
])
def test_a_word_of_a_longer_name_or_a_compass_word_is_no_town(text: str) -> None:
    ev = _violent(text)[0]
    assert ev.place is None or ev.place.name not in ("Kawsar", "South")


def test_a_name_near_which_something_happened_is_a_place() -> None:
    ev = _violent("Junta aircraft bombed a camp for displaced people near Laiza, in Kachin state, on Saturday,"
                  " killing two people.")[0]
    assert ev.place is not None and ev.place.name == "Laiza"
    assert not any(t.name == "Laiza" for t in ev.targets)


def test_a_name_a_post_is_at_is_a_place() -> None:
    # the NER takes the village for an organisation's name; a camp or a checkpoint is at a place
    ev = _violent("About two dozen Maoists fired on a CRPF camp at Kumdih on Friday.")[0]
    assert ev.place is not None and ev.place.name == "Kumdih"
    assert not any(t.name == "Kumdih" for t in ev.targets)
    # a town the index lacks, the PP on the noun or on the verb whose object the post is
    for text in ("On Sunday, a police station in Daraban came under attack from a quadcopter, injuring a constable.",
                 "Militants attacked a police station in Daraban on Sunday, injuring a constable."):
        ev = _violent(text)[0]
        assert ev.place is not None and ev.place.name == "Daraban", text
    ev = _violent("Militants attacked a police station in Operation Sindoor on Sunday.")[0]
    assert ev.place is None or ev.place.name != "Operation Sindoor"


@pytest.mark.parametrize(("text", "forces"), [
    ("A Myanmar military jet bombed a market in Sittwe, killing 17 civilians.", "Military Forces of Myanmar"),
    ("A Pakistani drone struck a house in Khost, killing five.", "Military Forces of Pakistan"),
])
def test_a_countrys_aircraft_are_its_forces_not_the_country(text: str, forces: str) -> None:
    ev = _violent(text)[0]
    assert [p.name for p in ev.perpetrators] == [forces]


def test_a_countrys_name_before_its_forces_says_whose_not_where() -> None:
    ev = _violent("The United States military said it carried out an air strike against al-Shabaab fighters near"
                  " Kismayo, killing five.")[0]
    assert ev.place is not None and ev.place.country == "Somalia"


def test_a_command_named_with_its_country_is_an_organisation() -> None:
    x = _extract("The United States Africa Command (AFRICOM) said it conducted an air strike against al-Shabaab"
                 " fighters on Monday.")
    assert claims_of(x, "attacked", "United States Africa Command", "Al-Shabaab")
    assert not any(e.name == "United States Africa Command" and e.type == "place" for e in x.entities)


@pytest.mark.parametrize(("text", "unit", "group"), [
    ("JNIM claimed the ambush in a message on its Az-Zallaqa propaganda outlet.", "Az-Zallaqa", "Jama"),
    ("JNIM is strongest in the centre. Its Katiba Macina wing is led by a preacher.", "Katiba Macina", "Jama"),
    ("Al-Shabaab announced the capture of the town on its Radio Andalus station.", "Radio Andalus", "Shabaab"),
])
def test_a_unit_or_outlet_a_group_owns_is_its_branch(text: str, unit: str, group: str) -> None:
    assert claims_of(_extract(text), "branch_of", unit, group), text


@pytest.mark.parametrize("text", [
    "The Iran-backed Houthis attacked a ship in the Red Sea.",
    "The Houthis, an Iran-backed militia, attacked a ship.",
])
def test_a_backer_written_before_backed_supports_the_group(text: str) -> None:
    assert claims_of(_extract(text), "supports", "Iran", "Houthi"), text


def test_a_relative_clause_after_a_noun_a_name_qualifies_is_about_the_noun() -> None:
    x = _extract("Hayat Tahrir al-Sham, a former al-Qaida affiliate that controls much of Idlib province, has arrested"
                 " dozens of IS members.")
    assert not claims_of(x, "operates_in", "al-Qaeda", "Idlib")
    assert [c for c in x.claims if c.predicate == "operates_in" and c.object is not None
            and c.object.name == "Idlib"]


@pytest.mark.parametrize("text", [
    "Among the dead was Abdullahi Osman Jabha, believed to be a senior commander of al-Shabaab.",
    "Abdullahi Osman Jabha, thought to be a senior commander of al-Shabaab, was killed.",
])
def test_believed_to_be_in_a_reduced_relative_hedges(text: str) -> None:
    found = claims_of(_extract(text), "member_of", "Jabha", "Shabaab")
    assert found and all(c.modality is Modality.HEDGED for c in found), text


def test_a_continent_after_in_is_no_town() -> None:
    ev = _violent("The Russians suffered their heaviest losses in Africa in July 2024, when dozens of soldiers were"
                  " killed in fighting near Tinzaouatene, in the Kidal region.")[0]
    assert ev.place is not None and ev.place.name == "Tinzaouatene" and ev.place.country == "Mali"


@pytest.mark.parametrize(("text", "field", "bounds"), [
    ("Gunmen killed between 15 and 20 civilians in Kabul.", "killed", (15, 20)),
    ("Between 20 and 25 soldiers were wounded in a blast in Kabul.", "wounded", (20, 25)),
])
def test_a_range_between_two_numbers_is_both_bounds(text: str, field: str, bounds: tuple[int, int]) -> None:
    q = getattr(_violent(text)[0], field)
    assert q is not None and (q.min, q.max) == bounds


def test_a_spokesman_of_a_bodys_government_speaks_for_the_body() -> None:
    assert claims_of(_extract("Taliban government spokesman Zabihullah Mujahid said the attackers had been killed."),
                     "member_of", "Mujahid", "Taliban")


def test_a_body_named_before_its_administration_denies_the_charge() -> None:
    x = _extract("Islamabad accuses the Afghan Taliban of providing safe haven to TTP fighters on Afghan soil, a charge"
                 " the Taliban administration in Kabul denies.")
    found = claims_of(x, "supports", "Taliban", "Tehrik-i-Taliban")
    assert {c.polarity.value for c in found} == {"affirmed", "negated"}


def test_an_attack_at_sea_that_names_no_land_is_placed_on_the_water() -> None:
    ev = _violent("The Houthis struck a bulk carrier in the Red Sea with missiles.")[0]
    assert ev.place is not None and ev.place.name == "Red Sea" and ev.place.country is None


def test_the_short_name_of_a_body_named_before_is_that_body() -> None:
    x = _extract("The Britain-based Syrian Observatory for Human Rights put the death toll at 19. Rami Abdurrahman, who"
                 " heads the Observatory, said the attack bore the hallmarks of IS.")
    assert claims_of(x, "member_of", "Abdurrahman", "Syrian Observatory for Human Rights")
    assert not any(e.name == "Observatory" for e in x.entities)


def test_the_one_a_force_answers_to_directs_it() -> None:
    x = _extract("The Africa Corps, which answers to the Russian Ministry of Defence, took over from the Wagner Group.")
    assert claims_of(x, "directs", "Russian Ministry of Defence", "Africa Corps")


def test_its_in_a_clause_is_the_clause_subjects_not_a_name_in_its_apposition() -> None:
    x = _extract("The Group for the Support of Islam and Muslims (JNIM), Al-Qaeda's affiliate in the Sahel, claimed the"
                 " ambush in a message on its Az-Zallaqa propaganda outlet.")
    assert claims_of(x, "branch_of", "Az-Zallaqa", "Jama")
    assert not claims_of(x, "branch_of", "Az-Zallaqa", "Qaeda")


def test_a_role_after_believed_to_be_in_apposition_is_the_persons() -> None:
    found = claims_of(_extract("Residents said one of those killed was Abdullahi Osman Jabha, believed to be a senior"
                               " commander of al-Shabaab."), "member_of", "Jabha", "Shabaab")
    assert found and all(c.modality is Modality.HEDGED for c in found)


def test_a_leaders_claim_of_responsibility_is_the_bodys() -> None:
    text = ("A bomb killed 12 people in Bannu on Monday. TTP chief Noor Wali Mehsud claimed responsibility for the"
            " attack.")
    x = _extract(text)
    assert claims_of(x, "claimed_responsibility_for", "Tehrik-i-Taliban", "Bannu")
    assert not claims_of(x, "claimed_responsibility_for", "Mehsud")
    assert [p.name for p in _violent(text)[0].perpetrators] == ["Tehrik-i-Taliban Pakistan"]


def test_places_listed_before_a_plural_kind_word_are_each_a_place() -> None:
    x = _extract("Lakurawa, a newer group active in Sokoto and Kebbi states, has attacked villages.")
    assert claims_of(x, "operates_in", "Lakurawa", "Sokoto") and claims_of(x, "operates_in", "Lakurawa", "Kebbi")


@pytest.mark.parametrize("text", [
    "The Arakan Army says it is fighting for self-determination for the Rakhine people.",
    "Al-Shabaab is fighting to overthrow the Somali government.",
])
def test_fighting_for_a_cause_is_no_clash(text: str) -> None:
    assert not _violent(text)


def test_fighting_an_enemy_is_still_a_clash() -> None:
    assert _violent("Al-Shabaab fighters are fighting Somali troops in Baidoa.")


def test_a_vow_of_attacks_is_a_threat_and_insisting_demands_nothing() -> None:
    assert [e.type for e in _extract("He vowed more attacks on ships linked to Israel.").events] == ["THREATEN"]
    x = _extract("The Katsina State government insisted the abduction was carried out by local bandits.")
    assert not any(e.type == "DEMAND" for e in x.events)


@pytest.mark.parametrize(("text", "group", "place"), [
    ("Katiba Alidougou, a JNIM unit active in Banwa and Kossi provinces, claimed the attack.", "Katiba Alidougou",
     "Kossi"),
    ("The attackers belonged to Lashkar-e-Islam, a group present in the Tirah valley.", "Lashkar-e-Islam", "Tirah"),
])
def test_an_adjective_after_the_noun_in_apposition_tells_where_the_group_is_active(text: str, group: str,
                                                                                      place: str) -> None:
    assert claims_of(_extract(text), "operates_in", group, place)


@pytest.mark.parametrize("text, backer, group", [
    # the receiver before what is given, which the parser hangs on the goods
    ("Islamabad has accused Afghanistan of giving the TTP sanctuary and logistical support.", "Afghanistan",
     "Tehrik-i-Taliban Pakistan"),
    ("Western officials say Iran gave the Houthis missiles and drones last year.", "Iran", "Houthis"),
    # an administration named by its group is the group
    ("The Taliban administration continues to provide safe havens to the TTP, the army said.", "Taliban",
     "Tehrik-i-Taliban Pakistan"),
])
def test_a_backer_that_gives_a_group_goods_supports_it(text: str, backer: str, group: str) -> None:
    assert (backer, "supports", group) in {(c.subject.name, c.predicate, c.object.name if c.object else None)
                                            for c in _extract(text).claims}


@pytest.mark.parametrize("text, pair", [
    ("Officials said a joint operation by Assam Police and the Sashastra Seema Bal (SSB) began on Monday.",
     {"Assam Police", "Military Forces of India"}),
    ("The Diyala Operations Command would launch a joint operation with the PMF in the Hamrin mountains.",
     {"Diyala Operations Command", "PMF"}),
    ("The government accuses the Azawad Liberation Front of fighting hand in hand with JNIM.",
     {"Azawad Liberation Front", "Jama'at Nasr al-Islam wal Muslimin"}),
    ("Macawisley fighters fought side by side with the Somali National Army for five hours.",
     {"Macawisley", "Military Forces of Somalia"}),
])
def test_bodies_acting_jointly_cooperate(text: str, pair: set[str]) -> None:
    assert pair in [{c.subject.name, c.object.name} for c in _extract(text).claims
                    if c.predicate == "cooperates_with" and c.object is not None]


@pytest.mark.parametrize("text, group, place", [
    # the land a group holds, named by its places before it, or a strip of land around a place
    ("JNIM has been operating in the Mopti-Segou belt since 2016.", "Jama'at Nasr", "Mopti"),
    ("The Border Guard Force, a Karen militia that controls much of the riverside strip around Myawaddy, said "
     "nothing.", "Border Guard Force", "Myawaddy"),
])
def test_the_land_a_group_holds_is_where_it_operates(text: str, group: str, place: str) -> None:
    assert claims_of(_extract(text), "operates_in", group, place), text


@pytest.mark.parametrize("text, group, target", [
    ("ISWAP vowed further attacks on the Nigerian army.", "Islamic State West Africa Province", "Nigeria"),
    ("The BLA warned of further attacks on the Frontier Corps.", "Balochistan Liberation Army", "Pakistan"),
    ("The TTP warned that attacks on the Khyber Pakhtunkhwa police would intensify.", "Tehrik-i-Taliban Pakistan",
     "Police Forces of Pakistan"),
])
def test_a_threat_of_attacks_on_someone_targets_them(text: str, group: str, target: str) -> None:
    found = claims_of(_extract(text), "targets", group, target)
    assert found and all(c.modality is Modality.INTENDED for c in found), text


def test_what_has_commanders_is_a_body_whatever_the_ner_said() -> None:
    x = _extract("Boubacar Dicko, a local commander of Ansarul Islam, was killed in the raid.")
    assert claims_of(x, "member_of", "Boubacar Dicko", "Ansarul Islam")


def test_a_person_named_after_a_role_keeps_the_whole_name() -> None:
    x = _extract("TTP spokesman Mufti Ghazi Mehsud said the group had carried out the attack.")
    assert [c.subject.name for c in claims_of(x, "member_of", obj="Taliban")] == ["Mufti Ghazi Mehsud"]


def test_an_organisation_cut_after_of_keeps_the_whole_name() -> None:
    ev = _violent("The Nduma Defence of Congo-Renove abducted seven men in Mubi on Sunday.")[0]
    assert [p.name for p in ev.perpetrators] == ["Nduma Defence of Congo-Renove"]


@pytest.mark.parametrize("text", [
    "Al-Shabaab said it would continue striking the Somali National Army across Galmudug.",
    "The group would keep targeting the Frontier Corps, the statement said.",
])
def test_attacks_a_group_would_go_on_making_are_no_incident(text: str) -> None:
    assert _violent(text) == []


def test_names_joined_before_their_settlement_noun_are_places() -> None:
    x = _extract("On Thursday, army aircraft bombed Jikmir and Mandeng, two villages east of Nasir, killing seven "
                 "civilians.")
    kinds = {e.name: e.type for e in x.entities}
    assert kinds.get("Jikmir") == kinds.get("Mandeng") == "place"
