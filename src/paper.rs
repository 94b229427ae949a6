//! The paper questionnaire: every item a respondent answers, with tick boxes, on A4 —
//! for who has no device. Its answers can be typed in or put on an answer sheet.

use crate::domain::{Instruments, ItemKind, Scope};
use maud::{DOCTYPE, Markup, PreEscaped, html};

fn boxes(options: &[String]) -> Markup {
    html! {
        span.boxes { @for o in options { span.box { "☐ " (o) } } }
    }
}

pub fn render(instruments: &Instruments, included: &[String]) -> String {
    html! {
        (DOCTYPE)
        html lang="nl" {
            head {
                meta charset="utf-8";
                title { "Vragenlijst — goudenoor" }
                style { (PreEscaped(CSS)) }
            }
            body {
                h1 { "Vragenlijst klacht- en feedbackmanagement" }
                p.meta { "Naam: ______________________________   Datum: ______________" }
                p.why { "Zet per vraag één kruisje. Weet u het niet, laat het dan open. Bij de paradigmashifts kiest u het niveau dat nu past en (in de tweede rij) waar u over een jaar wilt staan." }
                @for inst in instruments.selected(included) {
                    @let items: Vec<_> = inst.items().into_iter().filter(|i| i.scope == Scope::Respondent).collect();
                    @if !items.is_empty() {
                        section {
                            h2 { (inst.title) }
                            @for item in &items {
                                div.item {
                                    @match item.kind {
                                        ItemKind::Level { .. } => {
                                            @if let Some(g) = inst.grid().and_then(|g| g.item(item.id).map(|i| (g, i))) {
                                                h3 { (g.1.number) ". " (g.1.from) " → " (g.1.to) " " span.id { "(" (item.id) ")" } }
                                                ol {
                                                    @for (level, statement) in g.0.levels.iter().zip(&g.1.statements) {
                                                        li { strong { (level) } ": " (statement) }
                                                    }
                                                }
                                                p { "Nu: " (boxes(&g.0.levels)) }
                                                p { "Doel: " (boxes(&g.0.levels)) }
                                            }
                                        }
                                        ItemKind::Criterion => {
                                            @if let Some((_, c)) = inst.norm().and_then(|n| n.criteria().find(|(_, c)| c.id == item.id)) {
                                                h3 { (c.id) " " span.id { (c.label) } }
                                                p { (c.text) }
                                                p { (boxes(&["ja".into(), "nee".into(), "weet niet".into()])) }
                                            }
                                        }
                                        ItemKind::Check => {
                                            @if let Some((_, c)) = inst.checklist().and_then(|l| l.items().find(|(_, i)| i.id == item.id)) {
                                                h3 { (c.label) " " span.id { "(" (item.id) ")" } }
                                                p { (c.text) }
                                                p { (boxes(&["ja".into(), "deels".into(), "nee".into(), "n.v.t.".into()])) }
                                            }
                                        }
                                        ItemKind::Measurement(m) => {
                                            h3 { (m.name) " " span.id { "(" (item.id) ")" } }
                                            p { (m.question) " ______ " (m.unit) " (norm " (m.threshold_text()) ")" }
                                        }
                                        ItemKind::Rating { min, max } => {
                                            h3 { (item.label) " " span.id { "(" (item.id) ")" } }
                                            p { (boxes(&(min..=max).map(|n| n.to_string()).collect::<Vec<_>>())) }
                                        }
                                        ItemKind::Field(_) | ItemKind::Input(_) => {}
                                    }
                                }
                            }
                        }
                    }
                }
                footer { "Gemaakt met goudenoor " (env!("CARGO_PKG_VERSION")) ". De ids tussen haakjes zijn de kolommen van het antwoordblad (goudenoor sheet)." }
            }
        }
    }
    .into_string()
}

const CSS: &str = "body{font-family:system-ui,-apple-system,'Segoe UI',sans-serif;font-size:10.5pt;line-height:1.4;color:#111;max-width:48rem;margin:1.5rem auto;padding:0 1rem}h1{font-size:16pt}h2{font-size:13pt;border-bottom:1px solid #999;margin-top:1.2rem;break-after:avoid}h3{font-size:11pt;margin:.6rem 0 .2rem;break-after:avoid}.id{font-weight:normal;color:#666;font-size:9pt}.item{break-inside:avoid;border-bottom:1px dotted #ccc;padding-bottom:.3rem}.boxes .box{display:inline-block;margin-right:1.2rem;white-space:nowrap}.meta{font-size:12pt;margin:1rem 0}.why,footer{color:#555;font-size:9pt}ol{margin:.2rem 0 .2rem 1.2rem;padding:0}@page{size:A4;margin:15mm}";
