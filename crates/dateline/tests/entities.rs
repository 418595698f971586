//! The entity table of `examples/tehran.expected.md`, row by row.

use dateline::{Article, Entity, ErrorKind, ExtractOptions, Extractor, Label, UserEntity};

const TEHRAN: &str = include_str!("../../../examples/tehran.txt");

fn tehran() -> Article {
    let options = ExtractOptions::new().date("2018-05-13").unwrap();
    Extractor::new().extract(TEHRAN, &options)
}

fn entity<'a>(article: &'a Article, name: &str) -> &'a Entity {
    article
        .entities
        .iter()
        .find(|e| e.name == name)
        .unwrap_or_else(|| panic!("no entity {name:?} in {:#?}", names(article)))
}

fn names(article: &Article) -> Vec<(String, Label)> {
    article
        .entities
        .iter()
        .map(|e| (e.name.clone(), e.label))
        .collect()
}

fn mentions(e: &Entity) -> Vec<&str> {
    e.mentions.iter().map(|m| m.text.as_str()).collect()
}

/// Checks label and mentions (each text with how often it occurs).
fn check(article: &Article, name: &str, label: Label, expected: &[(&str, usize)]) -> String {
    let e = entity(article, name);
    assert_eq!(e.label, label, "{name}");
    let got = mentions(e);
    for &(text, count) in expected {
        let n = got.iter().filter(|m| **m == text).count();
        assert_eq!(n, count, "{name}: {text:?} in {got:?}");
    }
    e.id.clone()
}

#[test]
fn tehran_entities() {
    let a = tehran();
    let afghanistan = check(&a, "Afghanistan", Label::Gpe, &[("Afghanistan", 9)]);
    let iran = check(
        &a,
        "Iran",
        Label::Gpe,
        &[("Iran", 9), ("the Islamic Republic", 2)],
    );
    check(&a, "Tehran", Label::Gpe, &[("TEHRAN", 2), ("Tehran", 1)]);
    check(&a, "Kabul", Label::Gpe, &[("Kabul", 1)]);
    check(&a, "Farah Province", Label::Gpe, &[("Farah Province", 1)]);
    check(&a, "Iraq", Label::Gpe, &[("Iraq", 1)]);
    check(&a, "Syria", Label::Gpe, &[("Syria", 1)]);
    check(&a, "United States", Label::Gpe, &[("US", 4)]);
    check(&a, "Islamic State", Label::Org, &[("Daesh", 4)]);
    check(&a, "Taliban", Label::Org, &[("Taliban", 3)]);
    let armed_forces = check(
        &a,
        "Iranian Armed Forces",
        Label::Org,
        &[("Iranian Armed Forces", 1)],
    );
    let council = check(
        &a,
        "Supreme National Security Council",
        Label::Org,
        &[("Supreme National Security Council", 1)],
    );
    check(
        &a,
        "Young Journalists Club",
        Label::Org,
        &[("Young Journalists Club", 1), ("YJC", 1)],
    );
    check(&a, "Press TV", Label::Org, &[("Press TV", 1)]);
    check(&a, "Afghan", Label::Norp, &[("Afghan", 3)]);
    check(&a, "Iranian", Label::Norp, &[("Iranian", 2)]);
    check(&a, "Iraqi", Label::Norp, &[("Iraqi", 1)]);
    check(&a, "Syrian", Label::Norp, &[("Syrian", 1)]);

    check(
        &a,
        "Tariq Shah Bahrami",
        Label::Person,
        &[("Tariq Shah Bahrami", 1), ("Bahrami", 3)],
    );
    let bahrami = entity(&a, "Tariq Shah Bahrami");
    assert_eq!(bahrami.titles, ["Defense Minister"]);
    assert_eq!(bahrami.affiliation.as_ref(), Some(&afghanistan));
    assert_eq!(bahrami.country.as_deref(), Some("AF"));

    check(
        &a,
        "Mohammad Baqeri",
        Label::Person,
        &[("Mohammad Baqeri", 1), ("Baqeri", 2)],
    );
    let baqeri = entity(&a, "Mohammad Baqeri");
    assert_eq!(
        baqeri.titles,
        [
            "Major General",
            "Chief of Staff of the Iranian Armed Forces"
        ]
    );
    assert_eq!(baqeri.affiliation.as_ref(), Some(&armed_forces));

    check(&a, "Amir Hatami", Label::Person, &[("Amir Hatami", 1)]);
    assert_eq!(entity(&a, "Amir Hatami").titles[0], "Brigadier General");

    check(
        &a,
        "Seyyed Ali Khamenei",
        Label::Person,
        &[("Seyyed Ali Khamenei", 1)],
    );
    assert_eq!(
        entity(&a, "Seyyed Ali Khamenei").titles,
        ["Ayatollah", "Leader of the Islamic Revolution"]
    );
    // An event, not an organization.
    assert!(!a.entities.iter().any(|e| e.name == "Islamic Revolution"));

    check(&a, "Ali Shamkhani", Label::Person, &[("Ali Shamkhani", 1)]);
    let shamkhani = entity(&a, "Ali Shamkhani");
    assert_eq!(
        shamkhani.titles,
        ["Secretary of Iran's Supreme National Security Council"]
    );
    assert_eq!(shamkhani.affiliation.as_ref(), Some(&council));

    // Places carry their GeoNames entry and country; the dateline names its entity.
    let tehran = entity(&a, "Tehran");
    assert_eq!(tehran.country.as_deref(), Some("IR"));
    assert_eq!(tehran.affiliation.as_ref(), Some(&iran));
    let kb = tehran.kb.as_ref().unwrap();
    assert_eq!(
        (kb.source.as_str(), kb.id.clone()),
        ("geonames", dateline::KbId::Number(112931))
    );
    assert_eq!(entity(&a, "Kabul").affiliation.as_ref(), Some(&afghanistan));
    assert_eq!(
        a.dateline.as_ref().unwrap().place_entity.as_ref(),
        Some(&tehran.id)
    );
}

#[test]
fn ids_follow_first_mention_and_mentions_are_sorted() {
    let a = tehran();
    for (n, e) in a.entities.iter().enumerate() {
        assert_eq!(e.id, format!("E{}", n + 1));
        assert!(
            e.mentions.windows(2).all(|w| w[0].start < w[1].start),
            "{}",
            e.name
        );
        for m in &e.mentions {
            let span = Article::byte_span(TEHRAN, m.start, m.end);
            assert_eq!(&TEHRAN[span], m.text);
        }
    }
    let firsts: Vec<usize> = a.entities.iter().map(|e| e.mentions[0].start).collect();
    assert!(firsts.windows(2).all(|w| w[0] <= w[1]));
}

#[test]
fn case_decides_between_country_and_pronoun() {
    let a = dateline::extract("The US told us that it would help. Georgia's capital is Tbilisi.");
    let us = entity(&a, "United States");
    assert_eq!(mentions(us), ["US"]);
    assert_eq!(entity(&a, "Georgia").country.as_deref(), Some("GE"));
}

#[test]
fn user_entities_win_over_built_ins() {
    let extractor = Extractor::builder()
        .entities(vec![UserEntity::new("Tehran Widgets", Label::Org)
            .alias("Tehran")
            .kb("W1")])
        .build()
        .unwrap();
    let a = extractor.extract("Tehran said profits rose.", &ExtractOptions::new());
    let e = entity(&a, "Tehran Widgets");
    assert_eq!(e.label, Label::Org);
    assert_eq!(e.kb.as_ref().unwrap().id, dateline::KbId::Text("W1".into()));
}

#[test]
fn malformed_entity_files_name_the_line() {
    let dir = std::env::temp_dir().join(format!("dateline-entities-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("bad.tsv");
    std::fs::write(&path, "name\tlabel\taliases\nAcme\tORG\t\nBeta\tTHING\t\n").unwrap();
    let err = Extractor::builder().entities_file(&path).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidEntry);
    assert!(err.message().contains("line 3"), "{err}");
    let json = dir.join("good.json");
    std::fs::write(
        &json,
        r#"[{"name": "Acme", "label": "ORG", "aliases": ["ACME Co"]}]"#,
    )
    .unwrap();
    let extractor = Extractor::builder()
        .entities_file(&json)
        .unwrap()
        .build()
        .unwrap();
    let a = extractor.extract("Shares of Acme fell.", &ExtractOptions::new());
    assert_eq!(entity(&a, "Acme").label, Label::Org);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn no_panic_on_odd_text() {
    for text in [
        "",
        "'s",
        "A.",
        "Ü'S ’s -",
        "(YJC)",
        "Mr. ",
        "of the",
        "ÉCOLE-ÉTÉ's ,",
        "X (Y",
        "iPhone 4 iPod",
        "the eBay",
        "Airbus A380-",
        "Boeing 787-",
    ] {
        dateline::extract(text);
    }
}

/// The entity a mention belongs to.
fn entity_of<'a>(article: &'a Article, mention: &str) -> &'a Entity {
    article
        .entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == mention))
        .unwrap_or_else(|| panic!("no mention {mention:?} in {:#?}", names(article)))
}

fn kb_id(e: &Entity) -> dateline::KbId {
    e.kb.as_ref().expect("a kb reference").id.clone()
}

#[test]
fn a_list_of_states_makes_georgia_the_state() {
    let a = dateline::extract("Storms hit Alabama, Texas and Georgia on Monday.");
    let georgia = entity_of(&a, "Georgia");
    assert_eq!(georgia.country.as_deref(), Some("US"));
    // GeoNames' record of the state.
    assert_eq!(kb_id(georgia), dateline::KbId::Number(4197000));
}

#[test]
fn a_neighbouring_town_picks_the_namesake_near_it() {
    let a =
        dateline::extract("Police in St. Thomas said the driver was taken to hospital in London.");
    assert_eq!(entity_of(&a, "London").country.as_deref(), Some("CA"));
    // Without a neighbour the bigger namesake wins.
    let a = dateline::extract("The driver was taken to hospital in London.");
    assert_eq!(entity_of(&a, "London").country.as_deref(), Some("GB"));
}

#[test]
fn the_story_country_does_not_outweigh_a_far_bigger_namesake() {
    let a = dateline::extract(
        "The United States said on Monday that the United States would attend the talks in Paris.",
    );
    assert_eq!(entity_of(&a, "Paris").country.as_deref(), Some("FR"));
    // TR-News: England, named as a team, makes no English town the one a name means.
    let a = dateline::extract(
        "The World Cup ballot was held in Zurich. England's bid failed, and officials in \
         Washington and London were angry.",
    );
    assert_eq!(entity_of(&a, "Washington").country.as_deref(), Some("US"));
}

#[test]
fn a_division_after_a_name_tells_which_place() {
    let a = dateline::extract("The festival returns to Paris, Texas, next spring.");
    assert_eq!(entity_of(&a, "Paris").country.as_deref(), Some("US"));
    let a = dateline::extract("The band played in London, Ont., on Friday.");
    assert_eq!(entity_of(&a, "London").country.as_deref(), Some("CA"));
}

#[test]
fn a_small_town_of_the_story_state_beats_a_big_namesake() {
    let a = dateline::extract(
        "GLASGOW, Ky. - A man was arrested Friday after a chase that ended in Edmonton, \
         Kentucky State Police said.",
    );
    let edmonton = entity_of(&a, "Edmonton");
    assert_eq!(edmonton.country.as_deref(), Some("US"));
    let kb = edmonton.kb.as_ref().expect("a kb reference");
    assert!(
        kb.lat.is_some_and(|lat| (36.0..38.0).contains(&lat)),
        "{kb:?}"
    );
    assert_eq!(entity_of(&a, "GLASGOW").country.as_deref(), Some("US"));
}

#[test]
fn a_county_carries_its_geonames_record() {
    let a = dateline::extract("Deputies were called to a farm in Metcalfe County on Sunday.");
    assert_eq!(
        kb_id(entity_of(&a, "Metcalfe County")),
        dateline::KbId::Number(4300606)
    );
}

#[test]
fn a_state_after_a_city_is_the_state() {
    let a = dateline::extract("The girl lived in Buffalo, New York, her family said.");
    let new_york = entity_of(&a, "New York");
    assert_eq!(kb_id(new_york), dateline::KbId::Number(5128638));
    // Of the country and the state, the one that has a town of the name before it.
    let a = dateline::extract("The peanuts were roasted at a plant in Blakely, Georgia.");
    assert_eq!(
        kb_id(entity_of(&a, "Georgia")),
        dateline::KbId::Number(4197000)
    );
}

#[test]
fn a_city_named_with_its_kind_is_the_city() {
    let a = dateline::extract(
        "Officials of the City of Santa Ana met parents at a school in California on Tuesday.",
    );
    let city = entity_of(&a, "City of Santa Ana");
    assert_eq!(kb_id(city), dateline::KbId::Number(5392900));
}

#[test]
fn a_village_beside_a_small_city_of_the_story_is_a_place() {
    let a = dateline::extract("Today she trains in Red Deer and Innisfail with her coach.");
    let innisfail = entity_of(&a, "Innisfail");
    assert_eq!(innisfail.label, Label::Gpe);
    assert_eq!(innisfail.country.as_deref(), Some("CA"));
}

#[test]
fn a_bare_capital_name_is_the_capital() {
    let a = dateline::extract("The talks resumed in Washington on Monday.");
    assert_eq!(
        kb_id(entity_of(&a, "Washington")),
        dateline::KbId::Number(4140963)
    );
}

#[test]
fn a_currency_code_is_no_place() {
    let a = dateline::extract("The clean-up will cost US$58 million, the ministry said.");
    assert!(
        a.entities.iter().all(|e| e.label != Label::Gpe),
        "{:?}",
        names(&a)
    );
}

#[test]
fn a_dateline_in_capitals_keeps_its_state_abbreviation() {
    let a = dateline::extract("NEWARK, N.J. (AP) - The airline apologized on Friday.");
    let state = entity_of(&a, "N.J.");
    assert_eq!(state.label, Label::Gpe);
    assert_eq!(kb_id(state), dateline::KbId::Number(5101760));
}

#[test]
fn the_state_an_organization_is_named_after_is_a_place_mention() {
    let a = dateline::extract("The car was found on Friday by the Kentucky State Police.");
    assert_eq!(entity_of(&a, "Kentucky State Police").label, Label::Org);
    let kentucky = entity(&a, "Kentucky");
    assert_eq!(kentucky.label, Label::Gpe);
    assert_eq!(mentions(kentucky), ["Kentucky"]);
    // A city's is not: geoparsing corpora mostly leave it out.
    let a = dateline::extract("Shares fell on the Tokyo Stock Exchange on Friday.");
    assert!(
        a.entities.iter().all(|e| e.label != Label::Gpe),
        "{:?}",
        names(&a)
    );
}

/// The label of the entity a mention belongs to, or `None` when the mention is no entity's.
fn label_of(article: &Article, mention: &str) -> Option<Label> {
    article
        .entities
        .iter()
        .find(|e| e.mentions.iter().any(|m| m.text == mention))
        .map(|e| e.label)
}

#[test]
fn clubs_named_after_places_are_organizations() {
    // Reuters' results tables (CoNLL-2003).
    let a = dateline::extract(
        "Results of German first division soccer matches on Saturday :\n\
         Bayer Leverkusen 2 Werder Bremen 1\nArminia Bielefeld 0 Bayern Munich 2\n",
    );
    for club in [
        "Bayer Leverkusen",
        "Werder Bremen",
        "Arminia Bielefeld",
        "Bayern Munich",
    ] {
        assert_eq!(label_of(&a, club), Some(Label::Org), "{club}");
    }
    // Names no gazetteer knows, where the sides stand: one word at the start of a line, and
    // several words in a story whose other sides are towns.
    let a = dateline::extract(
        "Results of Brazilian championship matches on Sunday :\n\
         Flamengo 2 Gremio 1\nCorinthians 0 Palmeiras 0\n",
    );
    assert_eq!(label_of(&a, "Corinthians"), Some(Label::Org));
    let a = dateline::extract(
        "Results of Romanian first division soccer matches on Saturday :\n\
         Otelul Galati 1 Brasov 0\nNational Bucharest 2 Arad 0\n",
    );
    assert_eq!(label_of(&a, "Otelul Galati"), Some(Label::Org));
    // A name a given name starts, where the sides stand, ending in a common word.
    let a = dateline::extract(
        "Results of English league soccer matches on Saturday :\n\
         Grimsby 0 Portsmouth 1\nHuddersfield 1 Crystal Palace 1\nNorwich 1 Wolverhampton 0\n",
    );
    assert_eq!(label_of(&a, "Crystal Palace"), Some(Label::Org));
    let a = dateline::extract("At the Oval , Surrey captain Chris Lewis made 80 .");
    assert_eq!(label_of(&a, "Surrey"), Some(Label::Org));
}

#[test]
fn a_given_name_and_a_surname_that_towns_share_are_a_person() {
    let a = dateline::extract(
        "She supported Florida Senator Marco Rubio and then Texas Senator Ted Cruz.",
    );
    assert_eq!(label_of(&a, "Marco Rubio"), Some(Label::Person));
    let a = dateline::extract(
        "Hickson admitted fatally stabbing New Zealand national Campbell Paterson at a house.",
    );
    assert_eq!(label_of(&a, "Campbell Paterson"), Some(Label::Person));
}

#[test]
fn words_that_are_no_names() {
    let a = dateline::extract(
        "TOKYO, Aug 22 (Reuters) - Tap sales began on Monday and are held daily from 07.00 \
         GMT to 15.00 GMT.\nNOTE - Tokyo Soir Co Ltd is a specialised manufacturer of formal \
         wear .",
    );
    assert_eq!(label_of(&a, "GMT"), None);
    assert_eq!(label_of(&a, "NOTE"), None);
    // A product is a name, but no person's, organization's or place's.
    let a = dateline::extract("Apple's MacBook Air sold well, as did Boeing's 787 Dreamliner.");
    assert_eq!(label_of(&a, "Apple"), Some(Label::Org));
    assert_eq!(label_of(&a, "MacBook Air"), None);
    assert_eq!(label_of(&a, "Dreamliner"), None);
}

#[test]
fn airports_are_facilities_with_their_codes() {
    let a = dateline::extract(
        "London City airport diverted all inbound flights on Saturday while Heathrow and \
         Gatwick also reported disruption.",
    );
    let heathrow = entity_of(&a, "Heathrow");
    assert_eq!(heathrow.label, Label::Fac);
    assert_eq!(kb_id(heathrow), dateline::KbId::Text("LHR".to_string()));
    assert_eq!(heathrow.country.as_deref(), Some("GB"));
}

#[test]
fn a_name_with_state_after_it_is_the_state() {
    let a = dateline::extract(
        "New York state governor David Paterson has declared a state of emergency.",
    );
    // GeoNames' record of the state, not of the city.
    assert_eq!(
        kb_id(entity_of(&a, "New York")),
        dateline::KbId::Number(5128638)
    );
}

#[test]
fn a_surname_two_persons_share_is_a_persons() {
    // Real text from Reuters (CoNLL-2003 dev); `Yeltsin` alone names neither full name.
    let a = dateline::extract(
        "Russian President Boris Yeltsin visited his wife Naina in hospital on Friday. Naina \
         Yeltsin had a kidney operation last Saturday. Reports said only that Yeltsin, on \
         vacation outside Moscow, had spoken to her by telephone.",
    );
    assert_eq!(label_of(&a, "Yeltsin"), Some(Label::Person));
}

#[test]
fn a_first_name_joins_a_person_only_its_shape_names() {
    // `Jansher` is no listed given name; `Jansher Khan` is a person by its shape.
    let a = dateline::extract(
        "Australian Anthony Hill called Jansher Khan a cheat on Saturday. When the referee \
         called Jansher's return good, Hill shrieked.",
    );
    assert_eq!(entity_of(&a, "Jansher").name, "Jansher Khan");
}

#[test]
fn a_plural_word_with_a_capital_after_the_is_an_organization() {
    let a =
        dateline::extract("Seattle lost to the Mariners again, and the Greens left the coalition.");
    assert_eq!(label_of(&a, "Mariners"), Some(Label::Org));
    assert_eq!(label_of(&a, "Greens"), Some(Label::Org));
}

#[test]
fn a_letter_with_a_full_stop_is_an_initial_even_if_it_is_a_word() {
    // Real scorecard text (CoNLL-2003): `A.` is Ashley Giles's initial, not the article.
    let a =
        dateline::extract("At Worcester: Warwickshire 255-9 (A. Giles 57 not out, W. Khan 52).");
    assert_eq!(label_of(&a, "A. Giles"), Some(Label::Person));
}

#[test]
fn a_preposition_after_a_name_says_nothing_of_it() {
    let a = dateline::extract("The police said Glowacki in the park had a knife.");
    assert_ne!(label_of(&a, "Glowacki"), Some(Label::Gpe));
}

#[test]
fn a_scorecard_names_its_fielders_and_bowlers() {
    // Real scorecard lines (CoNLL-2003): `c` is caught by, `b` bowled by.
    let a = dateline::extract(
        "Ijaz Ahmed c Stewart b Mullally 61\nInzamam-ul-Haq c Hussain b Mullally 35\n",
    );
    assert_eq!(label_of(&a, "Mullally"), Some(Label::Person));
}

#[test]
fn a_people_with_a_word_before_it_is_a_nationality_or_group() {
    let a = dateline::extract(
        "Bosnian Serb leaders hinted at a boycott, and the killing of the Roman Catholic Bishop \
         Pierre Claverie was condemned.",
    );
    assert_eq!(label_of(&a, "Bosnian Serb"), Some(Label::Norp));
    assert_eq!(label_of(&a, "Roman Catholic"), Some(Label::Norp));
}

#[test]
fn a_name_with_an_age_is_a_persons() {
    // Real text (CoNLL-2003 dev): Duran is also a city of Ecuador.
    let a = dateline::extract(
        "Panamanian boxing legend Roberto \"Hands of Stone\" Duran climbs into the ring on \
         Saturday. Duran, 45, takes on little-known Mexican Ariel Cruz, 30. The fight, \
         Duran's first on home soil for 10 years, is in Panama City.",
    );
    assert_eq!(label_of(&a, "Duran"), Some(Label::Person));
}

#[test]
fn a_company_is_known_by_the_first_word_of_its_name() {
    // Real text (CoNLL-2003 dev); Magna is also a town in Utah.
    let a = dateline::extract(
        "Douglas & Lomason Co said it agreed to be acquired by Magna International Inc for $31 \
         a share. Magna was up 1/8 on the New York Stock Exchange.",
    );
    assert_eq!(entity_of(&a, "Magna").name, "Magna International Inc");
}

#[test]
fn a_division_named_with_compass_words_needs_its_country() {
    // Real text (CoNLL-2003 dev): baseball standings; Fiji has an Eastern Division.
    let a = dateline::extract(
        "AMERICAN LEAGUE\nEASTERN DIVISION\nW L PCT GB\nNEW YORK 76 57 .571 -\n\
         BALTIMORE 70 63 .526 6\n",
    );
    assert_eq!(label_of(&a, "EASTERN DIVISION"), None);
    let a = dateline::extract(
        "Cholera has killed 60 people in Ghana's Eastern Region since June, the health \
         ministry said in Accra.",
    );
    let region = entity_of(&a, "Eastern Region");
    assert_eq!(region.label, Label::Gpe);
    assert_eq!(region.country.as_deref(), Some("GH"));
}

#[test]
fn a_city_and_a_plural_word_name_a_team() {
    // Real text (CoNLL-2003 train): Sydney is also a given name.
    let a = dateline::extract(
        "Played Sunday :\nSydney Bulldogs 17 South Queensland 10\nChicago Cubs right fielder \
         Sammy Sosa was hurt.",
    );
    assert_eq!(label_of(&a, "Sydney Bulldogs"), Some(Label::Org));
    assert_eq!(label_of(&a, "Chicago Cubs"), Some(Label::Org));
    assert_eq!(label_of(&a, "Sammy Sosa"), Some(Label::Person));
}

#[test]
fn a_name_written_with_more_capitals_is_still_known() {
    // Real text (GeoVirus): GeoNames writes `Kwazulu-Natal` and `Port-au-Prince`.
    let a = dateline::extract(
        "XDR-TB was found in the South African region KwaZulu-Natal, far from the capital of \
         Haiti, Port-Au-Prince. In the US, us doctors said nothing.",
    );
    let kzn = entity_of(&a, "KwaZulu-Natal");
    assert_eq!(
        (kzn.label, kzn.country.as_deref()),
        (Label::Gpe, Some("ZA"))
    );
    assert_eq!(
        entity_of(&a, "Port-Au-Prince").country.as_deref(),
        Some("HT")
    );
    assert_eq!(label_of(&a, "us"), None);
}

#[test]
fn indonesian_provinces_are_known() {
    // Real text (GeoVirus); ISO's first level for Indonesia is its islands, GeoNames' the
    // provinces.
    let a = dateline::extract(
        "A 67-year-old woman from West Java died in October, and a poultry trader from \
         Sukoharjo, Central Java, died after being hospitalized.",
    );
    for province in ["West Java", "Central Java"] {
        let e = entity_of(&a, province);
        assert_eq!((e.label, e.country.as_deref()), (Label::Gpe, Some("ID")));
        let kb = e.kb.as_ref().expect("a point");
        assert!(
            (-8.0..-6.0).contains(&kb.lat.unwrap()),
            "{province}: {kb:?}"
        );
    }
}

#[test]
fn an_age_before_an_unknown_name_makes_it_a_persons() {
    // Real text (CoNLL-2003 dev, train): `Tiger` is an English word, `Missouri` a known place.
    let a = dateline::extract(
        "Steve Stricker took the lead as 20-year-old Tiger Woods shot 67 in his professional \
         debut. Woods was among a group of 13 players. The body of a 40-year-old Missouri woman \
         was found.",
    );
    assert_eq!(label_of(&a, "Tiger Woods"), Some(Label::Person));
    assert_eq!(entity_of(&a, "Woods").name, "Tiger Woods");
    assert_eq!(label_of(&a, "Missouri"), Some(Label::Gpe));
}

#[test]
fn a_part_of_a_place_is_found_at_that_place() {
    // Real text (GeoVirus, TR-News).
    let a = dateline::extract(
        "Leptospirosis spread in Greater Mumbai after the floods, and cases rose in Western \
         Canada and around Lake Erie.",
    );
    let mumbai = entity_of(&a, "Greater Mumbai").kb.clone().expect("a point");
    assert!((mumbai.lat.unwrap() - 19.07).abs() < 0.5, "{mumbai:?}");
    assert_eq!(
        entity_of(&a, "Western Canada").country.as_deref(),
        Some("CA")
    );
    // A lake is no part of the city of its name.
    assert!(entity_of(&a, "Lake Erie").kb.is_none());
}

#[test]
fn names_joined_by_and_are_two() {
    // Real text (GeoVirus, CoNLL-2003 train, TR-News).
    let a = dateline::extract(
        "Cholera spread from Haiti and the Dominican Republic to Kisumu and Rift Valley \
         provinces. The United Nations and the European Union sent aid, and the Ministry of \
         Trade and Industry said so at the Saint Peter and Saint Paul Coptic Orthodox Church.",
    );
    for (name, label) in [
        ("Haiti", Label::Gpe),
        ("Dominican Republic", Label::Gpe),
        ("Kisumu", Label::Gpe),
        ("United Nations", Label::Org),
        ("European Union", Label::Org),
        ("Ministry of Trade and Industry", Label::Org),
        (
            "Saint Peter and Saint Paul Coptic Orthodox Church",
            Label::Org,
        ),
    ] {
        assert_eq!(label_of(&a, name), Some(label), "{name}");
    }
}

#[test]
fn a_common_word_that_starts_a_sentence_is_no_name() {
    // Real text (CoNLL-2003 train).
    let a = dateline::extract(
        "Officials said the Ravi and Chenab rivers were rising. Traders said the U.S. cash \
         market was oversold. Liam Fox met them. Fox said the incident had been raised.",
    );
    assert_eq!(label_of(&a, "Officials"), None);
    assert_eq!(label_of(&a, "Traders"), None);
    assert_eq!(entity_of(&a, "Fox").name, "Liam Fox");
}

#[test]
fn an_ampersand_joins_a_firms_name() {
    // Real text (CoNLL-2003 dev); Douglas is also a town.
    let a = dateline::extract(
        "Shares of Douglas & Lomason Co were up 4-1/2, said John Casesa of Schroder Wertheim & \
         Co on Friday. Procter & Gamble fell.",
    );
    assert_eq!(label_of(&a, "Douglas & Lomason Co"), Some(Label::Org));
    assert_eq!(label_of(&a, "Schroder Wertheim & Co"), Some(Label::Org));
    assert_eq!(label_of(&a, "John Casesa"), Some(Label::Person));
    assert_eq!(label_of(&a, "Procter & Gamble"), Some(Label::Org));
}

#[test]
fn names_listed_beside_a_team_are_teams() {
    // Real text (CoNLL-2003 dev): Essex, Kent and Surrey are also places elsewhere.
    let a = dateline::extract(
        "LONDON 1996-08-30\nTunbridge Wells : Nottinghamshire 214 , Surrey 429-7 .\nTheir stay on \
         top may be short-lived as title rivals Essex , Derbyshire and Surrey all closed in on \
         victory.",
    );
    assert_eq!(label_of(&a, "Essex"), Some(Label::Org));
    assert_eq!(label_of(&a, "Surrey"), Some(Label::Org));
    assert_eq!(label_of(&a, "LONDON"), Some(Label::Gpe));
}

#[test]
fn a_title_written_as_part_of_a_name_stays_in_it() {
    let a = dateline::extract(
        "Mother Teresa was in hospital. Teresa, 86, is recovering, said Sister Nirmala.",
    );
    let teresa = entity_of(&a, "Mother Teresa");
    assert_eq!(teresa.label, Label::Person);
    assert_eq!(mentions(teresa), ["Mother Teresa", "Teresa"]);
    // Other titles stay out of the name.
    assert_eq!(label_of(&a, "Nirmala"), Some(Label::Person));
}

#[test]
fn a_name_ending_in_s_is_found_in_text_split_into_tokens() {
    // Reuters as CoNLL-2003 tokenizes it, and as it is written.
    let a = dateline::extract(
        "NEW YORK 1996-08-22\nMoody 's Investors Service - Rating Aa3 . A U.S. appeals court \
         gave Lloyd's a reprieve .",
    );
    assert_eq!(
        mentions(entity_of(&a, "Moody 's Investors Service")),
        ["Moody 's Investors Service"]
    );
    assert_eq!(entity_of(&a, "Lloyd's").label, Label::Org);
}

#[test]
fn a_headline_in_title_case_names_what_the_story_names() {
    // Every word capitalized tells no name, as in capitals: the headline holds the names the
    // story writes in mixed case, not `Trump Could Address Clean Energy` or the town of Graham.
    let a = dateline::extract(
        "Trump 'The Dealmaker' Could Address Clean Energy, Lindsey Graham Says\n\n\
         WASHINGTON - Republican Senator Lindsey Graham said on Friday that Donald Trump could \
         address clean energy.\n",
    );
    assert_eq!(
        mentions(entity_of(&a, "Lindsey Graham")),
        ["Lindsey Graham", "Lindsey Graham"]
    );
    assert_eq!(label_of(&a, "Graham"), None);
    assert!(names(&a).iter().all(|(name, _)| !name.contains("Energy")));
}

#[test]
fn airlines_and_aircraft_makers_are_organizations() {
    // WikiNews (MEANTIME): names with no given name first, that shape alone made persons'.
    let a = dateline::extract(
        "Irish national airline Aer Lingus have purchased 12 new long-haul Airbus jets. Air \
         Canada has ordered US$6 billion in new aircraft. As the jet was being pushed back by a \
         Thai Airways International tug operator, the left winglet hit a pole. The Long Beach \
         plant was the original home of Douglas Aircraft.",
    );
    for name in [
        "Aer Lingus",
        "Air Canada",
        "Thai Airways International",
        "Douglas Aircraft",
    ] {
        assert_eq!(label_of(&a, name), Some(Label::Org), "{name}");
    }
}

#[test]
fn a_given_name_that_a_town_shares_starts_a_persons_name() {
    // Reuters (CoNLL-2003): `Lawrence` and `Wayne` are towns, `Major` a rank.
    let a = dateline::extract(
        "Federal Reserve governor Lawrence Lindsey , speaking on U.S. cable television network \
         CNBC , said the Fed should act .\n8. Wayne Riley ( Australia ) 239,733\nPrime Minister \
         John Major says the 300-year-old union is safe .",
    );
    for name in ["Lawrence Lindsey", "Wayne Riley", "John Major"] {
        assert_eq!(label_of(&a, name), Some(Label::Person), "{name}");
    }
    assert_eq!(entity_of(&a, "John Major").titles, ["Prime Minister"]);
    // Particles that are English words too, between the parts of a name.
    let a = dateline::extract(
        "Springbok scrum-half Joost van der Westhuizen was his side 's inspiration , and \
         Vincent van Gogh painted . Moslems migrated from India at Partition in 1947 .",
    );
    for name in ["Joost van der Westhuizen", "Vincent van Gogh"] {
        assert_eq!(label_of(&a, name), Some(Label::Person), "{name}");
    }
    assert_eq!(label_of(&a, "India"), Some(Label::Gpe));
    // A country's name after a given name stays a place.
    let a = dateline::extract("Talks between Jordan Israel and Egypt resumed.");
    assert_eq!(label_of(&a, "Israel"), Some(Label::Gpe));
}

#[test]
fn a_headline_in_capitals_holds_the_storys_surnames_and_adjectives() {
    let a = dateline::extract(
        "SOCCER - SHEARER NAMED AS NEW ENGLAND CAPTAIN .\nLONDON 1996-08-30\nThe 26-year-old \
         Alan Shearer was named as the new England captain on Friday .",
    );
    assert_eq!(
        mentions(entity_of(&a, "Alan Shearer")),
        ["SHEARER", "Alan Shearer"]
    );
    // A people's adjective in capitals is still one, not an acronym.
    let a = dateline::extract(
        "CRICKET - ENGLISH COUNTY CHAMPIONSHIP SCORES .\nLONDON 1996-08-30\nResult and close \
         of play scores in English county championship matches on Friday :",
    );
    assert_eq!(label_of(&a, "ENGLISH"), Some(Label::Norp));
}

#[test]
fn a_demonym_narrowed_by_a_word_is_a_nationality() {
    let a = dateline::extract(
        "The minister was on a 10-day Latin American tour , and African American troops \
         marched . Richard Finn reports .",
    );
    assert_eq!(label_of(&a, "Latin American"), Some(Label::Norp));
    assert_eq!(label_of(&a, "African American"), Some(Label::Norp));
    assert_eq!(label_of(&a, "Richard Finn"), Some(Label::Person));
}

#[test]
fn a_place_that_names_a_disease_is_no_place_there() {
    // WikiNews (GeoVirus).
    let a = dateline::extract(
        "About 60 percent of West Nile virus cases in the U.S. happen in Texas. The Reston \
         ebolavirus is not known to sicken people. The United States flu season began.",
    );
    assert_eq!(label_of(&a, "West Nile"), None);
    assert_eq!(label_of(&a, "Reston"), None);
    assert_eq!(label_of(&a, "Texas"), Some(Label::Gpe));
    assert_eq!(label_of(&a, "United States"), Some(Label::Gpe));
}

#[test]
fn a_dateline_place_or_region_no_gazetteer_knows_is_still_a_place() {
    // TR-News and Reuters (CoNLL-2003) datelines of small towns.
    for text in [
        "HOLLIDAY, Mo. — A 25-year-old man was arrested Friday on DWI charges.",
        "NOVYE ATAGI , Russia 1996-08-22\nRussian and rebel leaders signed a deal .",
    ] {
        let a = dateline::extract(text);
        let dateline = a.dateline.as_ref().expect("a dateline");
        let place = dateline
            .place_entity
            .as_deref()
            .expect("the place is an entity");
        let entity = a.entities.iter().find(|e| e.id == place).unwrap();
        assert_eq!(entity.label, Label::Gpe, "{text}");
    }
    // So is the region written after it.
    let a = dateline::extract("LOUISVILLE, KY--(Marketwire - December 23, 2010) - NTS said.");
    assert_eq!(label_of(&a, "KY"), Some(Label::Gpe));
}

#[test]
fn a_weekday_after_a_name_is_no_part_of_it() {
    // TR-News and Reuters (CoNLL-2003): AP style writes the day right after the place.
    let a = dateline::extract(
        "Tillerson, who met with Trump in New York Saturday, is a favourite. Albright will \
         meet Foreign Minister Jose Miguel Insulza Monday for talks.",
    );
    assert_eq!(label_of(&a, "New York"), Some(Label::Gpe));
    assert_eq!(label_of(&a, "Jose Miguel Insulza"), Some(Label::Person));
    // A club named so is listed whole.
    let a = dateline::extract("They lost 2-1 at home to league pacesetters Sheffield Wednesday .");
    assert_eq!(label_of(&a, "Sheffield Wednesday"), Some(Label::Org));
}

#[test]
fn a_country_or_division_in_a_name_makes_it_no_persons() {
    // TR-News and Reuters (CoNLL-2003).
    let a = dateline::extract(
        "A frozen chicken product was recalled by Costco Canada for the second time. The \
         terrorists struck at the Stade de France. The U.S. Transportation Secretary Anthony \
         Foxx spoke. Former Soviet bloc states ratified it after Nazi Germany fell.",
    );
    assert_eq!(label_of(&a, "Costco Canada"), Some(Label::Org));
    assert_eq!(label_of(&a, "Stade de France"), Some(Label::Org));
    assert_eq!(label_of(&a, "U.S. Transportation"), Some(Label::Org));
    assert_eq!(label_of(&a, "Anthony Foxx"), Some(Label::Person));
    assert_ne!(label_of(&a, "Nazi Germany"), Some(Label::Person));
    // A given name first still makes a person, and a surname may follow a division's name.
    let a = dateline::extract(
        "Chad Smith said so. A vicious 30-metre shot by Ogun Temizkanoglu was tipped over .",
    );
    assert_eq!(label_of(&a, "Chad Smith"), Some(Label::Person));
    assert_eq!(label_of(&a, "Ogun Temizkanoglu"), Some(Label::Person));
}

#[test]
fn a_sentence_opener_after_an_abbreviation_ends_the_sentence() {
    // TR-News.
    let a = dateline::extract(
        "China is Canada's second largest trading partner, after the U.S. Although the \
         province has seen a slower rise, trade grew.",
    );
    assert_eq!(label_of(&a, "U.S."), Some(Label::Gpe));
    assert_eq!(a.sentences.len(), 2);
}

#[test]
fn places_named_by_the_word_after_them() {
    // TR-News: a district, a region and a province news names without its full name.
    let a = dateline::extract(
        "Two bombs killed six police officers in Giza's Haram district. Prices will slow in \
         the Greater Toronto Area. Provinces such as Alberta and Newfoundland were hit.",
    );
    assert_eq!(label_of(&a, "Haram"), Some(Label::Gpe));
    assert_eq!(label_of(&a, "Greater Toronto Area"), Some(Label::Loc));
    assert_eq!(label_of(&a, "Newfoundland"), Some(Label::Gpe));
}

#[test]
fn a_saints_possessive_stays_in_the_name() {
    // TR-News and Reuters (CoNLL-2003).
    let a = dateline::extract(
        "Both women were taken to St. Michael's Hospital. He traded punches with St Gallen 's \
         Brazilian player Claudio Moura.",
    );
    assert_eq!(label_of(&a, "St. Michael's Hospital"), Some(Label::Org));
    assert_eq!(label_of(&a, "Brazilian"), Some(Label::Norp));
}

#[test]
fn a_show_or_a_summit_is_an_event_not_a_person() {
    // MEANTIME.
    let a = dateline::extract(
        "The order has given a boost to an otherwise disappointing Paris Air Show.",
    );
    assert_eq!(label_of(&a, "Paris Air Show"), None);
}

#[test]
fn a_model_or_a_code_is_no_name() {
    // MEANTIME and Reuters (CoNLL-2003).
    let a = dateline::extract(
        "Aer Lingus will take delivery of six new A350 XWB aircraft. Police found an AK47 \
         rifle. Ulster Petroleums Ltd Q2 net profit falls.",
    );
    assert_eq!(label_of(&a, "A350 XWB"), None);
    assert_eq!(label_of(&a, "XWB"), None);
    assert_eq!(label_of(&a, "AK47"), None);
    assert_eq!(label_of(&a, "Ulster Petroleums Ltd"), Some(Label::Org));
}

#[test]
fn a_legal_form_with_full_stops_ends_an_organizations_name() {
    // MEANTIME.
    let a = dateline::extract(
        "Airbus parent company European Aeronautic Defence and Space Company EADS N.V. said.",
    );
    assert_eq!(
        label_of(
            &a,
            "European Aeronautic Defence and Space Company EADS N.V."
        ),
        Some(Label::Org)
    );
}

#[test]
fn a_legal_form_before_and_ends_a_firms_name() {
    // Reuters (CoNLL-2003).
    let a = dateline::extract(
        "It can better compete with Johnson Controls Inc and Lear Corp . Both WorldCom Inc and \
         MFS Communications Co Inc were trading. The Ministry of Trade and Industry said so.",
    );
    for firm in [
        "Johnson Controls Inc",
        "Lear Corp",
        "WorldCom Inc",
        "MFS Communications Co Inc",
    ] {
        assert_eq!(label_of(&a, firm), Some(Label::Org), "{firm}");
    }
    assert_eq!(
        label_of(&a, "Ministry of Trade and Industry"),
        Some(Label::Org)
    );
}

#[test]
fn a_persons_name_before_and_or_of_is_no_part_of_an_organization() {
    // Reuters (CoNLL-2003).
    let a = dateline::extract(
        "The study was reported on Thursday .\nJames Harvey and Jennifer Hurley of the Moss \
         Landing Marine Laboratories in California say sea lions are fine .\nArthur Yates and \
         Co ltd is a garden products group .",
    );
    assert_eq!(label_of(&a, "James Harvey"), Some(Label::Person));
    assert_eq!(label_of(&a, "Jennifer Hurley"), Some(Label::Person));
    assert_eq!(
        label_of(&a, "Moss Landing Marine Laboratories"),
        Some(Label::Org)
    );
    assert_eq!(label_of(&a, "Arthur Yates and Co"), Some(Label::Org));
}

#[test]
fn a_place_and_a_newspapers_word_are_a_newspaper() {
    // Reuters (CoNLL-2003).
    let a = dateline::extract(
        "The applications rose, the Vancouver Sun reported. Police are holding a 74-year old \
         Dutchman.",
    );
    assert_eq!(label_of(&a, "Vancouver Sun"), Some(Label::Org));
    assert_eq!(label_of(&a, "Dutchman"), Some(Label::Norp));
}

#[test]
fn a_name_listed_among_places_is_a_place() {
    // GeoVirus (WikiNews): counties and towns no gazetteer lists, beside ones it does.
    let a = dateline::extract(
        "Birds must be kept indoors in Rogaland, Vestfold, Buskerud, Oslo and Hedmark. Dead \
         birds were found in Cairo, Giza, and Al-Minya. Sony, Toshiba and Hitachi said so.",
    );
    for place in ["Vestfold", "Buskerud", "Hedmark", "Al-Minya"] {
        assert_eq!(label_of(&a, place), Some(Label::Gpe), "{place}");
    }
    assert_eq!(label_of(&a, "Sony"), Some(Label::Org));
}

#[test]
fn a_fort_a_camp_or_a_cape_is_a_place() {
    // GeoVirus (WikiNews).
    let a = dateline::extract(
        "He died at his home near Fort Hood military base. He had worked at Fort Detrick for \
         years. Cape Cod is nice.",
    );
    for place in ["Fort Hood", "Fort Detrick", "Cape Cod"] {
        assert_eq!(label_of(&a, place), Some(Label::Loc), "{place}");
    }
}

#[test]
fn a_given_name_and_a_towns_name_after_a_title_are_a_person() {
    // TR-News: `Marco` and `Rubio` are both towns' names.
    let a = dateline::extract(
        "On Sunday morning, Sen. Marco Rubio of Florida, a former rival of Trump, spoke. \
         \"Not an attribute I hope for,\" Rubio tweeted.",
    );
    let rubio = entity_of(&a, "Marco Rubio");
    assert_eq!(rubio.label, Label::Person);
    assert_eq!(mentions(rubio), ["Marco Rubio", "Rubio"]);
    assert_eq!(label_of(&a, "Florida"), Some(Label::Gpe));
}

#[test]
fn an_ampersand_or_a_building_names_no_person() {
    // TR-News.
    let a = dateline::extract(
        "He lives part of the time in Russia.\nTexas A&M said its leaders find it bad. He \
         will speak at the Ronald Reagan Building in Washington.",
    );
    assert_eq!(label_of(&a, "Texas A&M"), Some(Label::Org));
    assert_eq!(label_of(&a, "Ronald Reagan Building"), Some(Label::Fac));
}

#[test]
fn the_name_before_a_persons_title_is_no_person() {
    // TR-News and Reuters (CoNLL-2003).
    let a = dateline::extract(
        "Granville County Fire Marshal Doug Logan said the blaze was set. Hong Kong Financial \
         Secretary Donald Tsang said on Friday it was fine. Calgary MLA Sandra Jansen spoke.",
    );
    assert_ne!(label_of(&a, "Granville County Fire"), Some(Label::Person));
    assert_ne!(label_of(&a, "Hong Kong Financial"), Some(Label::Person));
    assert_eq!(label_of(&a, "Doug Logan"), Some(Label::Person));
    assert_eq!(label_of(&a, "Donald Tsang"), Some(Label::Person));
    assert_eq!(label_of(&a, "Sandra Jansen"), Some(Label::Person));
}

#[test]
fn storms_and_operations_are_events() {
    // Reuters (CoNLL-2003).
    let a = dateline::extract(
        "Reduced concern over Hurricane Edouard prompted profit taking. The allied force, known \
         as Operation Provide Comfort, is based in southern Turkey.",
    );
    assert_eq!(label_of(&a, "Hurricane Edouard"), None);
    assert_eq!(label_of(&a, "Edouard"), None);
    assert_eq!(label_of(&a, "Operation Provide Comfort"), None);
    assert_eq!(label_of(&a, "Turkey"), Some(Label::Gpe));
}

#[test]
fn a_place_named_like_a_given_name_may_start_a_persons_name() {
    // Reuters (CoNLL-2003): `Mary` is a city of Turkmenistan.
    let a = dateline::extract(
        "Women 's ninth seed Mary Joe Fernandez pulled out . He beat German Tommy Haas 6-3 .",
    );
    assert_eq!(label_of(&a, "Mary Joe Fernandez"), Some(Label::Person));
    assert_eq!(label_of(&a, "Tommy Haas"), Some(Label::Person));
    assert_eq!(label_of(&a, "German"), Some(Label::Norp));
}

#[test]
fn a_particle_a_town_shares_starts_a_persons_name() {
    // Reuters (CoNLL-2003): `Abu` is a town in India.
    let a = dateline::extract(
        "PLO negotiator Mahmoud Abbas , better known as Abu Mazen , could meet . \" Abu Ammar \
         ( Arafat ) is right . \"",
    );
    assert_eq!(label_of(&a, "Abu Mazen"), Some(Label::Person));
    assert_eq!(label_of(&a, "Abu Ammar"), Some(Label::Person));
}

#[test]
fn a_unit_after_a_number_is_no_name() {
    // MEANTIME and Reuters (CoNLL-2003): `GB` is Britain's code too.
    let a = dateline::extract(
        "The iPod now holds 8 GB of songs. Power came from the 1,200 MW Sierra plant.",
    );
    assert_eq!(label_of(&a, "GB"), None);
    assert_eq!(label_of(&a, "MW Sierra"), None);
}

#[test]
fn a_name_before_the_minute_of_a_goal_is_a_scorers() {
    // Reuters (CoNLL-2003): a score after a name is a team's, a minute after it a scorer's.
    let a = dateline::extract(
        "Nantes 0 Lens 1 ( Smicer 52nd ) .\n\
         St Pauli 4 ( Driller 15th , Trulsen 54th , Sobotzik 67th penalty ) Schalke 4 .",
    );
    assert_eq!(label_of(&a, "Lens"), Some(Label::Org));
    assert_eq!(label_of(&a, "Schalke"), Some(Label::Org));
    for scorer in ["Smicer", "Driller", "Trulsen", "Sobotzik"] {
        assert_eq!(label_of(&a, scorer), Some(Label::Person), "{scorer}");
    }
}

#[test]
fn a_title_before_an_organizations_last_word_starts_its_name() {
    // Reuters (CoNLL-2003): `Major` and `General` are ranks too.
    let a = dateline::extract(
        "Major League Baseball standings after games played on Wednesday .\n\
         He said General Electric would sell . Major General Mohammad Baqeri said .",
    );
    assert_eq!(label_of(&a, "Major League Baseball"), Some(Label::Org));
    assert_eq!(label_of(&a, "General Electric"), Some(Label::Org));
    assert_eq!(label_of(&a, "Mohammad Baqeri"), Some(Label::Person));
}

#[test]
fn a_company_before_a_model_names_a_product() {
    // WikiNews (MEANTIME) and Reuters (CoNLL-2003): the maker's name is part of the product's,
    // which is no organization; a score after a team's name is no model.
    let a = dateline::extract(
        "Qatar Airways chose the Airbus A350 over the Boeing 787 Dreamliner. The Airbus A330-200 \
         flew on. Boeing said it would appeal.\n\
         Ginebra San Miguel beat Shell 120-103 ( 65-56 ) .",
    );
    assert_eq!(mentions(entity(&a, "Boeing")), ["Boeing"]);
    assert!(names(&a)
        .iter()
        .all(|(n, _)| n != "Airbus" && n != "Dreamliner"));
    assert_eq!(label_of(&a, "Shell"), Some(Label::Org));
}

#[test]
fn capitalized_words_after_a_camel_case_brand_name_a_product() {
    // WikiNews (MEANTIME): `iTunes Music Store` is no organization, and `Store` no town in it.
    let a = dateline::extract(
        "Apple Corps argued that the iTunes Music Store was a breach of the 1991 settlement. \
         The iPod Nano comes in two colors.",
    );
    assert_eq!(names(&a), [("Apple Corps".to_string(), Label::Org)]);
}
