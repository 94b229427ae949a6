//! Carries out the effects of `update` with the store, and answers with messages.

use super::{Effect, HomeEntry, Listing, Msg, Opened, progress_percent};
use crate::domain::{Assessment, Instruments, gouden_oor_summary, stv_summary};
use crate::store::{Handle, Store};

pub struct Runtime {
    store: Store,
    instruments: &'static Instruments,
    handle: Option<Handle>,
}

impl Runtime {
    pub fn new(store: Store, instruments: &'static Instruments) -> Self {
        Runtime {
            store,
            instruments,
            handle: None,
        }
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Open an assessment directly (for `goudenoor open NAME`).
    pub fn open(&mut self, path: &std::path::Path) -> Msg {
        match Handle::open(path).and_then(|handle| {
            let assessment = handle.load()?;
            Ok((handle, assessment))
        }) {
            Ok((handle, assessment)) => {
                let opened = Opened {
                    path: handle.path().to_path_buf(),
                    read_only: handle.is_read_only(),
                    assessment,
                };
                self.handle = Some(handle);
                Msg::Opened(Box::new(opened))
            }
            Err(e) => Msg::Failed(e.to_string()),
        }
    }

    /// Carry out one effect. `Quit` is the caller's to handle; it yields nothing here.
    pub fn run(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::List => Some(Msg::Listed(self.list())),
            Effect::Create {
                title,
                organisation,
            } => {
                let assessment = Assessment::new(
                    &title,
                    &organisation,
                    self.instruments,
                    jiff::Timestamp::now(),
                );
                match self.store.create(&assessment) {
                    Ok(handle) => {
                        let opened = Opened {
                            path: handle.path().to_path_buf(),
                            read_only: false,
                            assessment,
                        };
                        self.handle = Some(handle);
                        Some(Msg::Opened(Box::new(opened)))
                    }
                    Err(e) => Some(Msg::Failed(e.to_string())),
                }
            }
            Effect::Open(path) => Some(self.open(&path)),
            Effect::Rename { path, title } => {
                let result = Handle::open(&path).and_then(|mut handle| {
                    if handle.is_read_only() {
                        return Err(crate::store::StoreError::Locked { path: path.clone() });
                    }
                    let mut assessment = handle.load()?;
                    assessment.title = title;
                    assessment.updated = jiff::Timestamp::now();
                    handle.save(&assessment)
                });
                result.err().map(|e| Msg::Failed(e.to_string()))
            }
            Effect::Trash(path) => Some(match self.store.trash(&path) {
                Ok(target) => Msg::Info(format!(
                    "Verplaatst naar de prullenbak: {} (terug te zetten door het bestand terug te verplaatsen)",
                    target.display()
                )),
                Err(e) => Msg::Failed(e.to_string()),
            }),
            Effect::Save(assessment) => {
                let Some(handle) = &mut self.handle else {
                    return Some(Msg::Failed("Geen open beoordeling om op te slaan.".into()));
                };
                let mut assessment = *assessment;
                let now = jiff::Timestamp::now();
                assessment.updated = now;
                match handle.save(&assessment) {
                    Ok(()) => Some(Msg::Saved(now)),
                    Err(e) => Some(Msg::Failed(e.to_string())),
                }
            }
            Effect::ImportFile(path) => Some(
                match crate::import::read_respondents(self.instruments, &path) {
                    Ok(respondents) => Msg::Imported(respondents),
                    Err(e) => {
                        let text = e.to_string();
                        let mut lines = text.lines().map(str::to_string);
                        let title = lines.next().unwrap_or_default();
                        Msg::Popup(super::Popup {
                            title,
                            lines: lines.map(|l| l.trim().to_string()).collect(),
                        })
                    }
                },
            ),
            Effect::Close => {
                self.handle = None;
                None
            }
            Effect::Quit => None,
        }
    }

    pub fn list(&self) -> Vec<HomeEntry> {
        let entries = match self.store.list() {
            Ok(entries) => entries,
            Err(e) => {
                return vec![HomeEntry {
                    slug: String::new(),
                    path: self.store.dir().to_path_buf(),
                    listing: Err(e.to_string()),
                }];
            }
        };
        entries
            .into_iter()
            .map(|entry| HomeEntry {
                listing: entry
                    .assessment
                    .map(|a| listing(self.instruments, &a))
                    .map_err(|e| e.to_string()),
                slug: entry.slug,
                path: entry.path,
            })
            .collect()
    }
}

/// How the home screen and `goudenoor list` summarise an assessment.
pub fn listing(instruments: &Instruments, assessment: &Assessment) -> Listing {
    let answers = &assessment.result_answers(instruments);
    Listing {
        title: assessment.title.clone(),
        organisation: assessment.organisation.clone(),
        updated: assessment.updated,
        progress: progress_percent(instruments, assessment),
        gouden_oor: gouden_oor_summary(&instruments.gouden_oor, answers)
            .mean
            .map(|m| m.display()),
        stv: stv_summary(&instruments.stv, answers)
            .total
            .map(|m| m.display()),
        respondents: assessment.respondents.len(),
    }
}
