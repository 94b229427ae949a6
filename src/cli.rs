//! The command line: `goudenoor [COMMAND]`.

use crate::domain::{Assessment, Instruments};
use crate::store::Store;
use clap::{CommandFactory, Parser, Subcommand};
use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Debug, Parser)]
#[command(
    name = "goudenoor",
    version,
    about = "Zelfevaluatie van klacht- en feedbackmanagement: Gouden Oor Maturity Check en Stv normenkader",
    long_about = "Zelfevaluatie van klacht- en feedbackmanagement: de 9 paradigmashifts van de Gouden Oor Maturity Check (aardig, goed, prima, goud) en de 4 onderdelen van het Stv normenkader Klacht- en feedbackmanagement (score 1–5).\n\nZonder opdracht opent de app op het overzicht van beoordelingen."
)]
pub struct Cli {
    /// Map met beoordelingen (standaard de gegevensmap van deze gebruiker)
    #[arg(long, global = true, env = "GOUDENOOR_DATA_DIR", value_name = "DIR")]
    pub data_dir: Option<PathBuf>,
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Maak een nieuwe beoordeling en toon waar die staat
    New {
        /// Titel, bijv. "Nulmeting 2026"
        title: String,
        /// Organisatie
        #[arg(long)]
        org: Option<String>,
    },
    /// Toon de beoordelingen: korte naam, titel, datum, voortgang en scores
    List,
    /// Open de app op één beoordeling
    Open {
        /// Korte naam (zoals `list` die toont) of pad naar een bestand
        name: String,
    },
    /// Maak een rapport: tekst, Markdown, HTML, JSON of CSV
    Report {
        /// Korte naam (zoals `list` die toont) of pad naar een bestand
        name: String,
        /// Vorm van het rapport
        #[arg(long, short, value_enum, default_value = "text")]
        format: crate::report::Format,
        /// Schrijf naar dit bestand in plaats van naar stdout
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
        /// Respondenten als A, B, C … in plaats van hun namen
        #[arg(long)]
        anonymous: bool,
    },
    /// Schrijf een blanco antwoordblad (CSV) voor een workshop
    Sheet {
        /// Schrijf naar dit bestand in plaats van naar stdout
        #[arg(long, short, value_name = "FILE")]
        output: Option<PathBuf>,
    },
    /// Voeg respondenten toe uit een ingevuld antwoordblad (.csv) of een andere beoordeling (.ron)
    Import {
        /// De beoordeling die de respondenten krijgt (korte naam of pad)
        target: String,
        /// Antwoordblad (.csv) of beoordeling (.ron)
        file: PathBuf,
    },
    /// Vergelijk twee rondes (A de eerdere, B de latere)
    Compare {
        /// De eerdere ronde (korte naam of pad)
        a: String,
        /// De latere ronde (korte naam of pad)
        b: String,
        #[arg(long, short, value_enum, default_value = "text")]
        format: crate::report::CompareFormat,
        /// Schrijf naar dit bestand in plaats van naar stdout
        #[arg(long, short, value_name = "OUT")]
        output: Option<PathBuf>,
    },
    /// Schrijf een aanvulscript voor een shell naar stdout
    Completions {
        #[arg(value_enum)]
        shell: clap_complete::Shell,
    },
}

fn open_store(dir: Option<PathBuf>) -> Result<Store, String> {
    let dir = dir.or_else(Store::default_dir).ok_or_else(|| {
        "Geen gegevensmap gevonden voor deze gebruiker; geef er een op met --data-dir of GOUDENOOR_DATA_DIR.".to_string()
    })?;
    Store::open(dir).map_err(|e| e.to_string())
}

fn write_out(output: Option<PathBuf>, text: &str) -> Result<(), String> {
    match output {
        Some(out) => std::fs::write(&out, text)
            .map_err(|e| format!("kan {} niet schrijven: {e}", out.display())),
        None => std::io::stdout()
            .write_all(text.as_bytes())
            .map_err(|e| e.to_string()),
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

pub fn run(cli: Cli) -> Result<(), String> {
    let instruments = Instruments::embedded();
    match cli.command {
        None => {
            let store = open_store(cli.data_dir)?;
            crate::tui::run(store, None).map_err(|e| format!("terminalfout: {e}"))
        }
        Some(Command::Open { name }) => {
            let store = open_store(cli.data_dir)?;
            let path = store.resolve(&name).map_err(|e| e.to_string())?;
            crate::store::load(&path).map_err(|e| e.to_string())?;
            crate::tui::run(store, Some(path)).map_err(|e| format!("terminalfout: {e}"))
        }
        Some(Command::New { title, org }) => {
            if title.trim().is_empty() {
                return Err(
                    "de titel is leeg; geef een titel op, bijv. goudenoor new \"Nulmeting 2026\""
                        .into(),
                );
            }
            let store = open_store(cli.data_dir)?;
            let assessment = Assessment::new(
                title.trim(),
                org.as_deref().unwrap_or("").trim(),
                instruments,
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
                let line = match entry.listing {
                    Ok(l) => {
                        let trend =
                            |t: Option<String>| t.map(|t| format!(" {t}")).unwrap_or_default();
                        format!(
                            "{}\t{}\t{}\t{}%\tGouden Oor {}{}\tStv {}{}{}",
                            entry.slug,
                            crate::report::plain(&l.title),
                            l.updated.strftime("%Y-%m-%d"),
                            l.progress,
                            l.gouden_oor.unwrap_or_else(|| "—".into()),
                            trend(l.trend_gouden_oor),
                            l.stv.unwrap_or_else(|| "—".into()),
                            trend(l.trend_stv),
                            l.series
                                .map(|s| format!("\tronde {}", s.round))
                                .unwrap_or_default(),
                        )
                    }
                    Err(e) => format!("{}\tBESCHADIGD: {}", entry.slug, crate::report::plain(&e)),
                };
                writeln!(out, "{line}").map_err(|e| e.to_string())?;
            }
            Ok(())
        }
        Some(Command::Report {
            name,
            format,
            output,
            anonymous,
        }) => {
            let store = open_store(cli.data_dir)?;
            let path = store.resolve(&name).map_err(|e| e.to_string())?;
            let assessment = crate::store::load(&path).map_err(|e| e.to_string())?;
            let color = output.is_none()
                && std::io::IsTerminal::is_terminal(&std::io::stdout())
                && crate::tui::colour_wanted();
            let options = crate::report::Options { color, anonymous };
            let report = crate::report::render(instruments, &assessment, format, options);
            write_out(output, &report)
        }
        Some(Command::Sheet { output }) => {
            let sheet = crate::import::blank_sheet(instruments);
            match output {
                Some(out) => {
                    if out.exists() {
                        return Err(format!(
                            "{} bestaat al; kies een andere naam (er wordt niets overschreven)",
                            out.display()
                        ));
                    }
                    std::fs::write(&out, sheet)
                        .map_err(|e| format!("kan {} niet schrijven: {e}", out.display()))
                }
                None => std::io::stdout()
                    .write_all(sheet.as_bytes())
                    .map_err(|e| e.to_string()),
            }
        }
        Some(Command::Import { target, file }) => {
            let store = open_store(cli.data_dir)?;
            let path = store.resolve(&target).map_err(|e| e.to_string())?;
            let mut handle = crate::store::Handle::open(&path).map_err(|e| e.to_string())?;
            if handle.is_read_only() {
                return Err(crate::store::StoreError::Locked { path }.to_string()
                    + " Sluit het daar eerst, of importeer in de app (t, dan i).");
            }
            let mut assessment = handle.load().map_err(|e| e.to_string())?;
            let respondents =
                crate::import::read_respondents(instruments, &file).map_err(|e| e.to_string())?;
            if respondents.is_empty() {
                return Err(format!(
                    "{} bevat geen respondenten met antwoorden",
                    file.display()
                ));
            }
            let names = crate::import::import_into(&mut assessment, respondents);
            assessment.updated = jiff::Timestamp::now();
            handle.save(&assessment).map_err(|e| e.to_string())?;
            println!(
                "{} respondent(en) toegevoegd aan {}: {}",
                names.len(),
                path.display(),
                names
                    .iter()
                    .map(|n| crate::report::plain(n))
                    .collect::<Vec<_>>()
                    .join(", ")
            );
            Ok(())
        }
        Some(Command::Compare {
            a,
            b,
            format,
            output,
        }) => {
            let store = open_store(cli.data_dir)?;
            let load = |name: &str| {
                store
                    .resolve(name)
                    .and_then(|path| crate::store::load(&path))
                    .map_err(|e| e.to_string())
            };
            let (a, b) = (load(&a)?, load(&b)?);
            let text = crate::report::render_comparison(instruments, &a, &b, format);
            write_out(output, &text)
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
