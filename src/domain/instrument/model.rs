//! The IKM model: boxes in three groups (Enablers → Performance → Results), scored
//! from a mapping of the other instruments' items, optionally rated by the team.

use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct IkmModel {
    pub groups: Vec<Group>,
    pub boxes: Vec<BoxDef>,
    #[serde(default)]
    pub rating: Option<RatingDef>,
    pub mapping: Vec<Mapping>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Group {
    pub id: String,
    pub title: String,
    pub text: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BoxDef {
    pub id: String,
    pub group: String,
    pub title: String,
    pub text: String,
}

/// The team rates the boxes of one group (the performance indicators).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RatingDef {
    pub group: String,
    pub min: u8,
    pub max: u8,
    pub question: String,
}

/// The app's reading: which boxes an item (or part, section, measurement) speaks to.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    pub id: String,
    pub boxes: Vec<String>,
    pub reason: String,
}

impl IkmModel {
    pub fn boxes_in<'a>(&'a self, group: &'a str) -> impl Iterator<Item = &'a BoxDef> {
        self.boxes.iter().filter(move |b| b.group == group)
    }
}
