//! The app in the Elm style: one `Model`, `Msg`s, and `update` returning `Effect`s that
//! the runtime carries out (saving, listing, opening). No terminal or file code here.

mod home;
mod keys;
mod runtime;
pub mod team;
mod text_input;
mod walk;

pub use keys::event_to_msg;
pub use runtime::{Runtime, listing as runtime_listing};
pub use text_input::{Edit, TextInput};

use crate::domain::{Assessment, Instruments, Status, overall_progress};
use jiff::Timestamp;
use std::path::PathBuf;

/// One step of the walk-through.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Step {
    Shift(usize),
    Part(usize),
    /// The workshop overview: where the team differs, and what it agrees.
    Team,
    Results,
}

/// The walk-through; with more than one respondent the workshop overview comes
/// before the results.
pub fn steps(instruments: &Instruments, team: bool) -> Vec<Step> {
    (0..instruments.gouden_oor.shifts.len())
        .map(Step::Shift)
        .chain((0..instruments.stv.parts.len()).map(Step::Part))
        .chain(team.then_some(Step::Team))
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

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Listing {
    pub title: String,
    pub organisation: String,
    pub updated: Timestamp,
    pub progress: u32,
    pub gouden_oor: Option<String>,
    pub stv: Option<String>,
    pub respondents: usize,
    pub series: Option<crate::domain::Series>,
    pub mean: Option<crate::domain::Mean>,
    pub total: Option<crate::domain::Mean>,
    /// Against the previous round of the series: e.g. "↑ +0,4".
    pub trend_gouden_oor: Option<String>,
    pub trend_stv: Option<String>,
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
    NewRound {
        path: PathBuf,
        title: String,
    },
}

#[derive(Debug, Clone, Default, PartialEq)]
pub struct Home {
    pub entries: Vec<HomeEntry>,
    pub selected: usize,
    pub dialog: Option<Dialog>,
    /// An assessment marked to compare with the selected one.
    pub marked: Option<PathBuf>,
}

/// Two rounds side by side.
#[derive(Debug, Clone, PartialEq)]
pub struct CompareView {
    pub a_title: String,
    pub b_title: String,
    pub a_date: Timestamp,
    pub b_date: Timestamp,
    pub before: crate::domain::Answers,
    pub after: crate::domain::Answers,
    pub comparison: crate::domain::compare::Comparison,
    pub scroll: u16,
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
    /// The respondents dialog, when open.
    pub team: Option<TeamDialog>,
    /// On the workshop overview: the row under the cursor.
    pub team_row: usize,
    /// Respondents shown as A, B, C … instead of their names.
    pub anonymous: bool,
    /// The workshop overview sorted by disagreement, the largest first.
    pub sort_by_disagreement: bool,
}

/// The respondents dialog: who answers now, add, rename, remove, import.
#[derive(Debug, Clone, PartialEq)]
pub struct TeamDialog {
    pub selected: usize,
    pub mode: TeamMode,
}

#[derive(Debug, Clone, PartialEq)]
pub enum TeamMode {
    List,
    Add(TextInput),
    Rename(TextInput),
    ConfirmRemove,
    Import(TextInput),
}

impl Session {
    pub fn steps(&self, instruments: &Instruments) -> Vec<Step> {
        steps(instruments, self.assessment.is_workshop())
    }

    /// The respondent as shown: a name, or a letter when anonymous.
    pub fn respondent_label(&self, index: usize) -> String {
        if self.anonymous {
            crate::domain::aggregate::letter(index)
        } else {
            self.assessment
                .respondents
                .get(index)
                .map(|r| r.name.clone())
                .unwrap_or_default()
        }
    }

    pub fn answers(&self) -> &crate::domain::Answers {
        &self.assessment.respondents[self.respondent].answers
    }

    fn answers_mut(&mut self) -> &mut crate::domain::Answers {
        &mut self.assessment.respondents[self.respondent].answers
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Notice {
    Info(String),
    Error(String),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Popup {
    pub title: String,
    pub lines: Vec<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Model {
    pub instruments: &'static Instruments,
    pub home: Home,
    pub session: Option<Session>,
    pub compare: Option<CompareView>,
    pub notice: Option<Notice>,
    /// When the last save succeeded, shown beside the notices.
    pub last_saved: Option<Timestamp>,
    /// A message with several lines (e.g. every bad cell of a refused sheet); any key closes it.
    pub popup: Option<Popup>,
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
            compare: None,
            notice: None,
            last_saved: None,
            popup: None,
            help: false,
            size: (80, 24),
            color: true,
            time_zone: jiff::tz::TimeZone::system(),
            data_dir,
        }
    }

    /// The steps of the open assessment (none on the home screen).
    pub fn steps(&self) -> Vec<Step> {
        self.session
            .as_ref()
            .map_or_else(Vec::new, |s| s.steps(self.instruments))
    }

    pub fn step(&self) -> Option<Step> {
        let session = self.session.as_ref()?;
        session.steps(self.instruments).get(session.step).copied()
    }

    /// Whether keys go to a text field.
    pub fn is_typing(&self) -> bool {
        match &self.session {
            Some(s) => {
                s.editor.is_some()
                    || matches!(
                        s.team.as_ref().map(|t| &t.mode),
                        Some(TeamMode::Add(_) | TeamMode::Rename(_) | TeamMode::Import(_))
                    )
            }
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
    // Workshop
    OpenTeam,
    NextRespondent,
    PrevRespondent,
    AddRespondent,
    RenameRespondent,
    RemoveRespondent,
    ImportFile,
    ToggleAnonymous,
    ToggleSort,
    /// Take the proposal (median, majority) as the agreed answer of the row.
    AcceptProposal,
    /// Take the proposal for every row not agreed yet.
    AcceptAll,
    CycleAmbition,
    Imported(Vec<crate::domain::Respondent>),
    // Rounds
    StartNewRound,
    /// In the new-round dialog: start blank instead of from the last results.
    Blank,
    MarkForCompare,
    CompareSelected,
    Compared(Box<CompareView>),
    Popup(Popup),
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
    Create {
        title: String,
        organisation: String,
    },
    Open(PathBuf),
    Rename {
        path: PathBuf,
        title: String,
    },
    Trash(PathBuf),
    Save(Box<Assessment>),
    /// Read respondents from an answer sheet or another assessment.
    ImportFile(PathBuf),
    NewRound {
        from: PathBuf,
        blank: bool,
    },
    Compare {
        a: PathBuf,
        b: PathBuf,
    },
    Close,
    Quit,
}

pub fn update(model: &mut Model, msg: Msg) -> Vec<Effect> {
    match msg {
        // Quit means quit, from anywhere (Ctrl-C in an editor too): every answer and
        // note is already saved as it was typed.
        Msg::Quit => {
            return if model.session.is_some() {
                vec![Effect::Close, Effect::Quit]
            } else {
                vec![Effect::Quit]
            };
        }
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
            model.last_saved = Some(at);
            // A save that works again ends a save error; other notices stay.
            if matches!(model.notice, Some(Notice::Error(_))) {
                model.notice = None;
            }
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
        Msg::Popup(popup) => {
            model.popup = Some(popup);
            return vec![];
        }
        _ => {}
    }
    if model.popup.is_some() {
        // Any key closes the popup and does nothing else.
        model.popup = None;
        return vec![];
    }
    if model.help {
        // The overlay takes every other key to close it, so nothing happens by accident.
        if matches!(msg, Msg::Back | Msg::Activate | Msg::Cancel) {
            model.help = false;
        }
        return vec![];
    }
    if let Msg::Compared(view) = msg {
        model.compare = Some(*view);
        return vec![];
    }
    if model.compare.is_some() {
        return update_compare(model, msg);
    }
    if model.session.is_some() {
        update_session(model, msg)
    } else {
        home::update_home(model, msg)
    }
}

fn update_compare(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let max_scroll = crate::ui::compare_max_scroll(model);
    let view = model.compare.as_mut().expect("checked by caller");
    match msg {
        Msg::Back | Msg::Cancel => model.compare = None,
        Msg::Up => view.scroll = view.scroll.saturating_sub(1),
        Msg::Down => view.scroll = (view.scroll + 1).min(max_scroll),
        Msg::PageUp => view.scroll = view.scroll.saturating_sub(10),
        Msg::PageDown => view.scroll = (view.scroll + 10).min(max_scroll),
        _ => {}
    }
    vec![]
}

fn open_session(model: &mut Model, opened: Opened) {
    let Opened {
        path,
        assessment,
        read_only,
    } = opened;
    let all = steps(model.instruments, assessment.is_workshop());
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
            Step::Team | Step::Results => true,
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
        team: None,
        team_row: 0,
        anonymous: false,
        sort_by_disagreement: false,
    };
    go_to(model.instruments, &mut session, step);
    model.session = Some(session);
}

fn go_to(instruments: &Instruments, session: &mut Session, step: usize) {
    let all = session.steps(instruments);
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
    let step_count = session.steps(instruments).len();

    if session.editor.is_some() {
        return walk::update_editor(model, msg);
    }
    if let Msg::Imported(respondents) = msg {
        return team::imported(model, respondents);
    }
    if session.team.is_some() {
        return team::update_dialog(model, msg);
    }

    match msg {
        // Every change is saved as it happens, so leaving needs no save of its own.
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
        Msg::OpenTeam => {
            session.team = Some(TeamDialog {
                selected: session.respondent,
                mode: TeamMode::List,
            });
            vec![]
        }
        Msg::NextRespondent | Msg::PrevRespondent if step != Step::Team => {
            let n = session.assessment.respondents.len();
            session.respondent = if msg == Msg::NextRespondent {
                (session.respondent + 1) % n
            } else {
                (session.respondent + n - 1) % n
            };
            let label = session.respondent_label(session.respondent);
            go_to(instruments, session, session.step);
            model.notice = Some(Notice::Info(format!("Nu aan het woord: {label}")));
            vec![]
        }
        _ => match step {
            Step::Shift(i) => walk::update_shift(instruments, session, i, msg),
            Step::Part(i) => walk::update_part(instruments, session, i, msg),
            Step::Team => team::update_overview(instruments, session, msg),
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

/// Percentage of the whole assessment answered, for lists.
pub fn progress_percent(instruments: &Instruments, assessment: &Assessment) -> u32 {
    overall_progress(
        &instruments.gouden_oor,
        &instruments.stv,
        &assessment.result_answers(instruments),
    )
    .percent()
}
