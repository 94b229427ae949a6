//! Updates of the home screen and its dialogs.

use super::{Dialog, Effect, HomeEntry, Model, Msg, Notice, TextInput};

pub(super) fn update_home(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let home = &mut model.home;
    if home.dialog.is_some() {
        return update_dialog(&mut home.dialog, msg);
    }
    match msg {
        Msg::Quit | Msg::Back => vec![Effect::Quit],
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
        (Dialog::ConfirmDelete { .. }, Msg::Quit) => {
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
