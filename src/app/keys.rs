//! Keys to messages through one binding table per screen. The same tables feed the
//! hint bar and the help overlay, so the three cannot drift apart.

use super::{ActionField, Dialog, Edit, Model, Msg, Page, Step, TeamMode};
use crate::domain::Status;
use crossterm::event::{Event, KeyCode, KeyEvent, KeyEventKind, KeyModifiers};
use std::borrow::Cow;

/// The screens with their own keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Screen {
    Home,
    Grid,
    Norm,
    Fields,
    Section,
    Calculator,
    Measurements,
    Model,
    Team,
    /// The workshop step while the live server runs.
    TeamLive,
    Actions,
    Results,
    Compare,
}

/// One key binding: the keys, what they do, and whether the hint bar shows it.
#[derive(Clone)]
pub struct Binding {
    /// As shown: "1-4", "Tab →".
    pub label: Cow<'static, str>,
    pub keys: &'static [KeyCode],
    pub msg: fn(KeyCode) -> Msg,
    pub what: &'static str,
    pub hint: bool,
}

const fn b(
    label: &'static str,
    keys: &'static [KeyCode],
    msg: fn(KeyCode) -> Msg,
    what: &'static str,
    hint: bool,
) -> Binding {
    Binding {
        label: Cow::Borrowed(label),
        keys,
        msg,
        what,
        hint,
    }
}

use KeyCode::{
    BackTab, Backspace, Char as C, Delete, Down, End, Enter, Esc, F, Home, Left, PageDown, PageUp,
    Right, Tab, Up,
};

fn digit(code: KeyCode) -> Msg {
    match code {
        C(c) => Msg::SetLevel(c.to_digit(10).unwrap_or(0) as u8),
        _ => Msg::ClearLevel,
    }
}

const DIGITS_4: &[KeyCode] = &[C('1'), C('2'), C('3'), C('4')];
const DIGITS_5: &[KeyCode] = &[C('1'), C('2'), C('3'), C('4'), C('5')];
const DIGITS_9: &[KeyCode] = &[
    C('1'),
    C('2'),
    C('3'),
    C('4'),
    C('5'),
    C('6'),
    C('7'),
    C('8'),
    C('9'),
];

/// Keys that act on every screen but home's text fields.
pub const GLOBAL: &[Binding] = &[
    b(
        "?",
        &[C('?'), F(1)],
        |_| Msg::ToggleHelp,
        "hulp bij deze toetsen",
        true,
    ),
    b(
        "q",
        &[C('q')],
        |_| Msg::Quit,
        "stoppen; alles is bewaard",
        false,
    ),
    b("↑↓", &[Up, C('k')], |_| Msg::Up, "omhoog en omlaag", false),
    b("", &[Down, C('j')], |_| Msg::Down, "omlaag", false),
];

const WALK: &[Binding] = &[
    b(
        "Tab →",
        &[Tab, Right, C('l')],
        |_| Msg::NextStep,
        "volgende stap",
        true,
    ),
    b(
        "⇧Tab ←",
        &[BackTab, Left, C('h')],
        |_| Msg::PrevStep,
        "vorige stap",
        false,
    ),
    b(
        "PgDn",
        &[PageDown],
        |_| Msg::NextStep,
        "volgende stap",
        false,
    ),
    b("PgUp", &[PageUp], |_| Msg::PrevStep, "vorige stap", false),
    b(
        "g Home",
        &[C('g'), Home],
        |_| Msg::GoToStep(0),
        "naar de eerste stap",
        false,
    ),
    b(
        "G End r",
        &[C('G'), End, C('r')],
        |_| Msg::GoToStep(usize::MAX),
        "naar de resultaten",
        false,
    ),
    b(
        "t",
        &[C('t')],
        |_| Msg::OpenTeam,
        "respondenten (workshop)",
        false,
    ),
    b(
        "[ ]",
        &[C('[')],
        |_| Msg::PrevRespondent,
        "vorige / volgende respondent",
        false,
    ),
    b("", &[C(']')], |_| Msg::NextRespondent, "", false),
    b(
        "u",
        &[C('u')],
        |_| Msg::Undo,
        "laatste wijziging ongedaan maken",
        false,
    ),
    b(
        "Esc",
        &[Esc],
        |_| Msg::Back,
        "terug naar het overzicht",
        true,
    ),
];

const HOME: &[Binding] = &[
    b(
        "Enter",
        &[Enter, C(' '), C('o')],
        |_| Msg::Activate,
        "openen",
        true,
    ),
    b(
        "n",
        &[C('n')],
        |_| Msg::NewAssessment,
        "nieuwe beoordeling",
        true,
    ),
    b(
        "+",
        &[C('+')],
        |_| Msg::StartNewRound,
        "volgende ronde",
        true,
    ),
    b(
        "c",
        &[C('c')],
        |_| Msg::CompareSelected,
        "vergelijk met vorige/gemarkeerde",
        true,
    ),
    b(
        "m",
        &[C('m')],
        |_| Msg::MarkForCompare,
        "markeer om te vergelijken",
        false,
    ),
    b(
        "r F2",
        &[C('r'), F(2)],
        |_| Msg::RenameAssessment,
        "titel en organisatie wijzigen",
        true,
    ),
    b(
        "x Del",
        &[C('x'), Delete],
        |_| Msg::DeleteAssessment,
        "naar de prullenbak",
        true,
    ),
    b("/", &[C('/')], |_| Msg::Filter, "zoeken", true),
    b(
        "p",
        &[C('p')],
        |_| Msg::OpenTrash,
        "prullenbak: terugzetten",
        false,
    ),
    b(
        "PgUp PgDn",
        &[PageUp, Home],
        |_| Msg::Home,
        "eerste / laatste",
        false,
    ),
    b("", &[PageDown, End], |_| Msg::End, "", false),
    b("Esc", &[Esc], |_| Msg::Back, "zoekfilter wissen", false),
];

const GRID: &[Binding] = &[
    b("1-4", DIGITS_4, digit, "huidig niveau", true),
    b(
        "Enter",
        &[Enter, C(' ')],
        |_| Msg::Activate,
        "niveau = kaart onder cursor",
        false,
    ),
    b(
        "0 Del",
        &[C('0'), Backspace, Delete],
        |_| Msg::ClearLevel,
        "niveau wissen",
        false,
    ),
    b(
        "d",
        &[C('d')],
        |_| Msg::SetAmbition,
        "doel = kaart onder cursor",
        true,
    ),
    b("e", &[C('e')], |_| Msg::EditNote, "notitie", true),
];

const NORM: &[Binding] = &[
    b(
        "v",
        &[C('v')],
        |_| Msg::SetStatus(Status::Met),
        "voldaan (en door)",
        true,
    ),
    b(
        "n",
        &[C('n')],
        |_| Msg::SetStatus(Status::NotMet),
        "niet voldaan (en door)",
        true,
    ),
    b(
        "o",
        &[C('o')],
        |_| Msg::SetStatus(Status::Open),
        "open",
        false,
    ),
    b(
        "Spatie",
        &[C(' '), Enter],
        |_| Msg::CycleStatus,
        "open→voldaan→niet→open",
        false,
    ),
    b("e", &[C('e')], |_| Msg::EditNote, "toelichting", true),
    b(
        "p",
        &[C('p'), C('%')],
        |_| Msg::EditValue,
        "meting invullen",
        false,
    ),
    b(
        "i",
        &[C('i')],
        |_| Msg::ToggleIntro,
        "inleiding in/uit",
        false,
    ),
];

const SECTION: &[Binding] = &[
    b("1-4", DIGITS_4, digit, "ja · deels · nee · n.v.t.", true),
    b(
        "0 Del",
        &[C('0'), Backspace, Delete],
        |_| Msg::ClearLevel,
        "antwoord wissen",
        false,
    ),
    b(
        "Spatie",
        &[C(' '), Enter],
        |_| Msg::CycleStatus,
        "volgend antwoord",
        false,
    ),
    b("e", &[C('e')], |_| Msg::EditNote, "notitie", true),
];

const FIELDS: &[Binding] = &[
    b(
        "Enter",
        &[Enter, C(' ')],
        |_| Msg::EditValue,
        "invullen",
        true,
    ),
    b("1-9", DIGITS_9, digit, "keuze aan/uit", true),
    b(
        "e",
        &[C('e')],
        |_| Msg::EditNote,
        "eigen tekst bij een keuze",
        false,
    ),
    b(
        "0 Del",
        &[C('0'), Backspace, Delete],
        |_| Msg::ClearLevel,
        "wissen",
        false,
    ),
];

const CALCULATOR: &[Binding] = &[
    b(
        "Enter",
        &[Enter, C(' ')],
        |_| Msg::EditValue,
        "waarde invullen",
        true,
    ),
    b(
        "0 Del",
        &[C('0'), Backspace, Delete],
        |_| Msg::ClearLevel,
        "terug naar standaard",
        true,
    ),
    // The outputs are below the inputs: ↓ past the last input scrolls on to them.
    b("PgUp PgDn", &[PageUp], |_| Msg::PageUp, "bladeren", false),
    b("", &[PageDown], |_| Msg::PageDown, "", false),
    b("Home End", &[Home], |_| Msg::Home, "begin / eind", false),
    b("", &[End], |_| Msg::End, "", false),
];

const MEASUREMENTS: &[Binding] = &[
    b(
        "Enter",
        &[Enter, C(' ')],
        |_| Msg::EditValue,
        "meting invullen",
        true,
    ),
    b(
        "0 Del",
        &[C('0'), Backspace, Delete],
        |_| Msg::ClearLevel,
        "meting wissen",
        false,
    ),
];

const MODEL: &[Binding] = &[
    b(
        "Enter",
        &[Enter, C(' ')],
        |_| Msg::Activate,
        "wat zit erachter",
        true,
    ),
    b("1-5", DIGITS_5, digit, "beoordeling door het team", true),
    b(
        "0 Del",
        &[C('0'), Backspace, Delete],
        |_| Msg::ClearLevel,
        "beoordeling wissen",
        false,
    ),
    b(
        "e",
        &[C('e')],
        |_| Msg::EditNote,
        "notitie bij de beoordeling",
        false,
    ),
];

const TEAM: &[Binding] = &[
    b("1-4", DIGITS_4, digit, "akkoord (niveau of antwoord)", true),
    b(
        "d 1-4",
        &[C('d')],
        |_| Msg::SetAmbition,
        "akkoord doel (d, dan het niveau)",
        true,
    ),
    b(
        "v n o",
        &[C('v')],
        |_| Msg::SetStatus(Status::Met),
        "akkoord criterium",
        false,
    ),
    b("", &[C('n')], |_| Msg::SetStatus(Status::NotMet), "", false),
    b("", &[C('o')], |_| Msg::SetStatus(Status::Open), "", false),
    b(
        "0 Del",
        &[C('0'), Backspace, Delete],
        |_| Msg::ClearLevel,
        "akkoord wissen",
        false,
    ),
    b(
        "Enter",
        &[Enter, C(' ')],
        |_| Msg::AcceptProposal,
        "voorstel overnemen",
        true,
    ),
    b("A", &[C('A')], |_| Msg::AcceptAll, "alle voorstellen", true),
    b(
        "s",
        &[C('s')],
        |_| Msg::ToggleSort,
        "sorteer op verschil",
        true,
    ),
    b("a", &[C('a')], |_| Msg::ToggleAnonymous, "anoniem", false),
    b(
        "PgUp PgDn",
        &[PageUp],
        |_| Msg::PageUp,
        "bladeren in de tabel",
        false,
    ),
    b("", &[PageDown], |_| Msg::PageDown, "", false),
];

// Live keys are capitals, so each key of the workshop table keeps its meaning when the
// server runs (s still sorts).
const TEAM_LIVE: &[Binding] = &[
    b(
        "S",
        &[C('S')],
        |_| Msg::ToggleAnswering,
        "antwoorden sluiten / openen",
        true,
    ),
    b(
        "R",
        &[C('R')],
        |_| Msg::ToggleResultsShown,
        "resultaat tonen aan deelnemers",
        true,
    ),
    b(
        "w",
        &[C('w')],
        |_| Msg::CycleWarmup,
        "opwarmer: stemmen → definities → uit",
        true,
    ),
    b("Q", &[C('Q')], |_| Msg::ToggleQr, "QR-code groot", true),
    b(
        "s",
        &[C('s')],
        |_| Msg::ToggleSort,
        "sorteer op verschil",
        false,
    ),
    b("1-4", DIGITS_4, digit, "akkoord: niveau / antwoord", false),
    b(
        "d 1-4",
        &[C('d')],
        |_| Msg::SetAmbition,
        "akkoord doel: d, dan het niveau",
        false,
    ),
    b(
        "v n o",
        &[C('v')],
        |_| Msg::SetStatus(Status::Met),
        "akkoord criterium",
        false,
    ),
    b("", &[C('n')], |_| Msg::SetStatus(Status::NotMet), "", false),
    b("", &[C('o')], |_| Msg::SetStatus(Status::Open), "", false),
    b(
        "0 Del",
        &[C('0'), Backspace, Delete],
        |_| Msg::ClearLevel,
        "akkoord wissen",
        false,
    ),
    b(
        "Enter",
        &[Enter, C(' ')],
        |_| Msg::AcceptProposal,
        "voorstel overnemen",
        false,
    ),
    b(
        "A",
        &[C('A')],
        |_| Msg::AcceptAll,
        "alle voorstellen",
        false,
    ),
    b("a", &[C('a')], |_| Msg::ToggleAnonymous, "anoniem", false),
    b(
        "PgUp PgDn",
        &[PageUp],
        |_| Msg::PageUp,
        "bladeren in de tabel",
        false,
    ),
    b("", &[PageDown], |_| Msg::PageDown, "", false),
];

const ACTIONS: &[Binding] = &[
    b("n", &[C('n')], |_| Msg::NewAction, "nieuwe actie", true),
    b(
        "Enter",
        &[Enter],
        |_| Msg::EditField(ActionField::What),
        "wat",
        false,
    ),
    b(
        "w",
        &[C('w')],
        |_| Msg::EditField(ActionField::Owner),
        "eigenaar",
        true,
    ),
    b(
        "d",
        &[C('d')],
        |_| Msg::EditField(ActionField::Deadline),
        "deadline",
        true,
    ),
    b(
        "e",
        &[C('e')],
        |_| Msg::EditField(ActionField::Note),
        "notitie",
        false,
    ),
    b(
        "Spatie",
        &[C(' ')],
        |_| Msg::CycleActionStatus,
        "open→bezig→klaar",
        true,
    ),
    b(
        "s",
        &[C('s')],
        |_| Msg::SortActions,
        "sorteer op deadline",
        false,
    ),
    b(
        "x Del",
        &[C('x'), Delete],
        |_| Msg::RemoveAction,
        "verwijderen",
        false,
    ),
];

const RESULTS: &[Binding] = &[
    b(
        "a",
        &[C('a')],
        |_| Msg::MakeAction,
        "volgende stap → actie",
        true,
    ),
    b("x", &[C('x')], |_| Msg::Export, "rapport maken", true),
    b("PgUp PgDn", &[PageUp], |_| Msg::PageUp, "bladeren", false),
    b("", &[PageDown, C(' ')], |_| Msg::PageDown, "", false),
    b("Home End", &[Home], |_| Msg::Home, "begin / eind", false),
    b("", &[End], |_| Msg::End, "", false),
    b(
        "n p",
        &[C('n')],
        |_| Msg::SelectNext,
        "volgende stap kiezen (voor a)",
        true,
    ),
    b("", &[C('p')], |_| Msg::SelectPrev, "", false),
];

const COMPARE: &[Binding] = &[
    b("PgUp PgDn", &[PageUp], |_| Msg::PageUp, "bladeren", true),
    b("", &[PageDown, C(' ')], |_| Msg::PageDown, "", false),
    b("Home End", &[Home], |_| Msg::Home, "begin / eind", false),
    b("", &[End], |_| Msg::End, "", false),
    b("Esc", &[Esc], |_| Msg::Back, "terug", true),
];

/// The screen the model shows.
pub fn screen(model: &Model) -> Screen {
    if model.compare.is_some() {
        return Screen::Compare;
    }
    match model.step() {
        None => Screen::Home,
        Some(Step::Page(_, page)) => match page {
            Page::GridItem(_) => Screen::Grid,
            Page::NormPart(_) => Screen::Norm,
            Page::Fields => Screen::Fields,
            Page::Section(_) => Screen::Section,
            Page::Calculator => Screen::Calculator,
            Page::Measurements => Screen::Measurements,
            Page::Model => Screen::Model,
        },
        Some(Step::Team) if model.session.as_ref().is_some_and(|s| s.live.is_some()) => {
            Screen::TeamLive
        }
        Some(Step::Team) => Screen::Team,
        Some(Step::Actions) => Screen::Actions,
        Some(Step::Results) => Screen::Results,
    }
}

/// The name a label gives a key: "End", "PgDn", "g".
fn key_name(code: KeyCode) -> Option<String> {
    Some(match code {
        Home => "Home".into(),
        End => "End".into(),
        PageUp => "PgUp".into(),
        PageDown => "PgDn".into(),
        Delete => "Del".into(),
        Enter => "Enter".into(),
        Esc => "Esc".into(),
        Tab => "Tab".into(),
        C(c) => c.to_string(),
        _ => return None,
    })
}

/// The bindings of a screen, its own first (they take precedence), then the walk's.
/// A key an earlier binding takes is not this binding's any more: a binding left
/// without keys is not listed, and a key taken from a binding is dropped from its
/// label ("G End r" on a page where End goes to the page's end: "G r").
pub fn bindings(screen: Screen) -> Vec<Binding> {
    let own: &[Binding] = match screen {
        Screen::Home => HOME,
        Screen::Grid => GRID,
        Screen::Norm => NORM,
        Screen::Fields => FIELDS,
        Screen::Section => SECTION,
        Screen::Calculator => CALCULATOR,
        Screen::Measurements => MEASUREMENTS,
        Screen::Model => MODEL,
        Screen::Team => TEAM,
        Screen::TeamLive => TEAM_LIVE,
        Screen::Actions => ACTIONS,
        Screen::Results => RESULTS,
        Screen::Compare => COMPARE,
    };
    let walk: &[Binding] = match screen {
        Screen::Home | Screen::Compare => &[],
        _ => WALK,
    };
    let mut taken: Vec<KeyCode> = Vec::new();
    let mut live = Vec::new();
    for binding in own.iter().chain(walk).chain(GLOBAL) {
        let lost: Vec<KeyCode> = binding
            .keys
            .iter()
            .filter(|k| taken.contains(k))
            .copied()
            .collect();
        taken.extend(binding.keys);
        if lost.len() == binding.keys.len() {
            continue;
        }
        let mut binding = binding.clone();
        if !lost.is_empty() {
            let names: Vec<String> = lost.into_iter().filter_map(key_name).collect();
            binding.label = binding
                .label
                .split(' ')
                .filter(|word| !names.iter().any(|n| n == word))
                .collect::<Vec<_>>()
                .join(" ")
                .into();
        }
        live.push(binding);
    }
    live
}

pub fn event_to_msg(model: &Model, event: &Event) -> Option<Msg> {
    match event {
        Event::Key(key) if key.kind != KeyEventKind::Release => key_to_msg(model, key),
        Event::Resize(w, h) => Some(Msg::Resize(*w, *h)),
        _ => None,
    }
}

fn key_to_msg(model: &Model, key: &KeyEvent) -> Option<Msg> {
    let ctrl = key.modifiers.contains(KeyModifiers::CONTROL);
    if ctrl && key.code == C('c') {
        return Some(Msg::Quit);
    }
    if model.too_small() {
        // Only quitting (and resizing) act behind "het venster is te klein".
        return (key.code == C('q')).then_some(Msg::Quit);
    }
    if let Some(Dialog::QuitUnsaved) = model.home.dialog {
        return Some(match key.code {
            C('o' | 'O') | Enter => Msg::Confirm,
            C('s' | 'S') => Msg::QuitAnyway,
            _ => Msg::Cancel,
        });
    }
    if model.popup.is_some() {
        return Some(Msg::Cancel);
    }
    if model.help {
        return Some(match key.code {
            C('?') | F(1) => Msg::ToggleHelp,
            _ => Msg::Back,
        });
    }
    if model.is_typing() {
        return typing_key(model, key, ctrl);
    }
    if model.session.is_none() {
        match &model.home.dialog {
            Some(Dialog::NewRound { .. }) => unreachable!("typing"),
            Some(Dialog::Trash { .. }) => {
                return Some(match key.code {
                    Up | C('k') => Msg::Up,
                    Down | C('j') => Msg::Down,
                    Enter => Msg::Confirm,
                    _ => Msg::Cancel,
                });
            }
            Some(Dialog::ConfirmDelete { .. }) => {
                return Some(match key.code {
                    C('j' | 'J' | 'y' | 'Y') | Enter => Msg::Confirm,
                    _ => Msg::Cancel,
                });
            }
            Some(Dialog::New { .. }) => {
                // On the instrument list of the new-assessment dialog.
                return Some(match key.code {
                    Up | C('k') => Msg::Up,
                    Down | C('j') => Msg::Down,
                    C(' ') => Msg::Toggle,
                    Enter => Msg::Submit,
                    Tab | BackTab => Msg::NextField,
                    Esc => Msg::Cancel,
                    _ => return None,
                });
            }
            _ => {}
        }
    }
    if let Some(dialog) = model.session.as_ref().and_then(|s| s.team.as_ref()) {
        return match key.code {
            Esc => Some(Msg::Back),
            Up | C('k') if dialog.mode == TeamMode::List => Some(Msg::Up),
            Down | C('j') if dialog.mode == TeamMode::List => Some(Msg::Down),
            C('q') if dialog.mode == TeamMode::List => Some(Msg::Back),
            _ => team_dialog_key(&dialog.mode, key),
        };
    }
    if model.session.as_ref().is_some_and(|s| s.box_open) {
        // The box's readings scroll; any other key closes it.
        return Some(match key.code {
            Up | C('k') => Msg::Up,
            Down | C('j') => Msg::Down,
            PageUp => Msg::PageUp,
            PageDown | C(' ') => Msg::PageDown,
            Home => Msg::Home,
            End => Msg::End,
            _ => Msg::Cancel,
        });
    }
    let screen = screen(model);
    let binding = bindings(screen)
        .into_iter()
        .find(|b| b.keys.contains(&key.code))?;
    let msg = (binding.msg)(key.code);
    let choosing_ambition = model.session.as_ref().is_some_and(|s| s.team_ambition);
    Some(match msg {
        Msg::SetLevel(n) if screen == Screen::Team && choosing_ambition => {
            Msg::SetAgreedAmbition(n)
        }
        Msg::GoToStep(usize::MAX) => Msg::GoToStep(model.steps().len().saturating_sub(1)),
        // Home and End on walk pages move the cursor; on the step list they jump.
        other => other,
    })
}

fn typing_key(model: &Model, key: &KeyEvent, ctrl: bool) -> Option<Msg> {
    let multiline = model
        .session
        .as_ref()
        .and_then(|s| s.editor.as_ref())
        .is_some_and(|e| e.input.is_multiline());
    let filtering = model.session.is_none() && model.home.dialog.is_none();
    Some(match key.code {
        C('s') if ctrl => Msg::Submit,
        Esc if multiline => Msg::Submit,
        Esc => Msg::Cancel,
        Enter if multiline && !ctrl => Msg::Edit(Edit::Newline),
        Enter => Msg::Submit,
        Tab | BackTab => Msg::NextField,
        Up if filtering => Msg::Up,
        Down if filtering => Msg::Down,
        C(c) if !ctrl => Msg::Edit(Edit::Insert(c)),
        Backspace => Msg::Edit(Edit::Backspace),
        Delete => Msg::Edit(Edit::Delete),
        Left => Msg::Edit(Edit::Left),
        Right => Msg::Edit(Edit::Right),
        Up => Msg::Edit(Edit::Up),
        Down => Msg::Edit(Edit::Down),
        Home => Msg::Edit(Edit::Home),
        End => Msg::Edit(Edit::End),
        _ => return None,
    })
}

fn team_dialog_key(mode: &TeamMode, key: &KeyEvent) -> Option<Msg> {
    if matches!(mode, TeamMode::ConfirmRemove | TeamMode::ConfirmLive) {
        return Some(match key.code {
            C('j' | 'J' | 'y' | 'Y') | Enter => Msg::Confirm,
            _ => Msg::Cancel,
        });
    }
    Some(match key.code {
        Enter | C(' ') => Msg::Activate,
        C('a') => Msg::AddRespondent,
        C('r') | F(2) => Msg::RenameRespondent,
        C('x') | Delete => Msg::RemoveRespondent,
        C('i') => Msg::ImportFile,
        C('l') => Msg::StartLive,
        C('t') => Msg::OpenTeam,
        _ => return None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entries(screen: Screen) -> Vec<(String, &'static str)> {
        bindings(screen)
            .into_iter()
            .map(|b| (b.label.into_owned(), b.what))
            .collect()
    }

    #[test]
    fn a_key_the_screen_takes_leaves_the_walks_binding_and_label() {
        let has = |screen, label: &str, what| {
            entries(screen)
                .iter()
                .any(|(l, w)| l.as_str() == label && *w == what)
        };
        // On the calculator PgDn, Home and End move through the page.
        assert!(has(Screen::Calculator, "PgUp PgDn", "bladeren"));
        assert!(has(Screen::Calculator, "Home End", "begin / eind"));
        assert!(!has(Screen::Calculator, "PgDn", "volgende stap"));
        assert!(!has(Screen::Calculator, "PgUp", "vorige stap"));
        assert!(has(Screen::Calculator, "g", "naar de eerste stap"));
        assert!(has(Screen::Calculator, "G r", "naar de resultaten"));
        // The keys still reach the walk's own step where the page does not scroll.
        assert!(has(Screen::Grid, "PgDn", "volgende stap"));
        assert!(has(Screen::Grid, "G End r", "naar de resultaten"));
        assert!(has(Screen::Grid, "g Home", "naar de eerste stap"));
    }
}
