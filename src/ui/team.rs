//! The workshop: the overview where the team differs and what it agrees, and the
//! respondents dialog.

use super::dialog::{centered, render_input};
use super::text::{clean, offset_to_show, render_parts, spread, truncate};
use crate::app::team::{TeamRow, team_rows};
use crate::app::{Model, Msg, Session, TeamDialog, TeamMode};
use crate::domain::aggregate::{check_tally, scale_spread, tally};
use crate::domain::{Check, ItemKind, Level, Status};
use ratatui::buffer::Buffer;
use ratatui::layout::{Position, Rect};
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, BorderType, Clear, Paragraph, Widget};

/// Two-character column labels: letters when anonymous or when the starts of names
/// collide, else the first two letters of each name.
fn short_labels(session: &Session) -> Vec<String> {
    let n = session.assessment.respondents.len();
    let letters = || (0..n).map(crate::domain::aggregate::letter).collect();
    if session.anonymous {
        return letters();
    }
    let starts: Vec<String> = session
        .assessment
        .respondents
        .iter()
        .map(|r| {
            clean(&r.name)
                .chars()
                .filter(|c| !c.is_whitespace())
                .take(2)
                .collect()
        })
        .collect();
    let unique: std::collections::HashSet<&String> = starts.iter().collect();
    if unique.len() == n && starts.iter().all(|s| !s.is_empty()) {
        starts
    } else {
        letters()
    }
}

/// Columns per respondent: 3 wide where they fit, 2 where that is what fits, else none
/// (the median, range and counts remain).
fn column_width(session: &Session, width: u16) -> usize {
    let n = session.assessment.respondents.len();
    [3, 2]
        .into_iter()
        .find(|w| usize::from(width) >= 22 + w * n + 32)
        .unwrap_or(0)
}

/// One row of the overview; `proposal` is the team's median/majority, computed once
/// per frame by the caller.
fn row_line(
    model: &Model,
    session: &Session,
    proposal: &crate::domain::Answers,
    row: &TeamRow,
    width: u16,
    cursor: bool,
) -> Line<'static> {
    let theme = model.theme();
    let instruments = model.instruments;
    let respondents = &session.assessment.respondents;
    let agreed = session.assessment.agreed.of(&row.instrument);
    let proposed = proposal.of(&row.instrument);
    let column = column_width(session, width);
    let Some(inst) = instruments.get(&row.instrument) else {
        return Line::raw("");
    };
    let Some(item) = inst.item(&row.item) else {
        return Line::raw("");
    };
    let label = match item.kind {
        ItemKind::Level { .. } => inst
            .grid()
            .and_then(|g| g.item(item.id))
            .map_or(item.label.to_string(), |i| i.name()),
        _ => format!("{} {}", item.id, item.label),
    };
    let mut spans = vec![Span::raw(format!("{:<22}", truncate(&label, 21)))];
    // The last span's shorter form, where it has one.
    let mut shorter: Option<String> = None;
    let level_name = |l: Level| match inst.grid() {
        Some(g) => g.level_name(l).to_string(),
        None => l.value().to_string(),
    };
    match item.kind {
        ItemKind::Level { .. } | ItemKind::Rating { .. } => {
            let spread = scale_spread(&row.instrument, &row.item, respondents);
            if column > 0 {
                for level in &spread.levels {
                    spans.push(match level {
                        Some(l) => Span::styled(format!("{:>column$}", l.value()), theme.current()),
                        None => Span::styled(format!("{:>column$}", "·"), theme.muted()),
                    });
                }
            }
            let median = spread.median.map_or("—".to_string(), |m| m.display());
            let range = match (spread.min, spread.max) {
                (Some(a), Some(b)) => format!("{}–{}", a.value(), b.value()),
                _ => "—".into(),
            };
            spans.push(Span::raw(format!(" {median:>4} {range:>5} ")));
            spans.push(if spread.disagrees() {
                Span::styled("⚠ ", theme.warning())
            } else {
                Span::raw("  ")
            });
            // Not agreed yet: the proposal, dimmed with a question mark; Enter takes it.
            let cell =
                |agreed: Option<Level>, proposed: Option<Level>, style| match (agreed, proposed) {
                    (Some(l), _) => Span::styled(format!("{:<8}", level_name(l)), style),
                    (None, Some(p)) => Span::styled(
                        format!("{:<8}", format!("{}?", level_name(p))),
                        theme.muted(),
                    ),
                    (None, None) => Span::styled(format!("{:<8}", "—"), theme.muted()),
                };
            spans.push(Span::raw(" "));
            spans.push(cell(
                agreed.level(&row.item),
                proposed.level(&row.item),
                theme.current(),
            ));
            if matches!(item.kind, ItemKind::Level { .. }) {
                spans.push(cell(
                    agreed.ambition(&row.item),
                    proposed.ambition(&row.item),
                    theme.ambition(),
                ));
            }
            if agreed.level(&row.item).is_none() && !spread.quorum.holds() {
                shorter = Some(format!(" {}", spread.quorum.short_message()));
                spans.push(Span::styled(
                    format!(" {}", spread.quorum.message()),
                    theme.muted(),
                ));
            }
        }
        ItemKind::Criterion => {
            let t = tally(&row.instrument, &row.item, respondents);
            if column > 0 {
                for r in respondents {
                    let (mark, style) = match r.answers.of(&row.instrument).status(&row.item) {
                        Status::Met => ("✓", theme.good()),
                        Status::NotMet => ("✗", theme.bad()),
                        Status::Open => ("·", theme.muted()),
                    };
                    spans.push(Span::styled(format!("{mark:>column$}"), style));
                }
            }
            spans.push(Span::raw(format!(
                " ✓{:<3}✗{:<3}·{:<3}",
                t.met, t.not_met, t.open
            )));
            spans.push(if t.disagrees() {
                Span::styled("⚠ ", theme.warning())
            } else {
                Span::raw("  ")
            });
            let status = agreed.status(&row.item);
            spans.push(match (status, proposed.status(&row.item)) {
                (Status::Open, Status::Open) if !t.quorum().holds() => {
                    shorter = Some(format!(" — {}", t.quorum().short_message()));
                    Span::styled(format!(" — {}", t.quorum().message()), theme.muted())
                }
                (Status::Open, Status::Open) if t.met == t.not_met && t.met > 0 => {
                    Span::styled(" — gelijke stand", theme.muted())
                }
                (Status::Open, Status::Open) => Span::styled(" —", theme.muted()),
                (Status::Open, p) => Span::styled(format!(" {}?", p.label()), theme.muted()),
                (status, _) => Span::styled(format!(" {}", status.label()), theme.current()),
            });
        }
        ItemKind::Check => {
            let t = check_tally(&row.instrument, &row.item, respondents);
            if column > 0 {
                for r in respondents {
                    let answer = r.answers.of(&row.instrument).check(&row.item);
                    let mark = match answer {
                        Check::Ja => "j",
                        Check::Deels => "½",
                        Check::Nee => "n",
                        Check::Nvt => "-",
                        Check::Open => "·",
                    };
                    spans.push(Span::styled(format!("{mark:>column$}"), theme.current()));
                }
            }
            spans.push(Span::raw(format!(
                " j{} ½{} n{} -{} ",
                t.counts[0], t.counts[1], t.counts[2], t.counts[3]
            )));
            let answer = agreed.check(&row.item);
            spans.push(match (answer, proposed.check(&row.item)) {
                (Check::Open, Check::Open) if !t.quorum().holds() => {
                    shorter = Some(format!(" — {}", t.quorum().short_message()));
                    Span::styled(format!(" — {}", t.quorum().message()), theme.muted())
                }
                (Check::Open, Check::Open) => Span::styled(" —", theme.muted()),
                (Check::Open, p) => Span::styled(format!(" {}?", p.label()), theme.muted()),
                (a, _) => Span::styled(format!(" {}", a.label()), theme.current()),
            });
        }
        ItemKind::Measurement(m) => {
            let (median, quorum) = crate::domain::aggregate::number_proposal(
                &row.instrument,
                &row.item,
                m.whole,
                respondents,
            );
            if column > 0 {
                for r in respondents {
                    let v = r.answers.of(&row.instrument).number(&row.item);
                    spans.push(Span::styled(
                        format!(
                            "{:>column$}",
                            v.map_or("·".into(), |v| crate::domain::format_number(v, 0))
                        ),
                        theme.current(),
                    ));
                }
            }
            if median.is_none() {
                shorter = Some(format!(" mediaan {}", quorum.short_message()));
            }
            spans.push(Span::raw(format!(
                " mediaan {}",
                median.map_or(quorum.message(), |v| m.display(v))
            )));
        }
        ItemKind::Field(_) | ItemKind::Input(_) => {}
    }
    // The closing words give way at the edge: a shorter form, then an ellipsis.
    let used: usize = spans[..spans.len() - 1].iter().map(|s| s.width()).sum();
    // The body's last column is the scrollbar's.
    let room = usize::from(width.saturating_sub(1)).saturating_sub(used);
    if let Some(last) = spans.last_mut()
        && last.width() > room
    {
        let short = shorter.unwrap_or_else(|| last.content.to_string());
        last.content = truncate(&short, room).into();
    }
    let line = Line::from(spans);
    if cursor {
        line.style(theme.selected())
    } else {
        line
    }
}

fn header_lines(model: &Model, session: &Session, width: u16) -> Vec<Line<'static>> {
    let theme = model.theme();
    let n = session.assessment.respondents.len();
    let labels = short_labels(session);
    let mut columns = String::new();
    let column = column_width(session, width);
    if column > 0 {
        for label in &labels {
            // Two-letter labels need three columns; at two, letters stay readable.
            let label = if column == 2 {
                label.chars().next().map(String::from).unwrap_or_default()
            } else {
                label.clone()
            };
            columns.push_str(&format!("{label:>column$}"));
        }
    }
    // With many respondents the legend names them by first name only, so every letter
    // can be matched to a person; a first name two people share stays whole.
    let first_name = |name: &str| name.split_whitespace().next().unwrap_or("").to_string();
    let mut first_names = std::collections::HashMap::new();
    for r in &session.assessment.respondents {
        *first_names.entry(first_name(&clean(&r.name))).or_insert(0) += 1;
    }
    let legend: Vec<String> = labels
        .iter()
        .enumerate()
        .map(|(i, l)| {
            if session.anonymous {
                l.clone()
            } else {
                let name = clean(&session.assessment.respondents[i].name);
                let first = first_name(&name);
                let name = if n > 6 && first_names.get(&first) == Some(&1) {
                    first
                } else {
                    name
                };
                format!("{l} {}", truncate(&name, 12))
            }
        })
        .collect();
    let mut lines = vec![
        spread(
            vec![Span::styled(
                format!(
                    "Workshop — {}",
                    crate::text::count(n, "respondent", "respondenten")
                ),
                theme.title(),
            )],
            vec![Span::styled(
                if session.sort_by_disagreement {
                    "verschil eerst"
                } else {
                    "instrumentvolgorde"
                }
                .to_string(),
                theme.muted(),
            )],
            width,
        ),
        Line::styled(
            if session.team_ambition {
                "Doel kiezen: 1–4 (0 wist) — daarna gelden de toetsen weer voor het niveau"
                    .to_string()
            } else {
                "Akkoord 1–4 · doel d+1–4 · v/n/o · Enter: voorstel (?) overnemen · A: alle"
                    .to_string()
            },
            if session.team_ambition {
                theme.warning()
            } else {
                theme.muted()
            },
        ),
    ];
    lines.extend(
        super::text::wrap(&legend.join(" · "), width)
            .into_iter()
            .map(|l| Line::styled(l, theme.muted())),
    );
    lines.push(Line::styled(
        format!(
            "{:<22}{columns} {:>4} {:>5}    {:<8}{:<7}",
            "Shift / criterium", "med", "bereik", "Akkoord", "Doel"
        ),
        theme.title(),
    ));
    lines
}

pub fn render(model: &Model, session: &Session, area: Rect, buf: &mut Buffer) {
    let area = match &session.live {
        Some(live) => match super::live::render(model, session, live, area, buf) {
            Some(rest) => rest,
            None => return,
        },
        None => area,
    };
    let lines = header_lines(model, session, area.width);
    let header = Rect::new(
        area.x,
        area.y,
        area.width,
        (lines.len() as u16).min(area.height / 2),
    );
    Paragraph::new(lines).render(header, buf);
    let body = Rect::new(
        area.x,
        header.bottom(),
        area.width,
        area.height - header.height,
    );
    let rows = team_rows(model.instruments, session);
    if rows.is_empty() {
        return;
    }
    let cursor = session.team_row.min(rows.len() - 1);
    let offset = offset_to_show(cursor as u16, cursor as u16 + 1, body.height);
    let proposal = session.proposal(model.instruments);
    // Only the rows in view are worked out and drawn.
    let width = body.width;
    let parts = rows
        .iter()
        .enumerate()
        .map(|(i, row)| (Rect::new(0, i as u16, width.saturating_sub(1), 1), (i, row)));
    render_parts(
        body,
        buf,
        rows.len() as u16,
        offset,
        parts,
        |(i, row), rect, buf| {
            row_line(model, session, &proposal, row, width, i == cursor).render(rect, buf)
        },
    );
}

pub fn hit(model: &Model, session: &Session, area: Rect, at: Position) -> Option<Msg> {
    let header = (header_lines(model, session, area.width).len() as u16).min(area.height / 2);
    let top = area.y + header;
    if at.y < top {
        return None;
    }
    let rows = team_rows(model.instruments, session).len();
    if rows == 0 {
        return None;
    }
    let height = area.height.saturating_sub(header);
    let cursor = session.team_row.min(rows - 1);
    let offset = offset_to_show(cursor as u16, cursor as u16 + 1, height);
    let row = usize::from(at.y - top + offset);
    (row < rows).then_some(Msg::PickRow(row))
}

pub fn render_dialog(
    model: &Model,
    session: &Session,
    dialog: &TeamDialog,
    area: Rect,
    buf: &mut Buffer,
) {
    let theme = model.theme();
    let respondents = &session.assessment.respondents;
    let height = (respondents.len() as u16 + 10).min(area.height);
    let popup = centered(area, 70, height);
    Clear.render(popup, buf);
    let block = Block::bordered()
        .border_type(BorderType::Rounded)
        .border_style(theme.cursor_border())
        .title(Span::styled(" Respondenten ", theme.title()));
    let inner = block.inner(popup);
    block.render(popup, buf);
    let list_height = inner.height.saturating_sub(6);
    let first = (dialog.selected + 1).saturating_sub(usize::from(list_height.max(1)));
    for (row, (i, r)) in respondents
        .iter()
        .enumerate()
        .skip(first)
        .take(usize::from(list_height))
        .enumerate()
    {
        let answered =
            crate::domain::result::build_for(model.instruments, &session.included, &r.answers)
                .progress();
        let marker = if i == session.respondent {
            "▶ "
        } else {
            "  "
        };
        let line = spread(
            vec![Span::raw(format!("{marker}{}", clean(&r.name)))],
            vec![Span::styled(
                format!("{}% beantwoord ", answered.percent()),
                theme.muted(),
            )],
            inner.width,
        );
        let line = if i == dialog.selected {
            line.style(theme.selected())
        } else {
            line
        };
        line.render(
            Rect::new(inner.x, inner.y + row as u16, inner.width, 1),
            buf,
        );
    }
    let footer = Rect::new(inner.x, inner.bottom().saturating_sub(5), inner.width, 5);
    let (prompt, input) = match &dialog.mode {
        TeamMode::List => (
            "Enter: deze respondent antwoordt · a toevoegen · r hernoemen · x verwijderen · i importeren (.csv of .ron) · l live: deelnemers op hun telefoon · Esc sluiten",
            None,
        ),
        TeamMode::Add(input) => (
            "Naam van de nieuwe respondent (Enter: toevoegen, Esc: terug)",
            Some(input),
        ),
        TeamMode::Rename(input) => ("Nieuwe naam (Enter: opslaan, Esc: terug)", Some(input)),
        TeamMode::Import(input) => (
            "Pad naar een antwoordblad (.csv) of een beoordeling (.ron) (Enter: importeren)",
            Some(input),
        ),
        TeamMode::ConfirmRemove => (
            "Verwijderen met al zijn antwoorden? j of Enter: ja · elke andere toets: nee",
            None,
        ),
        TeamMode::ConfirmLive => (
            "Start een webpagina voor deelnemers op dit netwerk? Iedereen op dit netwerk met de code kan meedoen; de antwoorden blijven op deze laptop. j of Enter: ja · elke andere toets: nee",
            None,
        ),
    };
    // Up to four lines of prompt, so every key the dialog offers is on screen.
    let lines: Vec<Line> = super::text::wrap(prompt, footer.width)
        .into_iter()
        .take(4)
        .map(|l| Line::styled(l, theme.muted()))
        .collect();
    let prompt_height = lines.len() as u16;
    Paragraph::new(lines).render(
        Rect::new(footer.x, footer.y, footer.width, prompt_height),
        buf,
    );
    if let Some(input) = input {
        render_input(
            input,
            Rect::new(footer.x, footer.y + prompt_height, footer.width, 1),
            buf,
            theme,
        );
    } else if matches!(dialog.mode, TeamMode::ConfirmRemove) {
        Line::styled(
            format!("→ {}", clean(&respondents[dialog.selected].name)),
            theme.warning(),
        )
        .render(
            Rect::new(footer.x, footer.y + prompt_height, footer.width, 1),
            buf,
        );
    }
}

pub fn render_popup(model: &Model, popup: &crate::app::Popup, area: Rect, buf: &mut Buffer) {
    let theme = model.theme();
    let width = 76.min(area.width);
    let mut lines: Vec<Line> = Vec::new();
    for l in &popup.lines {
        for w in super::text::wrap(&clean(l), width.saturating_sub(4)) {
            lines.push(Line::raw(w));
        }
    }
    let max_lines = area.height.saturating_sub(5) as usize;
    if lines.len() > max_lines {
        let hidden = lines.len() - max_lines + 1;
        lines.truncate(max_lines.saturating_sub(1));
        lines.push(Line::styled(
            format!("… en nog {hidden} regels (de opdrachtregel `goudenoor import` toont ze alle)"),
            theme.muted(),
        ));
    }
    lines.push(Line::styled("Elke toets sluit dit venster.", theme.muted()));
    let height = lines.len() as u16 + 2;
    let rect = centered(area, width, height);
    Clear.render(rect, buf);
    Paragraph::new(lines)
        .block(
            Block::bordered()
                .border_type(BorderType::Rounded)
                .border_style(theme.warning())
                .title(Span::styled(
                    format!(" {} ", clean(&popup.title)),
                    theme.warning(),
                )),
        )
        .render(rect, buf);
}
