//! The command line: `goudenoor [COMMAND]`.

use crate::domain::{Assessment, Instruments, ItemKind, Scope};
use crate::store::Store;
use clap::error::{ContextKind, ContextValue, ErrorKind};
use clap::{Arg, ArgAction, CommandFactory, FromArgMatches, Parser, Subcommand};
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
        /// CSV zoals Nederlandse Excel die verwacht: puntkomma's, BOM, CRLF (alleen bij --format csv)
        #[arg(long)]
        excel: bool,
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
    /// Start de live workshop: deelnemers antwoorden op hun eigen telefoon (QR-code of code)
    Live {
        /// Korte naam (zoals `list` die toont) of pad naar een bestand
        #[arg(value_name = "NAAM")]
        name: String,
        /// Het adres om op te luisteren (standaard het netwerkadres van deze laptop)
        #[arg(long, value_name = "ADRES")]
        bind: Option<std::net::IpAddr>,
        /// De poort (standaard 8137, of een vrije)
        #[arg(long, value_name = "POORT")]
        port: Option<u16>,
        /// Deelnemers geven geen naam; ze heten "Deelnemer 1", "Deelnemer 2", …
        #[arg(long)]
        anonymous: bool,
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
    data_dir: Option<PathBuf>,
    sources: Vec<PathBuf>,
) -> Result<(), String> {
    // Never over an assessment: not in the data folder, not over the ones read.
    let protect = crate::output::Protected { data_dir, sources };
    match output {
        Some(out) => crate::output::write_file(&out, bytes, force, &protect),
        None => match std::io::stdout().write_all(bytes) {
            // The reader (e.g. `head`) has what it wanted.
            Err(e) if e.kind() == std::io::ErrorKind::BrokenPipe => Ok(()),
            other => other.map_err(|e| {
                format!(
                    "schrijven naar stdout mislukt: {}",
                    crate::output::io_error_nl(&e)
                )
            }),
        },
    }
}

/// Clap's help layout with a Dutch usage heading.
const HELP_TEMPLATE: &str = "{about-with-newline}\nGebruik: {usage}\n\n{all-args}{after-help}";

/// One command in Dutch: headings, the help and version flags, and what clap would add in
/// English to an option's help (possible values, default, environment variable).
fn dutch(cmd: clap::Command, root: bool) -> clap::Command {
    // Arguments in the order they are defined (clap sorts custom headings by name).
    let mut order = 0;
    let cmd = cmd
        .help_template(HELP_TEMPLATE)
        .subcommand_help_heading("Opdrachten")
        .subcommand_value_name("OPDRACHT")
        .disable_help_flag(true)
        .mut_args(|arg| {
            let mut extra = Vec::new();
            if arg.get_action().takes_values() {
                let values: Vec<String> = arg
                    .get_possible_values()
                    .iter()
                    .filter(|v| !v.is_hide_set())
                    .map(|v| v.get_name().to_string())
                    .collect();
                if !values.is_empty() {
                    extra.push(format!("mogelijk: {}", values.join(", ")));
                }
                let defaults: Vec<String> = arg
                    .get_default_values()
                    .iter()
                    .map(|v| v.to_string_lossy().into_owned())
                    .collect();
                if !defaults.is_empty() {
                    extra.push(format!("standaard: {}", defaults.join(", ")));
                }
            }
            if let Some(env) = arg.get_env() {
                extra.push(format!("of omgevingsvariabele {}", env.to_string_lossy()));
            }
            let heading = if arg.is_positional() {
                "Argumenten"
            } else {
                "Opties"
            };
            let help = arg.get_help().map(|h| h.to_string()).unwrap_or_default();
            let help = if extra.is_empty() {
                help
            } else {
                format!("{help} [{}]", extra.join("; "))
            };
            order += 1;
            let arg = arg
                .help(help)
                .help_heading(heading)
                .display_order(order)
                .hide_env(true);
            if arg.get_action().takes_values() {
                arg.hide_possible_values(true).hide_default_value(true)
            } else {
                arg
            }
        })
        .arg(
            Arg::new("help")
                .short('h')
                .long("help")
                .action(ArgAction::Help)
                .help("Toon deze hulp")
                .help_heading("Opties"),
        );
    if root {
        cmd.disable_version_flag(true).arg(
            Arg::new("version")
                .short('V')
                .long("version")
                .action(ArgAction::Version)
                .help("Toon het versienummer")
                .help_heading("Opties"),
        )
    } else {
        cmd
    }
}

/// The usage line of a built command in Dutch, without a heading.
fn dutch_usage(cmd: &mut clap::Command) -> String {
    let usage = cmd.render_usage().to_string();
    let usage = usage.trim_start_matches("Usage:").trim();
    usage
        .replace("[OPTIONS]", "[OPTIES]")
        .replace("[COMMAND]", "[OPDRACHT]")
}

const HELP_ABOUT: &str = "Toon de hulp bij goudenoor of bij een opdracht";

/// The command line as users meet it: the definition of [`Cli`], entirely in Dutch.
pub fn command() -> clap::Command {
    let mut cmd = dutch(Cli::command(), true).mut_subcommands(|sub| dutch(sub, false));
    cmd.build();
    let usage = dutch_usage(&mut cmd);
    for sub in cmd.get_subcommands_mut() {
        let mut built = std::mem::take(sub);
        let usage = dutch_usage(&mut built);
        built = built.override_usage(usage);
        if built.get_name() == "help" {
            // clap's own `help` command lists every command again, itself included.
            built = built
                .about(HELP_ABOUT)
                .help_template(HELP_TEMPLATE)
                .subcommand_help_heading("Opdrachten")
                .mut_args(|arg| arg.help("De opdracht waarover u hulp wilt"))
                .mut_subcommand("help", |help| help.about(HELP_ABOUT));
        }
        *sub = built;
    }
    cmd.override_usage(usage)
}

/// Parse `args` (the program name first) with Dutch help and errors.
pub fn try_parse_from<I, T>(args: I) -> Result<Cli, clap::Error>
where
    I: IntoIterator<Item = T>,
    T: Into<std::ffi::OsString> + Clone,
{
    let matches = command().try_get_matches_from(args)?;
    Cli::from_arg_matches(&matches)
}

fn context_string(error: &clap::Error, kind: ContextKind) -> Option<String> {
    match error.get(kind)? {
        ContextValue::String(s) => Some(s.clone()),
        ContextValue::Strings(v) => Some(v.join(", ")),
        ContextValue::StyledStr(s) => Some(s.to_string()),
        ContextValue::StyledStrs(v) => Some(
            v.iter()
                .map(|s| s.to_string())
                .collect::<Vec<_>>()
                .join(", "),
        ),
        ContextValue::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// A command-line error as a Dutch message: what is wrong, the usage line, where to read more.
pub fn clap_error_nl(error: &clap::Error) -> String {
    let get = |kind| context_string(error, kind);
    let arg = get(ContextKind::InvalidArg).unwrap_or_default();
    let suggestion = [
        ContextKind::SuggestedArg,
        ContextKind::SuggestedSubcommand,
        ContextKind::SuggestedValue,
    ]
    .into_iter()
    .find_map(|kind| match error.get(kind)? {
        ContextValue::String(s) => Some(vec![s.clone()]),
        ContextValue::Strings(v) => Some(v.clone()),
        _ => None,
    })
    .map(|options| {
        let quoted: Vec<String> = options.iter().map(|o| format!("'{o}'")).collect();
        format!(" Bedoelt u {}?", quoted.join(" of "))
    })
    .unwrap_or_default();
    let sentence = match error.kind() {
        ErrorKind::InvalidValue => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            if value.is_empty() {
                format!("{arg} heeft een waarde nodig, maar er staat er geen achter.")
            } else {
                let valid = get(ContextKind::ValidValue)
                    .map(|v| format!(" Mogelijk zijn: {v}."))
                    .unwrap_or_default();
                format!("'{value}' is geen geldige waarde voor {arg}.{valid}")
            }
        }
        ErrorKind::UnknownArgument => {
            if arg.starts_with('-') {
                format!("de optie '{arg}' bestaat niet.")
            } else {
                format!(
                    "'{arg}' is hier één argument te veel. Zet een titel of pad met spaties tussen aanhalingstekens."
                )
            }
        }
        ErrorKind::InvalidSubcommand => {
            let name = get(ContextKind::InvalidSubcommand).unwrap_or_default();
            let all: Vec<String> = Cli::command()
                .get_subcommands()
                .map(|s| s.get_name().to_string())
                .collect();
            format!(
                "de opdracht '{name}' bestaat niet. Opdrachten zijn: {}.",
                all.join(", ")
            )
        }
        ErrorKind::MissingRequiredArgument => {
            format!("er ontbreekt een verplicht argument: {arg}.")
        }
        ErrorKind::MissingSubcommand | ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            "er ontbreekt een opdracht.".to_string()
        }
        ErrorKind::ArgumentConflict => {
            let prior = get(ContextKind::PriorArg).unwrap_or_default();
            format!("{arg} en {prior} gaan niet samen.")
        }
        ErrorKind::NoEquals => format!("{arg} verwacht een waarde met '=', bijv. {arg}=waarde."),
        ErrorKind::ValueValidation => {
            let value = get(ContextKind::InvalidValue).unwrap_or_default();
            format!("'{value}' is geen geldige waarde voor {arg}.")
        }
        ErrorKind::TooManyValues | ErrorKind::TooFewValues | ErrorKind::WrongNumberOfValues => {
            format!("{arg} heeft een ander aantal waarden nodig.")
        }
        ErrorKind::InvalidUtf8 => "een argument is geen geldige tekst (UTF-8).".to_string(),
        _ => "de opdrachtregel klopt niet.".to_string(),
    };
    let usage = get(ContextKind::Usage)
        .map(|u| {
            let u = u.trim();
            let u = u.strip_prefix("Usage:").unwrap_or(u).trim();
            format!("\n\nGebruik: {}", u.replace("[OPTIONS]", "[OPTIES]"))
        })
        .unwrap_or_default();
    format!(
        "{sentence}{suggestion}{usage}\n\nMeer uitleg: goudenoor --help, of goudenoor OPDRACHT --help"
    )
}

/// Run the command line; errors go to stderr with a non-zero exit.
pub fn main() -> ExitCode {
    let cli = match try_parse_from(std::env::args_os()) {
        Ok(cli) => cli,
        Err(e) => {
            if matches!(e.kind(), ErrorKind::DisplayHelp | ErrorKind::DisplayVersion) {
                let _ = e.print();
                return ExitCode::SUCCESS;
            }
            let _ = writeln!(std::io::stderr(), "goudenoor: {}", clap_error_nl(&e));
            return ExitCode::from(2);
        }
    };
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
                let label = crate::text::shorten(item.label, 60);
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
                        let figures: Vec<String> =
                            l.columns.iter().map(|c| c.describe(false)).collect();
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
            excel,
        }) => {
            if excel && format != crate::report::Format::Csv {
                return Err(
                    "--excel geldt alleen voor CSV; voeg --format csv toe of laat --excel weg"
                        .into(),
                );
            }
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
            let mut report = crate::report::render(instruments, &assessment, format, options);
            if excel {
                report = crate::report::excel_csv(&String::from_utf8_lossy(&report)).into_bytes();
            }
            write_out(
                output,
                &report,
                force,
                Some(store.dir().to_path_buf()),
                vec![path],
            )
        }
        Some(Command::Procedure {
            name,
            format,
            output,
            force,
        }) => {
            let store = open_store(cli.data_dir)?;
            let (path, assessment) = load(&store, &name, instruments)?;
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
            write_out(
                output,
                text.as_bytes(),
                force,
                Some(store.dir().to_path_buf()),
                vec![path],
            )
        }
        Some(Command::Sheet {
            name,
            format,
            output,
            force,
        }) => {
            let (included, data_dir, sources) = match name {
                Some(name) => {
                    let store = open_store(cli.data_dir)?;
                    let (path, assessment) = load(&store, &name, instruments)?;
                    (
                        assessment.instrument_ids(),
                        Some(store.dir().to_path_buf()),
                        vec![path],
                    )
                }
                // The data folder is protected but not created for a blank sheet.
                None => (
                    crate::domain::default_instruments(),
                    cli.data_dir.or_else(Store::default_dir),
                    Vec::new(),
                ),
            };
            let text = match format {
                SheetFormat::Csv => crate::import::blank_sheet(instruments, &included),
                SheetFormat::Html => crate::paper::render(instruments, &included),
            };
            write_out(output, text.as_bytes(), force, data_dir, sources)
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
            // The next `list` need not read this (possibly very large) file again.
            store.remember_summary(
                handle.path(),
                assessment.updated,
                &crate::app::runtime_listing(instruments, &assessment),
            );
            println!(
                "{} toegevoegd aan {}: {}",
                crate::text::count(names.len(), "respondent", "respondenten"),
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
            write_out(
                output,
                text.as_bytes(),
                force,
                Some(store.dir().to_path_buf()),
                vec![path_a, path_b],
            )
        }
        Some(Command::Live {
            name,
            bind,
            port,
            anonymous,
        }) => {
            let store = open_store(cli.data_dir)?;
            let (path, _) = load(&store, &name, instruments)?;
            let request = crate::app::LiveRequest {
                bind,
                port,
                anonymous,
            };
            crate::tui::run_with(store, Some(path), Some(request))
                .map_err(|e| format!("terminalfout: {e}"))
        }
        Some(Command::Completions { shell }) => {
            clap_complete::generate(shell, &mut command(), "goudenoor", &mut std::io::stdout());
            Ok(())
        }
    }
}
