//! One self-contained HTML file: inline CSS, an SVG radar, nothing fetched from a
//! network; it prints to A4. maud escapes everything users typed.

use super::summary::{ResultSummary, TeamSummary, date, level_name, summarise, team_summary};
use super::{plain, plain_lines};
use crate::domain::{Assessment, Instruments, Level};
use crate::radar::{label_alignment, point, polygon_segments, spoke_angle};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The report style: one file, inlined into every HTML report.
pub(super) const CSS: &str = include_str!("../../assets/report.css");

/// The radar as SVG, from the same geometry as the terminal radar.
pub fn svg_radar(
    instruments: &Instruments,
    s: &ResultSummary,
    team: Option<&TeamSummary>,
) -> Markup {
    // Wide enough for the longest label on either side.
    let (width, height, cx, cy, r) = (660.0, 400.0, 330.0, 200.0, 150.0);
    let n = s.shifts.len();
    let max = f64::from(Level::MAX.value());
    let at = |(x, y): (f64, f64)| (cx + x * r, cy - y * r);
    let ring = |level: f64| -> String {
        (0..n)
            .map(|i| {
                let (x, y) = at(point(i, n, level, max));
                format!("{x:.1},{y:.1}")
            })
            .collect::<Vec<_>>()
            .join(" ")
    };
    let values = |f: &dyn Fn(&super::summary::ShiftRow) -> Option<Level>| -> Vec<Option<f64>> {
        s.shifts
            .iter()
            .map(|row| f(row).map(|l| f64::from(l.value())))
            .collect()
    };
    let current = values(&|row| row.level);
    let ambition = values(&|row| row.ambition);
    let segments = |v: &[Option<f64>]| -> Vec<((f64, f64), (f64, f64))> {
        polygon_segments(v, max)
            .into_iter()
            .map(|(a, b)| (at(a), at(b)))
            .collect()
    };
    html! {
        svg xmlns="http://www.w3.org/2000/svg" viewBox=(format!("0 0 {width} {height}")) role="img"
            aria-label="Radar van de negen paradigmashifts: huidig niveau en doel" {
            @for level in 1..=4 {
                polygon points=(ring(f64::from(level))) fill="none" stroke="#d2d2d7" stroke-width="1" {}
            }
            @for i in 0..n {
                @let (x, y) = at(point(i, n, max, max));
                line x1=(cx) y1=(cy) x2=(format!("{x:.1}")) y2=(format!("{y:.1}")) stroke="#d2d2d7" {}
            }
            @for level in 1..=4u8 {
                @let (x, y) = at(point(0, n, f64::from(level), max));
                text x=(format!("{:.1}", x + 4.0)) y=(format!("{:.1}", y - 3.0)) font-size="10" fill="#6e6e73" {
                    (instruments.gouden_oor.levels[usize::from(level - 1)])
                }
            }
            @if let Some(team) = team {
                @for (i, row) in team.shifts.iter().enumerate() {
                    @if let (Some(low), Some(high)) = (row.min, row.max) {
                        @let (x1, y1) = at(point(i, n, f64::from(low.value()), max));
                        @let (x2, y2) = at(point(i, n, f64::from(high.value()), max));
                        line x1=(format!("{x1:.1}")) y1=(format!("{y1:.1}")) x2=(format!("{x2:.1}")) y2=(format!("{y2:.1}"))
                            stroke="#4aa3c9" stroke-opacity="0.45" stroke-width="10" stroke-linecap="round" {}
                    }
                }
            }
            @for ((x1, y1), (x2, y2)) in segments(&ambition) {
                line x1=(format!("{x1:.1}")) y1=(format!("{y1:.1}")) x2=(format!("{x2:.1}")) y2=(format!("{y2:.1}"))
                    stroke="#2e7d32" stroke-width="2" stroke-dasharray="6 4" {}
            }
            @for ((x1, y1), (x2, y2)) in segments(&current) {
                line x1=(format!("{x1:.1}")) y1=(format!("{y1:.1}")) x2=(format!("{x2:.1}")) y2=(format!("{y2:.1}"))
                    stroke="#a0306e" stroke-width="2.5" {}
            }
            @for (i, v) in current.iter().enumerate() {
                @if let Some(v) = v {
                    @let (x, y) = at(point(i, n, *v, max));
                    circle cx=(format!("{x:.1}")) cy=(format!("{y:.1}")) r="4" fill="#a0306e" {}
                }
            }
            @for (i, row) in s.shifts.iter().enumerate() {
                @let angle = spoke_angle(i, n);
                @let (x, y) = at((angle.cos() * 1.1, angle.sin() * 1.1));
                @let anchor = match label_alignment(i, n) { a if a < 0.25 => "start", a if a > 0.75 => "end", _ => "middle" };
                @let dy = if angle.sin() > 0.8 { -4.0 } else if angle.sin() < -0.8 { 12.0 } else { 4.0 };
                text x=(format!("{x:.1}")) y=(format!("{:.1}", y + dy)) text-anchor=(anchor) font-size="12"
                    fill=(if row.level.is_some() { "#1d1d1f" } else { "#9a9aa0" }) {
                    (row.number) " " (row.to) @if row.level.is_none() { " (open)" }
                }
            }
        }
    }
}

fn bar(score: Option<u8>) -> Markup {
    let width = score.map_or(0, |s| u32::from(s) * 20);
    html! {
        div.bar title="1–5; de stippellijn is voldoende (3)" {
            span style=(format!("width:{width}%")) {}
            i {}
        }
    }
}

pub fn render(
    instruments: &Instruments,
    assessment: &Assessment,
    options: super::Options,
) -> String {
    let s = summarise(instruments, &assessment.result_answers(instruments));
    let team = team_summary(instruments, assessment, options.anonymous);
    let check = &instruments.gouden_oor;
    let page = html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                meta name="viewport" content="width=device-width, initial-scale=1";
                title { (plain(&assessment.title)) " — goudenoor" }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { (plain(&assessment.title)) }
                p.meta {
                    @if !assessment.organisation.is_empty() { (plain(&assessment.organisation)) " · " }
                    (date(assessment))
                    @if let Some(team) = &team {
                        " · respondenten: "
                        @for (i, label) in team.labels.iter().enumerate() {
                            @if i > 0 { ", " } (plain(label))
                        }
                    }
                }
                h2 { (check.title) }
                p.why { (check.intro) }
                div.top {
                    (svg_radar(instruments, &s, team.as_ref()))
                    div.side {
                        p.legend {
                            span.current { "━ huidig" }
                            span.ambition { "╍ doel" }
                            @if team.is_some() { span.band { "▮ spreiding team" } }
                        }
                        @match s.mean {
                            Some(mean) => p.summary {
                                "Gemiddeld " strong { (mean.display()) } " · niveau " strong { (level_name(instruments, s.level)) }
                                br;
                                span.why { "Het niveau is het gemiddelde naar beneden afgerond; " (s.answered) " van " (s.shifts.len()) " shifts beantwoord." }
                            },
                            None => p.why { "Nog geen shift beantwoord." },
                        }
                        table {
                            tr { @for name in &check.levels { th { (name) } } }
                            tr { @for count in s.counts { td.num { (count) } } }
                        }
                    }
                }
                table {
                    tr { th { "Shift" } th { "Van → naar" } th { "Huidig" } th { "Doel" } th { "Gat" } }
                    @for row in &s.shifts {
                        tr {
                            td.num { (row.number) }
                            td { (row.from) " → " (row.to) }
                            td.current { (level_name(instruments, row.level)) }
                            td.ambition { (level_name(instruments, row.ambition)) }
                            td.num {
                                @if let (Some(l), Some(a)) = (row.level, row.ambition) {
                                    @if a > l { (a.value() - l.value()) } @else { "✓" }
                                }
                            }
                        }
                    }
                }
                h2 { (instruments.stv.title) }
                @if let Some(intro) = instruments.stv.intro.first() { p.why { (intro) } }
                table {
                    tr { th { "Onderdeel" } th { "Score 1–5" } th {} th { "Waarom" } }
                    @for part in &s.parts {
                        tr {
                            td { (part.numeral) " " (part.title) }
                            td { (bar(part.score)) }
                            td.num.current {
                                @match part.score { Some(v) => (v), None => "—" }
                                @if part.provisional { " (voorlopig)" }
                            }
                            td {
                                span.why { (part.explanation) }
                                @for w in &part.warnings { br; span.warn { "⚠ " (w) } }
                            }
                        }
                    }
                }
                @match s.total {
                    Some(total) => p.summary {
                        "Totaal " strong { (total.display()) } " — "
                        (total.verdict())
                        span.why { " (3 is voldoende; gemiddelde van de vier onderdelen, onafgerond " (total.value().to_string().replace('.', ",")) ")" }
                    },
                    None => p.why { "Totaal: volgt zodra elk onderdeel een score heeft." },
                }
                @if let Some(pct) = s.response_pct {
                    p.why { "Gehaalde reactietermijnen (IV.4): " (pct) "% (norm: ten minste 90%)" }
                }
                p.why { "Zo telt het:" }
                ul { @for part in &s.parts { li.why { (part.numeral) " " (part.title) ": " (part.rule) } } }
                @if let Some(team) = &team {
                    h2 { "Workshop: spreiding en akkoord" }
                    table {
                        tr {
                            th { "Shift" }
                            @for label in &team.labels { th { (plain(label)) } }
                            th { "Mediaan" } th { "Bereik" } th { "Akkoord" } th { "Doel" }
                        }
                        @for row in &team.shifts {
                            tr {
                                td { (row.number) " " (row.to) }
                                @for l in &row.levels { td.num { @match l { Some(l) => (l.value()), None => "—" } } }
                                td.num { @match row.median { Some(m) => (m.display()), None => "—" } }
                                td {
                                    @if let (Some(a), Some(b)) = (row.min, row.max) { (a.value()) "–" (b.value()) }
                                    @if row.disagrees { span.warnmark { " ⚠" } }
                                }
                                td.current { (level_name(instruments, row.agreed)) }
                                td.ambition { (level_name(instruments, row.agreed_ambition)) }
                            }
                        }
                    }
                    table {
                        tr { th { "Criterium" } th { "Voldaan" } th { "Niet voldaan" } th { "Open" } th { "Akkoord" } }
                        @for c in &team.criteria {
                            tr {
                                td { (c.id) " " (c.short) @if c.tally.disagrees() { span.warnmark { " ⚠" } } }
                                td.num { (c.tally.met) } td.num { (c.tally.not_met) } td.num { (c.tally.open) }
                                td.current { @if c.agreed == crate::domain::Status::Open { "—" } @else { (c.agreed.label()) } }
                            }
                        }
                    }
                    p.why { "⚠ = de groep verschilt. Waar geen akkoord is, tellen de mediaan (naar beneden afgerond) en de meerderheid." }
                }
                h2 { "Volgende stappen" }
                ul.steps {
                    @for step in &s.next_shifts {
                        li {
                            strong { (step.number) " " (step.to) }
                            " — " (step.transition(instruments))
                            br; (step.statement)
                        }
                    }
                    @for part in &s.parts {
                        @if let Some(next) = &part.next_step {
                            li { strong { (part.numeral) " " (part.title) } " — " (next) }
                        }
                    }
                }
                @let shift_notes: Vec<_> = s.shifts.iter().filter(|r| !r.note.trim().is_empty()).collect();
                @let criterion_notes: Vec<_> = s.parts.iter().flat_map(|p| &p.criteria).filter(|c| !c.note.trim().is_empty()).collect();
                @if !shift_notes.is_empty() || !criterion_notes.is_empty() || !assessment.note.trim().is_empty() {
                    h2 { "Notities" }
                    ul {
                        @for row in &shift_notes { li { strong { (row.number) " " (row.to) } ": " span.note { (plain_lines(&row.note)) } } }
                        @for c in &criterion_notes { li { strong { (c.id) } ": dat blijkt uit " span.note { (plain_lines(&c.note)) } } }
                    }
                    @if !assessment.note.trim().is_empty() { p.note { (plain_lines(&assessment.note)) } }
                }
                footer { "Gemaakt met goudenoor " (env!("CARGO_PKG_VERSION")) ". Bronnen: Gouden Oor Maturity Check; Stv normenkader thema-onderzoek Klacht- en feedbackmanagement." }
            }
        }
    };
    page.into_string()
}
