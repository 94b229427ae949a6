//! Carries out the effects of `update` with the store, and answers with messages.

use super::{Effect, HomeEntry, Listing, Msg, Opened};
use crate::domain::{
    Assessment, Instruments, Mean, Series, gouden_oor_summary, overall_progress, stv_summary,
};
use crate::store::{Handle, Store, StoreError};

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
                    handle.writable()?;
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
            Effect::NewRound { from, blank } => Some(
                self.new_round(&from, blank)
                    .unwrap_or_else(|e| Msg::Failed(e.to_string())),
            ),
            Effect::Compare { a, b } => Some(
                self.compare(&a, &b)
                    .unwrap_or_else(|e| Msg::Failed(e.to_string())),
            ),
            Effect::Close => {
                self.handle = None;
                None
            }
            Effect::Quit => None,
        }
    }

    /// Start the next round of `from`: the source joins a series if it had none.
    fn new_round(&mut self, from: &std::path::Path, blank: bool) -> Result<Msg, StoreError> {
        let mut source_handle = Handle::open(from)?;
        source_handle.writable()?;
        let mut source = source_handle.load()?;
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
        let next = source.next_round(
            self.instruments,
            Series {
                id: series.id,
                round: last_round + 1,
            },
            blank,
            jiff::Timestamp::now(),
        );
        drop(source_handle);
        let handle = self.store.create(&next)?;
        let opened = Opened {
            path: handle.path().to_path_buf(),
            read_only: false,
            assessment: next,
        };
        self.handle = Some(handle);
        Ok(Msg::Opened(Box::new(opened)))
    }

    fn compare(&self, a: &std::path::Path, b: &std::path::Path) -> Result<Msg, StoreError> {
        let (a, b) = (crate::store::load(a)?, crate::store::load(b)?);
        Ok(Msg::Compared(Box::new(super::CompareView {
            comparison: crate::domain::compare::compare(self.instruments, &a, &b),
            before: a.result_answers(self.instruments),
            after: b.result_answers(self.instruments),
            a_title: a.title,
            b_title: b.title,
            a_date: a.updated,
            b_date: b.updated,
            scroll: 0,
        })))
    }

    pub fn list(&self) -> Vec<HomeEntry> {
        let cached = self
            .store
            .list_cached(|a| CachedListing::from(listing(self.instruments, a)));
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
                    .map(|(_, cached)| cached.into())
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
    let answers = &assessment.result_answers(instruments);
    let mean = gouden_oor_summary(&instruments.gouden_oor, answers).mean;
    let total = stv_summary(&instruments.stv, answers).total;
    Listing {
        title: assessment.title.clone(),
        organisation: assessment.organisation.clone(),
        updated: assessment.updated,
        // The same as `progress_percent`, without merging the answers a second time.
        progress: overall_progress(&instruments.gouden_oor, &instruments.stv, answers).percent(),
        gouden_oor: mean.map(|m| m.display()),
        stv: total.map(|m| m.display()),
        mean,
        total,
        respondents: assessment.respondents.len(),
        series: assessment.series.clone(),
        trend_gouden_oor: None,
        trend_stv: None,
    }
}

/// A [`Listing`] as kept in the store's listing cache (the domain's means have no
/// serde form; they are kept as sum and count).
#[derive(serde::Serialize, serde::Deserialize)]
struct CachedListing {
    title: String,
    organisation: String,
    updated: jiff::Timestamp,
    progress: u32,
    gouden_oor: Option<String>,
    stv: Option<String>,
    respondents: usize,
    series: Option<Series>,
    mean: Option<(u32, u32)>,
    total: Option<(u32, u32)>,
}

/// A mean as (sum, count): the sum is exact because the mean is a ratio of integers.
fn mean_parts(mean: Option<Mean>) -> Option<(u32, u32)> {
    mean.map(|m| ((m.value() * f64::from(m.count())).round() as u32, m.count()))
}

/// The mean with this sum and count: `count - 1` zeros and the sum.
fn mean_from(parts: Option<(u32, u32)>) -> Option<Mean> {
    let (sum, count) = parts?;
    Mean::of(std::iter::repeat_n(0, count.saturating_sub(1) as usize).chain([sum]))
}

impl From<Listing> for CachedListing {
    fn from(l: Listing) -> Self {
        CachedListing {
            title: l.title,
            organisation: l.organisation,
            updated: l.updated,
            progress: l.progress,
            gouden_oor: l.gouden_oor,
            stv: l.stv,
            respondents: l.respondents,
            series: l.series,
            mean: mean_parts(l.mean),
            total: mean_parts(l.total),
        }
    }
}

impl From<CachedListing> for Listing {
    fn from(c: CachedListing) -> Self {
        Listing {
            title: c.title,
            organisation: c.organisation,
            updated: c.updated,
            progress: c.progress,
            gouden_oor: c.gouden_oor,
            stv: c.stv,
            respondents: c.respondents,
            series: c.series,
            mean: mean_from(c.mean),
            total: mean_from(c.total),
            trend_gouden_oor: None,
            trend_stv: None,
        }
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
                        listing.trend_gouden_oor = trend(before.mean, listing.mean);
                        listing.trend_stv = trend(before.total, listing.total);
                    }
                    previous = entries[j].listing.as_ref().ok();
                    grouped.push(entry);
                }
            }
        }
    }
    grouped
}

/// "↑ +0,4", "↓ −0,3" or "→ 0,0" from one round's mean to the next.
fn trend(
    before: Option<crate::domain::Mean>,
    after: Option<crate::domain::Mean>,
) -> Option<String> {
    let (before, after) = (before?, after?);
    let arrow = match after.tenths().cmp(&before.tenths()) {
        std::cmp::Ordering::Greater => "↑",
        std::cmp::Ordering::Less => "↓",
        std::cmp::Ordering::Equal => "→",
    };
    Some(format!(
        "{arrow} {}",
        crate::domain::compare::signed(before, after)
    ))
}
