//! The app in the Elm style: one `Model`, `Msg`s, and `update` returning `Effect`s that
//! the runtime carries out (saving, listing, opening). No terminal or file code here.

mod keys;
mod runtime;
mod text_input;

pub use keys::event_to_msg;
pub use runtime::{Runtime, listing as runtime_listing};
pub use text_input::{Edit, TextInput};

use crate::domain::{Assessment, Instruments, Level, Status, overall_progress};
use jiff::Timestamp;
use std::path::PathBuf;

/// One step of the walk-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Shift(usize),
    Part(usize),
    Results,
}

pub fn steps(instruments: &Instruments) -> Vec<Step> {
    (0..instruments.gouden_oor.shifts.len())
        .map(Step::Shift)
        .chain((0..instruments.stv.parts.len()).map(Step::Part))
        .chain([Step::Results])
        .collect()
}

/// An assessment as the home screen lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct HomeEntry {
    pub slug: String,
    pub path: PathBuf,
    pub listing: Result<Listing, String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Listing {
    pub title: String,
    pub organisation: String,
    pub updated: Timestamp,
    pub progress: u32,
    pub gouden_oor: Option<String>,
    pub stv: Option<String>,
    pub respondents: usize,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Dialog {
    New {
        title: TextInput,
        organisation: TextInput,
        on_organisation: bool,
    },
    Rename {
        path: PathBuf,
        title: TextInput,
    },
    ConfirmDelete {
        path: PathBuf,
        title: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Home {
    pub entries: Vec<HomeEntry>,
    pub selected: usize,
    pub dialog: Option<Dialog>,
}

/// What a text editor in the walk-through is editing.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditTarget {
    ShiftNote(String),
    CriterionNote(String),
    ResponsePercent,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Editor {
    pub target: EditTarget,
    pub input: TextInput,
}

/// The open assessment and where the user is in it.
#[derive(Debug, Clone, PartialEq)]
pub struct Session {
    pub path: PathBuf,
    pub read_only: bool,
    pub assessment: Assessment,
    pub respondent: usize,
    pub step: usize,
    /// The card under the cursor on a shift (0 = aardig … 3 = goud).
    pub card: usize,
    /// On a part: 0 is the introduction, 1.. the criteria.
    pub row: usize,
    pub intro_open: bool,
    /// Scroll offset of the results page.
    pub scroll: u16,
    pub editor: Option<Editor>,
}

impl Session {
    pub fn answers(&self) -> &crate::domain::Answers {
        &self.assessment.respondents[self.respondent].answers
    }

    fn answers_mut(&mut self) -> &mut crate::domain::Answers {
        &mut self.assessment.respondents[self.respondent].answers
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Saved(Timestamp),
    Info(String),
    Error(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub instruments: &'static Instruments,
    pub home: Home,
    pub session: Option<Session>,
    pub notice: Option<Notice>,
    pub help: bool,
    pub size: (u16, u16),
    pub color: bool,
    pub time_zone: jiff::tz::TimeZone,
    pub data_dir: PathBuf,
}

impl Model {
    pub fn new(instruments: &'static Instruments, data_dir: PathBuf) -> Self {
        Model {
            instruments,
            home: Home::default(),
            session: None,
            notice: None,
            help: false,
            size: (80, 24),
            color: true,
            time_zone: jiff::tz::TimeZone::system(),
            data_dir,
        }
    }

    pub fn step(&self) -> Option<Step> {
        let session = self.session.as_ref()?;
        steps(self.instruments).get(session.step).copied()
    }

    /// Whether keys go to a text field.
    pub fn is_typing(&self) -> bool {
        match &self.session {
            Some(s) => s.editor.is_some(),
            None => matches!(
                self.home.dialog,
                Some(Dialog::New { .. } | Dialog::Rename { .. })
            ),
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub enum Msg {
    Quit,
    ToggleHelp,
    Resize(u16, u16),
    Back,
    Up,
    Down,
    PageUp,
    PageDown,
    /// Enter or space: open, choose, toggle.
    Activate,
    // Home
    NewAssessment,
    RenameAssessment,
    DeleteAssessment,
    Confirm,
    /// A key for the text field that has focus.
    Edit(Edit),
    /// Tab inside a form: the next field.
    NextField,
    /// Enter in a single-line field, Ctrl-S or Esc in a note: done.
    Submit,
    Cancel,
    // Walk-through
    NextStep,
    PrevStep,
    GoToStep(usize),
    SetLevel(u8),
    ClearLevel,
    SetAmbition,
    PickCard(usize),
    EditNote,
    SetStatus(Status),
    CycleStatus,
    PickRow(usize),
    ToggleIntro,
    EditPercent,
    // Replies from the runtime
    Listed(Vec<HomeEntry>),
    Opened(Box<Opened>),
    Saved(Timestamp),
    Info(String),
    Failed(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Opened {
    pub path: PathBuf,
    pub assessment: Assessment,
    pub read_only: bool,
}

/// What `update` asks the runtime to do.
#[derive(Debug, Clone, PartialEq)]
pub enum Effect {
    List,
    Create { title: String, organisation: String },
    Open(PathBuf),
    Rename { path: PathBuf, title: String },
    Trash(PathBuf),
    Save(Box<Assessment>),
    Close,
    Quit,
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        Msg::Resize(w, h) => {
            model.size = (w, h);
            return vec![];
        }
        Msg::Listed(entries) => {
            model.home.entries = entries;
            model.home.selected = model
                .home
                .selected
                .min(model.home.entries.len().saturating_sub(1));
            return vec![];
        }
        Msg::Opened(opened) => {
            open_session(model, *opened);
            return vec![];
        }
        Msg::Saved(at) => {
            if let Some(session) = &mut model.session {
                session.assessment.updated = at;
            }
            model.notice = Some(Notice::Saved(at));
            return vec![];
        }
        Msg::Info(message) => {
            model.notice = Some(Notice::Info(message));
            return vec![];
        }
        Msg::Failed(message) => {
            model.notice = Some(Notice::Error(message));
            return vec![];
        }
        Msg::ToggleHelp => {
            model.help = !model.help;
            return vec![];
        }
        _ => {}
    }
    if model.help {
        // The overlay takes every other key to close it, so nothing happens by accident.
        if matches!(msg, Msg::Back | Msg::Quit | Msg::Activate | Msg::Cancel) {
            model.help = false;
        }
        return vec![];
    }
    if model.session.is_some() {
        update_session(model, msg)
    } else {
        update_home(model, msg)
    }
}

fn open_session(model: &mut Model, opened: Opened) {
    let Opened {
        path,
        assessment,
        read_only,
    } = opened;
    let all = steps(model.instruments);
    // Resume where the work stops: the first step with something left to answer.
    let answers = assessment
        .respondents
        .first()
        .map(|r| r.answers.clone())
        .unwrap_or_default();
    let step = all
        .iter()
        .position(|step| match *step {
            Step::Shift(i) => answers
                .level(&model.instruments.gouden_oor.shifts[i].id)
                .is_none(),
            Step::Part(i) => {
                !crate::domain::part_progress(&model.instruments.stv.parts[i], &answers)
                    .is_complete()
            }
            Step::Results => true,
        })
        .unwrap_or(0);
    model.notice = read_only.then(|| {
        Notice::Info(
            "Alleen-lezen: deze beoordeling is al geopend in een ander venster; wijzigingen worden niet opgeslagen."
                .into(),
        )
    });
    let mut assessment = assessment;
    if assessment.respondents.is_empty() {
        assessment.respondents.push(crate::domain::Respondent {
            name: crate::domain::SOLO_RESPONDENT.into(),
            answers: Default::default(),
        });
    }
    let mut session = Session {
        path,
        read_only,
        assessment,
        respondent: 0,
        step: 0,
        card: 0,
        row: 0,
        intro_open: true,
        scroll: 0,
        editor: None,
    };
    go_to(model.instruments, &mut session, step);
    model.session = Some(session);
}

fn update_home(model: &mut Model, msg: Msg) -> Vec<Effect> {
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

fn go_to(instruments: &Instruments, session: &mut Session, step: usize) {
    let all = steps(instruments);
    session.step = step.min(all.len() - 1);
    session.scroll = 0;
    session.row = 0;
    session.card = match all[session.step] {
        Step::Shift(i) => session
            .answers()
            .level(&instruments.gouden_oor.shifts[i].id)
            .map_or(0, |l| l.index()),
        _ => 0,
    };
}

fn save(session: &Session) -> Vec<Effect> {
    if session.read_only {
        vec![]
    } else {
        vec![Effect::Save(Box::new(session.assessment.clone()))]
    }
}

fn update_session(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let instruments = model.instruments;
    let step = model.step().expect("a session has a step");
    let max_scroll = crate::ui::results_max_scroll(model);
    let session = model.session.as_mut().expect("checked by caller");
    let step_count = steps(instruments).len();

    if session.editor.is_some() {
        return update_editor(model, msg);
    }

    match msg {
        // Every change is saved as it happens, so leaving needs no save of its own.
        Msg::Quit => vec![Effect::Close, Effect::Quit],
        Msg::Back => {
            model.session = None;
            vec![Effect::Close, Effect::List]
        }
        Msg::NextStep => {
            go_to(instruments, session, (session.step + 1).min(step_count - 1));
            vec![]
        }
        Msg::PrevStep => {
            go_to(instruments, session, session.step.saturating_sub(1));
            vec![]
        }
        Msg::GoToStep(i) if i < step_count => {
            go_to(instruments, session, i);
            vec![]
        }
        _ => match step {
            Step::Shift(i) => update_shift(instruments, session, i, msg),
            Step::Part(i) => update_part(instruments, session, i, msg),
            Step::Results => {
                match msg {
                    Msg::Up => session.scroll = session.scroll.saturating_sub(1),
                    Msg::Down => session.scroll = session.scroll.saturating_add(1),
                    Msg::PageUp => session.scroll = session.scroll.saturating_sub(10),
                    Msg::PageDown => session.scroll = session.scroll.saturating_add(10),
                    _ => {}
                }
                session.scroll = session.scroll.min(max_scroll);
                vec![]
            }
        },
    }
}

fn update_shift(
    instruments: &Instruments,
    session: &mut Session,
    index: usize,
    msg: Msg,
) -> Vec<Effect> {
    let id = instruments.gouden_oor.shifts[index].id.clone();
    let levels = instruments.gouden_oor.levels.len();
    match msg {
        Msg::Up => {
            session.card = session.card.saturating_sub(1);
            vec![]
        }
        Msg::Down => {
            session.card = (session.card + 1).min(levels - 1);
            vec![]
        }
        Msg::PickCard(card) if card < levels => {
            session.card = card;
            set_level(session, &id, card)
        }
        Msg::Activate => set_level(session, &id, session.card),
        Msg::SetLevel(n) if (1..=levels as u8).contains(&n) => {
            session.card = usize::from(n - 1);
            set_level(session, &id, session.card)
        }
        Msg::ClearLevel => {
            session.answers_mut().edit_shift(&id, |a| a.level = None);
            save(session)
        }
        Msg::SetAmbition => {
            let level = Level::new(session.card as u8 + 1);
            session.answers_mut().edit_shift(&id, |a| {
                a.ambition = if a.ambition == level { None } else { level };
            });
            save(session)
        }
        Msg::EditNote => {
            let note = session.answers().shift(&id).note;
            session.editor = Some(Editor {
                target: EditTarget::ShiftNote(id),
                input: TextInput::multi(&note),
            });
            vec![]
        }
        _ => vec![],
    }
}

fn set_level(session: &mut Session, id: &str, card: usize) -> Vec<Effect> {
    let level = Level::new(card as u8 + 1);
    session.answers_mut().edit_shift(id, |a| a.level = level);
    save(session)
}

fn update_part(
    instruments: &Instruments,
    session: &mut Session,
    index: usize,
    msg: Msg,
) -> Vec<Effect> {
    let part = &instruments.stv.parts[index];
    let rows = part.criteria.len() + 1;
    let criterion = session
        .row
        .checked_sub(1)
        .map(|i| part.criteria[i].id.clone());
    match msg {
        Msg::Up => {
            session.row = session.row.saturating_sub(1);
            vec![]
        }
        Msg::Down => {
            session.row = (session.row + 1).min(rows - 1);
            vec![]
        }
        Msg::PageUp => {
            session.row = 0;
            vec![]
        }
        Msg::PageDown => {
            session.row = rows - 1;
            vec![]
        }
        Msg::ToggleIntro => {
            session.intro_open = !session.intro_open;
            vec![]
        }
        Msg::PickRow(0) => {
            session.row = 0;
            session.intro_open = !session.intro_open;
            vec![]
        }
        Msg::PickRow(row) if row < rows => {
            session.row = row;
            let id = part.criteria[row - 1].id.clone();
            set_status(session, &id, None)
        }
        Msg::Activate | Msg::CycleStatus => match criterion {
            None => {
                session.intro_open = !session.intro_open;
                vec![]
            }
            Some(id) => set_status(session, &id, None),
        },
        Msg::SetStatus(status) => match criterion {
            Some(id) => set_status(session, &id, Some(status)),
            None => vec![],
        },
        Msg::EditNote => {
            if let Some(id) = criterion {
                let note = session
                    .answers()
                    .criteria
                    .get(&id)
                    .map(|a| a.note.clone())
                    .unwrap_or_default();
                session.editor = Some(Editor {
                    target: EditTarget::CriterionNote(id),
                    input: TextInput::multi(&note),
                });
            }
            vec![]
        }
        Msg::EditPercent if part.criteria.iter().any(|c| c.threshold_pct.is_some()) => {
            let current = session
                .answers()
                .response_pct
                .map(|p| p.to_string())
                .unwrap_or_default();
            session.editor = Some(Editor {
                target: EditTarget::ResponsePercent,
                input: TextInput::single(&current),
            });
            vec![]
        }
        _ => vec![],
    }
}

fn set_status(session: &mut Session, id: &str, status: Option<Status>) -> Vec<Effect> {
    session.answers_mut().edit_criterion(id, |a| {
        a.status = status.unwrap_or(a.status.cycle());
    });
    save(session)
}

fn update_editor(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let session = model.session.as_mut().expect("editing needs a session");
    let editor = session.editor.as_mut().expect("checked by caller");
    match msg {
        Msg::Edit(edit) => {
            if !editor.input.apply(edit) {
                return vec![];
            }
            let text = editor.input.text().to_string();
            match editor.target.clone() {
                EditTarget::ShiftNote(id) => {
                    session.answers_mut().edit_shift(&id, |a| a.note = text);
                }
                EditTarget::CriterionNote(id) => {
                    session.answers_mut().edit_criterion(&id, |a| a.note = text);
                }
                // The percentage is checked and stored when the field is done.
                EditTarget::ResponsePercent => return vec![],
            }
            save(session)
        }
        Msg::Submit | Msg::Cancel | Msg::Back | Msg::Quit => {
            let editor = session.editor.take().expect("checked above");
            if editor.target != EditTarget::ResponsePercent || msg == Msg::Cancel {
                return vec![];
            }
            let text = editor.input.text().trim().trim_end_matches('%').trim();
            if text.is_empty() {
                session.answers_mut().response_pct = None;
                return save(session);
            }
            match text.parse::<u8>() {
                Ok(pct) if pct <= 100 => {
                    session.answers_mut().response_pct = Some(pct);
                    save(session)
                }
                _ => {
                    model.notice = Some(Notice::Error(format!(
                        "\"{text}\" is geen percentage: vul een heel getal van 0 tot en met 100 in."
                    )));
                    vec![]
                }
            }
        }
        _ => vec![],
    }
}

/// Percentage of the whole assessment answered, for lists.
pub fn progress_percent(instruments: &Instruments, assessment: &Assessment) -> u32 {
    overall_progress(
        &instruments.gouden_oor,
        &instruments.stv,
        assessment.result_answers(),
    )
    .percent()
}
