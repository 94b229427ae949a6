//! Carries out the effects of `update` with the store, and answers with messages.

use super::{Column, Effect, HomeEntry, Listing, Msg, Opened};
use crate::domain::{Assessment, Instruments, Series};
use crate::store::{Handle, Store, StoreError};
use std::path::{Path, PathBuf};

/// Writes a report of an assessment; returns where it went. Set by the terminal loop,
/// so the app does not depend on the report formats.
/// Writes the report (and what goes with it); returns the files written, report first.
pub type Exporter = Box<dyn Fn(&Assessment, &Path) -> Result<Vec<PathBuf>, String>>;

/// Where the live server's events go: the terminal loop's channel.
pub type LiveSink = std::sync::Arc<dyn Fn(crate::live::LiveEvent) + Send + Sync>;

pub struct Runtime {
    store: Store,
    instruments: &'static Instruments,
    handle: Option<Handle>,
    exporter: Option<Exporter>,
    live: Option<crate::live::LiveServer>,
    live_sink: Option<LiveSink>,
}

impl Runtime {
    pub fn new(store: Store, instruments: &'static Instruments) -> Self {
        Runtime {
            store,
            instruments,
            handle: None,
            exporter: None,
            live: None,
            live_sink: None,
        }
    }

    /// Where the live server's events go (set by the terminal loop).
    pub fn with_live_sink(mut self, sink: LiveSink) -> Self {
        self.live_sink = Some(sink);
        self
    }

    pub fn with_exporter(mut self, exporter: Exporter) -> Self {
        self.exporter = Some(exporter);
        self
    }

    pub fn store(&self) -> &Store {
        &self.store
    }

    /// Open an assessment directly (for `goudenoor open NAME`).
    pub fn open(&mut self, path: &Path) -> Msg {
        match Handle::open(path).and_then(|handle| {
            let assessment = handle.load_with(self.instruments)?;
            Ok((handle, assessment))
        }) {
            Ok((handle, assessment)) => {
                let opened = Opened {
                    path: handle.path().to_path_buf(),
                    read_only: handle.is_read_only(),
                    reason: handle
                        .read_only_reason()
                        .map(|r| format!("Alleen-lezen: {r}; wijzigingen worden niet opgeslagen.")),
                    assessment,
                };
                self.handle = Some(handle);
                Msg::Opened(Box::new(opened))
            }
            Err(e) => Msg::Failed(e.to_string()),
        }
    }

    /// Carry out one effect. `Quit` and `SaveSoon` are the caller's to handle; they
    /// yield nothing here.
    pub fn run(&mut self, effect: Effect) -> Option<Msg> {
        match effect {
            Effect::List => Some(Msg::Listed(self.list())),
            Effect::Create {
                title,
                organisation,
                instruments,
            } => {
                let assessment = Assessment::new(
                    &title,
                    &organisation,
                    self.instruments,
                    &instruments,
                    jiff::Timestamp::now(),
                );
                match self.store.create(&assessment) {
                    Ok(handle) => {
                        let opened = Opened {
                            path: handle.path().to_path_buf(),
                            read_only: false,
                            reason: None,
                            assessment,
                        };
                        self.handle = Some(handle);
                        Some(Msg::Opened(Box::new(opened)))
                    }
                    Err(e) => Some(Msg::Failed(e.to_string())),
                }
            }
            Effect::Open(path) => Some(self.open(&path)),
            Effect::Rename {
                path,
                title,
                organisation,
            } => {
                let instruments = self.instruments;
                let result = Handle::open(&path).and_then(|mut handle| {
                    handle.writable()?;
                    let mut assessment = handle.load_with(instruments)?;
                    assessment.title = title;
                    assessment.organisation = organisation;
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
                    return Some(Msg::SaveFailed(
                        "Geen open beoordeling om op te slaan.".into(),
                    ));
                };
                let mut assessment = *assessment;
                let now = jiff::Timestamp::now();
                assessment.updated = now;
                match handle.save(&assessment) {
                    Ok(()) => {
                        self.store.remember_summary(
                            handle.path(),
                            assessment.updated,
                            &listing(self.instruments, &assessment),
                        );
                        Some(Msg::Saved(now))
                    }
                    Err(e) => Some(Msg::SaveFailed(e.to_string())),
                }
            }
            Effect::SaveSoon | Effect::SaveBatched => None,
            Effect::StartLive {
                questionnaire,
                request,
            } => Some(self.start_live(*questionnaire, request)),
            Effect::StopLive => {
                if let Some(server) = self.live.take() {
                    server.stop();
                }
                None
            }
            Effect::LiveControl(control) => {
                if let Some(server) = &self.live {
                    match control {
                        super::LiveControl::Open(open) => server.set_open(open),
                        super::LiveControl::Results(view) => server.show_results(view),
                        super::LiveControl::Warmup(phase) => server.set_warmup_phase(phase),
                        super::LiveControl::Remove(id) => {
                            server.remove(crate::live::ParticipantId(id))
                        }
                    }
                }
                None
            }
            Effect::ImportFile(path) => Some(self.import(&path)),
            Effect::NewRound { from, blank, title } => Some(
                self.new_round(&from, blank, title)
                    .unwrap_or_else(|e| Msg::Failed(e.to_string())),
            ),
            Effect::Compare { a, b } => Some(self.compare(&a, &b)),
            Effect::Export(assessment) => Some(match &self.exporter {
                Some(export) => match export(&assessment, self.store.dir()) {
                    Ok(paths) => Msg::Info(written_message(&paths)),
                    Err(e) => Msg::Failed(e),
                },
                None => Msg::Failed("Rapporten maken kan hier niet.".into()),
            }),
            Effect::ListTrash => Some(Msg::Trashed(self.store.trashed())),
            Effect::Restore(path) => Some(match self.store.restore(&path) {
                Ok(target) => Msg::Info(format!("Teruggezet: {}", target.display())),
                Err(e) => Msg::Failed(e.to_string()),
            }),
            Effect::LoadPrevious(series) => {
                let previous = self
                    .store
                    .list()
                    .ok()?
                    .into_iter()
                    .filter_map(|e| e.assessment.ok())
                    .filter(|a| {
                        a.series
                            .as_ref()
                            .is_some_and(|s| s.id == series.id && s.round < series.round)
                    })
                    .max_by_key(|a| a.series.as_ref().map(|s| s.round))?;
                Some(Msg::PreviousRound(Box::new(
                    previous.result_answers(self.instruments),
                )))
            }
            Effect::Close => {
                self.handle = None;
                None
            }
            Effect::Quit => None,
        }
    }

    fn start_live(
        &mut self,
        questionnaire: crate::live::Questionnaire,
        request: super::LiveRequest,
    ) -> Msg {
        let Some(sink) = self.live_sink.clone() else {
            return Msg::Failed("De live workshop kan hier niet starten.".into());
        };
        if let Some(server) = self.live.take() {
            server.stop();
        }
        let config = crate::live::LiveConfig {
            bind: request.bind,
            port: request.port,
            anonymous: request.anonymous,
        };
        match crate::live::LiveServer::start(config, questionnaire, move |event| sink(event)) {
            Ok(server) => {
                let started = super::LiveStarted {
                    url: server.join_url(),
                    code_url: server.code_url(),
                    code: server.short_code().to_string(),
                    qr: server.qr_lines(),
                    anonymous: request.anonymous,
                };
                self.live = Some(server);
                Msg::LiveStarted(Box::new(started))
            }
            Err(e) => Msg::Failed(e.to_string()),
        }
    }

    fn import(&self, path: &Path) -> Msg {
        let Some(handle) = &self.handle else {
            return Msg::Failed("Geen open beoordeling.".into());
        };
        let target = match handle.load_with(self.instruments) {
            Ok(a) => a,
            Err(e) => return Msg::Failed(e.to_string()),
        };
        match crate::import::read_respondents(self.instruments, &target, path) {
            Ok(respondents) => {
                let warnings = super::team::import_warnings(
                    self.instruments,
                    &target.instrument_ids(),
                    &respondents,
                );
                Msg::Imported(respondents, warnings)
            }
            Err(e) => {
                let text = e.to_string();
                let mut lines = text.lines().map(str::to_string);
                let title = lines.next().unwrap_or_default();
                Msg::Popup(super::Popup {
                    title,
                    lines: lines.map(|l| l.trim().to_string()).collect(),
                })
            }
        }
    }

    /// Start the next round of `from`: the source joins a series if it had none.
    fn new_round(
        &mut self,
        from: &Path,
        blank: bool,
        title: Option<String>,
    ) -> Result<Msg, StoreError> {
        let mut source_handle = Handle::open(from)?;
        source_handle.writable()?;
        let mut source = source_handle.load_with(self.instruments)?;
        if source.series.is_none() {
            source.series = Some(Series {
                id: source.new_series_id(),
                round: 1,
            });
            source_handle.save(&source)?;
        }
        let series = source.series.clone().expect("set above");
        let last_round = self
            .store
            .list_cached(|a| a.series.clone())?
            .into_iter()
            .filter_map(|e| e.summary.ok()?.1)
            .filter(|s| s.id == series.id)
            .map(|s| s.round)
            .max()
            .unwrap_or(series.round);
        let mut next = source.next_round(
            self.instruments,
            Series {
                id: series.id,
                round: last_round + 1,
            },
            blank,
            jiff::Timestamp::now(),
        );
        if let Some(title) = title {
            next.title = title;
        }
        drop(source_handle);
        let handle = self.store.create(&next)?;
        let opened = Opened {
            path: handle.path().to_path_buf(),
            read_only: false,
            reason: None,
            assessment: next,
        };
        self.handle = Some(handle);
        Ok(Msg::Opened(Box::new(opened)))
    }

    fn compare(&self, a: &Path, b: &Path) -> Msg {
        let load = |p: &Path| crate::store::load_with(p, self.instruments);
        let (a, b) = match (load(a), load(b)) {
            (Ok(a), Ok(b)) => (a, b),
            (Err(e), _) | (_, Err(e)) => return Msg::Failed(e.to_string()),
        };
        match crate::domain::compare::compare(self.instruments, &a, &b) {
            Ok(comparison) => Msg::Compared(Box::new(super::CompareView {
                comparison,
                a_title: a.title,
                b_title: b.title,
                a_date: a.updated,
                b_date: b.updated,
                scroll: 0,
            })),
            Err(e) => Msg::Failed(format!("Vergelijken kan niet: {e}.")),
        }
    }

    pub fn list(&self) -> Vec<HomeEntry> {
        let cached = self.store.list_cached(|a| listing(self.instruments, a));
        let entries = match cached {
            Ok(entries) => entries,
            Err(e) => {
                return vec![HomeEntry {
                    slug: String::new(),
                    path: self.store.dir().to_path_buf(),
                    listing: Err(e.to_string()),
                }];
            }
        };
        let entries: Vec<HomeEntry> = entries
            .into_iter()
            .map(|entry| HomeEntry {
                listing: entry
                    .summary
                    .map(|(_, listing)| listing)
                    .map_err(|e| e.to_string()),
                slug: entry.slug,
                path: entry.path,
            })
            .collect();
        group_rounds(entries)
    }
}

/// How the home screen and `goudenoor list` summarise an assessment.
pub fn listing(instruments: &Instruments, assessment: &Assessment) -> Listing {
    let result = crate::domain::result::build(instruments, assessment);
    Listing {
        title: assessment.title.clone(),
        organisation: assessment.organisation.clone(),
        updated: assessment.updated,
        progress: result.progress().percent(),
        respondents: assessment.respondents.len(),
        series: assessment.series.clone(),
        columns: result
            .instruments
            .iter()
            .map(|r| Column {
                short: r.short.clone(),
                value: r.headline.as_ref().map(|h| h.display.clone()),
                trend: None,
                exact: r.headline.as_ref().map(|h| h.value),
                scale: r.headline.as_ref().map(|h| h.scale),
            })
            .collect(),
    }
}

/// Keep the rounds of a series together (in round order, the group where its newest
/// member would be) and mark each round's trend against the round before it.
pub fn group_rounds(entries: Vec<HomeEntry>) -> Vec<HomeEntry> {
    let series_of = |e: &HomeEntry| e.listing.as_ref().ok().and_then(|l| l.series.clone());
    let mut grouped: Vec<HomeEntry> = Vec::with_capacity(entries.len());
    let mut placed = vec![false; entries.len()];
    for i in 0..entries.len() {
        if placed[i] {
            continue;
        }
        match series_of(&entries[i]) {
            None => {
                placed[i] = true;
                grouped.push(entries[i].clone());
            }
            Some(series) => {
                let mut members: Vec<usize> = (i..entries.len())
                    .filter(|j| {
                        !placed[*j] && series_of(&entries[*j]).is_some_and(|s| s.id == series.id)
                    })
                    .collect();
                members.sort_by_key(|j| series_of(&entries[*j]).map(|s| s.round));
                let mut previous: Option<&Listing> = None;
                for j in members {
                    placed[j] = true;
                    let mut entry = entries[j].clone();
                    if let (Ok(listing), Some(before)) = (&mut entry.listing, previous) {
                        for column in &mut listing.columns {
                            let earlier = before.columns.iter().find(|c| c.short == column.short);
                            column.trend = trend(earlier.and_then(|c| c.exact), column);
                        }
                    }
                    previous = entries[j].listing.as_ref().ok();
                    grouped.push(entry);
                }
            }
        }
    }
    grouped
}

/// "↑ +0,4", "↓ −0,3" or "→ 0,0" from one round's figure to the next, worded as
/// compare words it ("↑ +10 procentpunt" for a share).
fn trend(before: Option<f64>, column: &Column) -> Option<String> {
    let (before, after, scale) = (before?, column.exact?, column.scale?);
    let arrow = crate::domain::compare::arrow(Some(after - before));
    Some(format!("{arrow} {}", scale.change_text(before, after)))
}

/// "Rapport geschreven: a.html (en het concept klachtenprocedure: b.html) in /map"; the
/// names first, so a narrow status line cuts the folder, not a file.
fn written_message(paths: &[PathBuf]) -> String {
    let name = |p: &PathBuf| {
        p.file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .to_string()
    };
    let folder = paths
        .first()
        .and_then(|p| p.parent())
        .unwrap_or(Path::new("."))
        .display();
    match paths {
        [report] => format!("Rapport geschreven: {} in {folder}", name(report)),
        [report, draft, ..] => format!(
            "Rapport geschreven: {} (en het concept klachtenprocedure: {}) in {folder}",
            name(report),
            name(draft)
        ),
        [] => "Er is geen rapport geschreven.".into(),
    }
}
