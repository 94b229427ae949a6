//! Updates of the walk-through's pages: a grid item, a norm part, a checklist section
//! and its fields, the calculator and its measurements, the model; and the editors.

use super::{
    EditTarget, Editor, Effect, Model, Msg, Notice, Page, Session, Step, TextInput, Viewport, save,
    steps,
};
use crate::domain::{
    Answer, Check, Instrument, Instruments, ItemKind, Level, Scope, Status, instrument::FieldKind,
    scoring::checklist::field_value,
};

/// The rows of a page: what the cursor moves over.
pub fn row_count(inst: &Instrument, page: Page) -> usize {
    match page {
        Page::GridItem(_) => inst.grid().map_or(1, |g| g.levels.len()),
        // Row 0 is the introduction.
        Page::NormPart(p) => inst.norm().map_or(1, |n| n.parts[p].criteria.len() + 1),
        Page::Fields => inst.checklist().map_or(1, |c| c.fields.len().max(1)),
        Page::Section(s) => inst
            .checklist()
            .map_or(1, |c| c.sections[s].items.len().max(1)),
        Page::Calculator => inst.calculator().map_or(1, |c| c.inputs.len().max(1)),
        Page::Measurements => inst.calculator().map_or(1, |c| c.measurements.len().max(1)),
        Page::Model => inst.model().map_or(1, |m| m.boxes.len().max(1)),
    }
}

/// Whether a page still has something for the current respondent (or the organisation)
/// to answer.
fn page_is_open(inst: &Instrument, page: Page, session: &Session) -> bool {
    let a = session.answers().of(&inst.id);
    match page {
        Page::GridItem(i) => inst
            .grid()
            .is_some_and(|g| a.level(&g.items[i].id).is_none()),
        Page::NormPart(p) => inst.norm().is_some_and(|n| {
            n.parts[p]
                .criteria
                .iter()
                .any(|c| a.status(&c.id) == Status::Open)
        }),
        Page::Section(s) => inst.checklist().is_some_and(|c| {
            c.sections[s]
                .items
                .iter()
                .any(|i| a.check(&i.id) == Check::Open)
        }),
        Page::Fields => inst.checklist().is_some_and(|c| {
            let facts = session.assessment.facts.of(&inst.id);
            c.fields
                .iter()
                .any(|f| field_value(f, facts, false).is_none())
        }),
        Page::Calculator | Page::Measurements | Page::Model => false,
    }
}

/// The first step with something left to answer, else the results.
pub fn first_open_step(instruments: &Instruments, session: &Session) -> usize {
    let all = session.steps(instruments);
    all.iter()
        .position(|step| match *step {
            Step::Page(i, page) => page_is_open(
                steps::instrument(instruments, &session.included, i),
                page,
                session,
            ),
            Step::Results => true,
            Step::Team | Step::Actions => false,
        })
        .unwrap_or(all.len() - 1)
}

/// Where the cursor starts on a step: the current level on a grid item, the first open
/// criterion or item elsewhere.
pub fn initial_cursor(instruments: &Instruments, session: &Session, step: Step) -> usize {
    let Step::Page(i, page) = step else {
        return 0;
    };
    let inst = steps::instrument(instruments, &session.included, i);
    let a = session.answers().of(&inst.id);
    match page {
        Page::GridItem(item) => inst
            .grid()
            .and_then(|g| a.level(&g.items[item].id))
            .map_or(0, |l| l.index()),
        Page::NormPart(p) => inst.norm().map_or(1, |n| {
            let criteria = &n.parts[p].criteria;
            criteria
                .iter()
                .position(|c| a.status(&c.id) == Status::Open)
                .unwrap_or(0)
                + 1
        }),
        Page::Section(s) => inst.checklist().map_or(0, |c| {
            c.sections[s]
                .items
                .iter()
                .position(|i| a.check(&i.id) == Check::Open)
                .unwrap_or(0)
        }),
        _ => 0,
    }
}

/// The item under the cursor of a page, if the row is an item.
pub fn item_at<'a>(
    inst: &'a Instrument,
    page: Page,
    cursor: usize,
) -> Option<crate::domain::ItemRef<'a>> {
    let id: &str = match page {
        Page::GridItem(i) => &inst.grid()?.items.get(i)?.id,
        Page::NormPart(p) => {
            &inst
                .norm()?
                .parts
                .get(p)?
                .criteria
                .get(cursor.checked_sub(1)?)?
                .id
        }
        Page::Fields => &inst.checklist()?.fields.get(cursor)?.id,
        Page::Section(s) => &inst.checklist()?.sections.get(s)?.items.get(cursor)?.id,
        Page::Calculator => &inst.calculator()?.inputs.get(cursor)?.id,
        Page::Measurements => &inst.calculator()?.measurements.get(cursor)?.id,
        Page::Model => &inst.model()?.boxes.get(cursor)?.id,
    };
    inst.item(id)
}

/// Moving on the calculator: the cursor moves over the inputs; past the last one the
/// page scrolls on (`session.scroll` rows beyond it) through the outputs below, and back.
/// PgDn and End first bring the cursor to the last input, PgUp and Home to the first.
fn move_on_calculator(session: &mut Session, rows: usize, msg: &Msg, viewport: Viewport) -> bool {
    let last = rows - 1;
    let max = viewport.max_scroll;
    // A page less two rows, so the reader keeps their place, as on the results.
    let page = viewport.page.max(1).saturating_sub(2).max(1);
    match msg {
        Msg::Down if session.cursor >= last => {
            session.scroll = session.scroll.saturating_add(1).min(max);
        }
        Msg::Up if session.scroll > 0 => session.scroll -= 1,
        Msg::PageDown if session.cursor >= last => {
            session.scroll = session.scroll.saturating_add(page).min(max);
        }
        Msg::PageDown => session.cursor = (session.cursor + usize::from(page)).min(last),
        Msg::PageUp if session.scroll > 0 => {
            session.scroll = session.scroll.saturating_sub(page);
        }
        Msg::PageUp => session.cursor = session.cursor.saturating_sub(usize::from(page)),
        Msg::End => {
            session.cursor = last;
            session.scroll = max;
        }
        Msg::Home => {
            session.cursor = 0;
            session.scroll = 0;
        }
        _ => return false,
    }
    true
}

/// The answers an item is stored in: the respondent's, or the organisation's facts.
fn store_of<'a>(
    session: &'a mut Session,
    inst: &str,
    scope: Scope,
) -> &'a mut crate::domain::ItemAnswers {
    match scope {
        Scope::Respondent => session.answers_mut().of_mut(inst),
        Scope::Organisation => session.assessment.facts.of_mut(inst),
    }
}

fn changed(session: &mut Session) -> Vec<Effect> {
    session.assessment.respondents[session.respondent]
        .answers
        .tidy();
    session.assessment.facts.tidy();
    save(session)
}

fn number_text(value: Option<f64>) -> String {
    value.map_or(String::new(), |v| crate::domain::format_number(v, 4))
}

fn open_editor(session: &mut Session, target: EditTarget, text: &str, multiline: bool) {
    session.editor = Some(Editor {
        target,
        input: if multiline {
            TextInput::multi(text)
        } else {
            TextInput::single(text)
        },
        error: None,
    });
}

pub(super) fn update_page(model: &mut Model, index: usize, page: Page, msg: Msg) -> Vec<Effect> {
    let instruments = model.instruments;
    let viewport = model.viewport;
    let session = model.session.as_mut().expect("a session");
    let inst = steps::instrument(instruments, &session.included, index);
    let rows = row_count(inst, page);
    let item = item_at(inst, page, session.cursor);
    if page == Page::Calculator && move_on_calculator(session, rows, &msg, viewport) {
        return vec![];
    }
    // Moving the cursor is the same on every page.
    match msg {
        Msg::Up => {
            session.cursor = session.cursor.saturating_sub(1);
            return vec![];
        }
        Msg::Down => {
            session.cursor = (session.cursor + 1).min(rows - 1);
            return vec![];
        }
        Msg::Home => {
            session.cursor = 0;
            return vec![];
        }
        Msg::End => {
            session.cursor = rows - 1;
            return vec![];
        }
        Msg::PickRow(row) | Msg::PickCard(row)
            if row < rows && !matches!(page, Page::GridItem(_) | Page::NormPart(_)) =>
        {
            session.cursor = row;
            return vec![];
        }
        _ => {}
    }
    if session.read_only && !matches!(msg, Msg::ToggleIntro | Msg::Activate) {
        model.notice = Some(Notice::Info(
            "Alleen-lezen: wijzigingen worden niet opgeslagen.".into(),
        ));
    }
    let session = model.session.as_mut().expect("a session");
    match page {
        Page::GridItem(_) => {
            let item = item.expect("a grid item");
            let levels = rows;
            let set = |session: &mut Session, card: usize| {
                session.remember();
                session.cursor = card;
                let level = Level::new(card as u8 + 1);
                session
                    .answers_mut()
                    .of_mut(&inst.id)
                    .set_level(item.id, level);
                changed(session)
            };
            match msg {
                Msg::PickCard(card) if card < levels => set(session, card),
                Msg::Activate => set(session, session.cursor),
                Msg::SetLevel(n) if (1..=levels as u8).contains(&n) => {
                    set(session, usize::from(n - 1))
                }
                Msg::ClearLevel => {
                    session.remember();
                    session
                        .answers_mut()
                        .of_mut(&inst.id)
                        .set_level(item.id, None);
                    changed(session)
                }
                Msg::SetAmbition => {
                    session.remember();
                    let level = Level::new(session.cursor as u8 + 1);
                    let answers = session.answers_mut().of_mut(&inst.id);
                    let current = answers.ambition(item.id);
                    answers.set_ambition(item.id, if current == level { None } else { level });
                    changed(session)
                }
                Msg::EditNote => {
                    let note = session.answers().of(&inst.id).note(item.id).to_string();
                    open_editor(session, note_target(inst, item.id), &note, true);
                    vec![]
                }
                _ => vec![],
            }
        }
        Page::NormPart(_) => {
            let set = |session: &mut Session, status: Option<Status>, advance: bool| {
                let Some(item) = item else {
                    session.intro_open = !session.intro_open;
                    return vec![];
                };
                session.remember();
                let answers = session.answers_mut().of_mut(&inst.id);
                let status = status.unwrap_or(answers.status(item.id).cycle());
                answers.set_status(item.id, status);
                if advance {
                    session.cursor = (session.cursor + 1).min(rows - 1);
                }
                changed(session)
            };
            match msg {
                Msg::ToggleIntro => {
                    session.intro_open = !session.intro_open;
                    vec![]
                }
                Msg::PickRow(0) => {
                    session.cursor = 0;
                    session.intro_open = !session.intro_open;
                    vec![]
                }
                Msg::PickRow(row) if row < rows => {
                    session.cursor = row;
                    set(session, None, false)
                }
                Msg::Activate | Msg::CycleStatus => set(session, None, false),
                Msg::SetStatus(status) if item.is_some() => {
                    set(session, Some(status), status != Status::Open)
                }
                Msg::EditNote => {
                    if let Some(item) = item {
                        let note = session.answers().of(&inst.id).note(item.id).to_string();
                        open_editor(session, note_target(inst, item.id), &note, true);
                    }
                    vec![]
                }
                Msg::EditValue => {
                    // The measurement of the criterion under the cursor, or the part's.
                    let part = match page {
                        Page::NormPart(p) => &inst.norm().expect("a norm").parts[p],
                        _ => unreachable!(),
                    };
                    let measured = item
                        .and_then(|i| part.criterion(i.id))
                        .and_then(|c| c.measurement.as_ref())
                        .or_else(|| part.criteria.iter().find_map(|c| c.measurement.as_ref()));
                    match measured {
                        Some(m) => {
                            let value = session.answers().of(&inst.id).number(&m.id);
                            open_editor(
                                session,
                                EditTarget::Number {
                                    instrument: inst.id.clone(),
                                    item: m.id.clone(),
                                },
                                &number_text(value),
                                false,
                            );
                        }
                        None => {
                            model.notice = Some(Notice::Info(
                                "Dit onderdeel heeft geen meting om in te vullen.".into(),
                            ));
                        }
                    }
                    vec![]
                }
                _ => vec![],
            }
        }
        Page::Section(_) => {
            let Some(item) = item else { return vec![] };
            let set = |session: &mut Session, answer: Check| {
                session.remember();
                session
                    .answers_mut()
                    .of_mut(&inst.id)
                    .set_check(item.id, answer);
                if answer != Check::Open {
                    session.cursor = (session.cursor + 1).min(rows - 1);
                }
                changed(session)
            };
            match msg {
                Msg::SetLevel(n @ 1..=4) => set(session, Check::ANSWERS[usize::from(n - 1)]),
                Msg::ClearLevel => set(session, Check::Open),
                Msg::Activate | Msg::CycleStatus | Msg::PickRow(_) => {
                    let current = session.answers().of(&inst.id).check(item.id);
                    let next = match current {
                        Check::Open => Check::Ja,
                        Check::Ja => Check::Deels,
                        Check::Deels => Check::Nee,
                        Check::Nee => Check::Nvt,
                        Check::Nvt => Check::Open,
                    };
                    session.remember();
                    session
                        .answers_mut()
                        .of_mut(&inst.id)
                        .set_check(item.id, next);
                    changed(session)
                }
                Msg::EditNote => {
                    let note = session.answers().of(&inst.id).note(item.id).to_string();
                    open_editor(session, note_target(inst, item.id), &note, true);
                    vec![]
                }
                _ => vec![],
            }
        }
        Page::Fields | Page::Calculator | Page::Measurements => {
            let Some(item) = item else { return vec![] };
            let facts = session.assessment.facts.of(&inst.id);
            match (msg, item.kind) {
                (Msg::ClearLevel, _) => {
                    session.remember();
                    store_of(session, &inst.id, item.scope).clear(item.id);
                    model.notice = Some(Notice::Info(format!(
                        "{}: gewist{}",
                        item.label,
                        if matches!(item.kind, ItemKind::Input(_)) {
                            " (de standaardwaarde geldt weer)"
                        } else {
                            ""
                        }
                    )));
                    changed(model.session.as_mut().expect("a session"))
                }
                (Msg::SetLevel(n), ItemKind::Field(f)) => {
                    let FieldKind::Choice {
                        options, multiple, ..
                    } = &f.kind
                    else {
                        return vec![];
                    };
                    let Some(option) = options.get(usize::from(n).saturating_sub(1)) else {
                        return vec![];
                    };
                    let (mut chosen, other) = match facts.get(item.id) {
                        Some(Answer::Choice { options, other }) => (options.clone(), other.clone()),
                        _ => (Vec::new(), String::new()),
                    };
                    if chosen.contains(&option.id) {
                        chosen.retain(|c| c != &option.id);
                    } else if *multiple {
                        chosen.push(option.id.clone());
                    } else {
                        chosen = vec![option.id.clone()];
                    }
                    session.remember();
                    session.assessment.facts.of_mut(&inst.id).set(
                        item.id,
                        Answer::Choice {
                            options: chosen,
                            other,
                        },
                    );
                    changed(session)
                }
                (Msg::Activate | Msg::EditValue | Msg::EditNote, kind) => {
                    let value = match item.scope {
                        Scope::Organisation => {
                            session.assessment.facts.of(&inst.id).get(item.id).cloned()
                        }
                        Scope::Respondent => session.answers().of(&inst.id).get(item.id).cloned(),
                    };
                    let instrument = inst.id.clone();
                    let id = item.id.to_string();
                    match kind {
                        ItemKind::Field(f) => match &f.kind {
                            FieldKind::Text { multiline, default } => {
                                let text = match &value {
                                    Some(Answer::Text(t)) => t.clone(),
                                    _ => default.clone().unwrap_or_default(),
                                };
                                open_editor(
                                    session,
                                    EditTarget::Text {
                                        instrument,
                                        item: id,
                                    },
                                    &text,
                                    *multiline,
                                );
                            }
                            FieldKind::Number { default, .. } => {
                                let n = match value {
                                    Some(Answer::Number(n)) => Some(n),
                                    _ => *default,
                                };
                                open_editor(
                                    session,
                                    EditTarget::Number {
                                        instrument,
                                        item: id,
                                    },
                                    &number_text(n),
                                    false,
                                );
                            }
                            FieldKind::Choice { .. } => {
                                let other = match &value {
                                    Some(Answer::Choice { other, .. }) => other.clone(),
                                    _ => String::new(),
                                };
                                open_editor(
                                    session,
                                    EditTarget::Other {
                                        instrument,
                                        item: id,
                                    },
                                    &other,
                                    true,
                                );
                            }
                        },
                        ItemKind::Input(input) => {
                            let n = match value {
                                Some(Answer::Number(n)) => Some(n),
                                _ => input.default,
                            };
                            open_editor(
                                session,
                                EditTarget::Number {
                                    instrument,
                                    item: id,
                                },
                                &number_text(n),
                                false,
                            );
                        }
                        ItemKind::Measurement(_) => {
                            let n = match value {
                                Some(Answer::Number(n)) => Some(n),
                                _ => None,
                            };
                            open_editor(
                                session,
                                EditTarget::Number {
                                    instrument,
                                    item: id,
                                },
                                &number_text(n),
                                false,
                            );
                        }
                        _ => {}
                    }
                    vec![]
                }
                _ => vec![],
            }
        }
        Page::Model => {
            let rated = item.and_then(|i| match i.kind {
                ItemKind::Rating { min, max } => Some((i.id, min, max)),
                _ => None,
            });
            match msg {
                Msg::Activate | Msg::PickRow(_) => {
                    session.box_open = true;
                    session.box_scroll = 0;
                    vec![]
                }
                Msg::SetLevel(n) => match rated {
                    Some((id, min, max)) if (min..=max).contains(&n) => {
                        session.remember();
                        session
                            .answers_mut()
                            .of_mut(&inst.id)
                            .set_level(id, Level::new(n));
                        changed(session)
                    }
                    Some((_, min, max)) => {
                        model.notice = Some(Notice::Error(format!(
                            "Beoordeel met {min} tot en met {max}."
                        )));
                        vec![]
                    }
                    None => {
                        model.notice = Some(Notice::Info(
                            "Alleen de prestatie-indicatoren krijgen een beoordeling van het team."
                                .into(),
                        ));
                        vec![]
                    }
                },
                Msg::ClearLevel => match rated {
                    Some((id, _, _)) => {
                        session.remember();
                        session.answers_mut().of_mut(&inst.id).set_level(id, None);
                        changed(session)
                    }
                    None => vec![],
                },
                Msg::EditNote => {
                    if let Some((id, _, _)) = rated {
                        let note = session.answers().of(&inst.id).note(id).to_string();
                        open_editor(session, note_target(inst, id), &note, true);
                    }
                    vec![]
                }
                _ => vec![],
            }
        }
    }
}

fn note_target(inst: &Instrument, item: &str) -> EditTarget {
    EditTarget::Note {
        instrument: inst.id.clone(),
        item: item.to_string(),
    }
}

pub use crate::domain::parse_number;

pub(super) fn update_editor(model: &mut Model, msg: Msg) -> Vec<Effect> {
    let instruments = model.instruments;
    let session = model.session.as_mut().expect("editing needs a session");
    let editor = session.editor.as_mut().expect("checked by caller");
    let target = editor.target.clone();
    if let EditTarget::Action { .. } = target {
        return super::actions::update_editor(model, msg);
    }
    match msg {
        Msg::Edit(edit) => {
            if !editor.input.apply(edit) {
                return vec![];
            }
            editor.error = None;
            let text = editor.input.text().to_string();
            match target {
                EditTarget::Note { instrument, item } => {
                    let Some((inst, item_ref)) = instruments.find_item(&item) else {
                        return vec![];
                    };
                    let empty = match item_ref.kind {
                        ItemKind::Criterion => Answer::Criterion {
                            status: Status::Open,
                            note: String::new(),
                        },
                        ItemKind::Check => Answer::Check {
                            answer: Check::Open,
                            note: String::new(),
                        },
                        _ => Answer::Scale {
                            value: None,
                            ambition: None,
                            note: String::new(),
                        },
                    };
                    debug_assert_eq!(inst.id, instrument);
                    session
                        .answers_mut()
                        .of_mut(&instrument)
                        .set_note(&item, empty, text);
                    // Notes are saved after a pause, when the editor closes, and on quit.
                    session.unsaved_note = true;
                    vec![Effect::SaveSoon]
                }
                _ => vec![],
            }
        }
        Msg::Cancel => {
            let editor = session.editor.take().expect("checked above");
            if matches!(editor.target, EditTarget::Note { .. }) && session.unsaved_note {
                session.unsaved_note = false;
                return save(session);
            }
            vec![]
        }
        Msg::Submit | Msg::Back => {
            let text = editor.input.text().to_string();
            match target {
                EditTarget::Note { .. } => {
                    session.editor = None;
                    if session.unsaved_note {
                        session.unsaved_note = false;
                        return save(session);
                    }
                    vec![]
                }
                EditTarget::Number { instrument, item } => {
                    let Some((_, item_ref)) = instruments.find_item(&item) else {
                        session.editor = None;
                        return vec![];
                    };
                    let value = match parse_number(&text) {
                        Ok(v) => v,
                        Err(e) => {
                            editor.error = Some(format!("{e}; vul een getal in (leeg: wissen)."));
                            return vec![];
                        }
                    };
                    if let Some(v) = value
                        && let Err(e) =
                            crate::domain::validate::answer(item_ref.kind, &Answer::Number(v))
                    {
                        editor.error = Some(crate::text::sentence(&e));
                        return vec![];
                    }
                    session.editor = None;
                    session.remember();
                    store_of(session, &instrument, item_ref.scope).set_number(&item, value);
                    changed(session)
                }
                EditTarget::Text { instrument, item } => {
                    session.editor = None;
                    session.remember();
                    session
                        .assessment
                        .facts
                        .of_mut(&instrument)
                        .set(&item, Answer::Text(text.trim().to_string()));
                    changed(session)
                }
                EditTarget::Other { instrument, item } => {
                    session.editor = None;
                    session.remember();
                    let facts = session.assessment.facts.of_mut(&instrument);
                    let options = match facts.get(&item) {
                        Some(Answer::Choice { options, .. }) => options.clone(),
                        _ => Vec::new(),
                    };
                    facts.set(
                        &item,
                        Answer::Choice {
                            options,
                            other: text.trim().to_string(),
                        },
                    );
                    changed(session)
                }
                EditTarget::Action { .. } => unreachable!("handled above"),
            }
        }
        _ => vec![],
    }
}
