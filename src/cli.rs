//! The command line: `goudenoor [COMMAND]`.

use crate::domain::{Assessment, Instruments, ItemKind, Scope};
use crate::store::Store;
use clap::{CommandFactory, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "goudenoor",
    version,
    about = "Zelfevaluatie van klacht- en feedbackmanagement: Gouden Oor Maturity Check, Stv normenkader en meer",
    long_about = "Zelfevaluatie van klacht- en feedbackmanagement: de 9 paradigmashifts van de Gouden Oor Maturity Check (aardig, goed, prima, goud), de 4 onderdelen van het Stv normenkader Klacht- en feedbackmanagement (score 1–5), en naar keuze de klachtenprocedure-check, de businesscase van klachtenmanagement en het IKM-model.\n\nZonder opdracht opent de app op het overzicht van beoordelingen."
)]
pub struct Cli {
    /// Map met beoordelingen (standaard de gegevensmap van deze gebruiker)
    #[arg(long, global = true, env = "GOUDENOOR_DATA_DIR", value_name = "MAP")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Maak een nieuwe beoordeling en toon waar die staat
    New {
        /// Titel, bijv. "Nulmeting 2026"
        #[arg(value_name = "TITEL")]
        title: String,
        /// Organisatie
        #[arg(long, value_name = "ORGANISATIE")]
        org: Option<String>,
        /// De instrumenten, gescheiden door komma's (zie `goudenoor instruments`)
        #[arg(long, value_name = "ID,ID…", value_delimiter = ',')]
        instruments: Option<Vec<String>>,
    },
    /// Toon de instrumenten; met een id de onderdelen ervan en hun ids
    Instruments {
        /// Het id van een instrument, bijv. gouden-oor
        #[arg(value_name = "ID")]
        id: Option<String>,
    },
    /// Toon de beoordelingen: korte naam, titel, datum, voortgang en scores
    List,
    /// Open de app op één beoordeling
    Open {
        /// Korte naam (zoals `list` die toont) of pad naar een bestand
        #[arg(value_name = "NAAM")]
        name: String,
    },
    /// Zet antwoorden, velden, invoer en metingen op id: ITEM=WAARDE …
    Set {
        /// Korte naam (zoals `list` die toont) of pad naar een bestand
        #[arg(value_name = "NAAM")]
        name: String,
        /// Bijv. go3=goed go3_doel=goud I.2=ja IV.4.pct=92 kp.reactietermijn=10 (leeg wist)
        #[arg(value_name = "ITEM=WAARDE", required = true)]
        settings: Vec<String>,
    },
    /// Maak een rapport: tekst, Markdown, HTML, JSON, CSV of xlsx
    Report {
        /// Korte naam (zoals `list` die toont) of pad naar een bestand
        #[arg(value_name = "NAAM")]
        name: String,
        /// Vorm van het rapport
        #[arg(long, short, value_enum, default_value = "text", value_name = "VORM")]
        format: crate::report::Format,
        /// Schrijf naar dit bestand in plaats van naar stdout (alleen leesbaar voor u)
        #[arg(long, short, value_name = "BESTAND")]
        output: Option<PathBuf>,
        /// Vervang een bestaand bestand (nooit via een koppeling of over een beoordeling)
        #[arg(long, requires = "output")]
        force: bool,
        /// Respondenten als A, B, C … in plaats van hun namen
        #[arg(long)]
        anonymous: bool,
        /// Een regel "vertrouwelijk" op de eerste pagina en in de kop
        #[arg(long)]
        confidential: bool,
    },
    /// Schrijf het concept "Interne klachtenprocedure" van een beoordeling met de klachtenprocedure-check
    Procedure {
        /// Korte naam (zoals `list` die toont) of pad naar een bestand
        #[arg(value_name = "NAAM")]
        name: String,
        /// Vorm van het concept
        #[arg(long, short, value_enum, default_value = "md", value_name = "VORM")]
        format: crate::procedure::ProcedureFormat,
        /// Schrijf naar dit bestand in plaats van naar stdout (alleen leesbaar voor u)
        #[arg(long, short, value_name = "BESTAND")]
        output: Option<PathBuf>,
        /// Vervang een bestaand bestand (nooit via een koppeling of over een beoordeling)
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Schrijf een blanco antwoordblad (CSV) of een papieren vragenlijst (HTML, A4)
    Sheet {
        /// Voor de instrumenten van deze beoordeling (anders de standaardinstrumenten)
        #[arg(value_name = "NAAM")]
        name: Option<String>,
        /// Vorm van het blad
        #[arg(long, short, value_enum, default_value = "csv", value_name = "VORM")]
        format: SheetFormat,
        /// Schrijf naar dit bestand in plaats van naar stdout (alleen leesbaar voor u)
        #[arg(long, short, value_name = "BESTAND")]
        output: Option<PathBuf>,
        /// Vervang een bestaand bestand (nooit via een koppeling of over een beoordeling)
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Voeg respondenten toe uit een ingevuld antwoordblad (.csv) of een andere beoordeling (.ron)
    Import {
        /// De beoordeling die de respondenten krijgt (korte naam of pad)
        #[arg(value_name = "DOEL")]
        target: String,
        /// Antwoordblad (.csv) of beoordeling (.ron)
        #[arg(value_name = "BESTAND")]
        file: PathBuf,
    },
    /// Vergelijk twee rondes (A de eerdere, B de latere)
    Compare {
        /// De eerdere ronde (korte naam of pad)
        a: String,
        /// De latere ronde (korte naam of pad)
        b: String,
        /// Vorm van de vergelijking
        #[arg(long, short, value_enum, default_value = "text", value_name = "VORM")]
        format: crate::report::CompareFormat,
        /// Schrijf naar dit bestand in plaats van naar stdout (alleen leesbaar voor u)
        #[arg(long, short, value_name = "BESTAND")]
        output: Option<PathBuf>,
        /// Vervang een bestaand bestand (nooit via een koppeling of over een beoordeling)
        #[arg(long, requires = "output")]
        force: bool,
    },
    /// Schrijf een aanvulscript voor een shell naar stdout
    Completions {
        /// De shell
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum SheetFormat {
    Csv,
    Html,
}

fn open_store(dir: Option<PathBuf>) -> Result<Store, String> {
    let dir = dir.or_else(Store::default_dir).ok_or_else(|| {
        "Geen gegevensmap gevonden voor deze gebruiker; geef er een op met --data-dir of GOUDENOOR_DATA_DIR.".to_string()
    })?;
    Store::open(dir).map_err(|e| e.to_string())
}

/// Write to the file the user named (never over an existing file without `force`, never
/// through a link, owner-only) or to stdout.
fn write_out(
    output: Option<PathBuf>,
    bytes: &[u8],
    force: bool,
    store: Option<&Store>,
) -> Result<(), String> {
    let protect = crate::output::Protected {
        data_dir: store.map(|s| s.dir().to_path_buf()),
        sources: Vec::new(),
    };
    match output {
        Some(out) => crate::output::write_file(&out, bytes, force, &protect),
        None => std::io::stdout()
            .write_all(bytes)
            .map_err(|e| format!("schrijven naar stdout mislukt: {e}")),
    }
}

/// Run the command line; errors go to stderr with a non-zero exit.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            let _ = writeln!(std::io::stderr(), "goudenoor: {message}");
            ExitCode::FAILURE
        }
    }
}

fn load(
    store: &Store,
    name: &str,
    instruments: &Instruments,
) -> Result<(PathBuf, Assessment), String> {
    let path = store.resolve(name).map_err(|e| e.to_string())?;
    let assessment = crate::store::load_with(&path, instruments).map_err(|e| e.to_string())?;
    Ok((path, assessment))
}

/// `goudenoor instruments [ID]`.
fn instruments_text(instruments: &Instruments, id: Option<&str>) -> Result<String, String> {
    let mut out = String::new();
    match id {
        None => {
            for inst in instruments.iter() {
                let default = crate::domain::DEFAULT_INSTRUMENTS.contains(&inst.id.as_str());
                out.push_str(&format!(
                    "{}\t{}\t{}{}\n",
                    inst.id,
                    inst.title,
                    inst.kind.name(),
                    if default { "\tstandaard" } else { "" }
                ));
            }
        }
        Some(id) => {
            let inst = instruments.get(id).ok_or_else(|| {
                format!(
                    "geen instrument \"{}\"; bekend zijn: {}",
                    crate::text::plain(id),
                    instruments
                        .iter()
                        .map(|i| i.id.clone())
                        .collect::<Vec<_>>()
                        .join(", ")
                )
            })?;
            out.push_str(&format!(
                "{} — {} (versie {})\n",
                inst.id, inst.title, inst.version
            ));
            for item in inst.items() {
                let what = match item.kind {
                    ItemKind::Level { levels } => {
                        let names = inst.grid().map(|g| g.levels.join("/")).unwrap_or_default();
                        format!("niveau 1–{levels} ({names}); doel met {}_doel", item.id)
                    }
                    ItemKind::Rating { min, max } => format!("beoordeling {min}–{max}"),
                    ItemKind::Criterion => "ja / nee / open".into(),
                    ItemKind::Check => "ja / deels / nee / nvt / open".into(),
                    ItemKind::Measurement(m) => format!(
                        "meting in {} ({}–{}), norm {}",
                        m.unit,
                        m.min,
                        m.max,
                        m.threshold_text()
                    ),
                    ItemKind::Input(i) => {
                        format!("invoer{}", if i.optional { " (optioneel)" } else { "" })
                    }
                    ItemKind::Field(_) => "veld".into(),
                };
                let scope = match item.scope {
                    Scope::Respondent => "",
                    Scope::Organisation => " · organisatie",
                };
                let label: String = item.label.chars().take(60).collect();
                out.push_str(&format!("{}\t{label}\t{what}{scope}\n", item.id));
            }
        }
    }
    Ok(out)
}

pub fn run(cli: Cli) -> Result<(), String> {
    let instruments = Instruments::embedded();
    match cli.command {
        None => {
            let store = open_store(cli.data_dir)?;
            crate::tui::run(store, None).map_err(|e| format!("terminalfout: {e}"))
        }
        Some(Command::Open { name }) => {
            let store = open_store(cli.data_dir)?;
            let (path, _) = load(&store, &name, instruments)?;
            crate::tui::run(store, Some(path)).map_err(|e| format!("terminalfout: {e}"))
        }
        Some(Command::New {
            title,
            org,
            instruments: chosen,
        }) => {
            if title.trim().is_empty() {
                return Err(
                    "de titel is leeg; geef een titel op, bijv. goudenoor new \"Nulmeting 2026\""
                        .into(),
                );
            }
            let ids = chosen.unwrap_or_else(crate::domain::default_instruments);
            for id in &ids {
                if instruments.get(id).is_none() {
                    return Err(format!(
                        "--instruments: \"{}\" is geen instrument; bekend zijn: {}",
                        crate::text::plain(id),
                        instruments
                            .iter()
                            .map(|i| i.id.clone())
                            .collect::<Vec<_>>()
                            .join(", ")
                    ));
                }
            }
            let store = open_store(cli.data_dir)?;
            let assessment = Assessment::new(
                title.trim(),
                org.as_deref().unwrap_or("").trim(),
                instruments,
                &ids,
                jiff::Timestamp::now(),
            );
            let handle = store.create(&assessment).map_err(|e| e.to_string())?;
            let slug = handle
                .path()
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            println!("{slug}\t{}", handle.path().display());
            Ok(())
        }
        Some(Command::Instruments { id }) => {
            let text = instruments_text(instruments, id.as_deref())?;
            std::io::stdout()
                .write_all(text.as_bytes())
                .map_err(|e| e.to_string())
        }
        Some(Command::List) => {
            let store = open_store(cli.data_dir)?;
            store.slugs().map_err(|e| e.to_string())?;
            let dir = store.dir().to_path_buf();
            let entries = crate::app::Runtime::new(store, instruments).list();
            if entries.is_empty() {
                eprintln!(
                    "Nog geen beoordelingen in {}. Maak er een met: goudenoor new \"Titel\"",
                    dir.display()
                );
            }
            let mut out = std::io::stdout().lock();
            for entry in entries {
                let slug = crate::text::plain(&entry.slug);
                let line = match entry.listing {
                    Ok(l) => {
                        let figures: Vec<String> = l
                            .columns
                            .iter()
                            .map(|c| {
                                format!(
                                    "{} {}{}",
                                    c.short,
                                    c.value.clone().unwrap_or_else(|| "—".into()),
                                    c.trend
                                        .as_ref()
                                        .map(|t| format!(" {t}"))
                                        .unwrap_or_default()
                                )
                            })
                            .collect();
                        format!(
                            "{slug}\t{}\t{}\t{}%\t{}{}",
                            crate::text::plain(&l.title),
                            l.updated.strftime("%Y-%m-%d"),
                            l.progress,
                            figures.join("\t"),
                            l.series
                                .map(|s| format!("\tronde {}", s.round))
                                .unwrap_or_default(),
                        )
                    }
                    Err(e) => format!("{slug}\tBESCHADIGD: {}", crate::text::plain(&e)),
                };
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        Some(Command::Set { name, settings }) => {
            let store = open_store(cli.data_dir)?;
            let path = store.resolve(&name).map_err(|e| e.to_string())?;
            let mut handle = crate::store::Handle::open(&path).map_err(|e| e.to_string())?;
            if handle.is_read_only() {
                return Err(crate::store::StoreError::Locked { path }.to_string()
                    + " Sluit het daar eerst.");
            }
            let mut assessment = handle.load_with(instruments).map_err(|e| e.to_string())?;
            // All or nothing: every value is checked before anything is saved.
            let mut errors = Vec::new();
            for setting in &settings {
                let Some((id, value)) = setting.split_once('=') else {
                    errors.push(format!(
                        "\"{}\" is geen ITEM=WAARDE (bijv. go3=goed)",
                        crate::text::plain(setting)
                    ));
                    continue;
                };
                if let Err(e) =
                    crate::domain::setting::set(instruments, &mut assessment, id.trim(), value)
                {
                    errors.push(crate::text::plain(&e));
                }
            }
            if !errors.is_empty() {
                return Err(format!(
                    "niets gewijzigd in {}:\n  {}",
                    path.display(),
                    errors.join("\n  ")
                ));
            }
            assessment
                .respondents
                .iter_mut()
                .for_each(|r| r.answers.tidy());
            assessment.agreed.tidy();
            assessment.facts.tidy();
            assessment.updated = jiff::Timestamp::now();
            handle.save(&assessment).map_err(|e| e.to_string())?;
            println!("{} gewijzigd in {}", settings.len(), path.display());
            Ok(())
        }
        Some(Command::Report {
            name,
            format,
            output,
            force,
            anonymous,
            confidential,
        }) => {
            let store = open_store(cli.data_dir)?;
            let (path, assessment) = load(&store, &name, instruments)?;
            let color = output.is_none()
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
                && crate::tui::colour_wanted()
                && std::env::var("TERM").is_ok_and(|t| t != "dumb");
            // The previous round of the same series, for the trend on page 1.
            let previous = assessment.series.as_ref().and_then(|series| {
                store
                    .list()
                    .ok()?
                    .into_iter()
                    .filter(|e| e.path != path)
                    .filter_map(|e| e.assessment.ok())
                    .filter(|a| {
                        a.series
                            .as_ref()
                            .is_some_and(|s| s.id == series.id && s.round < series.round)
                    })
                    .max_by_key(|a| a.series.as_ref().map(|s| s.round))
            });
            if format == crate::report::Format::Xlsx
                && output.is_none()
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
            {
                return Err("een xlsx-bestand hoort niet in de terminal; geef een bestand op met -o rapport.xlsx".into());
            }
            let options = crate::report::Options {
                color,
                anonymous,
                confidential,
                previous: previous.as_ref(),
            };
            let report = crate::report::render(instruments, &assessment, format, options);
            write_out(output, &report, force, Some(&store))
        }
        Some(Command::Procedure {
            name,
            format,
            output,
            force,
        }) => {
            let store = open_store(cli.data_dir)?;
            let (_, assessment) = load(&store, &name, instruments)?;
            let answers = assessment.result_answers(instruments);
            let doc = instruments
                .selected(&assessment.instrument_ids())
                .find_map(|inst| crate::domain::draft::build(inst, &assessment.organisation, &answers))
                .ok_or_else(|| {
                    format!(
                        "\"{}\" bevat de klachtenprocedure-check niet; maak een beoordeling met --instruments …,klachtenprocedure",
                        crate::text::plain(&assessment.title)
                    )
                })?;
            let date = assessment
                .updated
                .to_zoned_datetime(jiff::tz::TimeZone::system())
                .strftime("%d-%m-%Y")
                .to_string();
            let text = match format {
                crate::procedure::ProcedureFormat::Md => crate::procedure::markdown(&doc, &date),
                crate::procedure::ProcedureFormat::Html => crate::procedure::html_page(&doc, &date),
            };
            write_out(output, text.as_bytes(), force, Some(&store))
        }
        Some(Command::Sheet {
            name,
            format,
            output,
            force,
        }) => {
            let (included, store) = match name {
                Some(name) => {
                    let store = open_store(cli.data_dir)?;
                    let (_, assessment) = load(&store, &name, instruments)?;
                    (assessment.instrument_ids(), Some(store))
                }
                None => (crate::domain::default_instruments(), None),
            };
            let text = match format {
                SheetFormat::Csv => crate::import::blank_sheet(instruments, &included),
                SheetFormat::Html => crate::paper::render(instruments, &included),
            };
            write_out(output, text.as_bytes(), force, store.as_ref())
        }
        Some(Command::Import { target, file }) => {
            let store = open_store(cli.data_dir)?;
            let path = store.resolve(&target).map_err(|e| e.to_string())?;
            let mut handle = crate::store::Handle::open(&path).map_err(|e| e.to_string())?;
            if handle.is_read_only() {
                return Err(crate::store::StoreError::Locked { path }.to_string()
                    + " Sluit het daar eerst, of importeer in de app (t, dan i).");
            }
            let mut assessment = handle.load_with(instruments).map_err(|e| e.to_string())?;
            let respondents = crate::import::read_respondents(instruments, &assessment, &file)
                .map_err(|e| e.to_string())?;
            if respondents.is_empty() {
                return Err(format!(
                    "{} bevat geen respondenten met antwoorden",
                    file.display()
                ));
            }
            let warnings = crate::app::team::import_warnings(
                instruments,
                &assessment.instrument_ids(),
                &respondents,
            );
            let names = crate::import::import_into(&mut assessment, respondents);
            assessment.updated = jiff::Timestamp::now();
            handle.save(&assessment).map_err(|e| e.to_string())?;
            println!(
                "{} respondent(en) toegevoegd aan {}: {}",
                names.len(),
                path.display(),
                names
                    .iter()
                    .map(|n| crate::text::plain(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            for warning in warnings {
                eprintln!("let op: {}", crate::text::plain(&warning));
            }
            Ok(())
        }
        Some(Command::Compare {
            a,
            b,
            format,
            output,
            force,
        }) => {
            let store = open_store(cli.data_dir)?;
            let (path_a, a) = load(&store, &a, instruments)?;
            let (path_b, b) = load(&store, &b, instruments)?;
            if std::fs::canonicalize(&path_a).ok() == std::fs::canonicalize(&path_b).ok() {
                return Err(
                    "dit is twee keer dezelfde beoordeling; kies twee verschillende rondes".into(),
                );
            }
            let text = crate::report::render_comparison(instruments, &a, &b, format)
                .map_err(|e| e.to_string())?;
            write_out(output, text.as_bytes(), force, Some(&store))
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(
                shell,
                &mut Cli::command(),
                "goudenoor",
                &mut std::io::stdout(),
            );
            Ok(())
        }
    }
}
