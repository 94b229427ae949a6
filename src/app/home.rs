//! Updates of the home screen and its dialogs.

use super::{Dialog, Effect, HomeEntry, Model, Msg, Notice, TextInput};

/// The previous round of the entry at `index`: same series, the highest lower round.
fn previous_round(entries: &[HomeEntry], index: usize) -> Option<std::path::PathBuf> {
    let series = entries.get(index)?.listing.as_ref().ok()?.series.clone()?;
    entries
        .iter()
        .filter_map(|e| {
            let s = e.listing.as_ref().ok()?.series.clone()?;
            (s.id == series.id && s.round < series.round).then_some((s.round, e.path.clone()))
        })
        .max_by_key(|(round, _)| *round)
        .map(|(_, path)| path)
}

pub(super) fn update_home(model: &mut Model, msg: Msg) -> Vec<Effect> {
    if model.home.dialog.is_some() {
        return update_dialog(model, msg);
    }
    let home = &mut model.home;
    if let Some(filter) = &mut home.filter {
        match msg {
            Msg::Edit(edit) => {
                filter.apply(edit);
                if let Some(first) = home.visible().first() {
                    home.selected = *first;
                }
                return vec![];
            }
            Msg::Cancel => {
                home.filter = None;
                return vec![];
            }
            // Enter keeps the filter and goes back to the list's keys.
            Msg::Submit => {
                if filter.text().trim().is_empty() {
                    home.filter = None;
                    return vec![];
                }
                let visible = home.visible();
                if let Some(first) = visible.first() {
                    home.selected = *first;
                }
                return match home.entries.get(home.selected) {
                    Some(entry) if visible.contains(&home.selected) => match &entry.listing {
                        Ok(_) => vec![Effect::Open(entry.path.clone())],
                        Err(e) => {
                            model.notice = Some(Notice::Error(e.clone()));
                            vec![]
                        }
                    },
                    _ => vec![],
                };
            }
            _ => {}
        }
    }
    let visible = home.visible();
    let position = visible
        .iter()
        .position(|i| *i == home.selected)
        .unwrap_or(0);
    match msg {
        // Esc means "terug" elsewhere; on the home screen there is nothing to go back to.
        Msg::Back => {
            if home.filter.take().is_none() {
                model.notice = Some(Notice::Info("Stoppen doet u met q.".into()));
            }
            vec![]
        }
        Msg::OpenTrash => vec![Effect::ListTrash],
        Msg::Filter => {
            home.filter = Some(TextInput::single(""));
            vec![]
        }
        Msg::Up => {
            home.selected = visible[..position].last().copied().unwrap_or(home.selected);
            vec![]
        }
        Msg::Down => {
            home.selected = visible.get(position + 1).copied().unwrap_or(home.selected);
            vec![]
        }
        Msg::Home | Msg::PageUp => {
            home.selected = visible.first().copied().unwrap_or(0);
            vec![]
        }
        Msg::End | Msg::PageDown => {
            home.selected = visible.last().copied().unwrap_or(0);
            vec![]
        }
        Msg::PickRow(i) if i < home.entries.len() => {
            home.selected = i;
            vec![]
        }
        Msg::Activate => match home.entries.get(home.selected) {
            Some(entry) => match &entry.listing {
                Ok(_) => vec![Effect::Open(entry.path.clone())],
                Err(e) => {
                    model.notice = Some(Notice::Error(e.clone()));
                    vec![]
                }
            },
            None => vec![],
        },
        Msg::NewAssessment => {
            let defaults = crate::domain::DEFAULT_INSTRUMENTS;
            home.dialog = Some(Dialog::New {
                title: TextInput::single(""),
                organisation: TextInput::single(""),
                field: 0,
                chosen: model
                    .instruments
                    .iter()
                    .map(|i| defaults.contains(&i.id.as_str()))
                    .collect(),
                cursor: 0,
            });
            vec![]
        }
        Msg::RenameAssessment => {
            if let Some(HomeEntry {
                path,
                listing: Ok(listing),
                ..
            }) = home.entries.get(home.selected)
            {
                home.dialog = Some(Dialog::Rename {
                    path: path.clone(),
                    title: TextInput::single(&listing.title),
                    organisation: TextInput::single(&listing.organisation),
                    on_organisation: false,
                });
            }
            vec![]
        }
        Msg::StartNewRound => {
            if let Some(HomeEntry {
                path,
                listing: Ok(listing),
                ..
            }) = home.entries.get(home.selected)
            {
                let round = listing.series.as_ref().map_or(2, |s| s.round + 1);
                let base = listing
                    .title
                    .rfind(" (ronde ")
                    .map_or(listing.title.as_str(), |i| &listing.title[..i]);
                home.dialog = Some(Dialog::NewRound {
                    path: path.clone(),
                    title: listing.title.clone(),
                    name: TextInput::single(&format!("{base} (ronde {round})")),
                });
            }
            vec![]
        }
        Msg::MarkForCompare => {
            if let Some(entry) = home.entries.get(home.selected) {
                home.marked = if home.marked.as_ref() == Some(&entry.path) {
                    None
                } else {
                    Some(entry.path.clone())
                };
            }
            vec![]
        }
        Msg::CompareSelected => {
            let Some(entry) = home.entries.get(home.selected) else {
                return vec![];
            };
            if let Some(marked) = home.marked.clone() {
                if marked == entry.path {
                    model.notice = Some(Notice::Info(
                        "Dit is de gemarkeerde beoordeling zelf; kies een andere om mee te vergelijken."
                            .into(),
                    ));
                    return vec![];
                }
                return vec![Effect::Compare {
                    a: marked,
                    b: entry.path.clone(),
                }];
            }
            match previous_round(&home.entries, home.selected) {
                Some(previous) => vec![Effect::Compare {
                    a: previous,
                    b: entry.path.clone(),
                }],
                None => {
                    model.notice = Some(Notice::Info(
                        "Geen vorige ronde om mee te vergelijken. Markeer een andere beoordeling met m en druk dan hier op c."
                            .into(),
                    ));
                    vec![]
                }
            }
        }
        Msg::DeleteAssessment => {
            if let Some(entry) = home.entries.get(home.selected) {
                let title = match &entry.listing {
                    Ok(listing) => listing.title.clone(),
                    Err(_) => entry.slug.clone(),
                };
                home.dialog = Some(Dialog::ConfirmDelete {
                    path: entry.path.clone(),
                    title,
                });
            }
            vec![]
        }
        _ => vec![],
    }
}

fn update_dialog(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let instruments = model.instruments;
    let slot = &mut model.home.dialog;
    let Some(dialog) = slot.as_mut() else {
        return vec![];
    };
    let blank = msg == Msg::Blank;
    match (dialog, msg) {
        (_, Msg::Cancel) => {
            *slot = None;
            vec![]
        }
        (Dialog::ConfirmDelete { path, .. }, Msg::Confirm | Msg::Activate) => {
            let path = path.clone();
            *slot = None;
            vec![Effect::Trash(path), Effect::List]
        }
        (Dialog::ConfirmDelete { .. }, _) => {
            *slot = None;
            vec![]
        }
        (Dialog::NewRound { path, name, .. }, msg) => match msg {
            Msg::Edit(edit) => {
                name.apply(edit);
                vec![]
            }
            Msg::Submit | Msg::Blank | Msg::NextField => {
                // Tab starts blank: a round without the last results.
                let blank = blank || msg == Msg::NextField;
                let title = name.text().trim();
                let effect = Effect::NewRound {
                    from: path.clone(),
                    blank,
                    title: (!title.is_empty()).then(|| title.to_string()),
                };
                *slot = None;
                vec![effect]
            }
            _ => vec![],
        },
        (
            Dialog::New {
                title,
                organisation,
                field,
                chosen,
                cursor,
            },
            msg,
        ) => match msg {
            Msg::Edit(edit) if *field < 2 => {
                let input = if *field == 0 { title } else { organisation };
                input.apply(edit);
                vec![]
            }
            Msg::NextField => {
                *field = (*field + 1) % 3;
                vec![]
            }
            Msg::Up if *field == 2 => {
                *cursor = cursor.saturating_sub(1);
                vec![]
            }
            Msg::Down if *field == 2 => {
                *cursor = (*cursor + 1).min(chosen.len().saturating_sub(1));
                vec![]
            }
            Msg::Toggle if *field == 2 => {
                if let Some(c) = chosen.get_mut(*cursor) {
                    *c = !*c;
                }
                vec![]
            }
            Msg::Submit if *field < 2 => {
                *field += 1;
                vec![]
            }
            Msg::Submit if title.text().trim().is_empty() => {
                *field = 0;
                vec![]
            }
            Msg::Submit if !chosen.iter().any(|c| *c) => {
                model.notice = Some(Notice::Error(
                    "Kies ten minste één instrument (Spatie zet het aan).".into(),
                ));
                vec![]
            }
            Msg::Submit => {
                let effect = Effect::Create {
                    title: title.text().trim().to_string(),
                    organisation: organisation.text().trim().to_string(),
                    instruments: instruments
                        .iter()
                        .zip(chosen.iter())
                        .filter(|(_, c)| **c)
                        .map(|(i, _)| i.id.clone())
                        .collect(),
                };
                *slot = None;
                vec![effect]
            }
            _ => vec![],
        },
        (
            Dialog::Rename {
                path,
                title,
                organisation,
                on_organisation,
            },
            msg,
        ) => match msg {
            Msg::Edit(edit) => {
                if *on_organisation {
                    organisation.apply(edit);
                } else {
                    title.apply(edit);
                }
                vec![]
            }
            Msg::NextField => {
                *on_organisation = !*on_organisation;
                vec![]
            }
            Msg::Submit if !*on_organisation => {
                *on_organisation = true;
                vec![]
            }
            Msg::Submit if !title.text().trim().is_empty() => {
                let effect = Effect::Rename {
                    path: path.clone(),
                    title: title.text().trim().to_string(),
                    organisation: organisation.text().trim().to_string(),
                };
                *slot = None;
                vec![effect, Effect::List]
            }
            Msg::Submit => {
                *on_organisation = false;
                vec![]
            }
            _ => vec![],
        },
        (Dialog::Trash { entries, selected }, msg) => match msg {
            Msg::Up => {
                *selected = selected.saturating_sub(1);
                vec![]
            }
            Msg::Down => {
                *selected = (*selected + 1).min(entries.len().saturating_sub(1));
                vec![]
            }
            Msg::Confirm | Msg::Activate | Msg::Submit => {
                let path = entries[*selected].0.clone();
                *slot = None;
                vec![Effect::Restore(path), Effect::List]
            }
            _ => vec![],
        },
        (Dialog::QuitUnsaved, _) => vec![],
    }
}
