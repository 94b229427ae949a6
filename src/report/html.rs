//! One self-contained HTML file: inline CSS and SVG, nothing fetched from a network.
//! Page 1 is the management summary; details, the action plan and the workshop follow.
//! It prints to A4 with a running header and page numbers. maud escapes everything
//! users typed; the running header's text is escaped for CSS.

use super::model::{Report, TeamInstrument, percent};
use super::plain;
use super::svg::{self, Line};
use crate::domain::result::{
    Detail, GridResult, ICEBERG_TITLE, InstrumentResult, MeasurementRow, PROVISIONAL,
};
use maud::{DOCTYPE, Markup, PreEscaped, html};

/// The report style: one file, inlined into every HTML report.
pub(super) const CSS: &str = include_str!("../../assets/report.css");

/// Items per workshop table: more are split over several tables.
const TEAM_COLUMNS: usize = 9;

/// `text` as a CSS string literal: everything but letters, digits and spaces escaped
/// as a code point, so no quote, backslash or `</style>` can end it.
pub(super) fn css_string(text: &str) -> String {
    let mut out = String::from("\"");
    for c in plain(text).chars() {
        if c.is_alphanumeric() || c == ' ' {
            out.push(c);
        } else {
            out.push_str(&format!("\\{:x} ", c as u32));
        }
    }
    out.push('"');
    out
}

/// The page rules with the running header (title, date) and page numbers.
pub(super) fn page_css(title: &str, date: &str, confidential: bool) -> String {
    let centre = if confidential {
        "@top-center { content: \"vertrouwelijk\"; color: #b00020; font-weight: 600; }"
    } else {
        ""
    };
    format!(
        "@page {{ size: A4; margin: 18mm 16mm 16mm; \
         @top-left {{ content: {}; font-size: 8pt; color: #6e6e73; }} \
         @top-right {{ content: {}; font-size: 8pt; color: #6e6e73; }} {centre} \
         @bottom-right {{ content: \"pagina \" counter(page) \" van \" counter(pages); font-size: 8pt; color: #6e6e73; }} }}",
        css_string(title),
        css_string(date)
    )
}

pub(super) fn head(title: &str, date: &str, confidential: bool) -> Markup {
    html! {
        head {
            meta charset="utf-8";
            meta name="viewport" content="width=device-width, initial-scale=1";
            title { (plain(title)) " — goudenoor" }
            style { (PreEscaped(CSS)) (PreEscaped(page_css(title, date, confidential))) }
        }
    }
}

fn values(g: &GridResult, ambition: bool) -> Vec<Option<f64>> {
    g.rows
        .iter()
        .map(|row| {
            let l = if ambition { row.ambition } else { row.level };
            l.map(|l| f64::from(l.value()))
        })
        .collect()
}

fn band(r: &Report, id: &str) -> Option<Vec<(Option<f64>, Option<f64>)>> {
    let team = r.team.as_ref()?;
    let inst = team.instruments.iter().find(|i| i.id == id)?;
    Some(inst.rows.iter().map(|row| (row.min, row.max)).collect())
}

fn legend(team: bool) -> Markup {
    html! {
        p.legend {
            span.current { "━ huidig" }
            span.ambition { "╍ doel" }
            @if team { span.band { "▮ spreiding team" } }
        }
    }
}

fn grid_radar(r: &Report, res: &InstrumentResult, g: &GridResult) -> Markup {
    let band = band(r, &res.id);
    svg::radar(
        g,
        &[
            (Line::Ambition, values(g, true)),
            (Line::Current, values(g, false)),
        ],
        band.as_deref(),
    )
}

/// An instrument's introduction: its lines as paragraphs, runs of lines starting with
/// "- " as a list, in their order.
fn intro_html(intro: &str) -> Markup {
    let mut blocks: Vec<(bool, Vec<&str>)> = Vec::new();
    for line in intro.lines() {
        let item = line.trim_start().strip_prefix("- ");
        match (item, blocks.last_mut()) {
            (Some(item), Some((true, items))) => items.push(item),
            (Some(item), _) => blocks.push((true, vec![item])),
            (None, _) => blocks.push((false, vec![line])),
        }
    }
    html! {
        @for (list, lines) in &blocks {
            @if *list {
                ul.why { @for item in lines { li { (item) } } }
            } @else {
                @for line in lines { p.why { (line) } }
            }
        }
    }
}

fn provisional(provisional: bool) -> Markup {
    html! {
        @if provisional {
            " " span.provisional title=(PROVISIONAL) { "voorlopig" }
        }
    }
}

fn summary(r: &Report) -> Markup {
    html! {
        section.summary {
            h2 { "Managementsamenvatting" }
            @for (s, res) in r.summaries.iter().zip(&r.result.instruments) {
                div.card {
                    h3 { (s.title) }
                    div.cardbody {
                        @if let Detail::Grid(g) = &res.detail {
                            div.mini { (grid_radar(r, res, g)) (legend(r.team.is_some())) }
                        }
                        @if let Detail::Model(m) = &res.detail {
                            div.mini { (svg::model(m)) }
                        }
                        div.cardtext {
                            p.verdict { (s.verdict) (provisional(s.provisional)) }
                            @if let Some(trend) = &s.trend { p { "Trend: " (trend) } }
                            @if !s.gaps.is_empty() {
                                p.small { strong { (s.gaps_title) } }
                                ol.gaps { @for gap in &s.gaps { li { (gap) } } }
                            }
                        }
                    }
                }
            }
            @if !r.actions.is_empty() {
                h3 { "Acties" }
                table.actions-short {
                    thead { tr { th { "Actie" } th { "Eigenaar" } th { "Deadline" } th { "Status" } } }
                    tbody {
                        @for a in &r.actions {
                            tr {
                                td { (plain(&a.what)) }
                                td { @if a.owner.trim().is_empty() { span.why { "nog geen eigenaar" } } @else { (plain(&a.owner)) } }
                                td.nowrap { (a.deadline_text()) }
                                td { span class=(format!("status {}", a.status)) { (a.status) } @if a.overdue { " " span.warn { "te laat" } } }
                            }
                        }
                    }
                }
            }
            h3 { "Zo is dit gemaakt" }
            ul.made { @for line in r.made.lines() { li { (plain(&line)) } } }
        }
    }
}

fn source_cell(r: &Report, res: &InstrumentResult, id: &str) -> Markup {
    html! {
        @if let Some(source) = r.source(&res.id, id) {
            td {
                span class=(format!("source {}", source.class())) { (source.label()) }
                @if let Some(why) = source.why() { br; span.why { (why) } }
            }
        }
    }
}

fn source_head(r: &Report) -> Markup {
    html! { @if r.is_workshop() { th { "Bron" } } }
}

fn note(text: &str) -> Markup {
    html! { span.note { (super::plain_lines(text)) } }
}

fn measurements(rows: &[MeasurementRow]) -> Markup {
    html! {
        table {
            thead { tr { th { "Meting" } th { "Gemeten" } th { "Norm" } th { "Oordeel" } } }
            tbody {
                @for m in rows {
                    tr {
                        td { (m.name) }
                        td.num { (m.display) }
                        td { (m.threshold) }
                        td {
                            @match m.met {
                                Some(true) => span.ok { "✓ gehaald" },
                                Some(false) => span.warn { "✗ niet gehaald" },
                                None => span.why { "—" },
                            }
                        }
                    }
                }
            }
        }
    }
}

fn detail(r: &Report, res: &InstrumentResult) -> Markup {
    match &res.detail {
        Detail::Grid(g) => html! {
            div.top {
                (grid_radar(r, res, g))
                div.side {
                    (legend(r.team.is_some()))
                    table.counts {
                        thead { tr { @for name in &g.levels { th { (name) } } } }
                        tbody { tr { @for count in &g.summary.counts { td.num { (count) } } } }
                    }
                }
            }
            h3 { "Gaten: huidig tegenover doel" }
            (svg::gaps(g))
            table {
                thead { tr { th { "Shift" } th { "Van → naar" } th { "Huidig" } th { "Doel" } th { "Gat" } (source_head(r)) } }
                tbody {
                    @for row in &g.rows {
                        tr {
                            td.num { (row.number) }
                            td { (row.from) " → " (row.to) }
                            td.current { (g.level_name(row.level)) }
                            td.ambition { (g.level_name(row.ambition)) }
                            td.num { (row.gap_mark()) }
                            (source_cell(r, res, &row.id))
                        }
                    }
                }
            }
        },
        Detail::Norm(n) => html! {
            h3 { "Criteria die meetellen voor de score, per onderdeel" }
            (svg::parts(n))
            table {
                thead { tr { th { "Onderdeel" } th { "Score " (n.scale_min) "–" (n.scale_max) } th {} th { "Waarom" } } }
                tbody {
                    @for p in &n.parts {
                        tr {
                            td { (p.numeral) " " (p.title) }
                            td { (score_bar(p.score, n)) }
                            td.num.current.nowrap {
                                @match p.score { Some(v) => (v), None => "—" }
                                @if p.provisional { " " span.provisional { "voorlopig" } }
                            }
                            td {
                                span.why { (p.explanation) }
                                @for w in &p.warnings { br; span.warn { "⚠ " (w) } }
                            }
                        }
                    }
                }
            }
            @for p in &n.parts {
                h3 { (p.numeral) " " (p.title) }
                table.criteria {
                    thead { tr { th { "Criterium" } th { "Oordeel" } th { "Onderbouwing" } (source_head(r)) } }
                    tbody {
                        @for c in &p.criteria {
                            tr {
                                td { strong { (c.id) } " " (c.short) }
                                td.nowrap {
                                    @match c.status {
                                        crate::domain::Status::Met => span.ok { "✓ " (c.status.label()) },
                                        crate::domain::Status::NotMet => span.warn { "✗ " (c.status.label()) },
                                        crate::domain::Status::Open => span.why { (c.status.label()) },
                                    }
                                    @if c.not_counted { br; span.warn { "telt niet mee" } }
                                }
                                td { (note(&c.note)) }
                                (source_cell(r, res, &c.id))
                            }
                        }
                    }
                }
            }
            @if !n.measurements.is_empty() { h3 { "Metingen" } (measurements(&n.measurements)) }
        },
        Detail::Checklist(c) => html! {
            @for s in &c.sections {
                h3 {
                    (s.title) " — "
                    @match s.share { Some(x) => { (x.percent()) "% op orde (" (x.display()) ")" }, None => "nog niets beantwoord" }
                }
                @if let Some(x) = s.share {
                    div.bar.wide { span style=(format!("width:{}%", x.percent())) {} }
                }
                table {
                    thead { tr { th { "Onderdeel" } th { "Antwoord" } th { "Notitie" } (source_head(r)) } }
                    tbody {
                        @for i in &s.items {
                            tr {
                                td { strong { (i.label) } " " (i.text) }
                                td.nowrap { (i.answer.label()) }
                                td { (note(&i.note)) }
                                (source_cell(r, res, &i.id))
                            }
                        }
                    }
                }
            }
            @if !c.fields.is_empty() {
                h3 { "Keuzes van de organisatie" }
                table {
                    thead { tr { th { "Keuze" } th { "Waarde" } } }
                    tbody {
                        @for f in &c.fields {
                            tr { td { (f.label) } td { @match &f.value { Some(v) => (note(v)), None => span.why { "nog niet ingevuld" } } } }
                        }
                    }
                }
            }
        },
        Detail::Calculator(c) => html! {
            h3 { "Gegevens" }
            table {
                thead { tr { th { "Gegeven" } th { "Waarde" } } }
                tbody {
                    @for i in &c.inputs {
                        tr { td { (i.label) } td.num { (i.display) @if i.default { " " span.why { "(standaard)" } } } }
                    }
                }
            }
            h3 { "Uitkomsten" }
            table {
                thead { tr { th { "Uitkomst" } th { "Waarde" } th { "Zo rekenen we" } } }
                tbody {
                    @for o in &c.outputs {
                        tr { td { (o.label) } td.num.current { (o.display) } td.why { (o.explain) } }
                    }
                }
            }
            @if !c.measurements.is_empty() { h3 { "Metingen tegen de ambitie" } (measurements(&c.measurements)) }
            @if !c.iceberg.is_empty() {
                h3 { (ICEBERG_TITLE) }
                ul.rules { @for line in &c.iceberg { li.why { (line) } } }
            }
        },
        Detail::Model(m) => html! {
            (svg::model(m))
            table {
                thead { tr { th { "Groep" } th { "Vak" } th { "Score" } th { "Team" } } }
                tbody {
                    @for b in &m.boxes {
                        @let weakest = m.weakest.as_ref() == Some(&b.id);
                        tr class=(if b.percent.is_none() { "unseen" } else if weakest { "weakest" } else { "" }) {
                            td { (m.groups.iter().find(|(id, _)| id == &b.group).map_or(b.group.as_str(), |(_, t)| t.as_str())) }
                            td { (b.title) @if weakest { " " strong.warn { "(zwakste)" } } }
                            td.num { @match b.percent { Some(p) => (percent(p)), None => strong { "niet bekeken" } } }
                            td { (b.rating_display.as_deref().unwrap_or("—")) @if b.differs { " " span.warn { "⚠" } } }
                        }
                    }
                }
            }
        },
    }
}

fn score_bar(score: Option<u8>, n: &crate::domain::result::NormResult) -> Markup {
    let span = f64::from(n.scale_max.max(1));
    let width = score.map_or(0.0, |s| 100.0 * f64::from(s) / span);
    let line = n.sufficient.map(|s| 100.0 * f64::from(s) / span);
    html! {
        div.bar title=(match n.sufficient { Some(s) => format!("de stippellijn is voldoende ({s})"), None => String::new() }) {
            span style=(format!("width:{width:.0}%")) {}
            @if let Some(x) = line { i style=(format!("left:{x:.0}%")) {} }
        }
    }
}

fn details(r: &Report) -> Markup {
    html! {
        @for res in &r.result.instruments {
            section.instrument {
                h2 { (res.title) }
                @if let Some(intro) = r.instruments.get(&res.id).and_then(|i| i.intro.first()) { (intro_html(intro)) }
                p.summary { (res.verdict) (provisional(res.provisional)) }
                (detail(r, res))
                @if !res.warnings.is_empty() {
                    h3 { "Let op" }
                    ul { @for w in &res.warnings { li.warn { "⚠ " (w) } } }
                }
                @if !res.next_steps.is_empty() {
                    h3 { "Volgende stappen" }
                    ul.steps {
                        @for step in &res.next_steps {
                            li { strong { (step.title) } @if !step.text.is_empty() { br; (step.text) } }
                        }
                    }
                }
                @if res.rules_apart() {
                    h3 { "Zo telt het" }
                    ul.rules { @for rule in &res.rules { li.why { (rule) } } }
                }
            }
        }
    }
}

fn actions(r: &Report) -> Markup {
    html! {
        @if !r.actions.is_empty() {
            section.plan {
                h2 { "Actieplan" }
                table {
                    thead { tr { th { "Actie" } th { "Voor" } th { "Eigenaar" } th { "Deadline" } th { "Status" } th { "Notitie" } } }
                    tbody {
                        @for a in &r.actions {
                            tr {
                                td { (plain(&a.what)) @if let Some(n) = a.from_round { br; span.why { "uit ronde " (n) } } }
                                td { @for (i, item) in a.items.iter().enumerate() { @if i > 0 { br; } (item) } }
                                td { (plain(&a.owner)) }
                                td.nowrap { (a.deadline_text()) }
                                td { span class=(format!("status {}", a.status)) { (a.status) } @if a.overdue { " " span.warn { "te laat" } } }
                                td { (note(&a.note)) }
                            }
                        }
                    }
                }
            }
        }
    }
}

/// One instrument's team answers: respondents as rows (their names wrap, never
/// clip), items as columns, split over tables of `TEAM_COLUMNS` items.
fn team_tables(labels: &[String], inst: &TeamInstrument) -> Markup {
    html! {
        h3 { (inst.title) }
        @if !inst.legend.is_empty() { p.why { (inst.legend) } }
        @for chunk in inst.rows.chunks(TEAM_COLUMNS) {
            table.teamtable {
                thead {
                    tr {
                        th.name { "Deelnemer" }
                        @for row in chunk {
                            th.item title=(row.label) { (short_id(&row.id)) @if row.disagrees { " " span.warnmark { "⚠" } } }
                        }
                    }
                }
                tbody {
                    @for (i, label) in labels.iter().enumerate() {
                        tr {
                            td.name { (plain(label)) }
                            @for row in chunk { td.cell { (row.cells.get(i).map_or("", String::as_str)) } }
                        }
                    }
                    tr.spread { td.name { "Spreiding" } @for row in chunk { td.cell { (row.spread) } } }
                    tr.proposal { td.name { "Voorstel (automatisch)" } @for row in chunk { td.cell { (row.proposal_text()) } } }
                    tr.agreed { td.name { "Akkoord (groep)" } @for row in chunk { td.cell { (row.agreed.as_deref().unwrap_or("—")) } } }
                }
            }
            p.keys {
                @for row in chunk {
                    @let short = short_id(&row.id);
                    span { strong { (short) } (row.label.strip_prefix(short.as_str()).unwrap_or(&format!(" {}", row.label))) } " "
                }
            }
        }
    }
}

/// A short column name for an item: "go3" → "3"; ids with a dot or capital stay.
fn short_id(id: &str) -> String {
    let digits: String = id.chars().rev().take_while(char::is_ascii_digit).collect();
    if !digits.is_empty()
        && id
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
    {
        digits.chars().rev().collect()
    } else {
        id.to_string()
    }
}

fn team(r: &Report) -> Markup {
    html! {
        @if let Some(team) = &r.team {
            section.team {
                h2 { "Workshop: spreiding, voorstel en akkoord" }
                p.why {
                    "⚠ = het team verschilt. Het voorstel volgt de mediaan (naar beneden afgerond) en de meerderheid, en alleen als ten minste de helft antwoordde; akkoord is wat de groep zelf vaststelde. De resultaten hierboven tonen het akkoord waar het er is en anders het voorstel (kolom Bron)."
                }
                @for inst in &team.instruments { (team_tables(&team.labels, inst)) }
            }
        }
    }
}

fn notes(r: &Report) -> Markup {
    let rows: Vec<(String, &str)> = r
        .result
        .instruments
        .iter()
        .filter_map(|res| match &res.detail {
            Detail::Grid(g) => Some(g),
            _ => None,
        })
        .flat_map(|g| &g.rows)
        .filter(|row| !row.note.trim().is_empty())
        .map(|row| (format!("{} {}", row.number, row.to), row.note.as_str()))
        .collect();
    html! {
        @if !rows.is_empty() || !r.assessment.note.trim().is_empty() {
            section.notes {
                h2 { "Notities" }
                ul { @for (label, text) in &rows { li { strong { (label) } ": " (note(text)) } } }
                @if !r.assessment.note.trim().is_empty() { p { (note(&r.assessment.note)) } }
            }
        }
    }
}

pub fn render(r: &Report) -> String {
    let a = &r.assessment;
    let page = html! {
        (DOCTYPE)
        html lang="nl" {
            (head(&a.title, &r.made.date, r.options.confidential))
            body {
                @if let Some(cover) = r.cover_line() { p.cover { (cover.to_uppercase()) } }
                h1 { (plain(&a.title)) }
                p.meta {
                    @if !a.organisation.is_empty() { (plain(&a.organisation)) " · " }
                    (r.made.date)
                }
                (summary(r))
                div.details { (details(r)) }
                (actions(r))
                (team(r))
                (notes(r))
                footer { "Gemaakt met goudenoor " (env!("CARGO_PKG_VERSION")) "." }
            }
        }
    };
    page.into_string()
}
