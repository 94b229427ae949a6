//! The klachtenprocedure-check: its data, the score rules, the fields' validation, the
//! draft procedure, sheets with checklist columns and `goudenoor set`.

use assert_cmd::Command;
use goudenoor::domain::instrument::FieldKind;
use goudenoor::domain::result::{self, Detail};
use goudenoor::domain::scoring::checklist;
use goudenoor::domain::{Answer, Assessment, Check, Instrument, Instruments, draft, setting};
use goudenoor::fixtures::fixed_time;
use std::path::Path;

const ID: &str = "klachtenprocedure";

fn instruments() -> &'static Instruments {
    Instruments::embedded()
}

fn procedure() -> &'static Instrument {
    instruments()
        .get(ID)
        .expect("the registry holds the klachtenprocedure-check")
}

fn list() -> &'static goudenoor::domain::instrument::Checklist {
    procedure().checklist().expect("a checklist")
}

fn assessment() -> Assessment {
    Assessment::new(
        "Procedure 2026",
        "Woonstichting De Hoek",
        instruments(),
        &[ID.to_string()],
        fixed_time(),
    )
}

fn item_ids(section: &str) -> Vec<&'static str> {
    list()
        .sections
        .iter()
        .find(|s| s.id == section)
        .unwrap_or_else(|| panic!("section {section}"))
        .items
        .iter()
        .map(|i| i.id.as_str())
        .collect()
}

// ------------------------------------------------------------------ the data

#[test]
fn the_sections_items_and_fields_are_all_there_with_their_ids() {
    let inst = procedure();
    assert_eq!(inst.kind.name(), "checklist");
    let sections: Vec<&str> = list().sections.iter().map(|s| s.id.as_str()).collect();
    assert_eq!(
        sections,
        [
            "kp.stappenplan",
            "kp.indiening",
            "kp.afhandeling",
            "kp.beheer"
        ]
    );
    assert_eq!(
        item_ids("kp.stappenplan"),
        [
            "kp.stap1",
            "kp.stap2",
            "kp.dossier.a",
            "kp.dossier.b",
            "kp.dossier.c",
            "kp.dossier.d",
            "kp.dossier.e",
            "kp.dossier.f",
            "kp.stap4",
            "kp.stap5"
        ]
    );
    assert_eq!(
        item_ids("kp.indiening"),
        [
            "kp.schriftelijk",
            "kp.mondeling_bevestigen",
            "kp.doorsturen",
            "kp.ontvangstbevestiging",
            "kp.vertraging"
        ]
    );
    assert_eq!(
        item_ids("kp.afhandeling"),
        [
            "kp.bekijken",
            "kp.informatie_klager",
            "kp.bespreken",
            "kp.standpunt",
            "kp.informeren",
            "kp.vastleggen",
            "kp.mogelijkheden"
        ]
    );
    assert_eq!(
        item_ids("kp.beheer"),
        ["kp.bewaren", "kp.registratie", "kp.jaarverslag"]
    );
    let fields: Vec<&str> = list().fields.iter().map(|f| f.id.as_str()).collect();
    assert_eq!(
        fields,
        [
            "kp.klachtverantwoordelijke",
            "kp.definitie",
            "kp.reactietermijn",
            "kp.bevestigingstermijn",
            "kp.vervolg",
            "kp.bewaartermijn"
        ]
    );
    // The dossier items share the heading of step 3; every item has a text.
    for (section, item) in list().items() {
        assert!(!item.text.trim().is_empty(), "{}", item.id);
        assert!(!item.label.trim().is_empty(), "{}", item.id);
        if item.id.starts_with("kp.dossier.") {
            assert_eq!(section.id, "kp.stappenplan");
            assert!(item.group.as_deref().unwrap().starts_with("Stap 3"));
        }
    }
}

#[test]
fn the_fields_have_the_kinds_of_the_source() {
    let kind = |id: &str| &list().field(id).unwrap().kind;
    assert!(matches!(
        kind("kp.klachtverantwoordelijke"),
        FieldKind::Text { .. }
    ));
    assert!(matches!(
        kind("kp.definitie"),
        FieldKind::Choice { multiple: false, other: true, options, .. } if options.len() == 4
    ));
    assert!(matches!(
        kind("kp.vervolg"),
        FieldKind::Choice {
            multiple: true,
            other: true,
            ..
        }
    ));
    for id in ["kp.reactietermijn", "kp.bevestigingstermijn"] {
        assert!(
            matches!(kind(id), FieldKind::Number { unit, whole: true, .. } if unit == "werkdagen"),
            "{id}"
        );
    }
    match kind("kp.bewaartermijn") {
        FieldKind::Number {
            unit,
            min,
            default,
            below_min,
            ..
        } => {
            assert_eq!(unit, "jaar");
            assert_eq!(*min, 1.0);
            assert_eq!(*default, Some(1.0));
            assert!(
                below_min
                    .as_deref()
                    .unwrap()
                    .contains("ten minste één jaar")
            );
        }
        other => panic!("{other:?}"),
    }
    // Every placeholder of the draft is the organisation or a field.
    let draft = list().draft.as_ref().unwrap();
    for section in &draft.sections {
        for p in &section.paragraphs {
            for name in goudenoor::domain::placeholders(&p.text) {
                assert!(
                    name == "organisatie" || list().field(name).is_some(),
                    "{name} in {}",
                    section.heading
                );
            }
            if let Some(item) = &p.item {
                assert!(list().items().any(|(_, i)| &i.id == item), "{item}");
            }
        }
    }
}

// ------------------------------------------------------------------ scoring

fn answers_with(checks: &[(&str, Check)]) -> goudenoor::domain::ItemAnswers {
    let mut a = goudenoor::domain::ItemAnswers::default();
    for (id, c) in checks {
        a.set_check(id, *c);
    }
    a
}

#[test]
fn a_section_counts_ja_one_deels_half_nee_nothing_and_leaves_nvt_out() {
    use Check::*;
    let afhandeling = &list().sections[2];
    let a = answers_with(&[
        ("kp.bekijken", Ja),
        ("kp.informatie_klager", Ja),
        ("kp.bespreken", Deels),
        ("kp.standpunt", Ja),
        ("kp.informeren", Deels),
        ("kp.vastleggen", Nee),
        ("kp.mogelijkheden", Ja),
    ]);
    let score = checklist::section_score(afhandeling, &a);
    let share = score.share.unwrap();
    assert_eq!(share.display(), "5 van 7");
    assert_eq!(share.percent(), 71);
    assert_eq!(score.progress.done, 7);

    // n.v.t. leaves an item out; open too, but it counts against progress.
    let a = answers_with(&[
        ("kp.bekijken", Ja),
        ("kp.informatie_klager", Nvt),
        ("kp.bespreken", Deels),
    ]);
    let score = checklist::section_score(afhandeling, &a);
    assert_eq!(score.share.unwrap().display(), "1½ van 2");
    assert_eq!(score.share.unwrap().percent(), 75);
    assert_eq!((score.progress.done, score.progress.total), (3, 7));

    let only_nvt = answers_with(&[("kp.bekijken", Nvt)]);
    assert_eq!(checklist::section_score(afhandeling, &only_nvt).share, None);
    let half = answers_with(&[("kp.bekijken", Deels)]);
    assert_eq!(
        checklist::section_score(afhandeling, &half)
            .share
            .unwrap()
            .display(),
        "½ van 1"
    );
}

#[test]
fn overall_is_the_same_rule_over_every_item_and_next_steps_keep_the_seeds_order() {
    use Check::*;
    let a = answers_with(&[
        ("kp.jaarverslag", Nee),
        ("kp.stap1", Ja),
        ("kp.dossier.c", Deels),
        ("kp.schriftelijk", Nvt),
        ("kp.vertraging", Nee),
        ("kp.bekijken", Ja),
        ("kp.dossier.a", Nee),
    ]);
    let summary = checklist::summary(list(), &a);
    // 2 ja + 1 deels of 6 counted (n.v.t. left out).
    assert_eq!(summary.overall.unwrap().display(), "2½ van 6");
    assert_eq!(summary.overall.unwrap().percent(), 42);
    assert_eq!(
        summary.next_steps,
        [
            "kp.dossier.a",
            "kp.dossier.c",
            "kp.vertraging",
            "kp.jaarverslag"
        ]
    );
    let shares: Vec<Option<String>> = summary
        .sections
        .iter()
        .map(|s| s.share.map(|s| s.display()))
        .collect();
    assert_eq!(
        shares,
        [
            Some("1½ van 3".to_string()),
            Some("0 van 1".to_string()),
            Some("1 van 1".to_string()),
            Some("0 van 1".to_string())
        ]
    );
    assert_eq!(summary.progress.done, 7);
    assert_eq!(summary.progress.total, 25);
    // The definition and the retention term have defaults; the other four are empty.
    assert_eq!(
        summary.empty_fields,
        [
            "kp.klachtverantwoordelijke",
            "kp.reactietermijn",
            "kp.bevestigingstermijn",
            "kp.vervolg"
        ]
    );
}

#[test]
fn the_result_model_shows_the_shares_and_the_next_steps() {
    let mut a = assessment();
    for (id, value) in [
        ("kp.bekijken", "ja"),
        ("kp.informatie_klager", "ja"),
        ("kp.bespreken", "deels"),
        ("kp.standpunt", "ja"),
        ("kp.informeren", "deels"),
        ("kp.vastleggen", "nee"),
        ("kp.mogelijkheden", "ja"),
    ] {
        setting::set(instruments(), &mut a, id, value).unwrap();
    }
    let results = result::build(instruments(), &a);
    let r = results.get(ID).unwrap();
    assert_eq!(
        r.verdict,
        "71% op orde (5 van 7 onderdelen; 3 nog in te richten)."
    );
    assert!(r.provisional, "18 items are still open");
    let steps: Vec<&str> = r.next_steps.iter().map(|s| s.item.as_str()).collect();
    assert_eq!(steps, ["kp.bespreken", "kp.informeren", "kp.vastleggen"]);
    assert!(
        r.next_steps[2].title.contains("(nee)"),
        "{}",
        r.next_steps[2].title
    );
    let Detail::Checklist(detail) = &r.detail else {
        panic!("a checklist result")
    };
    assert_eq!(detail.sections[2].share.unwrap().display(), "5 van 7");
    assert_eq!(detail.sections[0].share, None);
    let retention = detail
        .fields
        .iter()
        .find(|f| f.id == "kp.bewaartermijn")
        .unwrap();
    assert_eq!(retention.value.as_deref(), Some("1 jaar"));
    assert!(r.warnings.iter().any(|w| w.contains("nog niet ingevuld")));
}

// ------------------------------------------------------------------ fields

fn field_kind(id: &str) -> goudenoor::domain::ItemKind<'static> {
    procedure().item(id).unwrap().kind
}

#[test]
fn a_retention_term_under_one_year_is_refused_with_the_fields_message() {
    let message =
        "De bewaartermijn is ten minste één jaar nadat de klacht is afgehandeld. Vul 1 of meer in.";
    let kind = field_kind("kp.bewaartermijn");
    assert_eq!(
        goudenoor::domain::validate::answer(kind, &Answer::Number(0.5)),
        Err(message.to_string())
    );
    assert_eq!(
        goudenoor::domain::validate::answer(kind, &Answer::Number(1.0)),
        Ok(())
    );
    assert_eq!(
        goudenoor::domain::validate::answer(kind, &Answer::Number(7.5)),
        Ok(())
    );
    assert!(goudenoor::domain::validate::answer(kind, &Answer::Number(101.0)).is_err());

    let mut a = assessment();
    let err = setting::set(instruments(), &mut a, "kp.bewaartermijn", "0,5").unwrap_err();
    assert!(
        err.contains(message) && err.contains("kp.bewaartermijn"),
        "{err}"
    );
    assert!(a.facts.is_empty(), "nothing was set");
    setting::set(instruments(), &mut a, "kp.bewaartermijn", "2").unwrap();
    assert_eq!(a.facts.of(ID).number("kp.bewaartermijn"), Some(2.0));
}

#[test]
fn a_term_in_working_days_is_whole() {
    let kind = field_kind("kp.reactietermijn");
    let err = goudenoor::domain::validate::answer(kind, &Answer::Number(2.5)).unwrap_err();
    assert!(err.contains("heel getal"), "{err}");
    let err = goudenoor::domain::validate::answer(kind, &Answer::Number(0.0)).unwrap_err();
    assert!(
        err.contains("tussen 1") && err.contains("werkdagen"),
        "{err}"
    );
}

#[test]
fn a_choice_that_does_not_exist_is_refused() {
    let kind = field_kind("kp.definitie");
    let unknown = Answer::Choice {
        options: vec!["kp.definitie.bestaat-niet".into()],
        other: String::new(),
    };
    let err = goudenoor::domain::validate::answer(kind, &unknown).unwrap_err();
    assert!(
        err.contains("\"kp.definitie.bestaat-niet\" bestaat niet"),
        "{err}"
    );
    let two = Answer::Choice {
        options: vec![
            "kp.definitie.voorbeeld".into(),
            "kp.definitie.iso10002".into(),
        ],
        other: String::new(),
    };
    assert_eq!(
        goudenoor::domain::validate::answer(kind, &two),
        Err("kies één mogelijkheid".to_string())
    );
    // Through `set`: two options of a single choice are refused, and nothing changes.
    let mut a = assessment();
    let err =
        setting::set(instruments(), &mut a, "kp.definitie", "voorbeeld, iso10002").unwrap_err();
    assert!(err.contains("kies één mogelijkheid"), "{err}");
    assert!(a.facts.is_empty());
    // An option by its short id; own text where the field allows it.
    setting::set(instruments(), &mut a, "kp.vervolg", "kifid, Ombudsman").unwrap();
    assert_eq!(
        a.facts.of(ID).get("kp.vervolg"),
        Some(&Answer::Choice {
            options: vec!["kp.vervolg.kifid".into()],
            other: "Ombudsman".into()
        })
    );
    // A text where a number belongs is an answer of another kind.
    let err = goudenoor::domain::validate::answer(
        field_kind("kp.bewaartermijn"),
        &Answer::Text("een jaar".into()),
    )
    .unwrap_err();
    assert!(err.contains("ander soort"), "{err}");
}

// ------------------------------------------------------------------ the draft

/// Every item answered: nee for step 1, deels for the fifth step, open for the last
/// dossier item, ja elsewhere; some fields filled in, others not.
fn filled() -> Assessment {
    let mut a = assessment();
    for (_, item) in list().items() {
        let value = match item.id.as_str() {
            "kp.stap1" => "nee",
            "kp.stap5" => "deels",
            "kp.dossier.f" => continue,
            "kp.schriftelijk" => "nvt",
            _ => "ja",
        };
        setting::set(instruments(), &mut a, &item.id, value).unwrap();
    }
    for (id, value) in [
        ("kp.definitie", "iso10002"),
        ("kp.reactietermijn", "10"),
        ("kp.vervolg", "heroverweging, kifid"),
        ("kp.bewaartermijn", "2"),
    ] {
        setting::set(instruments(), &mut a, id, value).unwrap();
    }
    a
}

fn draft_of(a: &Assessment) -> draft::DraftDoc {
    draft::build(
        procedure(),
        &a.organisation,
        &a.result_answers(instruments()),
    )
    .expect("the checklist has a draft")
}

#[test]
fn the_draft_marks_what_is_not_in_place_and_fills_the_placeholders() {
    let doc = draft_of(&filled());
    assert_eq!(doc.title, "Interne klachtenprocedure");
    assert_eq!(doc.organisation, "Woonstichting De Hoek");
    let paragraph = |start: &str| {
        doc.sections
            .iter()
            .flat_map(|s| &s.paragraphs)
            .find(|p| p.text.starts_with(start))
            .unwrap_or_else(|| panic!("{start}"))
    };
    let step1 = paragraph("Binnen Woonstichting De Hoek is [nog in te vullen: ");
    assert_eq!(step1.to_do.as_deref(), Some("nog in te richten"));
    assert_eq!(
        paragraph("Woonstichting De Hoek maakt aan klanten")
            .to_do
            .as_deref(),
        Some("nog in te richten (nu deels)")
    );
    assert_eq!(
        paragraph("f. de status").to_do.as_deref(),
        Some("nog in te richten (niet beantwoord)")
    );
    assert_eq!(
        paragraph("Klachten worden bij voorkeur").to_do,
        None,
        "n.v.t."
    );
    assert_eq!(paragraph("a. de naam-").to_do, None);
    // Placeholders: fields filled in, the missing ones named, no braces left.
    let bevestiging = paragraph("De klachtverantwoordelijke bevestigt");
    assert!(
        bevestiging
            .text
            .contains("binnen 10 werkdagen na indiening"),
        "{}",
        bevestiging.text
    );
    assert!(
        bevestiging.text.contains("[nog in te vullen: "),
        "{}",
        bevestiging.text
    );
    assert!(
        paragraph("De gegevens uit het klachtendossier")
            .text
            .contains("ten minste 2 jaar")
    );
    let vervolg = &paragraph("Is de klager niet tevreden").text;
    assert!(
        vervolg.contains(
            "niet bij betrokken was. De klager kan de klacht voorleggen aan het Klachteninstituut"
        ),
        "two chosen sentences follow each other: {vervolg}"
    );
    for p in doc.sections.iter().flat_map(|s| &s.paragraphs) {
        assert!(!p.text.contains('{') && !p.text.contains('}'), "{}", p.text);
    }
    assert_eq!(doc.missing_fields.len(), 2, "{:?}", doc.missing_fields);
    assert!(
        doc.missing_fields.iter().all(|f| f
            == &list().field("kp.klachtverantwoordelijke").unwrap().label
            || f == &list().field("kp.bevestigingstermijn").unwrap().label),
        "{:?}",
        doc.missing_fields
    );
}

#[test]
fn a_blank_check_marks_every_item_paragraph_and_names_every_empty_field() {
    let mut a = assessment();
    a.organisation = "  ".into();
    let doc = draft_of(&a);
    assert_eq!(doc.organisation, "de organisatie");
    for p in doc.sections.iter().flat_map(|s| &s.paragraphs) {
        assert!(!p.text.contains('{'), "{}", p.text);
    }
    let item_paragraphs = list()
        .draft
        .as_ref()
        .unwrap()
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.item.is_some())
        .count();
    let marked = doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .filter(|p| p.to_do.is_some())
        .count();
    assert_eq!(marked, item_paragraphs);
    assert_eq!(
        doc.missing_fields.len(),
        4,
        "the definition and the retention term have defaults"
    );
    let definition = doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .find(|p| p.text.starts_with("Als klacht geldt: "))
        .unwrap();
    assert!(
        !definition.text.contains("nog in te vullen"),
        "{}",
        definition.text
    );
}

#[test]
fn golden_draft_markdown() {
    let doc = draft_of(&filled());
    insta::assert_snapshot!(goudenoor::procedure::markdown(&doc, "02-11-2026"));
}

#[test]
fn golden_draft_html() {
    let doc = draft_of(&filled());
    insta::assert_snapshot!(goudenoor::procedure::html_page(&doc, "02-11-2026"));
}

#[test]
fn the_draft_escapes_what_the_organisation_typed() {
    let mut a = filled();
    a.organisation = "<script>alert(1)</script> *Vet* # Kop".into();
    setting::set(
        instruments(),
        &mut a,
        "kp.klachtverantwoordelijke",
        "[klik](javascript:x) <b>Jan</b>",
    )
    .unwrap();
    let doc = draft_of(&a);
    let html = goudenoor::procedure::html_page(&doc, "02-11-2026");
    assert!(
        !html.contains("<script>alert") && !html.contains("<b>Jan"),
        "{html}"
    );
    assert!(html.contains("&lt;script&gt;"));
    let md = goudenoor::procedure::markdown(&doc, "02-11-2026");
    assert!(
        md.contains("\\<script\\>") && md.contains("\\*Vet\\*"),
        "{md}"
    );
    assert!(md.contains("\\[klik\\](javascript:x)"), "{md}");
    assert!(!md.contains("<b>"), "{md}");
}

// ------------------------------------------------------------------ sheets

#[test]
fn a_sheet_with_checklist_columns_is_imported() {
    let ids = vec!["gouden-oor".to_string(), ID.to_string()];
    let text = "respondent,go1,kp.stap1,kp.dossier.a,kp.bespreken,kp.jaarverslag\n\
                Anna,goed,ja,deels,N.V.T.,nee\n\
                Bert,,j,d,n,\n";
    let r = goudenoor::import::parse_sheet(instruments(), &ids, text).unwrap();
    let anna = r[0].answers.of(ID);
    assert_eq!(anna.check("kp.stap1"), Check::Ja);
    assert_eq!(anna.check("kp.dossier.a"), Check::Deels);
    assert_eq!(anna.check("kp.bespreken"), Check::Nvt);
    assert_eq!(anna.check("kp.jaarverslag"), Check::Nee);
    let bert = r[1].answers.of(ID);
    assert_eq!(bert.check("kp.stap1"), Check::Ja);
    assert_eq!(bert.check("kp.bespreken"), Check::Nee);
    assert_eq!(bert.check("kp.jaarverslag"), Check::Open);

    // Every bad checklist cell is listed; fields are not sheet columns.
    let bad = "respondent,kp.stap1,kp.stap2\nAnna,misschien,jawel\n";
    match goudenoor::import::parse_sheet(instruments(), &ids, bad) {
        Err(goudenoor::import::SheetError::Cells(cells)) => {
            assert_eq!(cells.len(), 2);
            assert!(cells[0].problem.contains("ja, deels, nee of n.v.t."));
        }
        other => panic!("{other:?}"),
    }
    let field = "respondent,kp.bewaartermijn\nAnna,2\n";
    assert!(matches!(
        goudenoor::import::parse_sheet(instruments(), &ids, field),
        Err(goudenoor::import::SheetError::Header(m)) if m.contains("kp.bewaartermijn")
    ));
}

// ------------------------------------------------------------------ the command line

fn goudenoor(dir: &Path) -> Command {
    let mut cmd = match std::env::var_os("GOUDENOOR_TEST_BIN") {
        Some(bin) => Command::new(bin),
        None => Command::cargo_bin("goudenoor").unwrap(),
    };
    cmd.env("GOUDENOOR_DATA_DIR", dir).env_remove("NO_COLOR");
    cmd
}

fn output(assert: assert_cmd::assert::Assert) -> (String, String) {
    let out = assert.get_output();
    (
        String::from_utf8(out.stdout.clone()).unwrap(),
        String::from_utf8(out.stderr.clone()).unwrap(),
    )
}

#[test]
fn set_is_all_or_nothing_and_procedure_writes_the_draft() {
    let dir = tempfile::tempdir().unwrap();
    goudenoor(dir.path())
        .args(["new", "Procedure", "--org", "De Hoek", "--instruments", ID])
        .assert()
        .success();
    let file = dir.path().join("procedure.ron");
    let before = std::fs::read(&file).unwrap();
    let (_, err) = output(
        goudenoor(dir.path())
            .args([
                "set",
                "procedure",
                "kp.stap1=ja",
                "kp.klachtverantwoordelijke=Jan",
                "kp.bewaartermijn=0,5",
                "kp.stap2=misschien",
            ])
            .assert()
            .failure(),
    );
    assert!(err.contains("niets gewijzigd"), "{err}");
    assert!(err.contains("ten minste één jaar"), "{err}");
    assert!(
        err.contains("kp.stap2") && err.contains("misschien"),
        "{err}"
    );
    assert_eq!(
        std::fs::read(&file).unwrap(),
        before,
        "one bad value changes nothing"
    );

    goudenoor(dir.path())
        .args([
            "set",
            "procedure",
            "kp.stap1=nee",
            "kp.klachtverantwoordelijke=Jan de Vries",
            "kp.bewaartermijn=3",
        ])
        .assert()
        .success();
    let a = goudenoor::store::load(&file).unwrap();
    assert_eq!(
        a.facts.of(ID).text("kp.klachtverantwoordelijke"),
        Some("Jan de Vries")
    );
    assert_eq!(
        a.respondents[0].answers.of(ID).check("kp.stap1"),
        Check::Nee
    );

    let (md, _) = output(
        goudenoor(dir.path())
            .args(["procedure", "procedure"])
            .assert()
            .success(),
    );
    assert!(
        md.starts_with("# Interne klachtenprocedure — De Hoek"),
        "{md}"
    );
    assert!(
        md.contains("Binnen De Hoek is Jan de Vries verantwoordelijk"),
        "{md}"
    );
    assert!(md.contains("**[nog in te richten]**"), "{md}");
    assert!(md.contains("ten minste 3 jaar"), "{md}");
    let (html, _) = output(
        goudenoor(dir.path())
            .args(["procedure", "procedure", "--format", "html"])
            .assert()
            .success(),
    );
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("class=\"todo\""));

    // An assessment without the check is told what to do.
    goudenoor(dir.path())
        .args(["new", "Zonder"])
        .assert()
        .success();
    let (_, err) = output(
        goudenoor(dir.path())
            .args(["procedure", "zonder"])
            .assert()
            .failure(),
    );
    assert!(
        err.contains("klachtenprocedure-check niet") && err.contains("--instruments"),
        "{err}"
    );
}

#[test]
fn an_organisation_ending_in_a_full_stop_gets_one_stop_in_the_draft() {
    let mut a = filled();
    a.organisation = "Gemeente Voorbeeld & Zn.".into();
    let doc = draft_of(&a);
    let text: Vec<&str> = doc
        .sections
        .iter()
        .flat_map(|s| &s.paragraphs)
        .map(|p| p.text.as_str())
        .collect();
    let all = text.join("\n");
    assert!(all.contains("Gemeente Voorbeeld & Zn. Zo"), "{all}");
    assert!(!all.contains("Zn.."), "{all}");
}

#[test]
fn the_summary_puts_what_is_not_arranged_before_what_is_partly() {
    let mut a = assessment();
    let ids: Vec<&str> = list()
        .sections
        .iter()
        .flat_map(|s| s.items.iter().map(|i| i.id.as_str()))
        .collect();
    // Everything arranged but the first item (deels) and the fourth (nee).
    for id in &ids {
        setting::set(instruments(), &mut a, id, "ja").unwrap();
    }
    setting::set(instruments(), &mut a, ids[0], "deels").unwrap();
    setting::set(instruments(), &mut a, ids[3], "nee").unwrap();
    let text = String::from_utf8(goudenoor::report::render(
        instruments(),
        &a,
        goudenoor::report::Format::Md,
        goudenoor::report::Options::default(),
    ))
    .unwrap();
    // The management summary ends with how the report was made.
    let summary = &text[..text
        .find("### Zo is dit gemaakt")
        .expect("the summary's end")];
    let label = |id: &str| {
        list()
            .sections
            .iter()
            .flat_map(|s| &s.items)
            .find(|i| i.id == id)
            .unwrap()
            .label
            .clone()
    };
    let nee = summary
        .find(&label(ids[3]))
        .expect("the nee item in the summary");
    let deels = summary
        .find(&label(ids[0]))
        .expect("the deels item in the summary");
    assert!(nee < deels, "nee first:\n{summary}");
}
