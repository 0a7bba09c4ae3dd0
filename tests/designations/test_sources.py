"""Each list reader on a tiny sample in the real format, and its errors on bad input."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from footprint.designations.dataset import build
from footprint.designations.sources import (
    detect_and_read,
    detect_kind,
    fto_amendments,
    read_eu_csv,
    read_ftm_json,
    read_fto_lookups,
    read_india_yaml,
    read_misp_galaxy,
    read_ofac,
    read_un_xml,
    read_watchlist,
)

SDN = (
    '36,"AEROCARIBBEAN AIRLINES",-0- ,"CUBA",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n'
    '7140,"LASHKAR E-TAYYIBA",-0- ,"FTO] [SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    "\"a.k.a. 'JUD'; a.k.a. 'MML'.\"\n"
    '40096,"DEROJI, Mufti Hazrat","individual","SDGT",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,'
    "\"nationality Pakistan; a.k.a. 'Mufti Hazrat'; Linked To: TEHRIK-E TALIBAN PAKISTAN (TTP).\"\n"
    "\x1a\n"
)
ALT = (
    "7140,9248,aka,JAMAAT-UD-DAWA,-0- \n"
    "7140,33744,aka,AL-MUHAMMADIA STUDENTS,-0- \n"
    "7140,38439,aka,MILLI MUSLIM LEAGUE,-0- \n"
    "7140,38440,aka,MILLI MUSLIM LEAGUE PAKISTAN,-0- \n"
)
UN = """<?xml version="1.0" encoding="UTF-8"?><CONSOLIDATED_LIST dateGenerated="2018-10-29T19:09:49.856-04:00">
<INDIVIDUALS><INDIVIDUAL><FIRST_NAME>HAFIZ</FIRST_NAME><SECOND_NAME>MUHAMMAD</SECOND_NAME><THIRD_NAME>SAEED</THIRD_NAME>
<UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE><REFERENCE_NUMBER>QDi.263</REFERENCE_NUMBER><LISTED_ON>2008-12-10</LISTED_ON>
<COMMENTS1>Leader of Lashkar-e-Tayyiba (QDe.118).</COMMENTS1><NATIONALITY><VALUE>Pakistan</VALUE></NATIONALITY>
<INDIVIDUAL_ALIAS><QUALITY>Good</QUALITY><ALIAS_NAME>Hafiz Mohammad Sayid</ALIAS_NAME></INDIVIDUAL_ALIAS>
<INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Hafiz Sahib</ALIAS_NAME></INDIVIDUAL_ALIAS></INDIVIDUAL>
<INDIVIDUAL><FIRST_NAME>RI</FIRST_NAME><UN_LIST_TYPE>DPRK</UN_LIST_TYPE><REFERENCE_NUMBER>KPi.033</REFERENCE_NUMBER></INDIVIDUAL></INDIVIDUALS>
<ENTITIES><ENTITY><FIRST_NAME>LASHKAR-E-TAYYIBA</FIRST_NAME><UN_LIST_TYPE>Al-Qaida</UN_LIST_TYPE>
<REFERENCE_NUMBER>QDe.118</REFERENCE_NUMBER><LISTED_ON>2005-05-02</LISTED_ON>
<ENTITY_ALIAS><QUALITY>a.k.a.</QUALITY><ALIAS_NAME>Jamaat-ud-Dawa</ALIAS_NAME></ENTITY_ALIAS></ENTITY></ENTITIES>
</CONSOLIDATED_LIST>"""
EU = (
    "celex,recordId,programKey,annex,measure,startDate,reason,schema,name,alias,weakAlias,notes\n"
    "32001R2580,10,EU-TERR,II.B,Asset freeze,,,Organization,Hamas,,,including ‘Hamas-Izz al-Din al-Qassem’\n"
    "32001R2580,7,EU-TERR,II.A,Asset freeze,,,Person,BOUYERI Mohammed,Abu Zubair; Sobiar,,\n"
)
INDIA = """title: Indian Ministry of Home Affairs Banned Organizations
prefix: in-mha
lookups:
  names:
    options:
      - regex: "Organizations listed .+ UN .+ Security Council "
        entities: []
      - match: "Lashkar-E-Taiba/Pasban-E-Ahle Hadis/The Resistance Front and all its manifestations."
        entities:
          - main_name: Lashkar-E-Taiba; Pasban-E-Ahle Hadis; The Resistance Front
            notes: and all its manifestations and front organizations
      - match: "PLA and its political wing RPF"
        entities:
          - main_name: Peoples’ Liberation Army; PLA
            related_name: Revolutionary People’s Front; RPF
            relationship: political wing
"""
FTO = """title: US Department of State Foreign Terrorist Organizations
prefix: us-dos-fto
lookups:
  names:
    options:
      - match: Lashkar-e-Tayyiba (LeT)— Al Muhammadia Students Amendment (December 30, 2016)— Tehreek-e-Azadi-e-Kashmir and Milli Muslim League Amendments (April 4, 2018)— The Resistance Front Amendment (July 18, 2025)
        names:
          - name_clean: Lashkar-e-Tayyiba
            alias: ["LeT", "Al Muhammadia Students", "Tehreek-e-Azadi-e-Kashmir", "Milli Muslim League", "The Resistance Front"]
      - match: "al-Nusrah Front, aka Hay’at Tahrir al-Sham (ANF/HTS)— Hay’at Tahrir al-Sham Amendment (June 1, 2018)"
        names:
          - name_clean: al-Nusrah Front
            alias: ["Hay’at Tahrir al-Sham", "ANF"]
      - match: al-Nusrah Front, aka Hay’at Tahrir al-Sham (ANF/HTS)
        names:
          - name_clean: al-Nusrah Front
            alias: ["Hay’at Tahrir al-Sham", "ANF", "HTS"]
"""


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_ofac_terror_programs_only_with_aliases(tmp_path: Path) -> None:
    sdn = write(tmp_path, "ofac_sdn_2024-05-03.csv", SDN)
    alt = write(tmp_path, "ofac_alt.csv", ALT)
    got = {x.id: x for x in read_ofac(sdn, alt)}
    assert set(got) == {"us-ofac:7140", "us-ofac:40096"}
    let = got["us-ofac:7140"]
    assert let.program == "FTO;SDGT" and let.entity_type == "organization"
    assert let.source_date == dt.date(2024, 5, 3)
    assert [(a.name, a.quality) for a in let.aliases][:2] == [
        ("JAMAAT-UD-DAWA", "strong"),
        ("AL-MUHAMMADIA STUDENTS", "strong"),
    ]
    assert ("MML", "weak") in [(a.name, a.quality) for a in let.aliases]
    person = got["us-ofac:40096"]
    assert person.entity_type == "person" and person.program == "SDGT"
    assert [a.name for a in person.aliases] == ["Mufti Hazrat"]
    assert "Linked To: TEHRIK-E TALIBAN PAKISTAN" in (person.remarks or "")


def test_ofac_bad_rows(tmp_path: Path) -> None:
    bad = write(tmp_path, "sdn.csv", "hello,world\n")
    with pytest.raises(ValueError, match=r"sdn\.csv: line 1"):
        read_ofac(bad, None)
    with pytest.raises(ValueError, match="empty"):
        read_ofac(write(tmp_path, "empty.csv", ""), None)


def test_un_xml_1267_only(tmp_path: Path) -> None:
    got = {x.id: x for x in read_un_xml(write(tmp_path, "un.xml", UN))}
    assert set(got) == {"un:QDi.263", "un:QDe.118"}
    saeed = got["un:QDi.263"]
    assert saeed.name == "HAFIZ MUHAMMAD SAEED" and saeed.program == "QDi"
    assert saeed.listed_on == dt.date(2008, 12, 10)
    assert saeed.source_date == dt.date(2018, 10, 29)
    assert [(a.name, a.quality) for a in saeed.aliases] == [
        ("Hafiz Mohammad Sayid", "strong"),
        ("Hafiz Sahib", "weak"),
    ]
    assert "nationality Pakistan" in (saeed.remarks or "")
    assert got["un:QDe.118"].entity_type == "organization"


def test_un_xml_errors(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match=r"un\.xml: not XML"):
        read_un_xml(write(tmp_path, "un.xml", "<CONSOLIDATED_LIST><oops>"))
    with pytest.raises(ValueError, match="root element"):
        read_un_xml(write(tmp_path, "other.xml", "<html/>"))


def test_eu_csv(tmp_path: Path) -> None:
    got = {x.id: x for x in read_eu_csv(write(tmp_path, "eu.csv", EU))}
    assert got["eu:II.B-10"].name == "Hamas" and got["eu:II.B-10"].entity_type == "organization"
    assert "Hamas-Izz al-Din al-Qassem" in (got["eu:II.B-10"].remarks or "")
    assert [a.name for a in got["eu:II.A-7"].aliases] == ["Abu Zubair", "Sobiar"]
    assert got["eu:II.A-7"].listed_on is None
    with pytest.raises(ValueError, match="missing columns"):
        read_eu_csv(write(tmp_path, "bad.csv", "a,b\n1,2\n"))


def test_india_yaml(tmp_path: Path) -> None:
    got = read_india_yaml(write(tmp_path, "india.yml", INDIA))
    assert [x.name for x in got] == [
        "Lashkar-E-Taiba",
        "Peoples’ Liberation Army",
        "Revolutionary People’s Front",
    ]
    assert [a.name for a in got[0].aliases] == ["Pasban-E-Ahle Hadis", "The Resistance Front"]
    assert got[0].id == "in-mha:1" and got[0].program == "UAPA"
    assert "political wing of Peoples’ Liberation Army" in (got[2].remarks or "")
    with pytest.raises(ValueError, match="lookups"):
        read_india_yaml(write(tmp_path, "x.yml", "title: x\n"))
    with pytest.raises(ValueError, match="not YAML"):
        read_india_yaml(write(tmp_path, "y.yml", "a: [b\n"))


def test_fto_lookups_amendment_dates(tmp_path: Path) -> None:
    got = {x.id: x for x in read_fto_lookups(write(tmp_path, "fto.yml", FTO))}
    let = got["us-fto:lashkar-e-tayyiba"]
    added = {a.name: a.added for a in let.aliases}
    assert added["LeT"] is None
    assert added["Milli Muslim League"] == dt.date(2018, 4, 4)
    assert added["The Resistance Front"] == dt.date(2025, 7, 18)
    nusra = got["us-fto:al-nusrah-front"]
    # the undated repeat of the row keeps the amendment date
    assert {a.name: a.added for a in nusra.aliases}["Hay’at Tahrir al-Sham"] == dt.date(2018, 6, 1)
    assert "HTS" in [a.name for a in nusra.aliases]


def test_fto_amendment_parsing() -> None:
    got = fto_amendments(
        "X (X)— A, B, and C Amendments (June 26, 2014)— D Amendment (December 30, 2016)"
    )
    assert [(n, d.isoformat()) for n, d, _ in got] == [
        ("A", "2014-06-26"),
        ("B", "2014-06-26"),
        ("C", "2014-06-26"),
        ("D", "2016-12-30"),
    ]


def test_build_dates_ofac_aliases_from_fto(tmp_path: Path) -> None:
    files = [
        write(tmp_path, "ofac_sdn_2024-05-03.csv", SDN),
        write(tmp_path, "ofac_alt_2022-01.csv", ALT),
        write(tmp_path, "fto.yml", FTO),
    ]
    got = {x.id: x for x in build(files, curated=None)}
    aliases = {a.name: a for a in got["us-ofac:7140"].aliases}
    assert aliases["MILLI MUSLIM LEAGUE"].added == dt.date(2018, 4, 4)
    assert aliases["AL-MUHAMMADIA STUDENTS"].added == dt.date(2016, 12, 30)
    # numbered after a dated alias: not before that date
    assert aliases["MILLI MUSLIM LEAGUE PAKISTAN"].added == dt.date(2018, 4, 4)
    assert (aliases["MILLI MUSLIM LEAGUE PAKISTAN"].added_basis or "").startswith("not before")
    assert aliases["JAMAAT-UD-DAWA"].added is None
    with pytest.raises(ValueError, match="alt-names"):
        build([files[1]], curated=None)


def test_misp_galaxy_only_when_it_names_the_list(tmp_path: Path) -> None:
    galaxy = {
        "name": "Canada Listed Terrorist Entities",
        "description": "Entities listed under Canada's Criminal Code as terrorist entities.",
        "category": "threat-actor",
        "uuid": "u",
        "values": [
            {
                "value": "Hamas",
                "uuid": "v",
                "meta": {
                    "id": "25",
                    "published": "2002-11-27",
                    "updated": "2021-06-04",
                    "summary": "Harakat Al-Muqawama Al-Islamiya, and Islamic Resistance Movement.",
                    "content": "Hamas is a group.",
                },
            }
        ],
    }
    path = write(tmp_path, "galaxy.json", json.dumps(galaxy))
    (hamas,) = read_misp_galaxy(path)
    assert hamas.id == "ca-listed:25" and hamas.listed_on == dt.date(2002, 11, 27)
    assert [a.name for a in hamas.aliases] == [
        "Harakat Al-Muqawama Al-Islamiya",
        "Islamic Resistance Movement",
    ]
    assert detect_kind(path) == "misp-galaxy"
    galaxy["name"], galaxy["description"] = "Threat actors", "Known groups"
    with pytest.raises(ValueError, match="does not say which government"):
        read_misp_galaxy(write(tmp_path, "other.json", json.dumps(galaxy)))


def test_ftm_json_lines_and_array(tmp_path: Path) -> None:
    entities = [
        {
            "id": "NK-1",
            "schema": "Organization",
            "datasets": ["us_ofac_sdn"],
            "properties": {"name": ["Hamas"], "alias": ["Islamic Resistance Movement"]},
        },
        {
            "id": "s1",
            "schema": "Sanction",
            "properties": {"entity": ["NK-1"], "startDate": ["1997-10-08"], "program": ["FTO"]},
        },
        {"id": "a1", "schema": "Address", "properties": {"full": ["x"]}},
    ]
    lines = write(tmp_path, "x.ftm.json", "\n".join(json.dumps(e) for e in entities))
    array = write(tmp_path, "y.json", json.dumps(entities))
    for path in (lines, array):
        (hamas,) = read_ftm_json(path)
        assert hamas.list == "us_ofac_sdn" and hamas.program == "FTO"
        assert hamas.listed_on == dt.date(1997, 10, 8)
        assert [a.name for a in hamas.aliases] == ["Islamic Resistance Movement"]
    assert detect_and_read(lines)[0].id == "ftm:NK-1"
    with pytest.raises(ValueError, match="line 2: not JSON"):
        read_ftm_json(write(tmp_path, "bad.json", '{"id": 1}\n{oops\n'))
    with pytest.raises(ValueError, match="no name"):
        read_ftm_json(
            write(tmp_path, "n.json", '{"id": "q", "schema": "Person", "properties": {}}')
        )


def test_watchlist_csv_and_yaml(tmp_path: Path) -> None:
    csv_path = write(
        tmp_path,
        "mine.csv",
        "name,aliases,type,listed_on,note\nAcme Front,AF; Acme,organisation,2020-01-02,seen\n",
    )
    (row,) = read_watchlist(csv_path)
    assert row.id == "user:mine.csv:1" and row.list == "mine"
    assert [a.name for a in row.aliases] == ["AF", "Acme"]
    assert row.entity_type == "organization" and row.listed_on == dt.date(2020, 1, 2)
    assert detect_and_read(csv_path) == [row]
    yaml_path = write(
        tmp_path, "mine.yaml", "- name: John Doe\n  aliases: [J. Doe]\n  type: person\n"
    )
    (person,) = read_watchlist(yaml_path)
    assert person.entity_type == "person" and person.aliases[0].name == "J. Doe"
    with pytest.raises(ValueError, match="not a YYYY-MM-DD"):
        read_watchlist(write(tmp_path, "d.csv", "name,listed_on\nX,yesterday\n"))
    with pytest.raises(ValueError, match="'name' column"):
        read_watchlist(write(tmp_path, "e.csv", "who,what\nX,Y\n"))
    with pytest.raises(ValueError, match="list of"):
        read_watchlist(write(tmp_path, "f.yml", "name: x\n"))


def test_detect_unknown(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="unrecognised"):
        detect_and_read(write(tmp_path, "x.csv", "a,b\n"))
    with pytest.raises(ValueError, match="binary"):
        detect_and_read(write(tmp_path, "b.csv", "a\x00b"))
