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
    let home = &mut model.home;
    if home.dialog.is_some() {
        return update_dialog(&mut home.dialog, msg);
    }
    match msg {
        Msg::Back => vec![Effect::Quit],
        Msg::Up => {
            home.selected = home.selected.saturating_sub(1);
            vec![]
        }
        Msg::Down => {
            home.selected = (home.selected + 1).min(home.entries.len().saturating_sub(1));
            vec![]
        }
        Msg::PageUp => {
            home.selected = 0;
            vec![]
        }
        Msg::PageDown => {
            home.selected = home.entries.len().saturating_sub(1);
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
            home.dialog = Some(Dialog::New {
                title: TextInput::single(""),
                organisation: TextInput::single(""),
                on_organisation: false,
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
                home.dialog = Some(Dialog::NewRound {
                    path: path.clone(),
                    title: listing.title.clone(),
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
            if let Some(marked) = home.marked.clone().filter(|m| *m != entry.path) {
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

fn update_dialog(slot: &mut Option<Dialog>, msg: Msg) -> Vec<Effect> {
    let Some(dialog) = slot.as_mut() else {
        return vec![];
    };
    let blank = msg == Msg::Blank;
    match (dialog, msg) {
        (_, Msg::Cancel | Msg::Back) => {
            *slot = None;
            vec![]
        }
        (Dialog::ConfirmDelete { path, .. }, Msg::Confirm | Msg::Activate) => {
            let path = path.clone();
            *slot = None;
            vec![Effect::Trash(path), Effect::List]
        }
        (Dialog::NewRound { path, .. }, Msg::Activate | Msg::Confirm | Msg::Blank) => {
            let effect = Effect::NewRound {
                from: path.clone(),
                blank,
            };
            *slot = None;
            vec![effect]
        }
        (Dialog::NewRound { .. }, _) => {
            *slot = None;
            vec![]
        }
        (
            Dialog::New {
                title,
                organisation,
                on_organisation,
            },
            msg,
        ) => match msg {
            Msg::Edit(edit) => {
                let field = if *on_organisation {
                    organisation
                } else {
                    title
                };
                field.apply(edit);
                vec![]
            }
            Msg::NextField | Msg::Up | Msg::Down => {
                *on_organisation = !*on_organisation;
                vec![]
            }
            Msg::Submit if !*on_organisation => {
                *on_organisation = true;
                vec![]
            }
            Msg::Submit if title.text().trim().is_empty() => {
                *on_organisation = false;
                vec![]
            }
            Msg::Submit => {
                let effect = Effect::Create {
                    title: title.text().trim().to_string(),
                    organisation: organisation.text().trim().to_string(),
                };
                *slot = None;
                vec![effect]
            }
            _ => vec![],
        },
        (Dialog::Rename { path, title }, msg) => match msg {
            Msg::Edit(edit) => {
                title.apply(edit);
                vec![]
            }
            Msg::Submit if !title.text().trim().is_empty() => {
                let effect = Effect::Rename {
                    path: path.clone(),
                    title: title.text().trim().to_string(),
                };
                *slot = None;
                vec![effect, Effect::List]
            }
            _ => vec![],
        },
        _ => vec![],
    }
}
