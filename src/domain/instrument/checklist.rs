//! A checklist: sections of items answered ja / deels / nee / n.v.t., fields the
//! organisation fills in, and a draft document built from both.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Checklist {
    pub sections: Vec<Section>,
    #[serde(default)]
    pub fields: Vec<Field>,
    #[serde(default)]
    pub draft: Option<Draft>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Section {
    pub id: String,
    pub title: String,
    #[serde(default)]
    pub intro: Option<String>,
    pub items: Vec<CheckItem>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CheckItem {
    pub id: String,
    /// "Stap 3a".
    pub label: String,
    /// A heading shared by a run of items ("Stap 3 — Maak een klachtendossier …").
    #[serde(default)]
    pub group: Option<String>,
    pub text: String,
    /// Explanation or example from the source.
    #[serde(default)]
    pub detail: Option<String>,
}

/// A blank of the source the organisation fills in.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Field {
    pub id: String,
    pub label: String,
    pub help: String,
    pub kind: FieldKind,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FieldKind {
    Text {
        multiline: bool,
        #[serde(default)]
        default: Option<String>,
    },
    Number {
        unit: String,
        min: f64,
        max: f64,
        whole: bool,
        #[serde(default)]
        default: Option<f64>,
        /// The message when a value under `min` is refused.
        #[serde(default)]
        below_min: Option<String>,
    },
    Choice {
        options: Vec<ChoiceOption>,
        multiple: bool,
        /// The organisation may type its own text instead.
        other: bool,
        #[serde(default)]
        default: Option<String>,
    },
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChoiceOption {
    pub id: String,
    pub label: String,
    pub text: String,
}

/// The draft document: sections of paragraphs with `{placeholders}`.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Draft {
    pub title: String,
    pub sections: Vec<DraftSection>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftSection {
    pub heading: String,
    pub paragraphs: Vec<DraftParagraph>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct DraftParagraph {
    /// The checklist item this paragraph puts in place, if any.
    #[serde(default)]
    pub item: Option<String>,
    pub text: String,
}

impl Checklist {
    pub fn items(&self) -> impl Iterator<Item = (&Section, &CheckItem)> {
        self.sections
            .iter()
            .flat_map(|s| s.items.iter().map(move |i| (s, i)))
    }

    pub fn field(&self, id: &str) -> Option<&Field> {
        self.fields.iter().find(|f| f.id == id)
    }
}

/// The `{names}` in a template text, in order.
pub fn placeholders(text: &str) -> Vec<&str> {
    let mut names = Vec::new();
    let mut rest = text;
    while let Some(start) = rest.find('{') {
        let after = &rest[start + 1..];
        match after.find('}') {
            Some(end) => {
                names.push(&after[..end]);
                rest = &after[end + 1..];
            }
            None => break,
        }
    }
    names
}
