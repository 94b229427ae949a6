//! The draft document of a checklist (the "Interne klachtenprocedure"): the source's
//! structure with the organisation's fields filled in, and every paragraph whose item is
//! not in place yet marked "nog in te richten".

use super::answers::{Answers, Check};
use super::instrument::{Checklist, Instrument};
use super::scoring::checklist::field_value;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftDoc {
    pub title: String,
    pub organisation: String,
    pub sections: Vec<DraftPart>,
    /// Fields still to fill in (their labels).
    pub missing_fields: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftPart {
    pub heading: String,
    pub paragraphs: Vec<DraftText>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DraftText {
    pub text: String,
    /// The item it stands for is answered nee, deels or not at all.
    pub to_do: Option<String>,
}

/// Build the draft of `inst` (a checklist with a draft) from the result answers.
pub fn build(inst: &Instrument, organisation: &str, answers: &Answers) -> Option<DraftDoc> {
    let list: &Checklist = inst.checklist()?;
    let draft = list.draft.as_ref()?;
    let a = answers.of(&inst.id);
    let organisation = if organisation.trim().is_empty() {
        "de organisatie".to_string()
    } else {
        organisation.trim().to_string()
    };
    let fill = |text: &str| -> String {
        let mut out = String::new();
        let mut rest = text;
        while let Some(start) = rest.find('{') {
            out.push_str(&rest[..start]);
            let after = &rest[start + 1..];
            let Some(end) = after.find('}') else {
                out.push_str(&rest[start..]);
                rest = "";
                break;
            };
            let name = &after[..end];
            let value = if name == "organisatie" {
                Some(organisation.clone())
            } else {
                list.field(name).and_then(|f| field_value(f, a, false))
            };
            rest = &after[end + 1..];
            match value {
                // "Voorbeeld & Zn." before the sentence's own full stop: one stop.
                Some(v) if v.ends_with('.') && rest.starts_with('.') => {
                    out.push_str(v.trim_end_matches('.'))
                }
                Some(v) => out.push_str(&v),
                None => {
                    let label = list.field(name).map_or(name, |f| f.label.as_str());
                    out.push_str(&format!("[nog in te vullen: {}]", label.to_lowercase()));
                }
            }
        }
        out.push_str(rest);
        out
    };
    let sections = draft
        .sections
        .iter()
        .map(|s| DraftPart {
            heading: s.heading.clone(),
            paragraphs: s
                .paragraphs
                .iter()
                .map(|p| DraftText {
                    text: fill(&p.text),
                    to_do: p.item.as_ref().and_then(|id| match a.check(id) {
                        Check::Ja | Check::Nvt => None,
                        Check::Deels => Some("nog in te richten (nu deels)".into()),
                        Check::Nee => Some("nog in te richten".into()),
                        Check::Open => Some("nog in te richten (niet beantwoord)".into()),
                    }),
                })
                .collect(),
        })
        .collect();
    Some(DraftDoc {
        title: draft.title.clone(),
        organisation,
        sections,
        missing_fields: list
            .fields
            .iter()
            .filter(|f| field_value(f, a, false).is_none())
            .map(|f| f.label.clone())
            .collect(),
    })
}
